/**
 * Comments in chromium against the real app: a reader posts a Hindi comment with
 * JavaScript off (a mistake first: the message beside the field, the text kept; then the
 * redirect back with "awaiting moderation"), an editor signs in and approves it in the
 * queue, and it shows on the story. With JavaScript on, the form gets its token from the
 * uncached endpoint, shows a mistake without a reload, posts a Hindi comment and a reply
 * without a reload (both appear in place), with no console error and no CSP violation.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { articlePath } from '../../src/domain/articles/article.ts';
import { referenceArticle } from '../../src/demo/content/index.ts';
import { COMMENT_STRINGS } from '../../src/render/strings.ts';
import { openDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser, RESULTS_DIR } from '../helpers/browser.ts';
import { TEST_NOW } from '../helpers/databases.ts';

const EN = COMMENT_STRINGS.en;
const EDITOR = 'tippani.editor@example.test';
const PASSWORD = 'संपादक-का-पासवर्ड-2';
const READER = 'pathak.browser@example.in';
const NO_JS_TEXT = 'बहुत अच्छी रिपोर्ट। पुतिन और जिनपिंग की मुलाक़ात पर और खबरें दीजिए 🙏';
const JS_TEXT = 'जावास्क्रिप्ट से भेजी गई टिप्पणी: यह बिना पेज रीलोड के दिखनी चाहिए ✅';
const REPLY_TEXT = 'इस पर मेरा जवाब: सहमत हूं।';

describe('comments in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let refPath: string;
  let clock: NodeJS.Timeout;

  before(async () => {
    t = await openDemoApp('sqlite');
    await t.services.users.create({ email: EDITOR, name: 'टिप्पणी संपादक', role: 'editor', password: PASSWORD });
    // The server's clock moves with real time from the test's day, so the form token's minimum age passes as it would.
    const started = Date.now();
    clock = setInterval(() => t.setNow(new Date(TEST_NOW.getTime() + Date.now() - started)), 20);
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const latest = await t.services.articles.latest(t.services.now(), 50);
    refPath = articlePath(latest.find((a) => a.headline === referenceArticle.headline)!);
    browser = await launchBrowser();
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
  });
  after(async () => {
    clearInterval(clock);
    await browser?.close();
    await t?.close();
  });

  /** Fails the test on any console error (CSP violations are reported there) or page error. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      // The mistake's 400 answer is logged by chromium as a failed load; that one is expected.
      if (m.type() === 'error' && !/Failed to load resource: .* 400 \(Bad Request\)/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return problems;
  }

  test('JavaScript off: a mistake comes back beside its field; then the comment is held with a message', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(origin + refPath);
    await page.fill('#comment', NO_JS_TEXT);
    await page.fill('#author', 'राम प्रसाद');
    await page.fill('#email', 'not-an-email');
    await Promise.all([page.waitForLoadState('load'), page.click('#commentform button[type=submit]')]);
    assert.equal(await page.locator('#email-error').textContent(), 'Please enter a valid email address, like name@example.com.');
    assert.ok(await page.locator('#email-error').isVisible());
    assert.equal(await page.inputValue('#comment'), NO_JS_TEXT, 'the comment is kept');
    assert.equal(await page.inputValue('#author'), 'राम प्रसाद');
    await page.fill('#email', READER);
    await Promise.all([page.waitForURL(`${origin}${refPath}?held=1#respond`), page.click('#commentform button[type=submit]')]);
    assert.ok(await page.getByText(EN.held).isVisible());
    assert.equal(await page.getByText(NO_JS_TEXT).count(), 0, 'not shown before approval');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'comments-held-no-js.png'), fullPage: false });
    await context.close();
  });

  test('an editor approves it in the queue, and it shows on the story', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/admin/comments`);
    await page.fill('#email', EDITOR);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${origin}/admin/comments`), page.click('form button[type=submit]')]);
    assert.ok(await page.locator('#pending-count').getByText('1 टिप्पणी मंज़ूरी का इंतज़ार कर रही है').isVisible());
    const row = page.locator('tr', { hasText: NO_JS_TEXT });
    assert.ok(await row.getByText(READER).isVisible(), 'the editor sees the email');
    await Promise.all([page.waitForURL(/notice=1/), row.getByRole('button', { name: 'मंज़ूर करें' }).click()]);
    assert.ok(await page.getByText('1 टिप्पणी बदली गई।').isVisible());
    await page.screenshot({ path: path.join(RESULTS_DIR, 'comments-queue.png'), fullPage: false });
    await page.goto(origin + refPath);
    assert.ok(await page.getByText(NO_JS_TEXT).isVisible());
    await context.close();
  });

  test('JavaScript on: a mistake without a reload, then a Hindi comment and a reply appear in place', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watch(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(origin + refPath);
    await page.waitForFunction(() => (document.getElementById('comment-token') as HTMLInputElement | null)?.value !== '');
    assert.ok(requests.some((u) => u.includes('/api/comments/token?article=')), 'the token came from the uncached endpoint');
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));

    // A mistake: shown beside the field, nothing reloaded, the text kept.
    await page.fill('#comment', JS_TEXT);
    await page.fill('#author', 'राम प्रसाद');
    await page.fill('#email', 'pathak@');
    await page.click('#commentform button[type=submit]');
    await page.locator('#email-error').getByText('Please enter a valid email address').waitFor();
    assert.equal(await page.getAttribute('#email', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#comment'), JS_TEXT);
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page');

    // The known reader (approved before) is published at once.
    await page.fill('#email', READER);
    await page.click('#commentform button[type=submit]');
    const mine = page.locator('#comment-list > li', { hasText: JS_TEXT });
    await mine.waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('#comment-form-status').getByText(EN.published).isVisible());
    assert.equal(await page.inputValue('#comment'), '', 'the comment box is emptied');
    assert.equal(await page.getAttribute('#email', 'aria-invalid'), null, 'the mistake is cleared');
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page', 'no reload');

    // Reply under it: the form moves there, says whom it answers, and the reply lands in the thread.
    await page.waitForFunction(() => (document.getElementById('comment-token') as HTMLInputElement | null)?.value !== '');
    await mine.locator('a.comment-reply').first().click();
    assert.equal(await page.locator('#reply-title').textContent(), 'Reply to राम प्रसाद');
    assert.ok(await page.locator('#cancel-reply').isVisible());
    await page.fill('#comment', REPLY_TEXT);
    await page.click('#commentform button[type=submit]');
    await mine.locator('ol.comment-replies > li', { hasText: REPLY_TEXT }).waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('#reply-title').textContent(), EN.leaveReply, 'back to a new comment');
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: string }).marker), 'same page');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'comments-js.png'), fullPage: false });

    // Both are stored and published; reloading shows them in the same places.
    await page.reload();
    assert.ok(await page.locator('#comment-list > li', { hasText: JS_TEXT }).locator('ol.comment-replies').getByText(REPLY_TEXT).isVisible());
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await context.close();
  });

  test('JavaScript on: a new reader’s comment is held, with the message and no reload', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(origin + refPath);
    await page.waitForFunction(() => (document.getElementById('comment-token') as HTMLInputElement | null)?.value !== '');
    await page.fill('#comment', 'नया पाठक, पहली टिप्पणी');
    await page.fill('#author', 'सीता');
    await page.fill('#email', 'sita.nayi@example.in');
    await page.click('#commentform button[type=submit]');
    await page.locator('#comment-form-status').getByText(EN.held).waitFor({ timeout: 15_000 });
    const stored = await t.services.commentModeration.list((await t.services.users.list()).find((u) => u.email === EDITOR)!, { status: 'pending' }, 1, 5);
    assert.ok(stored.items.some((c) => c.body === 'नया पाठक, पहली टिप्पणी' && c.heldReason === 'first-comment'), 'held as a first comment, not caught as spam');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
