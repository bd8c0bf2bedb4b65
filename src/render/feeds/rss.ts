/**
 * RSS 2.0 feeds: the whole site, a section, a tag or an author. Pure: data in, a string
 * out, no clock (lastBuildDate is the newest item's time), so the same stories give the
 * same bytes on every request.
 *
 * Each item has the headline, the canonical link (also the guid), the publishing time,
 * the dek, the section and tags as categories, the authors as dc:creator, the hero photo
 * as an enclosure and media:content (an absolute JPEG URL), and the full body as HTML in
 * content:encoded (allowlisted blocks, absolute URLs; see feed-body.tsx).
 */
import { type Article, articlePath } from '../../domain/articles/article.ts';
import type { SiteSettings } from '../../domain/settings/settings.ts';
import { cdata, el, type XmlFragment, xmlDocument } from '../../lib/xml.ts';
import { renderFeedBody } from './feed-body.tsx';
import { feedImage } from './feed-image.ts';

export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

/** Language of every feed: the site has no language setting yet, and its pages are `lang="hi"`. */
export const FEED_LANGUAGE = 'hi';

const NS = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
};

export interface FeedItem {
  readonly article: Article;
  /** Length in bytes of the hero's feed image (`feedImage(article.hero).fileName`); null when not known (no enclosure then). */
  readonly heroBytes: number | null;
}

export interface FeedInput {
  /** Public origin, e.g. `https://example.com` (a trailing slash is dropped). */
  readonly siteUrl: string;
  readonly settings: Pick<SiteSettings, 'siteName' | 'tagline'>;
  /** What the feed follows (a section's name, `#tag`, an author's name); absent for the whole site. */
  readonly title?: string | undefined;
  /** Channel description; the site's tagline when empty. */
  readonly description?: string | undefined;
  /** Path of the HTML page the feed follows (`/`, `/videsh`, `/tag/x`). */
  readonly pagePath: string;
  /** Path of the feed itself, for `atom:link rel="self"`. */
  readonly feedPath: string;
  readonly language?: string | undefined;
  /** Newest first. */
  readonly items: readonly FeedItem[];
}

/** RFC 822 date-time in UTC (`Tue, 21 Mar 2023 05:00:00 GMT`), as RSS 2.0 asks. */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** When the feed last changed: the newest publishing or update time among its items; null for an empty feed. */
export function lastChanged(items: readonly FeedItem[]): Date | null {
  let newest: number | null = null;
  for (const { article } of items) {
    for (const d of [article.publishedAt, article.updatedAt]) {
      if (d && (newest === null || d.getTime() > newest)) newest = d.getTime();
    }
  }
  return newest === null ? null : new Date(newest);
}

function renderItem(item: FeedItem, origin: string): XmlFragment {
  const { article } = item;
  const link = `${origin}${articlePath(article)}`;
  const categories = [...new Set([article.section.name, ...article.tags.map((t) => t.name)])];
  const hero = article.hero;
  const image = hero ? feedImage(hero) : null;
  const description = article.dek || article.seoDescription;
  return el(
    'item',
    null,
    el('title', null, article.headline),
    el('link', null, link),
    el('guid', { isPermaLink: 'true' }, link),
    article.publishedAt && el('pubDate', null, rfc822(article.publishedAt)),
    description && el('description', null, description),
    article.authors.map((a) => el('dc:creator', null, a.name)),
    categories.map((c) => el('category', null, c)),
    hero &&
      image &&
      item.heroBytes !== null &&
      el('enclosure', { url: `${origin}${image.path}`, length: item.heroBytes, type: 'image/jpeg' }),
    hero &&
      image &&
      el(
        'media:content',
        { url: `${origin}${image.path}`, type: 'image/jpeg', medium: 'image', width: image.width, height: image.height, fileSize: item.heroBytes },
        (hero.caption || hero.alt) && el('media:description', { type: 'plain' }, hero.caption || hero.alt),
        hero.credit && el('media:credit', null, hero.credit),
      ),
    el(
      'content:encoded',
      null,
      cdata(renderFeedBody({ blocks: article.body.blocks, media: article.bodyMedia, origin, correctionNote: article.correctionNote, corrections: article.corrections })),
    ),
  );
}

/** The feed as an RSS 2.0 document. */
export function renderRss(input: FeedInput): string {
  const origin = input.siteUrl.replace(/\/+$/, '');
  const { siteName, tagline } = input.settings;
  const title = input.title ? `${input.title} | ${siteName}` : siteName;
  const built = lastChanged(input.items);
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', ...NS },
      el(
        'channel',
        null,
        el('title', null, title),
        el('link', null, `${origin}${input.pagePath}`),
        el('description', null, input.description || tagline || title),
        el('language', null, input.language ?? FEED_LANGUAGE),
        built && el('lastBuildDate', null, rfc822(built)),
        el('atom:link', { href: `${origin}${input.feedPath}`, rel: 'self', type: 'application/rss+xml' }),
        input.items.map((item) => renderItem(item, origin)),
      ),
    ),
  );
}
