/**
 * What the sitemaps list (src/render/sitemaps/ writes them): public stories by month of
 * publication, sections, tags and authors, and the stories of the last 48 hours for Google
 * News. Only the few fields an entry needs, so a month of stories is one narrow query.
 */
import type { Media } from '../media/media.ts';

/** Most URLs in one sitemap file (the sitemaps.org limit). */
export const MAX_SITEMAP_URLS = 50_000;
/**
 * Most stories in one file of a month's sitemap: a month with more is split into parts.
 * Well under the 50,000 allowed, so a file renders within 50 ms on a site of 100,000
 * stories and a crawler re-fetches less when one story changes (decision 023).
 */
export const STORIES_PER_SITEMAP = 2_000;
/** Most stories in the news sitemap, and how far back it looks (Google News' limits). */
export const NEWS_SITEMAP_MAX = 1_000;
export const NEWS_SITEMAP_HOURS = 48;

/** A public story as a sitemap lists it. */
export interface SitemapStory {
  readonly id: number;
  readonly slug: string;
  readonly section: { readonly id: number; readonly slug: string; readonly name: string };
  /** '' in the month sitemaps, which do not show it (so their query reads only the index). */
  readonly headline: string;
  readonly publishedAt: Date;
  /** When the story last changed (never before its publishing time). */
  readonly updatedAt: Date;
  /** The hero photo: enough to name its file. */
  readonly hero: Pick<Media, 'fileKey' | 'width' | 'height' | 'variantWidths'> | null;
}

/** One month of stories (UTC), as the sitemap index lists it. */
export interface SitemapMonth {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly stories: number;
  /** The newest change to a story of the month. */
  readonly lastModified: Date;
}

/** A section, tag or author page; `lastModified` when cheaply known (a section's newest story). */
export interface SitemapPage {
  readonly path: string;
  readonly lastModified: Date | null;
}

/** `YYYY-MM` → the month's first instant and the next month's, in UTC; null when not a real month. */
export function monthRange(month: string): { start: Date; end: Date } | null {
  const m = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const index = Number(m[2]) - 1;
  if (year < 1970 || year > 9999) return null;
  return { start: new Date(Date.UTC(year, index, 1)), end: new Date(Date.UTC(year, index + 1, 1)) };
}

/** Files of a month's sitemap (usually 1; a month past STORIES_PER_SITEMAP stories takes more). */
export function monthParts(stories: number): number {
  return Math.max(1, Math.ceil(stories / STORIES_PER_SITEMAP));
}
