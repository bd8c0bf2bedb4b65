/**
 * Atom and JSON Feed over HTTP on every database, against the demo site: the same stories
 * as the RSS feeds, read with a real feed parser (feedsmith); discovery links in the head;
 * a new story shows on the next request of a cached feed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import { type Article, articlePath } from '../../domain/articles/article.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { readXml } from '../../render/feeds/read-xml.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { actor } from '../../../test/helpers/newsroom.ts';
import { FEED_SIZE } from './feed-routes.ts';

for (const dialect of DIALECTS) {
  describe(`Atom and JSON Feed (${dialect})`, () => {
    let t: TestApp;
    let origin: string;
    let ref: Article;

    before(async () => {
      t = await openDemoApp(dialect);
      origin = t.services.config.siteUrl.replace(/\/+$/, '');
      const summary = (await t.services.articles.latest(t.services.now(), 100)).find((a) => a.headline === referenceArticle.headline);
      assert.ok(summary);
      ref = (await t.services.articles.getPublic(summary.id, t.services.now()))!;
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    const atomLinks = (body: string) => (parseAtomFeed(body).entries ?? []).map((e) => e.id);
    const jsonLinks = (body: string) => (parseJsonFeed(body).items ?? []).map((i) => i.url);

    test('/feed/atom and /feed.json carry the same 30 newest stories as /feed', async () => {
      const expected = (await t.services.articles.latest(t.services.now(), FEED_SIZE)).map((a) => `${origin}${articlePath(a)}`);
      const atom = await get('/feed/atom');
      assert.equal(atom.statusCode, 200);
      assert.equal(atom.headers['content-type'], 'application/atom+xml; charset=utf-8');
      readXml(atom.body);
      const feed = parseAtomFeed(atom.body);
      assert.equal(feed.title?.value, (await t.services.settings.get()).siteName);
      assert.equal(feed.links?.find((l) => l.rel === 'self')?.href, `${origin}/feed/atom`);
      assert.deepEqual(atomLinks(atom.body), expected);

      const json = await get('/feed.json');
      assert.equal(json.statusCode, 200);
      assert.equal(json.headers['content-type'], 'application/feed+json; charset=utf-8');
      const jf = parseJsonFeed(json.body);
      assert.equal(jf.feed_url, `${origin}/feed.json`);
      assert.deepEqual(jsonLinks(json.body), expected);
      const item = (jf.items ?? []).find((i) => i.url === `${origin}${articlePath(ref)}`)!;
      assert.equal(item.title, ref.headline);
      assert.deepEqual(item.authors?.map((a) => a.name), ref.authors.map((a) => a.name));
      assert.ok(item.content_html?.startsWith('<'), 'the body as HTML');
      assert.ok(!/ (src|href)="\//.test(item.content_html ?? ''), 'no relative URL');
    });

    test('section, tag and author feeds in both formats', async () => {
      const now = t.services.now();
      const cases: [string, Parameters<typeof t.services.articles.latest>[2]][] = [
        [`/${ref.section.slug}/feed`, { sectionId: ref.section.id }],
        [`/tag/${ref.tags[0]!.slug}/feed`, { tagId: ref.tags[0]!.id }],
        [`/author/${ref.authors[0]!.slug}/feed`, { authorId: ref.authors[0]!.id }],
      ];
      for (const [rss, filter] of cases) {
        const expected = (await t.services.articles.latest(now, FEED_SIZE, filter)).map((a) => `${origin}${articlePath(a)}`);
        assert.ok(expected.includes(`${origin}${articlePath(ref)}`), rss);
        const atom = await get(`${rss}/atom`);
        assert.equal(atom.statusCode, 200, rss);
        assert.deepEqual(atomLinks(atom.body), expected, `${rss}/atom`);
        assert.equal(parseAtomFeed(atom.body).links?.find((l) => l.rel === 'self')?.href, `${origin}${rss}/atom`);
        const json = await get(`${rss}.json`);
        assert.equal(json.statusCode, 200, rss);
        assert.deepEqual(jsonLinks(json.body), expected, `${rss}.json`);
      }
    });

    for (const url of ['/no-such-section/feed/atom', '/no-such-section/feed.json', '/tag/no-such-tag/feed/atom', '/author/nobody/feed.json']) {
      test(`${url} → the site’s 404 page`, async () => {
        const res = await get(url);
        assert.equal(res.statusCode, 404);
        assert.match(String(res.headers['content-type']), /^text\/html/);
      });
    }

    test('pages announce the Atom and JSON feeds of the site, and a section page its own', async () => {
      const home = (await get('/')).body;
      assert.match(home, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feed\/atom"\/>/);
      assert.match(home, /<link rel="alternate" type="application\/feed\+json" title="[^"]+" href="\/feed.json"\/>/);
      const section = (await get(`/${ref.section.slug}`)).body;
      assert.ok(section.includes(`href="/${ref.section.slug}/feed/atom"/>`));
      assert.ok(section.includes(`href="/${ref.section.slug}/feed.json"/>`));
    });

    test('a cached feed shows a newly published story on the next request, and drops it when unpublished', async () => {
      for (const url of ['/feed/atom', '/feed.json']) await get(url);
      assert.equal((await get('/feed/atom')).headers['x-cache'], 'HIT');
      const { user } = await actor(t.services, 'editor');
      const id = await t.services.desk.createDraft(user, { sectionId: ref.section.id, headline: 'फ़ीड में नई खबर' });
      await t.services.desk.transition(user, id, 'published');
      const link = `${origin}${articlePath((await t.services.articles.getPublic(id, t.services.now()))!)}`;
      assert.equal(atomLinks((await get('/feed/atom')).body)[0], link);
      assert.equal(jsonLinks((await get('/feed.json')).body)[0], link);
      await t.services.desk.transition(user, id, 'unpublished');
      assert.ok(!atomLinks((await get('/feed/atom')).body).includes(link));
      assert.ok(!jsonLinks((await get('/feed.json')).body).includes(link));
    });
  });
}
