/**
 * The public content API over HTTP on every database, against the demo site. Every answer
 * the tests get is checked against the OpenAPI document (test/helpers/openapi.ts), and the
 * last test checks that every operation's success answer was seen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { actor } from '../../../test/helpers/newsroom.ts';
import { checkedInject, OpenApiChecker } from '../../../test/helpers/openapi.ts';
import type { NewArticle } from '../../domain/articles/article.ts';
import { STORY_FIELDS } from './api-schemas.ts';
import { CONTENT_OPERATIONS } from './content-api.ts';
import { buildOpenApi } from './openapi.ts';

interface Story {
  id: number;
  headline: string;
  url: string;
  publishedAt: string;
  [k: string]: unknown;
}

test('the OpenAPI check fails on an answer that does not match its schema or an undocumented status', () => {
  const checker = new OpenApiChecker();
  const fake = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), json: () => body }) as unknown as Parameters<OpenApiChecker['check']>[2];
  assert.throws(() => checker.check('GET', '/api/v1/sections', fake(200, { items: [{ id: 'one' }] })), /does not match its schema/);
  assert.throws(() => checker.check('GET', '/api/v1/sections', fake(418, {})), /not documented/);
  assert.throws(() => checker.check('GET', '/api/v1/nowhere', fake(200, {})), /not in the OpenAPI document/);
  checker.check('GET', '/api/v1/sections', fake(200, { items: [] }));
});

for (const dialect of DIALECTS) {
  describe(`content API (${dialect})`, () => {
    let t: TestApp;
    const checker = new OpenApiChecker();
    before(async () => {
      t = await openDemoApp(dialect);
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => checkedInject(t.app, checker, { method: 'GET', url, headers });
    const field = (res: { json(): unknown }) => (res.json() as { error: { field?: string; code: string } }).error;

    async function publish(headline: string, over: Partial<NewArticle> = {}): Promise<number> {
      const now = t.services.now();
      const section = (await t.services.sections.findBySlug('videsh'))!;
      return t.services.articles.create({
        sectionId: section.id,
        headline,
        dek: 'डेक',
        body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला पैराग्राफ', bold: true }] }] },
        heroMediaId: null,
        tagIds: [],
        authorIds: [],
        status: 'published',
        publishedAt: now,
        updatedAt: now,
        createdAt: now,
        commentsOpen: true,
        ...over,
      });
    }

    test('stories: newest first, every field, body as blocks, HTML and text, photos with variant URLs', async () => {
      const res = await get('/api/v1/stories?limit=5');
      assert.equal(res.statusCode, 200);
      const { items, nextCursor } = res.json() as { items: Story[]; nextCursor: string | null };
      assert.equal(items.length, 5);
      assert.ok(nextCursor);
      for (const f of STORY_FIELDS) assert.ok(f in items[0]!, `field ${f}`);
      const times = items.map((s) => Date.parse(s.publishedAt));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      assert.match(items[0]!.url, /^http:\/\/localhost(:\d+)?\/[a-z-]+\/[a-z0-9-]*\d+$/);
      const withHero = items.find((s) => s.hero) as (Story & { hero: { variants: { url: string; format: string }[] } }) | undefined;
      if (withHero) assert.ok(withHero.hero.variants.some((v) => v.format === 'avif' && /\/media\/[a-f0-9]{16}-\d+\.avif$/.test(v.url)));
      assert.equal(res.headers['access-control-allow-origin'], '*');
      assert.match(String(res.headers['cache-control']), /public/);
    });

    test('cursor pages walk every public story once, and a story published meanwhile shifts nothing', async () => {
      const all = ((await get('/api/v1/stories?limit=100&fields=id')).json() as { items: Story[] }).items.map((s) => s.id);
      assert.ok(all.length > 20);
      const first = (await get('/api/v1/stories?limit=7&fields=id,headline')).json() as { items: Story[]; nextCursor: string };
      const seen = first.items.map((s) => s.id);
      const inserted = await publish('कर्सर के बीच छपी खबर');
      let cursor: string | null = first.nextCursor;
      while (cursor) {
        const page = (await get(`/api/v1/stories?limit=7&fields=id&cursor=${cursor}`)).json() as { items: Story[]; nextCursor: string | null };
        seen.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      }
      assert.deepEqual(seen, all, 'no story repeated or skipped');
      assert.ok(!seen.includes(inserted));
      const fresh = (await get('/api/v1/stories?limit=1&fields=id')).json() as { items: Story[] };
      assert.equal(fresh.items[0]!.id, inserted, 'the new story leads a fresh list');
    });

    test('fields= keeps only the fields asked for (id always)', async () => {
      const res = await get('/api/v1/stories?limit=2&fields=headline,url');
      for (const s of (res.json() as { items: Story[] }).items) assert.deepEqual(Object.keys(s).sort(), ['headline', 'id', 'url']);
      const one = await get(`/api/v1/stories/${(res.json() as { items: Story[] }).items[0]!.id}?fields=text`);
      assert.deepEqual(Object.keys(one.json() as object).sort(), ['id', 'text']);
    });

    test('filters by section, tag and author, each list only holds matching stories', async () => {
      const section = await get('/api/v1/stories?section=videsh&fields=section&limit=100');
      const items = (section.json() as { items: { section: { slug: string } }[] }).items;
      assert.ok(items.length > 0);
      assert.ok(items.every((s) => s.section.slug === 'videsh'));
      const byAuthor = await get('/api/v1/stories?author=anjali-sharma&fields=authors&limit=100');
      const authored = (byAuthor.json() as { items: { authors: { slug: string }[] }[] }).items;
      assert.ok(authored.every((s) => s.authors.some((a) => a.slug === 'anjali-sharma')));
      const story = (await get('/api/v1/stories?limit=30&fields=tags')).json() as { items: { tags: { slug: string }[] }[] };
      const tag = story.items.flatMap((s) => s.tags)[0];
      assert.ok(tag, 'the demo has tagged stories');
      const tagged = (await get(`/api/v1/stories?tag=${tag.slug}&fields=tags&limit=100`)).json() as { items: { tags: { slug: string }[] }[] };
      assert.ok(tagged.items.length > 0 && tagged.items.every((s) => s.tags.some((x) => x.slug === tag.slug)));
      assert.equal((await get(`/api/v1/tags/${tag.slug}`)).statusCode, 200);
    });

    test('bad input is a 400 naming the parameter, never a 500', async () => {
      const cases: [string, string][] = [
        ['/api/v1/stories?limit=0', 'limit'],
        ['/api/v1/stories?limit=101', 'limit'],
        ['/api/v1/stories?limit=abc', 'limit'],
        ['/api/v1/stories?limit=1&limit=2', 'limit'],
        ['/api/v1/stories?cursor=bm9uc2Vuc2U', 'cursor'],
        ['/api/v1/stories?cursor=%00', 'cursor'],
        [`/api/v1/stories?cursor=${Buffer.from(JSON.stringify(['2023-01-01T00:00:00.000Z', -1])).toString('base64url')}`, 'cursor'],
        ['/api/v1/stories?section=no-such-section', 'section'],
        ['/api/v1/stories?section=%E0%A4%95', 'section'],
        ['/api/v1/stories?tag=nope-nope', 'tag'],
        ['/api/v1/stories?author=nobody-here', 'author'],
        ['/api/v1/stories?fields=id,password', 'fields'],
        ['/api/v1/stories?utm_source=x', 'utm_source'],
        ['/api/v1/stories/abc', 'id'],
        ['/api/v1/stories/99999999999', 'id'],
        ['/api/v1/search?q=', 'q'],
        ['/api/v1/search', 'q'],
        ['/api/v1/search?q=x&page=101', 'page'],
        ['/api/v1/search?q=x&limit=51', 'limit'],
        ['/api/v1/search?q=x&section=nowhere', 'section'],
        ['/api/v1/sections/UPPER', 'slug'],
      ];
      for (const [url, name] of cases) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(field(res).field, name, url);
        assert.equal(field(res).code, 'INVALID_INPUT');
      }
    });

    test('only what readers can see: drafts, future and trashed stories are 404', async () => {
      const editor = await actor(t.services, 'editor');
      const section = (await t.services.sections.findBySlug('desh'))!;
      const draft = await t.services.desk.createDraft(editor.user, { sectionId: section.id, headline: 'मसौदा' });
      assert.equal((await get(`/api/v1/stories/${draft}`)).statusCode, 404);
      const future = await publish('भविष्य की खबर', { publishedAt: new Date(t.services.now().getTime() + 3_600_000) });
      assert.equal((await get(`/api/v1/stories/${future}`)).statusCode, 404);
      const list = (await get('/api/v1/stories?limit=100&fields=id')).json() as { items: Story[] };
      assert.ok(!list.items.some((s) => s.id === draft || s.id === future));
      const live = await publish('हटाई जाने वाली खबर');
      assert.equal((await get(`/api/v1/stories/${live}`)).statusCode, 200);
      await t.services.trash.trash(editor.user, live);
      assert.equal((await get(`/api/v1/stories/${live}`)).statusCode, 404);
      assert.equal((await get('/api/v1/stories/2147483647')).statusCode, 404);
    });

    test('cached with ETag and 304, and an edit or a publish purges the answers that show it', async () => {
      const editor = await actor(t.services, 'editor');
      const id = await publish('कैश की जांच');
      const url = `/api/v1/stories/${id}`;
      const first = await get(url);
      assert.equal(first.headers['x-cache'], 'MISS');
      const etag = String(first.headers.etag);
      assert.ok(etag);
      const hit = await get(url);
      assert.equal(hit.headers['x-cache'], 'HIT');
      assert.equal(hit.headers['access-control-allow-origin'], '*', 'a cached answer keeps its headers');
      assert.equal(hit.body, first.body);
      const notModified = await get(url, { 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      assert.match(String(first.headers['surrogate-key']), new RegExp(`article:${id}`));
      const list = '/api/v1/stories?section=videsh&limit=3&fields=id,headline';
      await get(list);
      assert.equal((await get(list)).headers['x-cache'], 'HIT');
      // The newsroom edits the live story and presses Update: both answers are purged.
      await t.services.desk.update(editor.user, id, { headline: 'कैश की जांच: नया शीर्षक' });
      assert.equal(((await get(url)).json() as Story).headline, 'कैश की जांच', 'a pending edit is not public');
      await t.services.desk.applyPending(editor.user, id);
      const after = await get(url);
      assert.equal(after.headers['x-cache'], 'MISS');
      assert.equal((after.json() as Story).headline, 'कैश की जांच: नया शीर्षक');
      assert.notEqual(after.headers.etag, etag);
      assert.equal((await get(url, { 'if-none-match': etag })).statusCode, 200);
      const listAfter = await get(list);
      assert.equal(listAfter.headers['x-cache'], 'MISS');
      assert.equal((listAfter.json() as { items: Story[] }).items.find((s) => s.id === id)?.headline, 'कैश की जांच: नया शीर्षक');
      // A newly published story purges the lists it joins.
      const newer = await publish('सूची में नई खबर');
      assert.equal(((await get(list)).json() as { items: Story[] }).items[0]!.id, newer);
    });

    test('sections, tags, authors and search', async () => {
      const sections = (await get('/api/v1/sections')).json() as { items: { slug: string }[] };
      assert.ok(sections.items.some((s) => s.slug === 'videsh'));
      assert.equal(((await get('/api/v1/sections/videsh')).json() as { section: { slug: string } }).section.slug, 'videsh');
      assert.equal((await get('/api/v1/sections/no-such')).statusCode, 404);
      assert.equal((await get('/api/v1/tags/no-such-tag')).statusCode, 404);
      const authors = (await get('/api/v1/authors')).json() as { items: { slug: string }[] };
      assert.ok(authors.items.some((a) => a.slug === 'anjali-sharma'));
      assert.equal(((await get('/api/v1/authors/anjali-sharma')).json() as { author: { slug: string } }).author.slug, 'anjali-sharma');
      assert.equal((await get('/api/v1/authors/no-such')).statusCode, 404);
      // A byline added in the newsroom is in the (cached) list on the next request.
      assert.equal((await get('/api/v1/authors')).headers['x-cache'], 'HIT');
      await t.services.authors.add({ name: 'नई लेखिका', nameLatin: 'Nai Lekhika', bio: '', photoMediaId: null });
      const again = (await get('/api/v1/authors')).json() as { items: { slug: string }[] };
      assert.ok(again.items.some((a) => a.slug === 'nai-lekhika'), again.items.map((a) => a.slug).join(','));
      const search = (await get('/api/v1/search?q=putin&limit=3')).json() as { total: number; items: { headline: string }[] };
      assert.ok(search.total > 0);
      assert.ok(search.items.length <= 3 && search.items.length > 0);
      const filtered = (await get('/api/v1/search?q=putin&section=khel')).json() as { items: { section: { slug: string } }[] };
      assert.ok(filtered.items.every((i) => i.section.slug === 'khel'));
    });

    test('the OpenAPI document and its reference page', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
      assert.equal(doc.openapi, '3.1.0');
      assert.deepEqual(doc, JSON.parse(JSON.stringify(buildOpenApi(t.services.config.siteUrl.replace(/\/+$/, '')))));
      assert.ok(doc.paths['/api/v1/stories/{id}']);
      assert.ok(doc.paths['/api/v1/admin/stories']);
      const docs = await t.app.inject({ method: 'GET', url: '/api/v1/docs' });
      assert.equal(docs.statusCode, 200);
      assert.match(String(docs.headers['content-type']), /text\/html/);
      for (const op of Object.values(CONTENT_OPERATIONS)) assert.ok(docs.body.includes(op.path.replace(/:([a-z]+)/g, '{$1}')), op.path);
      assert.ok(docs.body.includes('/api/v1/admin/stories/{id}/publish'));
      assert.doesNotMatch(docs.body, /<script|(?:src|href)="(?:https?:)?\/\//);
      const css = await t.app.inject({ method: 'GET', url: '/api/v1/docs.css' });
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers['content-type']), /text\/css/);
    });

    test('every content operation was answered and checked against the document', () => {
      for (const op of Object.values(CONTENT_OPERATIONS)) {
        assert.ok([...checker.seen].some((s) => s === `GET 200 ${op.id}`), `${op.id} 200 seen`);
      }
      assert.ok([...checker.seen].some((s) => s.startsWith('GET 304')));
      assert.ok([...checker.seen].some((s) => s.startsWith('GET 400')));
      assert.ok([...checker.seen].some((s) => s.startsWith('GET 404')));
    });
  });
}
