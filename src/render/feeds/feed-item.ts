/**
 * What Atom and JSON Feed say about one story, in one place, so the two formats cannot
 * drift apart: its address, the body as HTML for a feed reader, its categories and its
 * photo. Pure.
 */
import { type Article, articlePath } from '../../domain/articles/article.ts';
import { renderFeedBody } from './feed-body.tsx';
import { type FeedImage, feedImage } from './feed-image.ts';

/** RFC 3339 in UTC (`2023-03-21T05:00:00.000Z`), as Atom and JSON Feed ask. */
export function rfc3339(date: Date): string {
  return date.toISOString();
}

/** The story's canonical address, absolute: also its id in every feed (stable across edits). */
export function itemLink(article: Pick<Article, 'id' | 'slug' | 'section'>, origin: string): string {
  return `${origin}${articlePath(article)}`;
}

/**
 * The story's full text as HTML (allowlisted blocks, absolute URLs), then what is said
 * about it afterwards. A correction note is rendered by feed-body.tsx.
 * Corrections: when stories carry `article.corrections` (a list of {date, text}), they go
 * here, after the body, so Atom and JSON Feed both show them.
 */
export function itemHtml(article: Article, origin: string): string {
  return renderFeedBody({ blocks: article.body.blocks, media: article.bodyMedia, origin, correctionNote: article.correctionNote, corrections: article.corrections });
}

/** The section first, then the tags; a tag named as the section is not repeated. */
export function itemCategories(article: Article): { term: string; label: string; path: string }[] {
  const seen = new Set([article.section.name]);
  const out = [{ term: article.section.slug, label: article.section.name, path: `/${article.section.slug}` }];
  for (const t of article.tags) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    out.push({ term: t.slug, label: t.name, path: `/tag/${t.slug}` });
  }
  return out;
}

/** The hero's JPEG for feeds, or null. */
export function itemImage(article: Article): FeedImage | null {
  return article.hero ? feedImage(article.hero) : null;
}

/** When a story last changed for a feed: its update time, never before its publishing time. */
export function itemUpdated(article: Article): Date {
  const published = article.publishedAt?.getTime() ?? 0;
  return new Date(Math.max(published, article.updatedAt.getTime()));
}
