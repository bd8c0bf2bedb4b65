/**
 * RSS feeds over HTTP on every database: the site, section, tag and author feeds
 * against the demo site, read back with a strict XML reader.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Article, articlePath, type NewArticle } from '../../domain/articles/article.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { stripNonXmlChars } from '../../lib/xml.ts';
import { childNamed, childrenNamed, readXml, textOf, type XmlElement } from '../../render/feeds/read-xml.ts';
import { rfc822 } from '../../render/feeds/rss.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { FEED_SIZE } from './feed-routes.ts';

/** Every XML special, characters XML 1.0 forbids (C0 controls, U+FFFE/FFFF, a lone surrogate), a CDATA end, Hindi and an emoji. */
const HOSTILE = `<script>alert("x")</script> & 'उद्धरण' ]]> \u0001\u0008\u000b\u000c\u001f\uFFFE\uFFFF\uD800 😀 &amp; खबर`;

function channelOf(body: string): XmlElement {
  const rss = readXml(body);
  assert.equal(rss.name, 'rss');
  assert.equal(rss.attrs.version, '2.0');
  const channel = childNamed(rss, 'channel');
  assert.ok(channel, 'the feed has a channel');
  return channel;
}

const itemsOf = (channel: XmlElement) => childrenNamed(channel, 'item');
const linksOf = (channel: XmlElement) => itemsOf(channel).map((i) => textOf(childNamed(i, 'link')));

