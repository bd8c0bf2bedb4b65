/**
 * Corrections as data, translation links and canonical URLs (issue 14, points 6 and 7),
 * through HTTP on every database: a correction added in the editor reaches the page and
 * the feed only on Update, in order, dated; bad corrections and bad links are a 400 naming
 * the field with nothing saved; linked stories point at each other with hreflang; every
 * public page has an absolute canonical URL without the query's extras; search results and
 * empty lists are noindex.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, type EditableArticle } from '../../domain/articles/article.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ text }] });

/** The `href` of every `<link rel="…">` (with hreflang when asked) in a page's head. */
function links(html: string, rel: string): { href: string; hreflang: string | null }[] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link ([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => new RegExp(`\\brel="${rel}"`).test(attrs) && !/\btype=/.test(attrs))
    .map((attrs) => ({ href: /\bhref="([^"]*)"/.exec(attrs)?.[1] ?? '', hreflang: /\bhreflang="([^"]*)"/.exec(attrs)?.[1] ?? null }));
}

const canonicalOf = (html: string) => links(html, 'canonical').map((l) => l.href);
const noindex = (html: string) => /<meta name="robots" content="noindex"/.test(html);

for (const dialect of DIALECTS) {
  describe(`corrections, translations and canonical URLs (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    let sectionId: number;
    let origin: string;

    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
      sectionId = (await t.services.sections.list())[0]!.id;
      origin = t.services.config.siteUrl.replace(/\/$/, '');
    });
    after(() => t.close());

    const anon = (url: string) => t.app.inject({ method: 'GET', url });
    const put = (id: number, json: unknown, url = `/admin/api/articles/${id}`) => asActor(t.app, editor, { method: 'PUT', url, json });
    const post = (url: string, json: unknown = {}) => asActor(t.app, editor, { method: 'POST', url, json });
    const getArticle = async (id: number) => ((await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${id}` })).json() as { article: EditableArticle }).article;

    const story = async (headline: string, extra: Record<string, unknown> = {}, publish = true): Promise<{ id: number; path: string }> => {
      const created = await post('/admin/api/articles', { sectionId, headline });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { article: EditableArticle }).article.id;
      const saved = await put(id, { dek: `${headline}: सार`, body: { version: 1, blocks: [paragraph('खबर का पाठ।')] }, ...extra });
      assert.equal(saved.statusCode, 200, saved.body);
      if (publish) {
        const pub = await post(`/admin/api/articles/${id}/transition`, { to: 'published' });
        assert.equal(pub.statusCode, 200, pub.body);
      }
      const a = (await getArticle(id));
      const section = (await t.services.sections.list()).find((s) => s.id === a.sectionId)!;
      return { id, path: articlePath({ id, slug: a.slug, section }) };
    };

    test('a correction added in the editor reaches the page and the feed only on Update, dated, in order, under the dek', async () => {
      const { id, path } = await story('सुधार वाली खबर');
      const pageBefore = (await anon(path)).body;
      const feedBefore = (await anon('/feed')).body;
      assert.ok(!pageBefore.includes('corrections-title'));

      const start = await getArticle(id);
      const first = await put(id, { corrections: [{ text: 'पहले बैठक का समय गलत छपा था।' }], baseVersion: start.version, autosave: true });
      assert.equal(first.statusCode, 200, first.body);
      const afterFirst = (first.json() as { article: EditableArticle; version: number });
      assert.equal(afterFirst.article.corrections.length, 1);
      assert.ok(!Number.isNaN(Date.parse(afterFirst.article.corrections[0]!.date)), 'a new correction is dated when saved');
      const second = await put(id, { corrections: [...afterFirst.article.corrections, { text: 'शहर का नाम ठीक किया गया।' }], baseVersion: afterFirst.version });
      assert.equal(second.statusCode, 200, second.body);

      // Saved, even explicitly, but not Updated: readers see nothing of it.
      assert.equal((await anon(path)).body, pageBefore);
      assert.equal((await anon('/feed')).body, feedBefore);

      const update = await post(`/admin/api/articles/${id}/update`, { baseVersion: (second.json() as { version: number }).version });
      assert.equal(update.statusCode, 200, update.body);
      const page = (await anon(path)).body;
      const box = page.slice(page.indexOf('<aside class="correction corrections"'), page.indexOf('</aside>', page.indexOf('corrections-title')));
      assert.ok(box.length > 0, 'the corrections box is on the page');
      assert.ok(page.indexOf('class="dek"') < page.indexOf('corrections-title'), 'under the dek');
      assert.ok(page.indexOf('corrections-title') < page.indexOf('class="byline"'), 'before the byline and text');
      assert.match(box, /सुधार|Correction/);
      const i1 = box.indexOf('पहले बैठक का समय गलत छपा था।');
      const i2 = box.indexOf('शहर का नाम ठीक किया गया।');
      assert.ok(i1 > 0 && i2 > i1, 'both, oldest first');
      assert.match(box, /<time dateTime="\d{4}-\d\d-\d\dT[^"]+\+05:30">/i, 'each with its date');

      const feed = (await anon('/feed')).body;
      const item = feed.slice(feed.indexOf(`${path}</link>`) - 400);
      const f1 = item.indexOf('पहले बैठक का समय गलत छपा था।');
      const f2 = item.indexOf('शहर का नाम ठीक किया गया।');
      assert.ok(f1 > 0 && f2 > f1, 'the feed item carries both corrections, in order');
      for (const url of ['/feed/atom', '/feed.json']) {
        const body = (await anon(url)).body;
        assert.ok(body.includes('पहले बैठक का समय गलत छपा था।') && body.includes('शहर का नाम ठीक किया गया।'), `${url} carries them too`);
      }

      // Restoring an older revision does not take a correction away.
      const history = (await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${id}/revisions` })).json() as { revisions: { number: number }[] };
      const oldest = Math.min(...history.revisions.map((r) => r.number));
      const restored = await post(`/admin/api/articles/${id}/revisions/${oldest}/restore`);
      assert.equal(restored.statusCode, 200, restored.body);
      assert.equal((restored.json() as { article: EditableArticle }).article.corrections.length, 2);
    });

    test('bad corrections are a 400 naming the field, and nothing is saved', async () => {
      const { id } = await story('गलत सुधार की खबर');
      const before = await getArticle(id);
      const cases: [unknown, string][] = [
        [[{ text: '' }], 'corrections.0.text'],
        [[{ text: '   ' }], 'corrections.0.text'],
        [[{ text: 'ठीक' }, { text: 'क'.repeat(5 * 1024) }], 'corrections.1.text'],
        [[{ text: 'ठीक', date: 'कल' }], 'corrections.0.date'],
        [[{ text: 'ठीक', date: '2999-01-01T00:00:00Z' }], 'corrections.0.date'],
        [[{ text: 'ठीक', by: 'x' }], 'corrections.0.by'],
        [['ठीक'], 'corrections.0'],
        ['ठीक', 'corrections'],
        [Array.from({ length: 51 }, () => ({ text: 'ठीक' })), 'corrections'],
      ];
      for (const [corrections, field] of cases) {
        const res = await put(id, { headline: 'यह नहीं बचना चाहिए', corrections });
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        const error = (res.json() as { error: { code: string; field: string; messageHi: string } }).error;
        assert.equal(error.code, 'INVALID_INPUT');
        assert.equal(error.field, field);
        assert.ok(error.messageHi.length > 0);
      }
      const badLang = await put(id, { lang: 'klingon' });
      assert.equal(badLang.statusCode, 400);
      assert.equal((badLang.json() as { error: { field: string } }).error.field, 'lang');
      const afterAll = await getArticle(id);
      assert.equal(afterAll.headline, before.headline);
      assert.equal(afterAll.pending, null, 'no working copy was written');
      assert.equal(afterAll.version, before.version);
    });

    test('linking a translation puts hreflang on both pages; bad links are a 400 naming translationId', async () => {
      const hindi = await story('हिंदी खबर जिसका अनुवाद है');
      const english = await story('An English story', { lang: 'en' });
      const draft = await story('अंग्रेज़ी मसौदा', { lang: 'en' }, false);
      const otherHindi = await story('दूसरी हिंदी खबर');

      const refused: [unknown, string][] = [
        [{ translationId: hindi.id }, 'self'],
        [{ translationId: 999_999 }, 'missing'],
        [{ translationId: draft.id }, 'unpublished'],
        [{ translationId: otherHindi.id }, 'same language'],
        [{ translationId: 'abc' }, 'not a number'],
        [{}, 'absent'],
      ];
      for (const [json, why] of refused) {
        const res = await put(hindi.id, json, `/admin/api/articles/${hindi.id}/translation`);
        assert.equal(res.statusCode, 400, `${why}: ${res.body}`);
        assert.equal((res.json() as { error: { field: string } }).error.field, 'translationId', why);
      }
      assert.deepEqual(links((await anon(hindi.path)).body, 'alternate').filter((l) => l.hreflang), [], 'nothing linked by a refused request');
      // Linking changes two live pages at once: only someone who may publish does it.
      const reporter = await actor(t.services, 'reporter');
      const byReporter = await asActor(t.app, reporter, { method: 'PUT', url: `/admin/api/articles/${hindi.id}/translation`, json: { translationId: english.id } });
      assert.equal(byReporter.statusCode, 403, byReporter.body);
      assert.equal((await getArticle(hindi.id)).translationId, null);

      // The side panel's search: published stories by headline, never the story itself.
      const found = await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${hindi.id}/translation-candidates?q=${encodeURIComponent('An English story')}` });
      assert.equal(found.statusCode, 200, found.body);
      const ids = (found.json() as { stories: { id: number }[] }).stories.map((s) => s.id);
      assert.ok(ids.includes(english.id) && !ids.includes(draft.id) && !ids.includes(hindi.id), JSON.stringify(ids));
      const tooLong = await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${hindi.id}/translation-candidates?q=${'a'.repeat(201)}` });
      assert.equal(tooLong.statusCode, 400);
      assert.equal((tooLong.json() as { error: { field: string } }).error.field, 'q');

      const linked = await put(hindi.id, { translationId: english.id }, `/admin/api/articles/${hindi.id}/translation`);
      assert.equal(linked.statusCode, 200, linked.body);
      assert.equal((linked.json() as { article: EditableArticle }).article.translationId, english.id);
      assert.equal((await getArticle(english.id)).translationId, hindi.id, 'the link is symmetric');

      const expected = [
        { hreflang: 'hi', href: `${origin}${hindi.path}` },
        { hreflang: 'en', href: `${origin}${english.path}` },
        { hreflang: 'x-default', href: `${origin}${hindi.path}` },
      ];
      const sorted = (l: { href: string; hreflang: string | null }[]) => l.filter((x) => x.hreflang).sort((a, b) => a.hreflang!.localeCompare(b.hreflang!));
      const hiPage = (await anon(hindi.path)).body;
      const enPage = (await anon(english.path)).body;
      assert.deepEqual(sorted(links(hiPage, 'alternate')), sorted(expected));
      assert.deepEqual(sorted(links(enPage, 'alternate')), sorted(expected));
      assert.match(enPage, /<html lang="en"/, 'the English story says so');
      assert.match(hiPage, /<html lang="hi"/);

      // A linked story cannot take its partner's language (the pair would be no translation).
      const sameLang = await put(english.id, { lang: 'hi' });
      assert.equal(sameLang.statusCode, 400, sameLang.body);
      assert.equal((sameLang.json() as { error: { field: string } }).error.field, 'lang');
      assert.equal((await getArticle(english.id)).lang, 'en');

      // The translation taken down: the Hindi page (cached until now) drops its hreflang; back up, it returns.
      assert.equal((await post(`/admin/api/articles/${english.id}/transition`, { to: 'unpublished' })).statusCode, 200);
      assert.deepEqual(sorted(links((await anon(hindi.path)).body, 'alternate')), []);
      assert.equal((await post(`/admin/api/articles/${english.id}/transition`, { to: 'published' })).statusCode, 200);
      assert.deepEqual(sorted(links((await anon(hindi.path)).body, 'alternate')), sorted(expected));

      // Linking the English story to another Hindi one moves the link: the first loses it.
      const moved = await put(english.id, { translationId: otherHindi.id }, `/admin/api/articles/${english.id}/translation`);
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal((await getArticle(hindi.id)).translationId, null);
      assert.deepEqual(sorted(links((await anon(hindi.path)).body, 'alternate')), []);
      assert.ok(links((await anon(otherHindi.path)).body, 'alternate').some((l) => l.hreflang === 'en' && l.href === `${origin}${english.path}`));

      const unlinked = await put(english.id, { translationId: null }, `/admin/api/articles/${english.id}/translation`);
      assert.equal(unlinked.statusCode, 200, unlinked.body);
      assert.equal((await getArticle(otherHindi.id)).translationId, null);
      assert.deepEqual(sorted(links((await anon(english.path)).body, 'alternate')), []);

      // A linked translation moved to the trash: the page linking to it (cached) drops its hreflang.
      const english2 = await story('Another English story', { lang: 'en' });
      assert.equal((await put(otherHindi.id, { translationId: english2.id }, `/admin/api/articles/${otherHindi.id}/translation`)).statusCode, 200);
      assert.ok(links((await anon(otherHindi.path)).body, 'alternate').some((l) => l.hreflang === 'en'));
      const trashed = await post(`/admin/api/articles/${english2.id}/trash`);
      assert.equal(trashed.statusCode, 200, trashed.body);
      assert.deepEqual(sorted(links((await anon(otherHindi.path)).body, 'alternate')), []);
    });

    test('every public page has an absolute canonical URL: pages 2+ their own, query extras dropped; search and empty lists are noindex', async () => {
      const tag = await t.services.tags.findOrCreate('कैनॉनिकल जांच');
      const now = t.services.now();
      for (let i = 0; i < 16; i++) {
        await t.services.articles.create({
          sectionId, headline: `कैनॉनिकल खबर ${i + 1}`, dek: '', body: { version: 1, blocks: [] }, heroMediaId: null, tagIds: [tag.id], authorIds: [],
          status: 'published', publishedAt: new Date(now.getTime() - (i + 1) * 60_000), updatedAt: now, createdAt: now, commentsOpen: true,
        });
      }
      const { path } = await story('कैनॉनिकल लेख');
      const section = (await t.services.sections.list()).find((s) => s.id === sectionId)!;
      const author = (await t.services.authors.list())[0]!;
      const pages: [string, string][] = [
        ['/', '/'],
        ['/?utm_source=x', '/'],
        [path, path],
        [`${path}?utm_source=x&utm_medium=y`, path],
        [`/${section.slug}`, `/${section.slug}`],
        [`/${section.slug}?utm_source=x`, `/${section.slug}`],
        [`/tag/${tag.slug}`, `/tag/${tag.slug}`],
        [`/tag/${tag.slug}?page=2`, `/tag/${tag.slug}?page=2`],
        [`/tag/${tag.slug}?page=2&utm_source=x`, `/tag/${tag.slug}?page=2`],
        [`/tag/${tag.slug}?page=1`, `/tag/${tag.slug}`],
        [`/author/${author.slug}`, `/author/${author.slug}`],
      ];
      for (const [url, canonical] of pages) {
        const res = await anon(url);
        assert.equal(res.statusCode, 200, url);
        assert.deepEqual(canonicalOf(res.body), [`${origin}${canonical}`], url);
        assert.ok(!noindex(res.body), `${url} may be indexed`);
      }

      const search = await anon('/search?q=putin');
      assert.equal(search.statusCode, 200);
      assert.ok(noindex(search.body), 'search results are noindex');

      const empty = await t.services.tags.findOrCreate('खाली टैग');
      const emptyPage = await anon(`/tag/${empty.slug}`);
      assert.equal(emptyPage.statusCode, 200);
      assert.ok(noindex(emptyPage.body), 'an empty list is noindex');
      assert.deepEqual(canonicalOf(emptyPage.body), [`${origin}/tag/${empty.slug}`]);
    });
  });
}
