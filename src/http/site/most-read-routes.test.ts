/**
 * Most read over HTTP on every database (issue 15, points 5 and 6): a story page carries
 * the beacon script; beacons from browsers count, a bot user agent, a prefetch and a
 * repeated reload (the same token) do not; a malformed or cross-site beacon is refused in
 * Hindi; after the flush the side column lists "सबसे ज़्यादा पढ़ी गई" most read first,
 * site-wide, and on a section page only that section's stories. No cookie is set.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, TEST_NOW } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import type { ArticleSummary } from '../../domain/articles/article.ts';
import { articlePath } from '../../domain/articles/article.ts';
import { READER_STRINGS } from '../../render/strings.ts';

const BROWSER = 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
const HEADING = READER_STRINGS.hi.mostRead;

let tokens = 0;
const freshToken = () => `tok${String(++tokens).padStart(5, '0')}aaaaaaaaaaaaaa`;

/** The headlines of the most-read box, in order. */
function mostReadBox(html: string): string[] | null {
  const box = /<section class="box most-read"[^>]*>(.*?)<\/section>/s.exec(html);
  if (!box) return null;
  assert.ok(box[1]!.includes(`>${HEADING}</h2>`), 'the box has its Hindi heading');
  return [...box[1]!.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]!);
}

for (const dialect of DIALECTS) {
  describe(`most read (${dialect})`, () => {
    let t: TestApp;
    let stories: ArticleSummary[];

    const beacon = (articleId: number | string, token: string, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: `/_view?a=${articleId}&t=${token}`, headers: { 'user-agent': BROWSER, origin: 'http://localhost:80', host: 'localhost:80', ...headers } });
    const views = async () => {
      const rows = await t.services.storage.db.selectFrom('article_views').select(['article_id', 'views']).execute();
      const total = new Map<number, number>();
      for (const r of rows) total.set(r.article_id, (total.get(r.article_id) ?? 0) + r.views);
      return total;
    };

    before(async () => {
      t = await openDemoApp(dialect);
      stories = await t.services.articles.latest(TEST_NOW, 30);
      assert.ok(stories.length >= 6);
    });
    after(() => t.close());

    test('a story page loads the beacon script from this site; the script is served', async () => {
      const story = stories[0]!;
      const page = await t.app.inject({ method: 'GET', url: articlePath(story) });
      assert.equal(page.statusCode, 200);
      const tag = new RegExp(`<script type="module" src="(/assets/view\\.[0-9a-f]{12}\\.js)" data-view-article="${story.id}"></script>`).exec(page.body);
      assert.ok(tag, 'the beacon script tag');
      assert.equal(page.headers['set-cookie'], undefined);
      const script = await t.app.inject({ method: 'GET', url: tag[1]! });
      assert.equal(script.statusCode, 200);
      assert.match(String(script.headers['content-type']), /javascript/);
      assert.match(script.body, /sendBeacon/);
      assert.match(script.body, /\/_view/);
      assert.doesNotMatch(script.body, /https?:\/\//, 'asks nothing of another host');
      // (Not the home page: the last test wants its first render after the views.)
      assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/search?q=putin' })).body, /data-view-article/, 'only story pages count');
    });

    test('most-read excludes a bot user agent and a repeated reload (and a prefetch)', async () => {
      const [a, b] = stories;
      const reload = freshToken();
      assert.equal((await beacon(a!.id, reload)).statusCode, 204);
      assert.equal((await beacon(a!.id, reload)).statusCode, 204, 'the reload is answered the same');
      assert.equal((await beacon(a!.id, freshToken(), { 'user-agent': GOOGLEBOT })).statusCode, 204);
      assert.equal((await beacon(a!.id, freshToken(), { 'user-agent': '' })).statusCode, 204);
      assert.equal((await beacon(a!.id, freshToken(), { 'sec-purpose': 'prefetch;prerender' })).statusCode, 204);
      assert.equal((await beacon(a!.id, freshToken(), { purpose: 'prefetch' })).statusCode, 204);
      assert.equal((await beacon(b!.id, freshToken())).statusCode, 204);
      assert.equal((await beacon(b!.id, freshToken())).statusCode, 204);
      assert.equal(await t.services.mostRead.flush(), 3);
      const counted = await views();
      assert.equal(counted.get(a!.id), 1, 'one reader, reloading; the bot, the empty agent and the prefetches not counted');
      assert.equal(counted.get(b!.id), 2);
      // The flush added; a second one adds nothing more and the next views add up.
      assert.equal(await t.services.mostRead.flush(), 0);
      await beacon(a!.id, reload);
      await t.services.mostRead.flush();
      assert.equal((await views()).get(a!.id), 1, 'the reload still counts once after a flush');
    });

    test('malformed or cross-site beacons are refused in Hindi, nothing counted', async () => {
      const cases: [string, Record<string, string>, number][] = [
        [`/_view?a=abc&t=${freshToken()}`, {}, 400],
        [`/_view?a=0&t=${freshToken()}`, {}, 400],
        [`/_view?a=99999999999&t=${freshToken()}`, {}, 400],
        [`/_view?a=1&t=short`, {}, 400],
        [`/_view?a=1`, {}, 400],
        [`/_view?a=1&a=2&t=${freshToken()}`, {}, 400],
        [`/_view?a=1&t=${freshToken()}`, { origin: 'https://evil.example' }, 403],
        [`/_view?a=1&t=${freshToken()}`, { origin: 'null' }, 403],
      ];
      for (const [url, headers, status] of cases) {
        const res = await t.app.inject({ method: 'POST', url, headers: { 'user-agent': BROWSER, origin: 'http://localhost:80', host: 'localhost:80', ...headers } });
        assert.equal(res.statusCode, status, url);
        assert.match(res.body, /[\u0900-\u097f]/, `${url}: a Hindi message`);
      }
      const big = await t.app.inject({ method: 'POST', url: `/_view?a=1&t=${freshToken()}`, headers: { 'user-agent': BROWSER, 'content-type': 'text/plain' }, payload: 'x'.repeat(5000) });
      assert.equal(big.statusCode, 413);
      assert.equal(await t.services.mostRead.flush(), 0);
      // A story that does not exist is answered like any (nothing to tell) and dropped at the flush.
      assert.equal((await beacon(2_000_000, freshToken())).statusCode, 204);
      await t.services.mostRead.flush();
      assert.equal((await views()).has(2_000_000), false);
    });

    test('the lists: most read first, site-wide on the home page, per section on its page', async () => {
      // b: 2 views so far, a: 1. Make c the most read, from another section if there is one.
      const [a, b] = stories;
      const c = stories.find((s) => s.section.id !== a!.section.id) ?? stories[2]!;
      for (let i = 0; i < 4; i++) await beacon(c.id, freshToken());
      await t.services.mostRead.flush();
      t.services.mostRead.refresh();
      const home = await t.app.inject({ method: 'GET', url: '/' });
      const siteWide = mostReadBox(home.body);
      assert.ok(siteWide, 'the home page has the box');
      assert.deepEqual(siteWide.slice(0, 3), [articlePath(c), articlePath(b!), articlePath(a!)]);
      assert.match(String(home.headers['surrogate-key']), new RegExp(`\\barticle:${c.id}\\b`), 'a change to a listed story purges the page');
      const sectionPage = await t.app.inject({ method: 'GET', url: `/${a!.section.slug}` });
      const perSection = mostReadBox(sectionPage.body);
      assert.ok(perSection);
      const inSection = [a!, b!, c].filter((s) => s.section.id === a!.section.id).sort((x, y) => (x === c ? -1 : y === c ? 1 : x === b ? -1 : 1));
      assert.deepEqual(perSection, inSection.map(articlePath), 'only the section’s stories');
      // A story taken down leaves the list at once, although the ranking is kept for minutes.
      await t.services.storage.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', c.id).execute();
      t.services.changes.emit([`article:${c.id}`]);
      const after = mostReadBox((await t.app.inject({ method: 'GET', url: '/' })).body);
      assert.ok(after && !after.includes(articlePath(c)));
    });
  });
}
