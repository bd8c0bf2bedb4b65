/**
 * The page cache over HTTP, on both databases. The staleness tests warm every page a
 * reader can reach from the front page, make one kind of change through the services (as
 * the newsroom's routes, jobs and CLI do), and then compare every page the cached app
 * serves with what an app without a cache renders from the same database: any difference
 * is a stale page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { cacheKey } from './page-cache-plugin.ts';
import type { ArticleSummary } from '../../domain/articles/article.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

for (const dialect of DIALECTS) {
  describe(`page cache (${dialect})`, () => {
    let t: TestApp;
    let fresh: FastifyInstance;
    let editor: Actor;
    let stories: ArticleSummary[];

    before(async () => {
      t = await openDemoApp(dialect);
      fresh = await buildApp(t.services, { pageCacheBytes: 0 });
      editor = await actor(t.services, 'editor');
      stories = await t.services.articles.latest(t.services.now(), 100);
    });
    after(async () => {
      await fresh?.close();
      await t?.close();
    });

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
    const pathOf = (s: ArticleSummary) => `/${s.section.slug}/${s.slug ? `${s.slug}-` : ''}${s.id}`;

    /** Every reader page linked from the front page, and search. */
    async function readerPages(): Promise<string[]> {
      const home = await fresh.inject({ method: 'GET', url: '/' });
      const links = new Set<string>(['/', '/search?q=putin', '/api/search?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8', '/api/search/suggest?q=put']);
      for (const m of home.body.matchAll(/href="(\/[^"#?]*)"/g)) {
        const href = m[1]!;
        if (!/^\/(assets|media|admin|api)\//.test(href)) links.add(href);
      }
      for (const s of await t.services.articles.latest(t.services.now(), 12)) links.add(pathOf(s));
      return [...links];
    }

    /** Requests each page twice: the second answer must come from the cache. */
    async function warm(urls: readonly string[]): Promise<Map<string, string>> {
      const bodies = new Map<string, string>();
      for (const url of urls) {
        const first = await get(url);
        assert.equal(first.statusCode, 200, `${url}: ${first.statusCode}`);
        const second = await get(url);
        assert.equal(second.headers['x-cache'], 'HIT', `${url} was not cached`);
        bodies.set(url, second.body);
      }
      return bodies;
    }

    /** Every page as served now equals a fresh render; at least one differs from before the change. */
    async function assertNoneStale(urls: readonly string[], before: Map<string, string>, change: string): Promise<void> {
      let changed = 0;
      for (const url of urls) {
        const [cached, rendered] = [await get(url), await fresh.inject({ method: 'GET', url })];
        assert.equal(cached.statusCode, rendered.statusCode, `${change}: ${url} status`);
        // Not assert.equal: a whole page in the failure message hides which page it was.
        assert.ok(cached.body === rendered.body, `${change}: ${url} is stale`);
        if (before.get(url) !== cached.body) changed++;
      }
      assert.ok(changed > 0, `${change}: no page changed, so the test proved nothing`);
    }

    async function afterChange(name: string, change: () => Promise<unknown>): Promise<void> {
      const urls = await readerPages();
      const before = await warm(urls);
      await change();
      await assertNoneStale(urls, before, name);
    }

    test('a second request is a hit, in every encoding, with an ETag and 304', async () => {
      const url = pathOf(stories[0]!);
      const miss = await get(url, { 'accept-encoding': 'br' });
      assert.equal(miss.headers['x-cache'], 'MISS');
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['x-cache'], 'HIT');
      assert.equal(br.headers['content-encoding'], 'br');
      const gz = await get(url, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      const plain = await get(url);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(zlib.brotliDecompressSync(br.rawPayload).toString(), plain.body);
      assert.equal(zlib.gunzipSync(gz.rawPayload).toString(), plain.body);
      assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
      assert.equal(br.headers.vary, 'accept-encoding');
      assert.match(String(plain.headers['content-type']), /^text\/html; charset=utf-8/);
      assert.ok(plain.headers['content-security-policy'], 'security headers are kept with the page');
      const etag = String(plain.headers.etag);
      assert.match(etag, /^W\/"[A-Za-z0-9_-]+"$/);
      assert.equal(br.headers.etag, etag);
      const notModified = await get(url, { 'if-none-match': etag });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      assert.equal((await get(url, { 'if-none-match': 'W/"other"' })).statusCode, 200);
      const head = await t.app.inject({ method: 'HEAD', url });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
    });

    test('a miss answers with the same ETag and a 304 for a matching If-None-Match', async () => {
      const url = pathOf(stories[1]!);
      const reference = await fresh.inject({ method: 'GET', url });
      t.app.pageCache.clear();
      const first = await get(url, { 'if-none-match': String(reference.headers.etag) });
      assert.equal(first.headers['x-cache'], 'MISS');
      assert.equal(first.statusCode, 304);
    });

    test('public pages carry their content tags for a CDN, and the CDN cache policy', async () => {
      const s = stories.find((x) => x.hero)!;
      const res = await get(pathOf(s));
      const keys = String(res.headers['surrogate-key']).split(' ');
      assert.deepEqual(String(res.headers['cache-tag']).split(','), keys);
      for (const tag of [`article:${s.id}`, `comments:${s.id}`, `section:${s.section.id}`, `media:${s.hero!.id}`, 'latest', 'settings', 'nav']) {
        assert.ok(keys.includes(tag), `missing ${tag}`);
      }
      assert.equal(res.headers['cache-control'], 'public, max-age=0, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400');
    });

    test('no request header outside the key changes a cached page', async () => {
      const url = pathOf(stories[2]!);
      t.app.pageCache.clear();
      const odd = await get(url, {
        'accept-language': 'en-US,en;q=0.9',
        cookie: 'theme=dark; _ga=GA1.2.3',
        'user-agent': 'Mozilla/5.0 (Linux; Android 10) Mobile',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        host: 'other.example',
        referer: 'https://evil.example/',
        'accept-encoding': 'identity',
      });
      assert.equal(odd.headers['x-cache'], 'MISS');
      const plain = await get(url);
      assert.equal(plain.headers['x-cache'], 'HIT');
      assert.equal(plain.body, (await fresh.inject({ method: 'GET', url })).body);
      assert.ok(!plain.body.includes('evil.example') && !plain.body.includes('other.example'));
    });

    test('a signed-in user bypasses the cache, and gets no-store', async () => {
      const url = pathOf(stories[3]!);
      t.app.pageCache.clear();
      const signedIn = await get(url, { cookie: editor.cookie });
      assert.equal(signedIn.statusCode, 200);
      assert.equal(signedIn.headers['cache-control'], 'private, no-store');
      assert.equal(signedIn.headers['x-cache'], undefined);
      assert.equal(t.app.pageCache.stats().entries, 0, 'a signed-in render is not stored');
      await get(url);
      const again = await get(url, { cookie: editor.cookie });
      assert.equal(again.headers['x-cache'], undefined, 'a signed-in user is never served from the cache');
      const admin = await get('/admin', { cookie: editor.cookie });
      assert.match(String(admin.headers['cache-control']), /no-store/);
    });

    test('a query parameter the page does not read is answered but not stored', async () => {
      t.app.pageCache.clear();
      const article = pathOf(stories[0]!);
      for (const url of [`${article}?utm_source=x${Math.random()}`, `${article}?q=${Math.random()}`, `${article}?page=2`, `/?page=1`, `/feed?q=x`]) {
        const first = await get(url);
        assert.equal(first.statusCode, 200, url);
        assert.equal(first.body, (await fresh.inject({ method: 'GET', url })).body, `${url} is the page as rendered`);
        assert.equal((await get(url)).headers['x-cache'], 'BYPASS', url);
      }
      assert.equal(t.app.pageCache.stats().entries, 0);
      // What a page does read is its key, in any order or spelling of the same values.
      const section = `/${stories[0]!.section.slug}`;
      await get(`${section}?page=1`);
      assert.equal((await get(`${section}?page=1`)).headers['x-cache'], 'HIT');
      const repeated = await get(`${section}?page=1&page=1`);
      assert.equal(repeated.statusCode, 400, 'a repeated parameter is a bad request');
      assert.equal(repeated.headers['x-cache'], undefined);
      await get('/search?q=putin+jinping&page=1');
      assert.equal((await get('/search?page=1&q=putin%20jinping')).headers['x-cache'], 'HIT');
      // A value the route drops (an unknown section, a date that is not one) is not a new page.
      assert.equal((await get('/search?q=putin&section=nahin-hai')).statusCode, 200);
      assert.equal((await get('/search?q=putin&section=nahin-hai')).headers['x-cache'], 'BYPASS');
      assert.equal((await get('/search?q=putin&from=2023-02-30')).statusCode, 200);
      assert.equal((await get('/search?q=putin&from=2023-02-30')).headers['x-cache'], 'BYPASS');
      // The search form sends its empty fields: that address is cached.
      await get('/search?q=putin&section=&from=&to=');
      assert.equal((await get('/search?q=putin&section=&from=&to=')).headers['x-cache'], 'HIT');
      // One spelling per path: a needlessly %-escaped one is rendered, not stored.
      const escaped = article.replace(/^\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
      assert.equal((await get(escaped)).statusCode, 200);
      assert.equal((await get(escaped)).headers['x-cache'], 'BYPASS');
    });

    test('error pages and comment posts are never cached', async () => {
      const missing = await get('/videsh/nahin-hai-999999');
      assert.equal(missing.statusCode, 404);
      assert.equal((await get('/videsh/nahin-hai-999999')).headers['x-cache'], undefined);
      assert.equal(missing.headers['cache-control'], 'no-store');
    });

    test('after an edit of a published story, no page is stale', async () => {
      const s = stories.find((x) => x.hero)!;
      await t.services.desk.update(editor.user, s.id, { headline: `${s.headline} (अपडेट)` });
      await afterChange('update', () => t.services.desk.applyPending(editor.user, s.id));
    });

    test('after a publish, no page is stale', async () => {
      const sectionId = stories[0]!.section.id;
      const id = await t.services.desk.createDraft(editor.user, { sectionId, headline: 'कैश जांच: नई खबर प्रकाशित' });
      await t.services.desk.update(editor.user, id, { dek: 'यह खबर अभी प्रकाशित हुई', tagNames: ['कैश'] });
      await afterChange('publish', () => t.services.desk.transition(editor.user, id, 'published'));
    });

    test('after an unpublish, no page is stale', async () => {
      const s = stories[4]!;
      await afterChange('unpublish', () => t.services.desk.transition(editor.user, s.id, 'unpublished'));
    });

    test('when a scheduled story goes live, no page is stale', async () => {
      const now = t.services.now();
      const id = await t.services.desk.createDraft(editor.user, { sectionId: stories[0]!.section.id, headline: 'कैश जांच: तय समय पर खबर' });
      await t.services.desk.transition(editor.user, id, 'scheduled', { publishAt: new Date(now.getTime() + 60_000) });
      await afterChange('schedule', async () => {
        t.setNow(new Date(now.getTime() + 61_000));
        assert.deepEqual(await t.services.desk.publishDue(), [id]);
      });
    });

    test('when a comment is approved, no page is stale', async () => {
      await t.services.settings.update({ commentModeration: 'all' });
      const s = stories[5]!;
      const posted = await postWithScript(t, { id: s.id, path: pathOf(s) }, validFields());
      assert.equal(posted.statusCode, 202, posted.body);
      const held = await t.services.commentModeration.list(editor.user, { status: 'pending', articleId: s.id }, 1);
      assert.equal(held.items.length, 1);
      await afterChange('comment approved', () => t.services.commentModeration.act(editor.user, [held.items[0]!.id], 'approve'));
    });

    test('after a widget edit, no page is stale', async () => {
      await afterChange('widget', () =>
        t.services.widgets.update('covid', { title: 'COVID-19 CASES', rows: [{ label: 'सक्रिय', value: '12,345', delta: '+10' }], source: 'स्वास्थ्य मंत्रालय', asOf: '2023-03-21T10:00' }),
      );
    });

    test('after a settings edit, no page is stale', async () => {
      await afterChange('settings', () => t.services.settings.update({ siteName: 'समाचार टाइम्स' }));
    });

    test('after a section, tag, author, photo or front-page change, no page is stale', async () => {
      const s = (await t.services.articles.getPublic(stories.find((x) => x.hero)!.id, t.services.now()))!;
      const section = (await t.services.sections.findById(s.section.id))!;
      await afterChange('section', () => t.services.sections.update(section.id, { name: `${section.name} खबरें`, nameLatin: section.nameLatin, slug: section.slug, description: section.description }));
      const tag = s.tags[0]!;
      await afterChange('tag', () => t.services.tags.rename(tag.id, `${tag.name} नया`));
      const author = s.authors[0]!;
      await afterChange('author', () => t.services.authors.update(author.id, { name: `${author.name} जी`, nameLatin: author.nameLatin, bio: author.bio, photoMediaId: author.photo?.id ?? null }));
      await afterChange('photo', () => t.services.media.updateMeta(s.hero!.id, { alt: 'नया विवरण', caption: 'नया कैप्शन', credit: 'समाचार' }));
      const unpinned = stories.filter((x) => x.id !== s.id).at(-1)!;
      await afterChange('pin', () => t.services.articles.pin(unpinned.id, t.services.now()));
    });
  });
}

