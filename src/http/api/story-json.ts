/**
 * Stories, photos, sections, tags and authors as the content API gives them: absolute
 * URLs, times with their offset, the body as blocks and also as HTML (the feed's
 * allowlist renderer, URLs absolute) and plain text. Pure.
 */
import { type Article, type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import type { Author } from '../../domain/authors/author.ts';
import { type Media, VARIANT_FORMATS, variantHeight, variantUrl } from '../../domain/media/media.ts';
import type { Section } from '../../domain/sections/section.ts';
import type { Tag } from '../../domain/tags/tag.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { renderFeedBody } from '../../render/feeds/feed-body.tsx';
import { toPlainText } from '../../richtext/to-plain-text.ts';
import type { StoryJson } from './api-schemas.ts';

export function originOf(siteUrl: string): string {
  return siteUrl.replace(/\/+$/, '');
}

export function photoJson(m: Media, origin: string) {
  return {
    id: m.id,
    width: m.width,
    height: m.height,
    alt: m.alt,
    caption: m.caption,
    credit: m.credit,
    variants: VARIANT_FORMATS.flatMap((format) => m.variantWidths.map((width) => ({ format, width, height: variantHeight(m, width), url: `${origin}${variantUrl(m, width, format)}` }))),
  };
}

export function tagJson(t: Tag, origin: string) {
  return { id: t.id, slug: t.slug, name: t.name, url: `${origin}/tag/${t.slug}` };
}

export function authorJson(a: Author, origin: string) {
  return { id: a.id, slug: a.slug, name: a.name, nameLatin: a.nameLatin, bio: a.bio, url: `${origin}/author/${a.slug}` };
}

export function sectionJson(s: Section, origin: string) {
  return { id: s.id, slug: s.slug, name: s.name, nameLatin: s.nameLatin, description: s.description, url: `${origin}/${s.slug}` };
}

/** The fields a summary carries (no body, tags or authors). */
function summaryFields(s: ArticleSummary, origin: string) {
  return {
    id: s.id,
    slug: s.slug,
    url: `${origin}${articlePath(s)}`,
    headline: s.headline,
    dek: s.dek,
    section: { id: s.section.id, slug: s.section.slug, name: s.section.name },
    hero: s.hero ? photoJson(s.hero, origin) : null,
    // Public stories always have a publishing time; updatedAt is a stand-in that never shows.
    publishedAt: toIsoWithOffset(s.publishedAt ?? s.updatedAt),
    modifiedAt: toIsoWithOffset(s.updatedAt),
  };
}

/** A whole story, or the fields of `fields` (id always) when given. */
export function storyJson(article: ArticleSummary | Article, origin: string, fields: ReadonlySet<string> | null): Partial<StoryJson> & { id: number } {
  const full: Partial<StoryJson> & { id: number } = summaryFields(article, origin);
  if ('body' in article) {
    const wants = (f: string) => fields === null || fields.has(f);
    if (wants('body')) full.body = article.body;
    if (wants('html')) full.html = renderFeedBody({ blocks: article.body.blocks, media: article.bodyMedia, origin, correctionNote: article.correctionNote });
    if (wants('text')) full.text = toPlainText(article.body);
    full.tags = article.tags.map((t) => tagJson(t, origin));
    full.authors = article.authors.map((a) => authorJson(a, origin));
  }
  if (fields === null) return full;
  const out: Partial<StoryJson> & { id: number } = { id: full.id };
  for (const f of fields) if (f in full) (out as Record<string, unknown>)[f] = (full as Record<string, unknown>)[f];
  return out;
}
