/**
 * JSON Feed 1.1 (jsonfeed.org/version/1.1) beside the RSS and Atom feeds: the same stories
 * and input. Pure. Strings go through JSON.stringify, which escapes what JSON needs; lone
 * surrogates are written as `\uD800` escapes, so the document is always valid UTF-8.
 */
import { itemCategories, itemHtml, itemImage, itemLink, itemUpdated, rfc3339 } from './feed-item.ts';
import { FEED_LANGUAGE, type FeedInput, type FeedItem } from './rss.ts';

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

interface JsonFeedAuthor {
  name: string;
  url?: string;
}

function renderItem(item: FeedItem, origin: string, language: string): Record<string, unknown> {
  const { article } = item;
  const link = itemLink(article, origin);
  const image = itemImage(article);
  const summary = article.dek || article.seoDescription;
  const authors: JsonFeedAuthor[] = article.authors.map((a) => ({ name: a.name, url: `${origin}/author/${a.slug}` }));
  return {
    id: link,
    url: link,
    title: article.headline,
    content_html: itemHtml(article, origin),
    ...(summary ? { summary } : {}),
    ...(image ? { image: `${origin}${image.path}` } : {}),
    ...(article.publishedAt ? { date_published: rfc3339(article.publishedAt) } : {}),
    date_modified: rfc3339(itemUpdated(article)),
    ...(authors.length > 0 ? { authors } : {}),
    tags: itemCategories(article).map((c) => c.label),
    ...(article.lang && article.lang !== language ? { language: article.lang } : {}),
    ...(image
      ? { attachments: [{ url: `${origin}${image.path}`, mime_type: 'image/jpeg', ...(item.heroBytes !== null ? { size_in_bytes: item.heroBytes } : {}) }] }
      : {}),
  };
}

/** The feed as a JSON Feed 1.1 document (one line, UTF-8). */
export function renderJsonFeed(input: FeedInput): string {
  const origin = input.siteUrl.replace(/\/+$/, '');
  const { siteName, tagline } = input.settings;
  const title = input.title ? `${input.title} | ${siteName}` : siteName;
  const language = input.language ?? FEED_LANGUAGE;
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title,
    home_page_url: `${origin}${input.pagePath}`,
    feed_url: `${origin}${input.feedPath}`,
    description: input.description || tagline || title,
    language,
    items: input.items.map((item) => renderItem(item, origin, language)),
  });
}
