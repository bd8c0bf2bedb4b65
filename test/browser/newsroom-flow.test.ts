/**
 * The newsroom end to end, in chromium against the real app: an editor signs in, writes
 * a Hindi story with a photo and its caption, schedules it, and it appears on the site at
 * its time with no request needed (the scheduler a server runs); then compares two
 * revisions and restores one.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { publishScheduled } from '../../src/jobs/publish-scheduled.ts';
import { type Scheduler, startScheduler } from '../../src/jobs/scheduler.ts';
import { toIsoWithOffset } from '../../src/lib/dates.ts';
import { openDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, RESULTS_DIR } from '../helpers/browser.ts';

const EMAIL = 'sampadak@example.test';
const PASSWORD = 'संपादक-का-पासवर्ड-1';
const HEADLINE = 'मानसून से पहले मुंबई में नालों की सफाई पूरी';
const BODY = 'नगर निगम ने बताया कि शहर के सभी बड़े नालों की सफ़ाई तय समय से पहले पूरी कर ली गई है।';

describe('the newsroom in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let scheduler: Scheduler;
  let page: Page;
  let articleId = 0;

  before(async () => {
    t = await openDemoApp('sqlite');
    await t.services.users.create({ email: EMAIL, name: 'संपादक', role: 'editor', password: PASSWORD });
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    // As a server process does: the scheduled-publishing job on a short interval.
    scheduler = startScheduler([{ name: 'publish-scheduled', run: () => publishScheduled(t.services) }], 100, () => {});
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  after(async () => {
    await scheduler?.stop();
    await browser?.close();
    await t?.close();
  });

  test('sign in, write a Hindi story with a photo and caption, schedule it, see it go live', async () => {
    await page.goto(`${origin}/admin`);
    assert.match(page.url(), /\/admin\/sign-in\?next=%2Fadmin$/);
    await page.fill('#email', EMAIL);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${origin}/admin`), page.click('form button[type=submit]')]);
    assert.ok(await page.getByText('संपादक', { exact: false }).first().isVisible());

    await page.selectOption('#new-section', { label: 'देश' });
    await Promise.all([page.waitForURL(/\/admin\/articles\/\d+\/edit$/), page.click('form.inline-form button[type=submit]')]);
    articleId = Number(/articles\/(\d+)\/edit/.exec(page.url())![1]);

    await page.fill('#headline', HEADLINE);
    await page.click('.body-editor-content');
    await page.keyboard.type(BODY);
    // A photo: uploaded through the picker with its alt text, caption and credit.
    await page.click('button[data-command=photo]');
    await page.click('.media-upload summary');
    const png = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#1f5f8b' } }).png().toBuffer();
    await page.setInputFiles('#media-upload input[type=file]', { name: 'naala.png', mimeType: 'image/png', buffer: png });
    await page.fill('#upload-alt', 'नाले की सफाई करते कर्मचारी');
    await page.fill('#upload-caption', 'अंधेरी में नाले की सफाई');
    await page.fill('#upload-credit', 'फोटो: समाचार');
    await page.click('#media-upload button[type=submit]');
    await page.locator('.editor-figure').first().waitFor();
    await page.keyboard.press('Control+s');
    await page.waitForFunction(async (id) => {
      const res = await fetch(`/admin/api/articles/${id}`);
      const { article } = await res.json();
      return article.headline.length > 0 && article.body.blocks.some((b: { type: string }) => b.type === 'image');
    }, articleId);

    const editor = (await t.services.users.list()).find((u) => u.email === EMAIL)!;
    const saved = await t.services.desk.get(editor, articleId);
    assert.equal(saved.headline, HEADLINE);
    assert.equal(saved.body.blocks[0]?.type, 'paragraph');
    assert.ok(JSON.stringify(saved.body).includes('सफ़ाई'), 'Devanagari with nukta kept as typed');

    // Schedule it ten minutes ahead of the server's clock (the form's time is IST).
    const start = t.services.now();
    const at = new Date(start.getTime() + 10 * 60_000);
    const local = toIsoWithOffset(at).slice(0, 16);
    const form = page.locator('form.workflow-form:has(input[name=to][value=scheduled])');
    await form.locator('input[name=publishAt]').fill(local);
    // The page is already at the edit address: wait for the new document, not for the URL.
    await Promise.all([page.waitForEvent('load'), form.locator('button').click()]);
    assert.equal(page.url(), `${origin}/admin/articles/${articleId}/edit`);
    assert.equal((await t.services.desk.get(editor, articleId)).status, 'scheduled');

    const site = await browser.newPage();
    assert.equal((await site.goto(`${origin}/desh`))?.status(), 200);
    assert.equal(await site.getByText(HEADLINE).count(), 0, 'not on the site before its time');

    // Time passes; the scheduler publishes it without any request.
    t.setNow(new Date(at.getTime() + 1000));
    for (let i = 0; i < 50 && (await t.services.desk.get(editor, articleId)).status !== 'published'; i++) await new Promise((r) => setTimeout(r, 100));
    await site.goto(`${origin}/desh`);
    assert.equal((await t.services.desk.get(editor, articleId)).status, 'published');
    await Promise.all([site.waitForLoadState('load'), site.getByRole('link', { name: HEADLINE }).first().click()]);
    await site.getByRole('heading', { level: 1, name: HEADLINE }).waitFor();
    assert.ok(await site.getByText('अंधेरी में नाले की सफाई').isVisible(), 'the caption shows under the photo');
    assert.ok(await site.getByText(BODY).isVisible());
    await site.screenshot({ path: path.join(RESULTS_DIR, 'newsroom-published-story.png') });
    await site.close();
  });

  test('compare two revisions side by side and restore the older one', async () => {
    await page.goto(`${origin}/admin/articles/${articleId}/edit`);
    await page.fill('#headline', `${HEADLINE} — अपडेट`);
    await page.keyboard.press('Control+s');
    await page.waitForFunction(async (id) => {
      const { article } = await (await fetch(`/admin/api/articles/${id}`)).json();
      return article.headline.endsWith('अपडेट');
    }, articleId);
    const { revisions } = await (await page.request.get(`${origin}/admin/api/articles/${articleId}/revisions`)).json();
    const latest = revisions[0].number as number;
    const older = revisions.find((r: { number: number }) => r.number < latest).number as number;
    await page.goto(`${origin}/admin/articles/${articleId}/revisions?a=${older}&b=${latest}`);
    assert.ok(await page.locator('.diff-new ins', { hasText: 'अपडेट' }).first().isVisible(), 'the added words are marked');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'newsroom-revisions.png'), fullPage: true });
    await Promise.all([page.waitForURL(`${origin}/admin/articles/${articleId}/edit`), page.click(`form[action$="/revisions/${older}/restore"] button`)]);
    assert.equal(await page.inputValue('#headline'), HEADLINE);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'newsroom-editor.png'), fullPage: true });
  });
});
