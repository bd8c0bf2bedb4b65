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

    test('a query parameter no page reads is answered but not stored', async () => {
      t.app.pageCache.clear();
      const url = `${pathOf(stories[0]!)}?utm_source=x${Math.random()}`;
      assert.equal((await get(url)).statusCode, 200);
      assert.equal((await get(url)).headers['x-cache'], 'BYPASS');
      assert.equal(t.app.pageCache.stats().entries, 0);
      await get('/?page=1');
      assert.equal((await get('/?page=1')).headers['x-cache'], 'HIT');
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