for (const dialect of DIALECTS) {
  describe(`RSS feeds (${dialect})`, () => {
    let t: TestApp;
    let origin: string;
    let ref: Article;

    before(async () => {
      t = await openDemoApp(dialect);
      origin = t.services.config.siteUrl.replace(/\/+$/, '');
      const summary = (await t.services.articles.latest(t.services.now(), 100)).find((a) => a.headline === referenceArticle.headline);
      assert.ok(summary, 'the reference article is in the demo');
      ref = (await t.services.articles.getPublic(summary.id, t.services.now()))!;
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    async function story(over: Partial<NewArticle> & { headline: string }): Promise<number> {
      const now = t.services.now();
      return t.services.articles.create({
        sectionId: ref.section.id,
        dek: '',
        body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] },
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

    test('/feed is RSS 2.0 of the newest 30 public stories, newest first, with absolute links', async () => {
      const res = await get('/feed');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
      assert.equal(res.headers['cache-control'], 'public, max-age=0, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400');
      const channel = channelOf(res.body);
      const settings = await t.services.settings.get();
      assert.equal(textOf(childNamed(channel, 'title')), settings.siteName);
      assert.equal(textOf(childNamed(channel, 'link')), `${origin}/`);
      assert.equal(textOf(childNamed(channel, 'language')), 'hi');
      assert.deepEqual(childNamed(channel, 'atom:link')?.attrs, { href: `${origin}/feed`, rel: 'self', type: 'application/rss+xml' });

      const expected = await t.services.articles.latest(t.services.now(), FEED_SIZE);
      assert.equal(expected.length, FEED_SIZE, 'the demo has more than a feed’s worth of stories');
      const items = itemsOf(channel);
      assert.deepEqual(items.map((i) => textOf(childNamed(i, 'title'))), expected.map((a) => a.headline));
      assert.deepEqual(linksOf(channel), expected.map((a) => `${origin}${articlePath(a)}`));
      for (const [i, item] of items.entries()) {
        const a = expected[i]!;
        const guid = childNamed(item, 'guid')!;
        assert.equal(guid.attrs.isPermaLink, 'true');
        assert.equal(textOf(guid), `${origin}${articlePath(a)}`);
        assert.equal(textOf(childNamed(item, 'pubDate')), rfc822(a.publishedAt!));
        assert.match(textOf(childNamed(item, 'pubDate')), /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/);
        assert.equal(textOf(childNamed(item, 'category')), a.section.name, 'the section is the first category');
        if (a.dek) assert.equal(textOf(childNamed(item, 'description')), a.dek);
        const html = textOf(childNamed(item, 'content:encoded'));
        assert.ok(html.startsWith('<'), `${a.headline}: the body as HTML`);
        assert.ok(!/ (src|href)="\//.test(html), `${a.headline}: no relative URL in the body`);
      }
      const newest = Math.max(...expected.flatMap((a) => [a.publishedAt!.getTime(), a.updatedAt.getTime()]));
      assert.equal(textOf(childNamed(channel, 'lastBuildDate')), rfc822(new Date(newest)));
    });

    test('the hero photo is an absolute JPEG with its real length', async () => {
      const items = itemsOf(channelOf((await get('/feed')).body));
      const withHero = items.filter((i) => childNamed(i, 'enclosure'));
      assert.ok(withHero.length > 0, 'demo stories have photos');
      for (const item of withHero.slice(0, 5)) {
        const enclosure = childNamed(item, 'enclosure')!;
        assert.equal(enclosure.attrs.type, 'image/jpeg');
        assert.ok(enclosure.attrs.url!.startsWith(`${origin}/media/`) && enclosure.attrs.url!.endsWith('.jpg'), enclosure.attrs.url);
        const file = await get(enclosure.attrs.url!.slice(origin.length));
        assert.equal(file.statusCode, 200);
        assert.equal(file.headers['content-type'], 'image/jpeg');
        assert.equal(String(file.rawPayload.length), enclosure.attrs.length);
        const media = childNamed(item, 'media:content')!;
        assert.equal(media.attrs.url, enclosure.attrs.url);
        assert.equal(media.attrs.fileSize, enclosure.attrs.length);
        assert.match(media.attrs.width ?? '', /^[1-9][0-9]*$/);
      }
    });

    test('the same stories give the same bytes on every request', async () => {
      const urls = ['/feed', `/${ref.section.slug}/feed`, `/tag/${ref.tags[0]!.slug}/feed`, `/author/${ref.authors[0]!.slug}/feed`];
      for (const url of urls) {
        const [a, b] = [await get(url), await get(url)];
        assert.equal(a.statusCode, 200, url);
        assert.equal(a.body, b.body, url);
      }
    });

    test('a section feed has only that section’s stories', async () => {
      const res = await get(`/${ref.section.slug}/feed`);
      assert.equal(res.statusCode, 200);
      const channel = channelOf(res.body);
      const settings = await t.services.settings.get();
      assert.equal(textOf(childNamed(channel, 'title')), `${ref.section.name} | ${settings.siteName}`);
      assert.equal(textOf(childNamed(channel, 'link')), `${origin}/${ref.section.slug}`);
      assert.equal(childNamed(channel, 'atom:link')?.attrs.href, `${origin}/${ref.section.slug}/feed`);
      const expected = await t.services.articles.latest(t.services.now(), FEED_SIZE, { sectionId: ref.section.id });
      assert.deepEqual(linksOf(channel), expected.map((a) => `${origin}${articlePath(a)}`));
      assert.ok(linksOf(channel).includes(`${origin}${articlePath(ref)}`), 'the reference article is in its section’s feed');
      for (const item of itemsOf(channel)) assert.ok(textOf(childNamed(item, 'link')).startsWith(`${origin}/${ref.section.slug}/`), 'in the section');
    });

    test('tag and author feeds, with categories and dc:creator', async () => {
      const tag = ref.tags[0]!;
      const tagFeed = channelOf((await get(`/tag/${tag.slug}/feed`)).body);
      assert.match(textOf(childNamed(tagFeed, 'title')), new RegExp(`^#${tag.name} \\| `));
      const expectedTag = await t.services.articles.latest(t.services.now(), FEED_SIZE, { tagId: tag.id });
      assert.deepEqual(linksOf(tagFeed), expectedTag.map((a) => `${origin}${articlePath(a)}`));

      const author = ref.authors[0]!;
      const authorFeed = channelOf((await get(`/author/${author.slug}/feed`)).body);
      assert.match(textOf(childNamed(authorFeed, 'title')), new RegExp(`^${author.name} \\| `));
      const expectedAuthor = await t.services.articles.latest(t.services.now(), FEED_SIZE, { authorId: author.id });
      assert.deepEqual(linksOf(authorFeed), expectedAuthor.map((a) => `${origin}${articlePath(a)}`));

      const item = itemsOf(authorFeed).find((i) => textOf(childNamed(i, 'link')) === `${origin}${articlePath(ref)}`);
      assert.ok(item, 'the reference article is in its author’s feed');
      assert.deepEqual(childrenNamed(item, 'dc:creator').map(textOf), ref.authors.map((a) => a.name));
      assert.deepEqual(childrenNamed(item, 'category').map(textOf), [...new Set([ref.section.name, ...ref.tags.map((x) => x.name)])]);
      assert.equal(textOf(childNamed(item, 'description')), ref.dek);
    });

    test('drafts, scheduled stories and stories timed for later are not in any feed until their time', async () => {
      const now = t.services.now();
      const later = new Date(now.getTime() + 60 * 60_000);
      const draft = await story({ headline: 'फ़ीड परीक्षण: मसौदा', status: 'draft', publishedAt: null });
      const scheduled = await story({ headline: 'फ़ीड परीक्षण: तय समय', status: 'scheduled', publishedAt: later });
      const future = await story({ headline: 'फ़ीड परीक्षण: बाद में', status: 'published', publishedAt: later, updatedAt: later });
      const hidden = (body: string) => [draft, scheduled, future].filter((id) => body.includes(`-${id}</link>`));
      for (const url of ['/feed', `/${ref.section.slug}/feed`]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200);
        assert.deepEqual(hidden(res.body), [], url);
        assert.ok(!res.body.includes('फ़ीड परीक्षण'), url);
      }
      t.setNow(new Date(later.getTime() + 1000));
      // A story saved as published with a future time (only the demo loader and the
      // generator can make one) goes public with no change to purge by: the page cache's TTL
      // ceiling bounds that. Here the cache is dropped as that ceiling would.
      t.app.pageCache.clear();
      try {
        const feed = channelOf((await get('/feed')).body);
        assert.equal(textOf(childNamed(itemsOf(feed)[0]!, 'title')), 'फ़ीड परीक्षण: बाद में', 'public once its time has come, and newest');
        assert.equal(textOf(childNamed(feed, 'lastBuildDate')), rfc822(later));
        assert.ok(!textOf(feed).includes('फ़ीड परीक्षण: मसौदा'), 'the draft stays out');
        assert.ok(!textOf(feed).includes('फ़ीड परीक्षण: तय समय'), 'a scheduled story waits for the publishing job');
      } finally {
        t.setNow(now);
      }
    });

    test('hostile text is escaped and characters XML forbids are dropped', async () => {
      const tag = await t.services.tags.findOrCreate(`R&D <"x"> 'y'`);
      const id = await story({ headline: HOSTILE, dek: HOSTILE, tagIds: [tag.id] });
      const stored = (await t.services.articles.getPublic(id, t.services.now()))!;
      const res = await get('/feed');
      assert.equal(res.statusCode, 200);
      // Well-formed (readXml refuses control characters, bare & and <, unknown entities).
      const item = itemsOf(channelOf(res.body)).find((i) => textOf(childNamed(i, 'link')).endsWith(`-${id}`) || textOf(childNamed(i, 'link')).endsWith(`/${id}`));
      assert.ok(item, 'the hostile story is in the feed');
      const clean = stripNonXmlChars(stored.headline);
      assert.notEqual(clean, stored.headline, 'the stored headline has characters XML forbids');
      assert.ok(!/[\u0001-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/.test(clean), 'nothing forbidden left to compare with');
      assert.equal(textOf(childNamed(item, 'title')), clean);
      assert.equal(textOf(childNamed(item, 'description')), stripNonXmlChars(stored.dek));
      assert.deepEqual(childrenNamed(item, 'category').map(textOf), [ref.section.name, tag.name]);
      assert.ok(!res.body.includes('<script>'), 'no markup from text');
      assert.ok(res.body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;उद्धरण&apos; ]]&gt;'), 'escaped');
      assert.ok(res.body.includes('😀 &amp;amp; खबर'), 'an entity-like text stays text');
      // The tag's own feed too.
      const tagFeed = await get(`/tag/${tag.slug}/feed`);
      assert.equal(tagFeed.statusCode, 200);
      assert.equal(textOf(childNamed(channelOf(tagFeed.body), 'title')).split(' | ')[0], `#${tag.name}`);
    });

    const unknown = ['/no-such-section/feed', '/tag/no-such-tag/feed', '/author/no-such-person/feed', '/feed/feed', '/tag/feed/feed'];
    for (const url of unknown) {
      test(`${url} → the site’s 404 page`, async () => {
        const res = await get(url);
        assert.equal(res.statusCode, 404);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        assert.match(res.body, /<html lang="hi"/);
        assert.equal(res.headers['cache-control'], 'no-store');
      });
    }

    test('the feed addresses live beside the pages they follow', async () => {
      for (const url of [`/${ref.section.slug}`, articlePath(ref), `/tag/${ref.tags[0]!.slug}`, `/author/${ref.authors[0]!.slug}`]) {
        assert.equal((await get(url)).statusCode, 200, url);
      }
    });

    test('pages announce the site feed, and section pages their section’s', async () => {
      const settings = await t.services.settings.get();
      const home = (await get('/')).body;
      assert.ok(home.includes(`<link rel="alternate" type="application/rss+xml" title="${settings.siteName}" href="/feed"/>`), 'home links /feed');
      assert.ok(!home.includes(`/${ref.section.slug}/feed"`), 'no section feed on the home page');
      const section = (await get(`/${ref.section.slug}`)).body;
      assert.ok(section.includes('href="/feed"/>'), 'section page links /feed');
      assert.ok(
        section.includes(`<link rel="alternate" type="application/rss+xml" title="${ref.section.name} | ${settings.siteName}" href="/${ref.section.slug}/feed"/>`),
        'section page links its feed',
      );
      for (const href of ['/feed', `/${ref.section.slug}/feed`]) assert.equal((await get(href)).statusCode, 200, href);
    });
  });
}
