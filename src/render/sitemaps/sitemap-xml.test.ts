/**
 * Sitemap XML: valid against the published schemas (xmllint), hostile headlines byte-exact
 * after parsing, robots.txt's lines. Pure functions; the HTTP side is in
 * http/site/sitemap-routes.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SitemapStory } from '../../domain/sitemaps/sitemap.ts';
import { schemaErrors } from '../../../test/helpers/xmllint.ts';
import { HOSTILE_HEADLINE } from '../../../test/helpers/hostile-text.ts';
import { childNamed, childrenNamed, readXml, textOf } from '../feeds/read-xml.ts';
import { DEFAULT_ROBOTS_RULES, renderRobotsTxt } from './robots.ts';
import { renderNewsSitemap, renderPagesSitemap, renderSitemapIndex, renderStoriesSitemap, w3cDate } from './sitemap-xml.ts';

const story = (over: Partial<SitemapStory> = {}): SitemapStory => ({
  id: 42,
  slug: 'jinping-se-bole-putin',
  section: { id: 2, slug: 'videsh', name: 'विदेश' },
  headline: 'जिनपिंग से बोले पुतिन',
  publishedAt: new Date('2023-03-21T05:00:00.250Z'),
  updatedAt: new Date('2023-03-22T08:30:00Z'),
  hero: { fileKey: '0123456789abcdef', width: 1600, height: 900, variantWidths: [480, 960, 1440] },
  ...over,
});

const SITE = 'https://news.example/';

describe('sitemap XML', () => {
  it('the index is valid against siteindex.xsd', () => {
    const xml = renderSitemapIndex(SITE, [
      { path: '/sitemaps/stories-2023-03.xml', lastModified: new Date('2023-03-22T08:30:00Z') },
      { path: '/sitemaps/tags.xml', lastModified: null },
    ]);
    assert.equal(schemaErrors(xml, 'siteindex'), null);
    const root = readXml(xml);
    assert.deepEqual(childrenNamed(root, 'sitemap').map((s) => textOf(childNamed(s, 'loc'))), ['https://news.example/sitemaps/stories-2023-03.xml', 'https://news.example/sitemaps/tags.xml']);
    assert.equal(textOf(childNamed(childrenNamed(root, 'sitemap')[0]!, 'lastmod')), '2023-03-22T08:30:00Z');
  });

  it('a month of stories: address, lastmod from the last change, the hero as image:image; valid against sitemap.xsd + image 1.1', () => {
    const xml = renderStoriesSitemap(SITE, [story(), story({ id: 43, slug: '', hero: null })]);
    assert.equal(schemaErrors(xml, 'urlset'), null);
    const urls = childrenNamed(readXml(xml), 'url');
    assert.equal(textOf(childNamed(urls[0]!, 'loc')), 'https://news.example/videsh/jinping-se-bole-putin-42');
    assert.equal(textOf(childNamed(urls[0]!, 'lastmod')), '2023-03-22T08:30:00Z');
    assert.equal(textOf(childNamed(childNamed(urls[0]!, 'image:image')!, 'image:loc')), 'https://news.example/media/0123456789abcdef-960.jpg');
    assert.equal(textOf(childNamed(urls[1]!, 'loc')), 'https://news.example/videsh/43');
    assert.equal(childNamed(urls[1]!, 'image:image'), undefined);
  });

  it('section, tag and author pages are valid against sitemap.xsd', () => {
    const xml = renderPagesSitemap(SITE, [
      { path: '/videsh', lastModified: new Date('2023-03-21T05:00:00Z') },
      { path: '/tag/putin', lastModified: null },
    ]);
    assert.equal(schemaErrors(xml, 'urlset'), null);
  });

  it('the news sitemap names the publication, language hi, time and headline; a hostile headline survives byte for byte', () => {
    const xml = renderNewsSitemap({ siteUrl: SITE, publicationName: 'समाचार & "न्यूज़"', language: 'hi', stories: [story({ headline: HOSTILE_HEADLINE })] });
    assert.equal(schemaErrors(xml, 'urlset'), null);
    const news = childNamed(childrenNamed(readXml(xml), 'url')[0]!, 'news:news')!;
    const publication = childNamed(news, 'news:publication')!;
    assert.equal(textOf(childNamed(publication, 'news:name')), 'समाचार & "न्यूज़"');
    assert.equal(textOf(childNamed(publication, 'news:language')), 'hi');
    assert.equal(textOf(childNamed(news, 'news:publication_date')), '2023-03-21T05:00:00Z');
    assert.equal(textOf(childNamed(news, 'news:title')), HOSTILE_HEADLINE);
    // And as xmllint reads it (a second, independent parser): the title's text, exactly.
    assert.ok(xml.includes('<news:title>पुतिन ]]&gt; &lt;b&gt;&quot;जिनपिंग&quot;&lt;/b&gt; &amp; &apos;डियर&apos; 😀'), 'escaped, not CDATA');
  });

  it('the validator refuses what the schemas forbid (the check can fail)', () => {
    const bad = renderNewsSitemap({ siteUrl: SITE, publicationName: 'x', language: 'Hindi', stories: [story()] });
    assert.match(schemaErrors(bad, 'urlset') ?? '', /language/);
    assert.match(schemaErrors(renderSitemapIndex(SITE, []), 'siteindex') ?? '', /sitemapindex/, 'an index needs one sitemap');
    assert.notEqual(schemaErrors(renderStoriesSitemap(SITE, [story()]).replace('<lastmod>', '<lastmod>x'), 'urlset'), null);
  });

  it('writes W3C datetimes in UTC to the second', () => {
    assert.equal(w3cDate(new Date('2023-03-21T18:00:00.999+05:30')), '2023-03-21T12:30:00Z');
  });
});

describe('robots.txt', () => {
  it('the default rules close the newsroom, previews and search; the sitemap lines always follow', () => {
    const txt = renderRobotsTxt('', 'https://news.example/');
    assert.ok(txt.startsWith(DEFAULT_ROBOTS_RULES));
    for (const line of ['User-agent: *', 'Disallow: /admin', 'Disallow: /preview/', 'Disallow: /search']) assert.ok(txt.split('\n').includes(line), line);
    assert.ok(txt.endsWith('\n\nSitemap: https://news.example/sitemap.xml\nSitemap: https://news.example/news-sitemap.xml\n'));
  });

  it('an admin’s own rules replace the default', () => {
    const txt = renderRobotsTxt('User-agent: BadBot\nDisallow: /', 'https://news.example');
    assert.equal(txt, 'User-agent: BadBot\nDisallow: /\n\nSitemap: https://news.example/sitemap.xml\nSitemap: https://news.example/news-sitemap.xml\n');
  });
});
