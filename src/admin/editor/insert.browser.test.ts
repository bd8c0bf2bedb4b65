/**
 * Nothing typed is lost when blocks go in: two photos and two embeds inserted in a row
 * (no click in between, so each insert starts from the selection the last one left) all
 * stay in the editor, in order, with the paragraphs around them, and all reach the server.
 * Before the fix the second photo replaced the first (a NodeSelection on it) and the X post
 * replaced the YouTube embed. The real page and bundle in chromium against the real app.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { launchBrowser } from '../../../test/helpers/browser.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import type { EditableArticle } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';

type Blocks = Record<string, unknown>[];

describe('inserting photos and embeds in the editor', () => {
  let t: TestApp;
  let editor: Actor;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let id = 0;
  let red: Media;
  let blue: Media;
  const answers: string[] = [];
  const problems: string[] = [];

  before(async () => {
    t = await openDemoApp('sqlite');
    editor = await actor(t.services, 'editor');
    const { services } = t;
    const section = (await services.sections.list())[0]!;
    const png = (background: string) => sharp({ create: { width: 300, height: 200, channels: 3, background } }).png().toBuffer();
    red = await services.media.ingest(await png('#c33'), { alt: 'लाल', caption: 'लाल फोटो', credit: 'क' });
    blue = await services.media.ingest(await png('#36c'), { alt: 'नीला', caption: 'नीली फोटो', credit: 'ख' });
    id = await services.desk.createDraft(editor.user, { sectionId: section.id });
    await services.desk.update(editor.user, id, {
      headline: 'फोटो और वीडियो',
      body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला पैरा' }] }, { type: 'paragraph', content: [{ text: 'आखिरी पैरा' }] }] },
    });

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

  async function pickPhoto(p: Page, caption: string) {
    await p.click('button[data-command=photo]');
    await p.waitForSelector(`#media-results .media-tile:has-text("${caption}")`);
    await p.click(`#media-results .media-tile:has-text("${caption}")`);
  }

  test('two photos and two embeds in a row all stay, in order, and are saved', async () => {
    await page.goto(`${origin}/admin/articles/${id}/edit`);
    await page.waitForSelector('body.editor-ready');
    // One click, in the middle of the first paragraph; after that only the toolbar.
    await page.click('.body-editor-content p >> nth=0');
    await pickPhoto(page, 'लाल फोटो');
    await pickPhoto(page, 'नीली फोटो');
    answers.push('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await page.click('button[data-command=embed]');
    answers.push('https://x.com/PMOIndia/status/1638000000000000000');
    await page.click('button[data-command=embed]');

    assert.equal(await page.locator('.editor-figure').count(), 2, 'both photos are in the editor');
    assert.equal(await page.locator('.editor-embed').count(), 2, 'both embeds are in the editor');
    // Typing goes on below the last insert and replaces nothing.
    await page.keyboard.type('नीचे लिखा');

    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/admin/api/articles/${id}`),
      page.keyboard.press('Control+s'),
    ]);
    assert.equal(response.status(), 200);

    // Read back the way the editor itself would after a reload: the JSON API.
    const readBack = await page.evaluate(async (url) => (await (await fetch(url, { headers: { accept: 'application/json' } })).json()) as { article: EditableArticle }, `/admin/api/articles/${id}`);
    const blocks = readBack.article.body.blocks as unknown as Blocks;
    assert.deepEqual(
      blocks.map((b) => (b.type === 'image' ? { image: b.mediaId } : b.type === 'embed' ? { embed: b.url } : { text: JSON.stringify(b.content) })),
      [
        { text: JSON.stringify([{ text: 'पहला पैरा' }]) },
        { image: red.id },
        { image: blue.id },
        { embed: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
        { embed: 'https://x.com/PMOIndia/status/1638000000000000000' },
        { text: JSON.stringify([{ text: 'नीचे लिखा' }]) },
        { text: JSON.stringify([{ text: 'आखिरी पैरा' }]) },
      ],
    );
    assert.deepEqual((await t.services.desk.get(editor.user, id)).body, readBack.article.body, 'the database holds the same');
    assert.deepEqual(problems, []);
  });

  test('a selected photo is kept when another goes in', async () => {
    // Clicking a photo's frame selects the node (what made the second insert replace the first).
    await page.click('.editor-figure img >> nth=0');
    assert.equal(await page.locator('.ProseMirror-selectednode').count(), 1, 'the first photo is selected');
    await pickPhoto(page, 'नीली फोटो');
    assert.equal(await page.locator('.editor-figure').count(), 3);
    const ids = await page.locator('.editor-figure img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    assert.deepEqual(ids, ['लाल', 'नीला', 'नीला'], 'the new photo is right after the selected one');
  });
});
