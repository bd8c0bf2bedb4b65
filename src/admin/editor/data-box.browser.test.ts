/**
 * The editor's "डेटा बॉक्स" button in chromium against the real app: a key typed into its
 * prompt goes in as a chip "डेटा बॉक्स: <key>" that cannot be typed into, and is saved as a
 * `dataBox` block; a bad key shows the Hindi message under the body and inserts nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { launchBrowser } from '../../../test/helpers/browser.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

describe('a data box in the editor', () => {
  let t: TestApp;
  let editor: Actor;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let id = 0;
  const answers: string[] = [];
  const problems: string[] = [];

  before(async () => {
    t = await openDemoApp('sqlite');
    editor = await actor(t.services, 'editor');
    const section = (await t.services.sections.list())[0]!;
    id = await t.services.desk.createDraft(editor.user, { sectionId: section.id });
    await t.services.desk.update(editor.user, id, { headline: 'चुनाव नतीजे', body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला पैरा' }] }] } });
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'samachar_session', value: editor.cookie.slice('samachar_session='.length), url: origin }]);
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      if (d.type() !== 'prompt') problems.push(`unexpected ${d.type()}: ${d.message()}`);
      void d.accept(answers.shift() ?? '');
    });
  });

  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('a bad key inserts nothing; a good key goes in as a chip and is saved', async () => {
    await page.goto(`${origin}/admin/articles/${id}/edit`);
    await page.waitForSelector('body.editor-ready');
    await page.click('.body-editor-content p >> nth=0');

    answers.push('Bad Key!');
    await page.click('button[data-command=dataBox]');
    await page.waitForSelector('text=डेटा बॉक्स की कुंजी में सिर्फ छोटे अंग्रेज़ी अक्षर');
    assert.equal(await page.locator('.editor-data-box').count(), 0);

    answers.push('chunav-2029');
    await page.click('button[data-command=dataBox]');
    const chip = page.locator('.editor-data-box');
    await chip.waitFor();
    assert.equal(await chip.textContent(), 'डेटा बॉक्स: chunav-2029');
    assert.equal(await chip.getAttribute('contenteditable'), 'false');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/admin/api/articles/${id}`),
      page.keyboard.press('Control+s'),
    ]);
    assert.equal(response.status(), 200);
    const body = (await t.services.desk.get(editor.user, id)).body;
    assert.deepEqual(
      body.blocks.filter((b) => b.type === 'dataBox'),
      [{ type: 'dataBox', key: 'chunav-2029' }],
    );
    assert.deepEqual(problems, []);
  });
});
