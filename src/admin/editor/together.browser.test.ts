/**
 * A published story in the editor, in chromium against the real app (demo site on
 * SQLite): edits go to a pending version that readers do not see until Update; the
 * banner, Discard, Ctrl+Shift+P; two editors in two browser contexts see each other
 * (presence), a stale save gets the conflict dialog and "keep mine" loses nothing of
 * either; previews, phone-width and shared by a link that can be revoked. What readers
 * see is read through the public site (anonymous requests), what was stored through the
 * newsroom's services.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { launchBrowser } from '../../../test/helpers/browser.ts';
import type { Actor } from '../../../test/helpers/newsroom.ts';
import { articlePath, type EditableArticle } from '../../domain/articles/article.ts';
import type { Role } from '../../domain/users/user.ts';

describe('a live story in the editor, and two editors on one story', () => {
  let t: TestApp;
  let asha: Actor;
  let ravi: Actor;
  let browser: Browser;
  let origin: string;
  let id = 0;
  let publicPath = '';
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  /** Answers for confirm() dialogs, in order; an unexpected dialog is a problem. */
  const confirms: boolean[] = [];

  /** A newsroom account with a name of its own (the names are what presence shows). */
  async function person(role: Role, name: string): Promise<Actor> {
    const { user } = await t.services.users.create({ email: `${Math.random().toString(36).slice(2)}@example.test`, name, role, password: 'correct horse battery' });
    const session = await t.services.sessions.start(user.id);
    return { user, cookie: `samachar_session=${session.token}`, csrf: session.csrfToken };
  }

  async function open(who: Actor): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    await context.addCookies([{ name: 'samachar_session', value: who.cookie.slice('samachar_session='.length), url: origin }]);
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      // Refusals (409) are logged by chromium as failed loads; the editor shows them itself.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
    });
    page.on('dialog', (d) => {
      if (d.type() !== 'confirm' || confirms.length === 0) problems.push(`unexpected ${d.type()}: ${d.message()}`);
      void (confirms.shift() ? d.accept() : d.dismiss());
    });
    await page.goto(`${origin}/admin/articles/${id}/edit`);
    await page.waitForSelector('body.editor-ready');
    return page;
  }

  const stored = (): Promise<EditableArticle> => t.services.desk.get(asha.user, id);
  /** The public article page as an anonymous reader gets it. */
  const publicPage = async () => (await t.app.inject({ method: 'GET', url: publicPath })).body;

  async function until(what: string, check: () => boolean | Promise<boolean>, ms = 8000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const isPut = (r: { request(): { method(): string }; url(): string }) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/admin/api/articles/${id}`;
  async function ctrlS(page: Page): Promise<number> {
    const [response] = await Promise.all([page.waitForResponse(isPut, { timeout: 3000 }), page.keyboard.press('Control+s')]);
    return response.status();
  }

  before(async () => {
    t = await openDemoApp('sqlite');
    asha = await person('editor', 'आशा वर्मा');
    ravi = await person('editor', 'Ravi Kumar');
    const section = (await t.services.sections.list()).find((s) => s.slug === 'desh')!;
    id = await t.services.desk.createDraft(asha.user, { sectionId: section.id });
    await t.services.desk.update(asha.user, id, {
      headline: 'छपी हुई खबर',
      dek: 'छपा डेक',
      body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठकों वाला पैरा' }] }] },
    });
    await t.services.desk.transition(asha.user, id, 'published');
    const article = await stored();
    publicPath = articlePath({ id, slug: article.slug, section });
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('an autosave on a live story goes to a pending version: banner shown, readers see nothing new until Update', async () => {
    assert.match(await publicPage(), /छपी हुई खबर/);
    const page = await open(asha);
    assert.ok(!(await page.locator('#pending-banner').isVisible()), 'no banner without pending changes');
    assert.match((await page.textContent('.shortcuts')) ?? '', /अपडेट/, 'Ctrl+Shift+P updates here');

    await page.fill('#headline', 'आधी लिखी हेडलाइन');
    await until('the autosave', async () => /कार्य-प्रति/.test((await page.textContent('#save-status')) ?? ''));
    assert.ok(await page.locator('#pending-banner').isVisible(), 'the banner appears with the first pending change');
    assert.match((await page.textContent('#pending-banner')) ?? '', /अप्रकाशित बदलाव/);
    assert.ok(await page.locator('#update-now').isVisible());
    assert.ok(await page.locator('#discard-pending').isVisible());
    assert.equal(await page.locator('#submit-update').count(), 0, 'an editor updates; submitting is for reporters');
    const body = await publicPage();
    assert.match(body, /छपी हुई खबर/);
    assert.doesNotMatch(body, /आधी लिखी/, 'readers still see the published headline');

    // Ctrl+S on a live story: saved, still not live.
    assert.equal(await ctrlS(page), 200);
    assert.match((await page.textContent('#save-status')) ?? '', /अपडेट करने पर ही/);
    assert.doesNotMatch(await publicPage(), /आधी लिखी/);

    await Promise.all([page.waitForEvent('load'), page.click('#update-now')]);
    await page.waitForSelector('body.editor-ready');
    assert.ok(!(await page.locator('#pending-banner').isVisible()), 'nothing pending after Update');
    assert.match(await publicPage(), /आधी लिखी हेडलाइन/, 'readers see it on the next request');
    const after = await stored();
    assert.equal(after.status, 'published');
    assert.equal(after.pending, null);
    await page.context().close();
  });

  test('Discard asks first, then brings back the published version', async () => {
    const page = await open(asha);
    await page.fill('#dek', 'फेंकने वाला डेक');
    await until('the autosave', async () => (await stored()).dek === 'फेंकने वाला डेक');
    assert.ok(await page.locator('#pending-banner').isVisible());

    confirms.push(false);
    await page.click('#discard-pending');
    assert.equal(await page.inputValue('#dek'), 'फेंकने वाला डेक', 'cancelled: nothing thrown away');
    assert.equal((await stored()).dek, 'फेंकने वाला डेक');

    confirms.push(true);
    await Promise.all([page.waitForEvent('load'), page.click('#discard-pending')]);
    await page.waitForSelector('body.editor-ready');
    assert.equal(await page.inputValue('#dek'), 'छपा डेक');
    assert.ok(!(await page.locator('#pending-banner').isVisible()));
    assert.equal((await stored()).pending, null);
    assert.doesNotMatch(await publicPage(), /फेंकने वाला/);
    await page.context().close();
  });

  test('Ctrl+Shift+P on a live story saves and updates it', async () => {
    const page = await open(asha);
    await page.fill('#headline', 'शॉर्टकट से अपडेट');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Control+Shift+P')]);
    await page.waitForSelector('body.editor-ready');
    assert.match(await publicPage(), /शॉर्टकट से अपडेट/);
    assert.equal((await stored()).status, 'published');
    await page.context().close();
  });

  test('two editors see each other; a stale save gets the dialog, and "keep mine" keeps theirs as a revision', async () => {
    const pageA = await open(asha);
    const pageB = await open(ravi);
    // Each reports at once on load and every 5 s; A learns of B on A's next report.
    await until('A to see Ravi', async () => /Ravi Kumar/.test((await pageA.textContent('#presence')) ?? ''), 8000);
    await until('B to see Asha', async () => /आशा वर्मा/.test((await pageB.textContent('#presence')) ?? ''), 8000);
    assert.match((await pageA.textContent('#presence')) ?? '', /ये भी खोले हुए हैं/);
    assert.doesNotMatch((await pageA.textContent('#presence')) ?? '', /आशा/, 'nobody is listed as editing with themselves');

    await pageB.fill('#headline', 'रवि की हेडलाइन');
    assert.equal(await ctrlS(pageB), 200);
    const revisionsBefore = (await t.services.desk.history(asha.user, id)).revisions.length;

    await pageA.fill('#dek', 'आशा का डेक');
    assert.equal(await ctrlS(pageA), 409);
    const dialog = pageA.locator('#conflict-dialog');
    await until('the conflict dialog', () => dialog.isVisible());
    assert.match((await pageA.textContent('#conflict-text')) ?? '', /Ravi Kumar ने .* पर इस खबर का नया संस्करण सेव किया/);
    assert.equal(await pageA.inputValue('#dek'), 'आशा का डेक', 'what was typed stays');
    // Autosave is paused while the dialog is open: nothing more is sent.
    const puts: string[] = [];
    pageA.on('request', (r) => {
      if (r.method() === 'PUT') puts.push(r.postData() ?? '');
    });
    await pageA.keyboard.press('Escape');
    assert.ok(await dialog.isVisible(), 'Escape does not dismiss a choice that must be made');
    await pageA.waitForTimeout(3000);
    assert.deepEqual(puts, []);

    const [keep] = await Promise.all([pageA.waitForResponse(isPut), pageA.click('#conflict-keep')]);
    assert.equal(keep.status(), 200);
    const sent = JSON.parse(puts.at(-1)!) as Record<string, unknown>;
    assert.equal(sent.force, true);
    assert.equal(sent.autosave, undefined);
    await until('the dialog to close', async () => !(await dialog.isVisible()));
    const mine = await stored();
    assert.equal(mine.dek, 'आशा का डेक');
    assert.equal(mine.headline, 'शॉर्टकट से अपडेट', "A's whole version won, including A's headline");
    const revisions = (await t.services.desk.history(asha.user, id)).revisions;
    assert.ok(revisions.length >= revisionsBefore + 1, 'a revision more: theirs is kept to compare or restore');

    // B is now behind: B's page says so before B's next save fails.
    await until('the newer-version notice on B', () => pageB.locator('#newer-notice').isVisible(), 8000);
    assert.match((await pageB.textContent('#newer-text')) ?? '', /नया संस्करण सेव किया है/);
    assert.ok(!(await pageA.locator('#newer-notice').isVisible()), "A's own save is no news to A");

    // "Reload theirs" from B's side: the page comes back with A's version.
    await pageB.fill('#dek', 'रवि का डेक');
    assert.equal(await ctrlS(pageB), 409);
    await until('B to get the dialog', () => pageB.locator('#conflict-dialog').isVisible());
    await Promise.all([pageB.waitForEvent('load'), pageB.click('#conflict-reload')]);
    await pageB.waitForSelector('body.editor-ready');
    assert.equal(await pageB.inputValue('#dek'), 'आशा का डेक');
    await pageA.context().close();
    await pageB.context().close();
  });

  test('preview: phone width in a dialog, and a shared link that works until revoked', async () => {
    const page = await open(asha);
    assert.equal(await page.getAttribute('#preview-link', 'href'), `/admin/articles/${id}/preview`);
    assert.equal(await page.getAttribute('#preview-link', 'target'), '_blank');
    await page.fill('#headline', 'प्रीव्यू वाली हेडलाइन');
    await page.click('#phone-preview');
    const frame = page.frameLocator('#phone-preview-frame');
    await until('the preview', async () => /प्रीव्यू वाली हेडलाइन/.test((await frame.locator('h1').first().textContent({ timeout: 3000 }).catch(() => '')) ?? ''));
    const box = await page.locator('#phone-preview-frame').boundingBox();
    assert.equal(box?.width, 375, 'a phone-width frame');
    assert.doesNotMatch(await publicPage(), /प्रीव्यू वाली/, 'a preview publishes nothing');
    await page.click('#phone-preview-dialog button[type=submit]');

    await page.click('#create-preview-link');
    await until('the new link', () => page.locator('#new-preview-link').isVisible());
    const url = await page.inputValue('#new-preview-url');
    assert.match(url, /^https?:\/\/[^/]+\/preview\/[A-Za-z0-9_-]{43}$/);
    await until('the list', async () => (await page.locator('#preview-links li').count()) === 1);
    assert.match((await page.textContent('#preview-links li')) ?? '', /तक · आशा वर्मा ने बनाया/);
    const outside = async () => t.app.inject({ method: 'GET', url: new URL(url).pathname });
    const seen = await outside();
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /प्रीव्यू वाली हेडलाइन/);

    await page.click('#preview-links li button');
    await until('the list to empty', async () => (await page.locator('#preview-links li').count()) === 0);
    assert.equal(await page.textContent('#preview-links-message'), 'कोई चालू लिंक नहीं।');
    const revoked = await outside();
    assert.equal(revoked.statusCode, 404);
    assert.doesNotMatch(revoked.body, /प्रीव्यू वाली/);
    await page.context().close();
  });

  test('no script errors', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(confirms, [], 'every expected confirm was asked');
  });
});
