/** A section of the site (देश, विदेश, खेल …): its Latin slug is the first URL segment. */
export interface Section {
  readonly id: number;
  readonly slug: string;
  /** Name shown to readers (Hindi). */
  readonly name: string;
  readonly nameLatin: string;
  readonly description: string;
  readonly position: number;
}

export interface NewSection {
  slug: string;
  name: string;
  nameLatin: string;
  description?: string;
  position?: number;
}

/**
 * First URL segments that belong to the platform, so no section may take them.
 * Guarantee: every route registered at the top level by src/http is in this list.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'admin', 'api', 'assets', 'author', 'authors', 'feed', 'media', 'page', 'search', 'tag', 'tags',
  'login', 'logout', 'robots.txt', 'favicon.ico', 'sitemap.xml', 'health', 'preview',
  // Search engines (http/site/sitemap-routes.ts); the dotted names could never be slugs, and are listed for completeness.
  'sitemaps', 'news-sitemap.xml', 'ads.txt', 'feed.json',
]);

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function isValidSectionSlug(slug: string): boolean {
  return slug.length <= 60 && SLUG.test(slug) && !RESERVED_SLUGS.has(slug);
}

/** What the newsroom edits on a section (its order is changed by moving it). */
export interface SectionInput {
  name: string;
  nameLatin: string;
  slug: string;
  description: string;
}

export const SECTION_LIMITS = { name: 60, nameLatin: 60, description: 300 } as const;

/** Why a slug cannot be a section's: its shape, or a first URL segment the platform owns. Null when it can. */
export function sectionSlugProblem(slug: string): 'format' | 'reserved' | null {
  if (slug.length > 60 || !SLUG.test(slug)) return 'format';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return null;
}
