/**
 * Atom 1.0 (RFC 4287) feeds beside the RSS ones: the same stories and the same input
 * (FeedInput from rss.ts). Pure: no clock; the feed's `updated` is its newest item's time,
 * or `emptyUpdated` for a feed with no items (Atom requires the element).
 *
 * Each entry: the canonical link as id and alternate link, the headline, published and
 * updated times, every author (the site when a story has none, since Atom asks for an
 * author), the section and tags as categories, the dek as summary, the full body as HTML
 * content, and the hero photo as an enclosure link.
 */
import type { Article } from '../../domain/articles/article.ts';
import { el, type XmlFragment, xmlDocument } from '../../lib/xml.ts';
import { itemCategories, itemHtml, itemImage, itemLink, itemUpdated, rfc3339 } from './feed-item.ts';
import { FEED_LANGUAGE, type FeedInput, type FeedItem, lastChanged } from './rss.ts';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomInput extends FeedInput {
  /** The feed's `updated` when it has no items. */
  readonly emptyUpdated: Date;
}

function renderEntry(item: FeedItem, origin: string, siteName: string, language: string): XmlFragment {
  const { article } = item;
  const link = itemLink(article, origin);
  const image = itemImage(article);
  const summary = article.dek || article.seoDescription;
  const authors: readonly Pick<Article['authors'][number], 'name' | 'slug'>[] = article.authors;
  return el(
    'entry',
    // A story in another language than the feed's (an English story on a Hindi site) says so.
    { 'xml:lang': article.lang && article.lang !== language ? article.lang : null },
    el('id', null, link),
    el('title', { type: 'text' }, article.headline),
    el('link', { rel: 'alternate', type: 'text/html', href: link }),
    article.publishedAt && el('published', null, rfc3339(article.publishedAt)),
    el('updated', null, rfc3339(itemUpdated(article))),
    authors.length > 0
      ? authors.map((a) => el('author', null, el('name', null, a.name), el('uri', null, `${origin}/author/${a.slug}`)))
      : el('author', null, el('name', null, siteName)),
    itemCategories(article).map((c) => el('category', { term: c.term, label: c.label, scheme: `${origin}${c.path.slice(0, c.path.lastIndexOf('/') + 1)}` })),
    summary && el('summary', { type: 'text' }, summary),
    el('content', { type: 'html' }, itemHtml(article, origin)),
    image && el('link', { rel: 'enclosure', type: 'image/jpeg', href: `${origin}${image.path}`, length: item.heroBytes }),
  );
}

/** The feed as an Atom document. */
export function renderAtom(input: AtomInput): string {
  const origin = input.siteUrl.replace(/\/+$/, '');
  const { siteName, tagline } = input.settings;
  const title = input.title ? `${input.title} | ${siteName}` : siteName;
  const updated = lastChanged(input.items) ?? input.emptyUpdated;
  const language = input.language ?? FEED_LANGUAGE;
  return xmlDocument(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': language },
      el('id', null, `${origin}${input.feedPath}`),
      el('title', { type: 'text' }, title),
      el('subtitle', { type: 'text' }, input.description || tagline || title),
      el('updated', null, rfc3339(updated)),
      el('link', { rel: 'alternate', type: 'text/html', href: `${origin}${input.pagePath}` }),
      el('link', { rel: 'self', type: 'application/atom+xml', href: `${origin}${input.feedPath}` }),
      el('generator', null, 'Samachar'),
      input.items.map((item) => renderEntry(item, origin, siteName, language)),
    ),
  );
}