/**
 * Keys depend on the address alone, not the database: one database is enough, and 10,000
 * renders take a while on a busy machine. test/hostile/cache-and-comments.test.ts floods a
 * started server on each database.
 */
test('10,000 junk addresses leave warm pages cached', async () => {
  const t = await openDemoApp(DIALECTS[0]!);
  // A small cache, so that storing the junk would have pushed the warm pages out many times over.
  const small = await buildApp(t.services, { pageCacheBytes: 2_000_000 });
  try {
    const s = (await t.services.articles.latest(t.services.now(), 1))[0]!;
    const article = `/${s.section.slug}/${s.slug ? `${s.slug}-` : ''}${s.id}`;
    const section = `/${s.section.slug}`;
    const warmUrls = [article, '/', section, `${section}?page=1`, '/feed'];
    for (const url of warmUrls) {
      assert.equal((await small.inject({ method: 'GET', url })).statusCode, 200, url);
      assert.equal((await small.inject({ method: 'GET', url })).headers['x-cache'], 'HIT', url);
    }
    const rand = () => Math.random().toString(36).slice(2);
    const escapeSome = (path: string) => path.replace(/[a-z]/g, (c) => (Math.random() < 0.3 ? `%${c.charCodeAt(0).toString(16)}` : c));
    const junk: ((i: number) => string)[] = [
      () => `${article}?q=${rand()}`,
      () => `${article}?utm_source=${rand()}`,
      () => `${article}?posted=${1 + Math.floor(Math.random() * 1e6)}`,
      () => escapeSome(article),
      () => `/?page=${rand()}`,
      () => `${section}?page=1&x=${rand()}`,
      () => `${section}?page=1&page=${rand()}`,
      () => `/search?q=${rand()}`,
      () => `/search?q=putin&section=${rand()}`,
      () => `/search?q=putin&from=${rand()}`,
      () => `/api/search?q=putin&pageSize=${rand()}`,
      () => `/api/search/suggest?q=${rand()}`,
      // A feed is slow to render: one in ten of this slot.
      (i) => (i % 10 === 0 ? `/feed?${rand()}=1` : `/api/search/suggest?q=${rand()}&q=${rand()}`),
    ];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 10_000; i += 20) {
      const batch = await Promise.all(Array.from({ length: 20 }, (_, j) => small.inject({ method: 'GET', url: junk[(i + j) % junk.length]!(i + j) })));
      for (const r of batch) statuses.set(r.statusCode, (statuses.get(r.statusCode) ?? 0) + 1);
    }
    assert.ok(!statuses.has(500), `no junk address is a server error: ${JSON.stringify([...statuses])}`);
    for (const url of warmUrls) assert.equal((await small.inject({ method: 'GET', url })).headers['x-cache'], 'HIT', `${url} was pushed out`);
    const stats = small.pageCache.stats();
    assert.ok(stats.openEndedBytes <= 500_000, `made-up searches stay within their quarter: ${stats.openEndedBytes}`);
  } finally {
    await small.close();
    await t.close();
  }
});

test('cacheKey: only what the route reads, in its order, one spelling', () => {
  const params = ['q', 'section', 'page'];
  assert.equal(cacheKey('/videsh/a-1', undefined), '/videsh/a-1');
  assert.equal(cacheKey('/videsh/a-1?', undefined), '/videsh/a-1');
  assert.equal(cacheKey('/videsh/a-1?q=x', undefined), null);
  assert.equal(cacheKey('/search?page=2&q=a%20b', params), '/search?q=a+b&page=2');
  assert.equal(cacheKey('/search?q=a+b&page=2', params), '/search?q=a+b&page=2');
  assert.equal(cacheKey('/search?q=a&q=b', params), null);
  assert.equal(cacheKey('/search?q=a&utm_source=b', params), null);
  assert.equal(cacheKey('/vid%65sh', params), null);
  assert.equal(cacheKey('/tag/%E0%A4%AA', params), '/tag/%E0%A4%AA');
  assert.equal(cacheKey('/tag/%e0%a4%aa', params), null);
  assert.equal(cacheKey('/tag/%E0%A4', params), null);
});
