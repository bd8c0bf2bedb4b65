/**
 * Sitemaps, robots.txt and ads.txt over HTTP on every database, against the demo site:
 * every sitemap valid against the published schemas (xmllint), stories following publish,
 * update and unpublish through the page cache, and the settings that make robots.txt and
 * ads.txt, edited through the admin form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Article, articlePath } from '../../domain/articles/article.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { childNamed, childrenNamed, readXml, textOf, type XmlElement } from '../../render/feeds/read-xml.ts';
import { DEFAULT_ROBOTS_RULES } from '../../render/sitemaps/robots.ts';
import { w3cDate } from '../../render/sitemaps/sitemap-xml.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { HOSTILE_HEADLINE } from '../../../test/helpers/hostile-text.ts';
import { actor, type Actor } from '../../../test/helpers/newsroom.ts';
import { schemaErrors } from '../../../test/helpers/xmllint.ts';

const locs = (root: XmlElement, entry: 'url' | 'sitemap') => childrenNamed(root, entry).map((u) => textOf(childNamed(u, 'loc')));

for (const dialect of DIALECTS) {
  describe(`sitemaps, robots.txt and ads.txt (${dialect})`, () => {
    let t: TestApp;
    let origin: string;
    let ref: Article;
    let editor: Actor;
    let admin: Actor;

    before(async () => {
      t = await openDemoApp(dialect);
      origin = t.services.config.siteUrl.replace(/\/+$/, '');
      const summary = (await t.services.articles.latest(t.services.now(), 100)).find((a) => a.headline === referenceArticle.headline);
      assert.ok(summary);
      ref = (await t.services.articles.getPublic(summary.id, t.services.now()))!;
      editor = await actor(t.services, 'editor');
      admin = await actor(t.services, 'admin');
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const path = (loc: string) => loc.slice(origin.length);
    const monthOf = (a: Pick<Article, 'publishedAt'>) => a.publishedAt!.toISOString().slice(0, 7);
    const postSettings = async (fields: Record<string, string>) => {
      const settings = await t.services.settings.get();
      const params = new URLSearchParams({ siteName: settings.siteName, siteNameLatin: settings.siteNameLatin, tagline: settings.tagline, readerLanguage: settings.readerLanguage, sidebarWidget: settings.sidebarWidget, ...fields });
      params.set('_csrf', admin.csrf);
      return t.app.inject({
        method: 'POST',
        url: '/admin/settings',
        headers: { cookie: admin.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      });
    };

    test('/sitemap.xml indexes month, section, tag and author sitemaps; every one is valid against the published schemas', async () => {
      const res = await get('/sitemap.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      assert.equal(schemaErrors(res.body, 'siteindex'), null);
      const files = locs(readXml(res.body), 'sitemap');
      assert.ok(files.includes(`${origin}/sitemaps/stories-${monthOf(ref)}.xml`), 'the reference story’s month');
      for (const name of ['sections', 'tags', 'authors']) assert.ok(files.includes(`${origin}/sitemaps/${name}.xml`), name);
      let stories = 0;
      for (const file of files) {
        const page = await get(path(file));
        assert.equal(page.statusCode, 200, file);
        assert.equal(schemaErrors(page.body, 'urlset'), null, file);
        if (file.includes('/stories-')) stories += childrenNamed(readXml(page.body), 'url').length;
      }
      const all = await t.services.articles.latest(t.services.now(), 1000);
      assert.equal(stories, all.length, 'every public story once');
    });

    test('a month’s sitemap: each story’s address, lastmod from its last change, and its hero photo', async () => {
      const root = readXml((await get(`/sitemaps/stories-${monthOf(ref)}.xml`)).body);
      const url = childrenNamed(root, 'url').find((u) => textOf(childNamed(u, 'loc')) === `${origin}${articlePath(ref)}`);
      assert.ok(url, 'the reference story');
      const changed = Math.max(ref.updatedAt.getTime(), ref.publishedAt!.getTime());
      assert.equal(textOf(childNamed(url, 'lastmod')), w3cDate(new Date(changed)));
      assert.ok(ref.hero, 'the reference story has a photo');
      const image = textOf(childNamed(childNamed(url, 'image:image')!, 'image:loc'));
      assert.match(image, new RegExp(`^${origin}/media/${ref.hero.fileKey}-[0-9]+\\.jpg$`));
      assert.equal((await get(path(image))).statusCode, 200, 'the photo is there');
    });

    test('sections, tags and authors list the pages that have public stories', async () => {
      const sections = locs(readXml((await get('/sitemaps/sections.xml')).body), 'url');
      assert.ok(sections.includes(`${origin}/${ref.section.slug}`));
      const tags = locs(readXml((await get('/sitemaps/tags.xml')).body), 'url');
      for (const tag of ref.tags) assert.ok(tags.includes(`${origin}/tag/${tag.slug}`), tag.slug);
      const authors = locs(readXml((await get('/sitemaps/authors.xml')).body), 'url');
      for (const a of ref.authors) assert.ok(authors.includes(`${origin}/author/${a.slug}`), a.slug);
      for (const loc of [...sections, ...tags.slice(0, 3), ...authors.slice(0, 3)]) assert.equal((await get(path(loc))).statusCode, 200, loc);
    });

    test('publishing shows a story in its month’s sitemap and the news sitemap on the next request; updating changes its title; unpublishing removes it', async () => {
      const now = t.services.now();
      const month = `/sitemaps/stories-${now.toISOString().slice(0, 7)}.xml`;
      // Warm the cache: the next answers must come from a purge, not a first render.
      for (const url of ['/sitemap.xml', '/news-sitemap.xml', month]) await get(url);
      assert.equal((await get('/news-sitemap.xml')).headers['x-cache'], 'HIT');

      const id = await t.services.desk.createDraft(editor.user, { sectionId: ref.section.id, headline: HOSTILE_HEADLINE });
      await t.services.desk.transition(editor.user, id, 'published');
      const story = (await t.services.articles.getPublic(id, t.services.now()))!;
      const loc = `${origin}${articlePath(story)}`;

      const news = await get('/news-sitemap.xml');
      assert.equal(news.statusCode, 200);
      assert.equal(schemaErrors(news.body, 'urlset'), null);
      const entry = childrenNamed(readXml(news.body), 'url').find((u) => textOf(childNamed(u, 'loc')) === loc);
      assert.ok(entry, 'in the news sitemap');
      const item = childNamed(entry, 'news:news')!;
      assert.equal(textOf(childNamed(childNamed(item, 'news:publication')!, 'news:name')), (await t.services.settings.get()).siteName);
      assert.equal(textOf(childNamed(childNamed(item, 'news:publication')!, 'news:language')), 'hi');
      assert.equal(textOf(childNamed(item, 'news:publication_date')), w3cDate(story.publishedAt!));
      assert.equal(textOf(childNamed(item, 'news:title')), HOSTILE_HEADLINE.normalize('NFC'), 'the headline as stored, byte for byte');
      const monthPage = await get(month);
      assert.equal(schemaErrors(monthPage.body, 'urlset'), null);
      assert.ok(locs(readXml(monthPage.body), 'url').includes(loc), 'in its month');
      assert.ok(locs(readXml((await get('/sitemap.xml')).body), 'sitemap').includes(`${origin}${month}`));

      // An update of the published story (through its working copy) reaches the news title.
      await t.services.desk.update(editor.user, id, { headline: 'बदली हुई सुर्खी' });
      await t.services.desk.applyPending(editor.user, id);
      const updated = childrenNamed(readXml((await get('/news-sitemap.xml')).body), 'url').find((u) => textOf(childNamed(u, 'loc')).endsWith(`-${id}`) || textOf(childNamed(u, 'loc')).endsWith(`/${id}`));
      assert.equal(textOf(childNamed(childNamed(updated!, 'news:news')!, 'news:title')), 'बदली हुई सुर्खी');

      await t.services.desk.transition(editor.user, id, 'unpublished');
      const gone = (body: string) => !locs(readXml(body), 'url').some((l) => l.endsWith(`-${id}`) || l.endsWith(`/${id}`));
      assert.ok(gone((await get('/news-sitemap.xml')).body), 'out of the news sitemap');
      const after = await get(month);
      assert.ok(after.statusCode === 404 || gone(after.body), 'out of its month');
    });

    test('trashing and then deleting a published story takes it out of the sitemaps on the next request', async () => {
      const month = `/sitemaps/stories-${t.services.now().toISOString().slice(0, 7)}.xml`;
      const id = await t.services.desk.createDraft(editor.user, { sectionId: ref.section.id, headline: 'हटाई जाने वाली खबर' });
      await t.services.desk.transition(editor.user, id, 'published');
      const listed = (body: string) => locs(readXml(body), 'url').some((l) => l.endsWith(`-${id}`) || l.endsWith(`/${id}`));
      assert.ok(listed((await get('/news-sitemap.xml')).body));
      assert.ok(listed((await get(month)).body));
      assert.equal((await get('/news-sitemap.xml')).headers['x-cache'], 'HIT', 'cached before the change');
      await t.services.trash.trash(editor.user, id);
      assert.ok(!listed((await get('/news-sitemap.xml')).body), 'trashed: out of the news sitemap');
      const after = await get(month);
      assert.ok(after.statusCode === 404 || !listed(after.body), 'trashed: out of its month');
      await t.services.trash.deleteForever(admin.user, id);
      assert.ok(!listed((await get('/news-sitemap.xml')).body), 'deleted: still out');
    });

    for (const url of ['/sitemaps/stories-2023-13.xml', '/sitemaps/stories-1999-01.xml', '/sitemaps/stories-2023-03-2.xml', '/sitemaps/stories-2023-03-1.xml', '/sitemaps/other.xml', '/sitemaps/stories-2023-3.xml']) {
      test(`${url} → 404`, async () => {
        const res = await get(url);
        assert.equal(res.statusCode, 404);
        assert.match(String(res.headers['content-type']), /^text\/html/);
      });
    }

    test('robots.txt: the default rules and the sitemap lines; an admin’s rules from the settings form', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(res.body, `${DEFAULT_ROBOTS_RULES}\n\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/news-sitemap.xml\n`);
      assert.equal((await get('/robots.txt')).headers['x-cache'], 'HIT');

      const saved = await postSettings({ robotsTxt: 'User-agent: *\r\nDisallow: /admin   \r\nDisallow: /private\r\n' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await get('/robots.txt')).body, `User-agent: *\nDisallow: /admin\nDisallow: /private\n\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/news-sitemap.xml\n`);
      const form = await t.app.inject({ method: 'GET', url: '/admin/settings', headers: { cookie: admin.cookie } });
      assert.ok(form.body.includes('Disallow: /private</textarea>'), 'the form shows the saved rules');

      const bad = await postSettings({ robotsTxt: 'Disallow: /\u0007' });
      assert.equal(bad.statusCode, 400);
      assert.ok((await get('/robots.txt')).body.includes('Disallow: /private'), 'nothing saved');
      await postSettings({ robotsTxt: '' });
      assert.ok((await get('/robots.txt')).body.startsWith(DEFAULT_ROBOTS_RULES), 'empty: the default again');
    });

    test('ads.txt: a 404 while empty, the saved text after, and a bad line refused with nothing saved', async () => {
      assert.equal((await get('/ads.txt')).statusCode, 404);
      const text = 'google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0\ncontact=ads@example.com';
      assert.equal((await postSettings({ adsTxt: text })).statusCode, 303);
      const res = await get('/ads.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      assert.equal(res.body, `${text}\n`);

      const bad = await postSettings({ adsTxt: `${text}\n<script>alert(1)</script>` });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.body.includes('ads.txt'), 'the form names the field');
      assert.ok(!bad.body.includes('<script>alert(1)</script>'), 'typed text is escaped when shown again');
      assert.equal((await get('/ads.txt')).body, `${text}\n`, 'nothing saved');
      await postSettings({ adsTxt: '' });
      assert.equal((await get('/ads.txt')).statusCode, 404);
    });
  });
}
