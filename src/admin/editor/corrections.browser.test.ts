/**
 * Corrections, the story's language and its translation link in the real editor, in
 * chromium against the real app (demo site on SQLite, a signed-in editor): a correction
 * added in the editor is sent with the save, gets its date from the server and keeps it,
 * reaches readers only with Update (Ctrl+Shift+P), and the side panel links a translation
 * found by headline, saying why a wrong choice is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { launchBrowser } from '../../../test/helpers/browser.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import { articlePath } from '../../domain/articles/article.ts';

describe('corrections and translations in the editor (browser)', () => {
  let t: TestApp;
  let editor: Actor;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let id = 0;
  let englishId = 0;
  let hindiId = 0;
  let path = '';
  const problems: string[] = [];

  const publish = async (headline: string, lang?: string): Promise<number> => {
    const section = (await t.services.sections.list())[0]!;
    const story = await t.services.desk.createDraft(editor.user, { sectionId: section.id, headline });
    await t.services.desk.update(editor.user, story, { dek: 'सार', body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] }, ...(lang ? { lang } : {}) });
    await t.services.desk.transition(editor.user, story, 'published');
    return story;
  };

  before(async () => {
    t = await openDemoApp('sqlite');
    editor = await actor(t.services, 'editor');
    id = await publish('सुधार की परख वाली खबर');
    englishId = await publish('Translation test story in English', 'en');
    hindiId = await publish('एक और हिंदी खबर अनुवाद परख');
    path = articlePath((await t.services.articles.getPublic(id, t.services.now()))!);
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'samachar_session', value: editor.cookie.slice('samachar_session='.length), url: origin }]);
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${origin}/admin/articles/${id}/edit`);
    await page.waitForSelector('body.editor-ready');
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const saveNow = async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/admin/api/articles/${id}`),
      page.keyboard.press('Control+s'),
    ]);
    return response;
  };

  test('a correction is added, dated by the server, kept, and reaches readers on Update', async () => {
    await page.fill('#new-correction', 'पहले मंत्री का नाम गलत छपा था।');
    await page.click('#add-correction');
    assert.equal(await page.locator('#corrections-list [data-correction]').count(), 1);
    assert.equal(await page.inputValue('#new-correction'), '', 'the box empties for the next one');
    await page.focus('#headline');
    const response = await saveNow();
    assert.equal(response.status(), 200);
    const sent = JSON.parse(response.request().postData() ?? '{}') as { corrections: { text: string; date?: string }[] };
    assert.deepEqual(sent.corrections, [{ text: 'पहले मंत्री का नाम गलत छपा था।' }], 'a new correction goes without a date');
    const date = await page.getAttribute('#corrections-list [data-correction]', 'data-date');
    assert.ok(date && !Number.isNaN(Date.parse(date)), 'the server’s date is put on the item');

    // Saved but not Updated: readers do not see it.
    assert.ok(!(await t.app.inject({ method: 'GET', url: path })).body.includes('पहले मंत्री का नाम गलत छपा था।'));

    await page.fill('#dek', 'सार, बदला हुआ');
    const again = await saveNow();
    const resent = JSON.parse(again.request().postData() ?? '{}') as { corrections: { text: string; date?: string }[] };
    assert.equal(resent.corrections[0]!.date, date, 'a later save sends the date back, so it never moves');

    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Control+Shift+P')]);
    const live = (await t.app.inject({ method: 'GET', url: path })).body;
    assert.ok(live.includes('पहले मंत्री का नाम गलत छपा था।'), 'Update puts it in front of readers');
    await page.waitForSelector('body.editor-ready');
    assert.equal(await page.getAttribute('#corrections-list [data-correction]', 'data-date'), date, 'the reloaded editor shows it with its date');
  });

  test('an empty correction is refused next to the field, nothing saved', async () => {
    const before = await t.services.desk.get(editor.user, id);
    await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('#corrections-list textarea')!;
      area.value = '   ';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const response = await saveNow();
    assert.equal(response.status(), 400);
    await page.waitForSelector('#error-corrections:not([hidden])');
    assert.equal((await t.services.desk.get(editor.user, id)).version, before.version);
  });

  test('the side panel links a translation found by headline, and says why a wrong one is refused', async () => {
    await page.reload();
    await page.waitForSelector('body.editor-ready');
    await page.fill('#translation-q', 'एक और हिंदी खबर');
    await page.press('#translation-q', 'Enter');
    await page.waitForSelector(`[data-link-translation="${hindiId}"]`);
    await page.click(`[data-link-translation="${hindiId}"]`);
    await page.waitForSelector('#error-translationId:not([hidden])');
    assert.match((await page.textContent('#error-translationId')) ?? '', /दूसरी भाषा|another language/);

    await page.fill('#translation-q', 'Translation test story');
    await page.press('#translation-q', 'Enter');
    await page.waitForSelector(`[data-link-translation="${englishId}"]`);
    await page.click(`[data-link-translation="${englishId}"]`);
    await page.waitForSelector('#translation-unlink:not([hidden])');
    assert.equal((await t.services.desk.get(editor.user, id)).translationId, englishId);
    assert.equal((await t.services.desk.get(editor.user, englishId)).translationId, id);
    assert.match((await t.app.inject({ method: 'GET', url: path })).body, /hreflang="en"/);

    await page.click('#translation-unlink');
    await page.waitForSelector('#translation-unlink[hidden]', { state: 'attached' });
    assert.equal((await t.services.desk.get(editor.user, id)).translationId, null);
    assert.deepEqual(problems, []);
  });
});
