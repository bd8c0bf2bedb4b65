/**
 * Old addresses over HTTP on every database: WordPress permalinks of every kind answer 301
 * with the new address in one hop, unknown ones 404, real pages never ask the redirect map,
 * and the 301s are kept in the page cache until the map changes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath } from '../../domain/articles/article.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';

for (const dialect of DIALECTS) {
  describe(`old addresses (${dialect})`, () => {
    let t: TestApp;
    let storyPath: string;
    let sectionPath: string;
    let lookups: string[];

    before(async () => {
      t = await openDemoApp(dialect);
      const [summary] = await t.services.articles.latest(t.services.now(), 1);
      const story = (await t.services.articles.getPublic(summary!.id, t.services.now()))!;
      storyPath = articlePath(story);
      sectionPath = `/${story.section.slug}`;
      // Count every question to the redirect map.
      lookups = [];
      const find = t.services.redirects.find.bind(t.services.redirects);
      t.services.redirects.find = (path: string) => {
        lookups.push(path);
        return find(path);
      };
      await t.services.redirects.putMany([
        { fromPath: '/2024/03/21/putin-welcome-dear-friend/', toPath: storyPath, origin: 'wordpress' },
        { fromPath: encodeURI('/2024/03/21/पुतिन-से-मुलाकात/'), toPath: storyPath, origin: 'wordpress' },
        { fromPath: '/?p=123', toPath: storyPath, origin: 'wordpress' },
        { fromPath: '/category/videsh-news/', toPath: sectionPath, origin: 'wordpress' },
        { fromPath: '/tag/vladimir/', toPath: '/tag/putin', origin: 'wordpress' },
        { fromPath: '/author/asha/', toPath: '/author/asha-verma', origin: 'wordpress' },
        { fromPath: '/2024/03/21/putin-welcome-dear-friend/photo-1/', toPath: storyPath, origin: 'wordpress' },
        { fromPath: '/category/videsh-news/feed/', toPath: `${sectionPath}/feed`, origin: 'wordpress' },
        { fromPath: '/?attachment_id=9', toPath: storyPath, origin: 'wordpress' },
        // An old address that is also a live page: the page wins.
        { fromPath: sectionPath, toPath: '/elsewhere', origin: 'manual' },
      ]);
    });
    after(() => t.close());

    const get = (url: string, method: 'GET' | 'HEAD' | 'POST' = 'GET') => t.app.inject({ method, url });

    test('every kind of WordPress address answers 301 with the new one, in one hop', async () => {
      const cases: [string, string][] = [
        ['/2024/03/21/putin-welcome-dear-friend/', storyPath],
        ['/2024/03/21/putin-welcome-dear-friend', storyPath],
        [encodeURI('/2024/03/21/पुतिन-से-मुलाकात/'), storyPath],
        [encodeURI('/2024/03/21/पुतिन-से-मुलाकात/').toLowerCase(), storyPath],
        ['/?p=123', storyPath],
        ['/?p=123&preview=true', storyPath],
        ['/?attachment_id=9', storyPath],
        ['/category/videsh-news/', sectionPath],
        ['/category/videsh-news/feed/', `${sectionPath}/feed`],
        ['/tag/vladimir/', '/tag/putin'],
        ['/author/asha/', '/author/asha-verma'],
        ['/2024/03/21/putin-welcome-dear-friend/photo-1/', storyPath],
        ['/2024/03/21/putin-welcome-dear-friend/?utm_source=share', storyPath],
      ];
      for (const [from, to] of cases) {
        const res = await get(from);
        assert.equal(res.statusCode, 301, from);
        assert.equal(res.headers.location, to, from);
      }
      const head = await get('/tag/vladimir', 'HEAD');
      assert.equal(head.statusCode, 301);
      assert.equal(head.headers.location, '/tag/putin');
    });

    test('unknown old addresses are 404 as before; the home page with an unknown ?p= is the home page, not kept', async () => {
      for (const url of ['/2024/03/21/never-imported', '/category/nothing', '/tag/nothing', '/a/b/c/d']) {
        assert.equal((await get(url)).statusCode, 404, url);
        const slash = await get(`${url}/`);
        assert.deepEqual([slash.statusCode, slash.headers.location], [301, url], 'the slash is dropped as before');
      }
      assert.equal((await get('/2024/03/21/putin-welcome-dear-friend', 'POST')).statusCode, 404, 'only GET and HEAD are redirected');
      const home = await get('/?p=999');
      assert.equal(home.statusCode, 200);
      assert.equal(home.headers['x-cache'], 'BYPASS');
      assert.equal((await get('/?p=999')).headers['x-cache'], 'BYPASS');
    });

    test('real pages never ask the redirect map, and win over a row for their own address', async () => {
      await get('/');
      await get(storyPath);
      lookups.length = 0;
      for (const url of ['/', storyPath, sectionPath, `${sectionPath}?page=1`, '/feed']) {
        assert.equal((await get(url)).statusCode, 200, url);
      }
      assert.deepEqual(lookups, []);
      // A warm page with a slash added: one hop to the page, still no lookup.
      const slash = await get(`${sectionPath}/`);
      assert.equal(slash.statusCode, 301);
      assert.equal(slash.headers.location, sectionPath);
      assert.deepEqual(lookups, []);
    });

    test('301s are kept in the page cache, and a change to the map purges them', async () => {
      const first = await get('/2024/03/21/putin-welcome-dear-friend');
      assert.equal(first.statusCode, 301);
      lookups.length = 0;
      const again = await get('/2024/03/21/putin-welcome-dear-friend');
      assert.equal(again.statusCode, 301);
      assert.equal(again.headers['x-cache'], 'HIT');
      assert.equal(again.headers.location, storyPath);
      assert.match(String(again.headers['cache-control']), /public/);
      assert.match(String(again.headers['surrogate-key']), /\bredirects\b/);
      const slashed = await get('/2024/03/21/putin-welcome-dear-friend/');
      assert.equal(slashed.headers.location, storyPath, 'the slash form reads the kept 301');
      assert.deepEqual(lookups, [], 'answered without the database');
      const [row] = (await t.services.redirects.list('putin-welcome-dear-friend', 1, 50)).items.filter((r) => r.fromPath === '/2024/03/21/putin-welcome-dear-friend');
      await t.services.redirects.update(row!.id, { fromPath: row!.fromPath, toPath: sectionPath });
      const moved = await get('/2024/03/21/putin-welcome-dear-friend');
      assert.equal(moved.headers.location, sectionPath);
      assert.notEqual(moved.headers['x-cache'], 'HIT');
      await t.services.redirects.delete(row!.id);
      assert.equal((await get('/2024/03/21/putin-welcome-dear-friend')).statusCode, 404);
      assert.equal((await get('/2024/03/21/putin-welcome-dear-friend/')).statusCode, 301, 'the slash rule still drops the slash');
      assert.equal((await get('/2024/03/21/putin-welcome-dear-friend/')).headers.location, '/2024/03/21/putin-welcome-dear-friend');
    });

    test('/?p= keys are cached under their own key', async () => {
      await get('/?p=123');
      const hit = await get('/?p=123');
      assert.equal(hit.statusCode, 301);
      assert.equal(hit.headers['x-cache'], 'HIT');
      const home = await get('/');
      assert.equal(home.statusCode, 200, 'the home page is not the cached 301');
    });
  });
}

describe('old addresses when the redirect map cannot answer', () => {
  test('an unknown address is still the 404 page, and a slash is still dropped, never a 500', async () => {
    const t = await openDemoApp(DIALECTS[0]!);
    try {
      t.services.redirects.find = () => Promise.reject(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' }));
      const res = await t.app.inject({ method: 'GET', url: '/2024/03/21/some-old-story' });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /पेज नहीं मिला/);
      const slash = await t.app.inject({ method: 'GET', url: '/2024/03/21/some-old-story/' });
      assert.deepEqual([slash.statusCode, slash.headers.location], [301, '/2024/03/21/some-old-story']);
    } finally {
      await t.close();
    }
  });
});
