/**
 * Sitemaps as XML (sitemaps.org 0.9, with Google's image 1.1 and news 0.9 extensions).
 * Pure: data in, a string out; every string through lib/xml.ts, so a headline with `<`, `&`,
 * `]]>` or characters XML forbids stays text. Addresses are absolute on the site's origin.
 */
import { articlePath } from '../../domain/articles/article.ts';
import type { SitemapPage, SitemapStory } from '../../domain/sitemaps/sitemap.ts';
import { el, escapeXmlText, XmlFragment, xmlDocument } from '../../lib/xml.ts';
import { feedImage } from '../feeds/feed-image.ts';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

const NS_SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NS_IMAGE = 'http://www.google.com/schemas/sitemap-image/1.1';
const NS_NEWS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** W3C Datetime in UTC, to the second (`2023-03-21T05:00:00Z`). */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.[0-9]{3}Z$/, 'Z');
}

const originOf = (siteUrl: string) => siteUrl.replace(/\/+$/, '');

/** The sitemap index: one entry per sitemap file. */
export function renderSitemapIndex(siteUrl: string, sitemaps: readonly { path: string; lastModified: Date | null }[]): string {
  const origin = originOf(siteUrl);
  return xmlDocument(
    el(
      'sitemapindex',
      { xmlns: NS_SITEMAP },
      sitemaps.map((s) => el('sitemap', null, el('loc', null, `${origin}${s.path}`), s.lastModified && el('lastmod', null, w3cDate(s.lastModified)))),
    ),
  );
}

/**
 * A month of stories: each story's address, its last change, and its hero photo (a JPEG).
 * The hot one (thousands of entries a file), so each entry is written as one template with
 * every value through escapeXmlText, the same escaping `el` applies, without building an
 * element per field.
 */
export function renderStoriesSitemap(siteUrl: string, stories: readonly SitemapStory[]): string {
  const origin = originOf(siteUrl);
  const urls = stories.map((s) => {
    const image = s.hero ? `\n<image:image>\n<image:loc>${escapeXmlText(`${origin}${feedImage(s.hero).path}`)}</image:loc>\n</image:image>` : '';
    return `<url>\n<loc>${escapeXmlText(`${origin}${articlePath(s)}`)}</loc>\n<lastmod>${w3cDate(s.updatedAt)}</lastmod>${image}\n</url>`;
  });
  return xmlDocument(el('urlset', { xmlns: NS_SITEMAP, 'xmlns:image': NS_IMAGE }, urls.length > 0 && new XmlFragment(urls.join('\n'))));
}

/** Section, tag or author pages. */
export function renderPagesSitemap(siteUrl: string, pages: readonly SitemapPage[]): string {
  const origin = originOf(siteUrl);
  return xmlDocument(
    el(
      'urlset',
      { xmlns: NS_SITEMAP },
      pages.map((p) => el('url', null, el('loc', null, `${origin}${p.path}`), p.lastModified && el('lastmod', null, w3cDate(p.lastModified)))),
    ),
  );
}

export interface NewsSitemapInput {
  readonly siteUrl: string;
  /** `news:name`: the publication's name as Google News knows it. */
  readonly publicationName: string;
  /** ISO 639 code of the publication (`hi`). */
  readonly language: string;
  /** Newest first, at most 1,000, from the last 48 hours. */
  readonly stories: readonly SitemapStory[];
}

/** The Google News sitemap: each story with its publication, publishing time and headline. */
export function renderNewsSitemap({ siteUrl, publicationName, language, stories }: NewsSitemapInput): string {
  const origin = originOf(siteUrl);
  return xmlDocument(
    el(
      'urlset',
      { xmlns: NS_SITEMAP, 'xmlns:news': NS_NEWS },
      stories.map((s) =>
        el(
          'url',
          null,
          el('loc', null, `${origin}${articlePath(s)}`),
          el('lastmod', null, w3cDate(s.updatedAt)),
          el(
            'news:news',
            null,
            el('news:publication', null, el('news:name', null, publicationName), el('news:language', null, language)),
            el('news:publication_date', null, w3cDate(s.publishedAt)),
            el('news:title', null, s.headline),
          ),
        ),
      ),
    ),
  );
}
