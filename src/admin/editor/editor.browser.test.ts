/**
 * The editor in chromium against the real app: the demo site on SQLite, a signed-in
 * editor, and an article made through the newsroom's own services. Covers what only a
 * browser can show: Tiptap mounts with the stored body, typing (Devanagari included)
 * autosaves with the CSRF header and the right fields, the server's field errors land
 * next to their field, photos and embeds go in, workflow buttons save first. What was
 * saved is read back through the services; requests are watched only for their headers
 * and for what the browser sends before the server has a say.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { launchBrowser } from '../../../test/helpers/browser.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import type { EditableArticle } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';
import { ERRORS } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';

type Blocks = Record<string, unknown>[];
interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

/** A small PNG of one colour (different colours make different library files). */
function png(background: string, width = 320, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();
}

describe('the article editor in a browser', () => {
  let t: TestApp;
  let editor: Actor;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let id = 0;
  let sectionSlug = '';
  let authorId = 0;
  /** Library photos: A is in the stored body and is the hero; B is found by searching. */
  let photoA: Media;
  let photoB: Media;
  /** Requests to the newsroom's API and form routes, in the order the browser sent them. */
  const sent: Sent[] = [];
  const problems: string[] = [];
  const answers: string[] = [];

  const stored = (): Promise<EditableArticle> => t.services.desk.get(editor.user, id);
  const blocksOf = (a: EditableArticle) => a.body.blocks as unknown as Blocks;
  const puts = () => sent.filter((r) => r.method === 'PUT' && r.path === `/admin/api/articles/${id}`);
  const uploads = () => sent.filter((r) => r.method === 'POST' && r.path === '/admin/api/media');

  async function until(what: string, check: () => boolean | Promise<boolean>, ms = 5000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** Ctrl+S, and the server's answer to it within `ms` (well under the autosave's 2.5 s pause). */
  async function saveNow(ms = 2000): Promise<number> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/admin/api/articles/${id}`, { timeout: ms }),
      page.keyboard.press('Control+s'),
    ]);
    await until('the save status', async () => (await page.getAttribute('#save-status', 'data-state')) !== 'pending');
    return response.status();
  }

  before(async () => {
    t = await openDemoApp('sqlite');
    editor = await actor(t.services, 'editor');
    const { services } = t;
    const section = (await services.sections.list()).find((s) => s.slug === 'desh');
    assert.ok(section, 'the demo has a देश section');
    sectionSlug = section.slug;
    authorId = (await services.authors.list())[1]!.id;
    photoA = await services.media.ingest(await png('#c33'), { alt: 'ऑल्ट', caption: 'लाइब्रेरी कैप्शन', credit: 'लाइब्रेरी क्रेडिट' });
    photoB = await services.media.ingest(await png('#36c', 320, 160), { alt: 'नौ', caption: 'नौवीं फोटो', credit: 'd' });

    id = await services.desk.createDraft(editor.user, { sectionId: section.id });
    await services.desk.update(editor.user, id, {
      headline: 'पुरानी खबर',
      dek: 'डेक',
      tagNames: ['चुनाव', 'बिहार'],
      authorIds: [authorId],
      heroMediaId: photoA.id,
      body: {
        version: 1,
        blocks: [
          { type: 'paragraph', content: [{ text: 'पहला पैरा ' }, { text: 'बोल्ड', bold: true }, { text: ' </script><script>alert(1)</script>' }] },
          { type: 'image', mediaId: photoA.id, credit: 'रॉयटर्स' },
          { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
        ],
      },
    });

    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: 'samachar_session', value: editor.cookie.slice('samachar_session='.length), url: origin }]);
    page = await context.newPage();
    // Chromium reports no body for a multipart request carrying a file, so the order of the
    // form's parts is read where the page hands them to fetch.
    await page.addInitScript(() => {
      const sentForms: string[][] = [];
      const fetch = window.fetch.bind(window);
      Object.assign(window, { sentForms });
      window.fetch = (input, init) => {
        if (init?.body instanceof FormData) sentForms.push([...init.body.keys()]);
        return fetch(input, init);
      };
    });
    page.on('request', (r: Request) => {
      const url = new URL(r.url());
      if (url.origin !== origin || !/^\/admin\/(api|articles)\//.test(url.pathname)) return;
      // Presence and the preview-link list come on their own schedule (together.browser.test.ts covers them).
      if (/\/(presence|preview-links)$/.test(url.pathname)) return;
      sent.push({ method: r.method(), path: url.pathname + url.search, headers: r.headers(), body: r.postData() });
    });
    page.on('console', (m) => {
      // The server's refusals (400, 415) are logged by chromium as failed loads; the editor shows them itself.
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
    });
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

  test('the page opens with the stored body in the editor and saves nothing by itself', async () => {
    const atLoad = await stored();
    await page.goto(`${origin}/admin/articles/${id}/edit`);
    assert.equal(new URL(page.url()).pathname, `/admin/articles/${id}/edit`, 'signed in by the session cookie');
    await page.waitForSelector('body.editor-ready');
    assert.equal(await page.locator('.body-editor-content p').first().textContent(), 'पहला पैरा बोल्ड </script><script>alert(1)</script>');
    assert.equal(await page.locator('.editor-figure input').first().getAttribute('placeholder'), 'खाली छोड़ें तो लाइब्रेरी वाला: लाइब्रेरी कैप्शन');
    assert.equal(await page.locator('.editor-figure input').nth(1).inputValue(), 'रॉयटर्स');
    assert.equal(await page.locator('.editor-embed').count(), 1);
    assert.ok(await page.locator('#editor-toolbar').isVisible());
    assert.equal(await page.inputValue('#heroMediaId'), String(photoA.id));
    await page.waitForTimeout(3000);
    assert.equal(puts().length, 0);
    const later = await stored();
    assert.equal(later.revision, atLoad.revision, 'no new revision');
    assert.equal(later.updatedAt, atLoad.updatedAt);
  });

  test('typing autosaves the working copy after a pause (no revision), with the CSRF header and the right fields; Ctrl+S then keeps a revision', async () => {
    const atStart = await stored();
    const base = atStart.revision;
    await page.fill('#headline', 'नई खबर बिहार चुनाव');
    const slug = slugify('नई खबर बिहार चुनाव');
    assert.equal(await page.inputValue('#slug'), slug);
    assert.equal(await page.textContent('#slug-preview'), `/${sectionSlug}/${slug}-${id}`);
    await page.click('.body-editor-content p >> nth=0');
    await page.keyboard.press('End');
    // insertText is how an input method commits Devanagari: no key events per letter.
    await page.keyboard.insertText(' क्षत्रिय ज्ञान');
    // And a composition in progress, as a phonetic IME shows it before committing.
    const cdp = await page.context().newCDPSession(page);
    for (const partial of ['न', 'नम', 'नमस्']) await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    await cdp.send('Input.insertText', { text: ' नमस्ते' });
    await page.keyboard.press('Enter');
    await page.keyboard.type('second ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('bold');
    assert.equal((await stored()).version, atStart.version, 'nothing is sent while typing goes on');

    await until('the autosave', async () => (await stored()).version > atStart.version, 6000);
    await until('the saved message', async () => /कार्य-प्रति/.test((await page.textContent('#save-status')) ?? ''));
    assert.equal(puts().length, 1, 'one save for the whole burst of typing');
    const put = puts()[0]!;
    assert.equal(put.headers['x-csrf-token'], editor.csrf);
    assert.equal(put.headers['content-type'], 'application/json');
    const sentFlags = JSON.parse(put.body!) as { baseVersion?: unknown; autosave?: unknown };
    assert.equal(sentFlags.baseVersion, atStart.version);
    assert.equal(sentFlags.autosave, true);
    assert.equal((await stored()).revision, base, 'an autosave keeps no revision');

    // Ctrl+S with nothing new typed still sends: the working copy becomes the saved story.
    assert.equal(await saveNow(), 200);
    assert.match((await page.textContent('#save-status')) ?? '', /^सेव हो गया/);
    assert.equal((JSON.parse(puts().at(-1)!.body!) as { autosave?: unknown }).autosave, undefined, 'an explicit save');
    const saved = await stored();
    assert.equal(saved.revision, base + 1);
    assert.equal(saved.headline, 'नई खबर बिहार चुनाव');
    assert.equal(saved.slug, slug);
    assert.equal(saved.dek, 'डेक');
    assert.deepEqual(saved.tagNames, ['चुनाव', 'बिहार']);
    assert.deepEqual(saved.authorIds, [authorId]);
    assert.equal(saved.heroMediaId, photoA.id);
    assert.deepEqual(blocksOf(saved).slice(0, 2), [
      { type: 'paragraph', content: [{ text: 'पहला पैरा ' }, { text: 'बोल्ड', bold: true }, { text: ' </script><script>alert(1)</script> क्षत्रिय ज्ञान नमस्ते' }] },
      { type: 'paragraph', content: [{ text: 'second ' }, { text: 'bold', bold: true }] },
    ]);
    const { revisions } = await t.services.desk.history(editor.user, id);
    assert.equal(revisions[0]?.number, saved.revision);
    assert.equal(revisions[0]?.userId, editor.user.id);
  });

  test("a photo's caption is edited in place; Ctrl+S saves at once", async () => {
    const { revision: base, version } = await stored();
    await page.fill('.editor-figure input >> nth=0', 'नया कैप्शन');
    assert.equal(await saveNow(), 200);
    assert.equal((JSON.parse(puts().at(-1)!.body!) as { baseVersion?: unknown }).baseVersion, version, 'the next save is based on the version the last one made');
    const saved = await stored();
    assert.equal(saved.revision, base + 1);
    assert.deepEqual(
      blocksOf(saved).find((b) => b.type === 'image'),
      { type: 'image', mediaId: photoA.id, caption: 'नया कैप्शन', credit: 'रॉयटर्स' },
    );
  });

  test('a 400 naming a field is shown next to it, and what was typed stays', async () => {
    const base = await stored();
    // Over the 300-character limit the server sets for headlines.
    await page.fill('#headline', 'क'.repeat(301));
    await page.fill('#dek', 'नया डेक');
    assert.equal(await saveNow(), 400);
    assert.ok(await page.locator('#error-headline').isVisible());
    assert.equal(await page.textContent('#error-headline'), ERRORS.INVALID_INPUT.message.hi);
    assert.equal(await page.getAttribute('#headline', 'aria-invalid'), 'true');
    assert.equal(await page.getAttribute('#save-status', 'data-state'), 'error');
    assert.equal(await page.inputValue('#dek'), 'नया डेक');
    assert.equal(await page.inputValue('#headline'), 'क'.repeat(301));
    const refused = await stored();
    assert.equal(refused.revision, base.revision, 'nothing of a refused save is kept');
    assert.equal(refused.dek, 'डेक');

    await page.fill('#headline', 'नई खबर बिहार चुनाव');
    assert.equal(await saveNow(), 200);
    assert.ok(!(await page.locator('#error-headline').isVisible()));
    assert.equal(await page.getAttribute('#headline', 'aria-invalid'), null);
    const saved = await stored();
    assert.equal(saved.dek, 'नया डेक');
    assert.equal(saved.headline, 'नई खबर बिहार चुनाव');
  });

  test('embeds, links and quote sources go through the same checks as the body', async () => {
    await page.click('.body-editor-content p >> nth=1');
    const sentSoFar = sent.length;
    answers.push('https://vimeo.com/123');
    await page.click('button[data-command=embed]');
    assert.ok(await page.locator('#error-body').isVisible());
    assert.match((await page.textContent('#error-body')) ?? '', /YouTube/);
    assert.equal(await page.locator('.editor-embed').count(), 1);
    answers.push('https://youtu.be/abcdefghijk');
    await page.click('button[data-command=embed]');
    assert.equal(await page.locator('.editor-embed').count(), 2);
    assert.ok(!(await page.locator('#error-body').isVisible()));

    await page.click('.body-editor-content p >> nth=1');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    answers.push('javascript:alert(1)');
    await page.click('button[data-command=link]');
    assert.match((await page.textContent('#error-body')) ?? '', /लिंक/);
    assert.equal(await page.locator('.body-editor-content > p a').count(), 0, 'no link made');
    answers.push('example.com/page');
    await page.click('button[data-command=link]');
    assert.equal(await page.locator('.body-editor-content a[href="https://example.com/page"]').count(), 1);
    assert.equal(sent.length, sentSoFar, 'refused embeds and links never reach the server');

    await page.click('.body-editor-content p >> nth=0');
    await page.click('button[data-command=quote]');
    answers.push('पुतिन');
    await page.click('button[data-command=cite]');
    assert.equal(await saveNow(), 200);
    const blocks = blocksOf(await stored());
    assert.equal(blocks[0]!.type, 'quote');
    assert.equal(blocks[0]!.cite, 'पुतिन');
    assert.deepEqual(blocks[1], { type: 'paragraph', content: [{ text: 'second ', href: 'https://example.com/page' }, { text: 'bold', bold: true, href: 'https://example.com/page' }] });
    assert.deepEqual(
      blocks.filter((b) => b.type === 'embed').map((b) => b.url),
      ['https://www.youtube.com/watch?v=abcdefghijk', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    );
  });

  test('the photo picker searches the library and inserts the chosen photo', async () => {
    await page.click('.body-editor-content >> text=second');
    await page.click('button[data-command=photo]');
    await page.waitForSelector('#media-results .media-tile');
    assert.ok(sent.some((r) => r.method === 'GET' && r.path === '/admin/api/media?q=&page=1'));
    // Newest first: the two photos this test added, then the demo's.
    assert.deepEqual(await page.locator('#media-results .media-tile span').evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent)), ['नौवीं फोटो', 'लाइब्रेरी कैप्शन']);
    assert.ok((await page.locator('#media-results .media-tile').count()) > 2, 'the demo library is listed too');

    await page.fill('#media-q', 'नौवीं');
    await until('the search', async () => (await page.locator('#media-results .media-tile').count()) === 1, 5000);
    assert.ok(sent.some((r) => r.method === 'GET' && r.path === `/admin/api/media?${new URLSearchParams({ q: 'नौवीं', page: '1' })}`));
    assert.equal(await page.textContent('#media-results .media-tile span'), 'नौवीं फोटो');
    await page.click('#media-results .media-tile');
    assert.ok(!(await page.locator('#media-picker').isVisible()));
    assert.equal(await page.locator('.editor-figure').count(), 2);
    assert.equal(await page.locator('.editor-figure input').first().getAttribute('placeholder'), 'खाली छोड़ें तो लाइब्रेरी वाला: नौवीं फोटो');
  });

  test("an upload needs alt, caption and credit, shows the server's refusal, and inserts on success", async () => {
    const library = async () => (await t.services.media.search('', 1, 1)).total;
    const count = await library();
    const photo = await png('#2a6', 400, 300);
    await page.click('button[data-command=photo]');
    await page.click('.media-upload summary');
    await page.setInputFiles('#upload-file', { name: 'a.png', mimeType: 'image/png', buffer: photo });
    await page.fill('#upload-alt', 'नई ऑल्ट');
    await page.fill('#upload-caption', 'नई फोटो का कैप्शन');
    await page.fill('#upload-credit', '   ');
    await page.click('#media-upload button[type=submit]');
    assert.equal(uploads().length, 0, 'a blank credit is refused before sending');
    assert.ok(await page.$eval('#upload-credit', (el) => !(el as HTMLInputElement).validity.valid));

    // Text renamed .png: the server judges the bytes and refuses them (415).
    await page.fill('#upload-credit', 'क्रेडिट');
    await page.setInputFiles('#upload-file', { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('this is not an image') });
    await page.click('#media-upload button[type=submit]');
    await until('the refusal', async () => (await page.textContent('#upload-error')) === ERRORS.UNSUPPORTED_MEDIA_TYPE.message.hi);
    assert.ok(await page.locator('#upload-error').isVisible());
    assert.equal(await library(), count, 'nothing stored');
    const upload = uploads().at(-1)!;
    assert.equal(upload.headers['x-csrf-token'], editor.csrf);
    assert.match(String(upload.headers['content-type']), /^multipart\/form-data; boundary=/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { sentForms: string[][] }).sentForms.at(-1)), ['alt', 'caption', 'credit', 'file'], 'text fields come before the file');
    assert.equal(await page.inputValue('#upload-alt'), 'नई ऑल्ट', 'what was typed is kept for another try');

    await page.setInputFiles('#upload-file', { name: 'a.png', mimeType: 'image/png', buffer: photo });
    await page.click('#media-upload button[type=submit]');
    await until('the inserted photo', async () => (await page.locator('.editor-figure').count()) === 3);
    assert.ok(!(await page.locator('#media-picker').isVisible()));
    const { items } = await t.services.media.search('नई फोटो का कैप्शन', 1, 10);
    assert.equal(items.length, 1);
    assert.deepEqual({ alt: items[0]!.alt, caption: items[0]!.caption, credit: items[0]!.credit, width: items[0]!.width }, { alt: 'नई ऑल्ट', caption: 'नई फोटो का कैप्शन', credit: 'क्रेडिट', width: 400 });
    assert.equal(await library(), count + 1);
  });

  test('the hero photo is chosen with the same picker', async () => {
    await page.click('#choose-hero');
    await page.waitForSelector('#media-results .media-tile');
    await page.click('#media-results .media-tile:has-text("नौवीं फोटो")');
    assert.equal(await page.inputValue('#heroMediaId'), String(photoB.id));
    assert.equal(await page.getAttribute('#hero-preview img', 'alt'), 'नौ');
    assert.equal(await saveNow(), 200);
    const saved = await stored();
    assert.equal(saved.heroMediaId, photoB.id);
    const uploaded = (await t.services.media.search('नई फोटो का कैप्शन', 1, 1)).items[0]!;
    assert.deepEqual(blocksOf(saved).filter((b) => b.type === 'image').map((b) => b.mediaId), [photoB.id, uploaded.id, photoA.id]);
  });

  test('a workflow button saves first, then posts its form', async () => {
    await page.fill('#correctionNote', 'सुधार');
    const saves = puts().length;
    // Not waitForURL: the page is already at that address, so it would not wait for the post.
    await Promise.all([page.waitForEvent('load'), page.click('form.workflow-form:has(input[value=review]) button')]);
    assert.equal(page.url(), `${origin}/admin/articles/${id}/edit`);
    await page.waitForSelector('body.editor-ready');
    assert.equal(puts().length, saves + 1);
    const saved = await stored();
    assert.equal(saved.correctionNote, 'सुधार');
    assert.equal(saved.status, 'review');
    const { events } = await t.services.desk.history(editor.user, id);
    assert.deepEqual(
      events.slice(0, 2).map((e) => [e.action, e.toStatus]),
      [['submitted', 'review'], ['saved', null]],
      'saved, then submitted',
    );
    const post = sent.filter((r) => r.method === 'POST' && r.path === `/admin/articles/${id}/transition`).at(-1)!;
    const form = new URLSearchParams(post.body ?? '');
    assert.equal(form.get('_csrf'), editor.csrf);
    assert.equal(form.get('to'), 'review');
    assert.ok(sent.indexOf(post) > sent.indexOf(puts().at(-1)!));
  });

  test('Ctrl+Shift+P saves, publishes through the API and reloads', async () => {
    await page.fill('#headline', 'फिर बदली');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Control+Shift+P')]);
    const saved = await stored();
    assert.equal(saved.headline, 'फिर बदली');
    assert.equal(saved.status, 'published');
    assert.equal(saved.publishedAt, t.services.now().toISOString());
    const { events } = await t.services.desk.history(editor.user, id);
    assert.deepEqual(
      events.slice(0, 2).map((e) => [e.action, e.fromStatus, e.toStatus]),
      [['published', 'review', 'published'], ['saved', null, null]],
      'saved, then published',
    );
    const transition = sent.filter((r) => r.method === 'POST' && r.path === `/admin/api/articles/${id}/transition`).at(-1)!;
    assert.deepEqual(JSON.parse(transition.body!), { to: 'published' });
    assert.equal(transition.headers['x-csrf-token'], editor.csrf);
    assert.ok(sent.indexOf(transition) > sent.indexOf(puts().at(-1)!));
    await page.waitForSelector('body.editor-ready');
    assert.equal(await page.inputValue('#headline'), 'फिर बदली');
    assert.equal(await page.locator('form.workflow-form:has(input[value=unpublished])').count(), 1, 'the reloaded page shows the new status');
  });

  test('one column on a phone; no script errors or CSP violations', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForSelector('body.editor-ready');
    const form = await page.locator('#article-form').boundingBox();
    const side = await page.locator('.editor-side').boundingBox();
    assert.ok(form && side && side.y >= form.y + form.height, 'the side column goes under the form');
    assert.ok(form.width <= 390);
    assert.deepEqual(problems, []);
  });
});
