/**
 * Structured data (schema.org JSON-LD) for the reader pages (issue 14, point 3): pure
 * functions of the page's data, and the one serialiser that may put them in a page.
 *
 * Why a serialiser of our own: a `<script>` element's text ends at the first `</script`,
 * whatever JSON.stringify thinks of it, and `<!--` changes how the HTML parser reads the
 * rest. Writing `<`, `>` and `&` as `\u003c`, `\u003e`, `\u0026` (and U+2028/2029, which
 * older JavaScript parsers took for line ends) keeps every string byte-exact after
 * JSON.parse while no field can close the element or open a comment.
 */
import { type Article, articlePath } from '../../domain/articles/article.ts';
import type { Author } from '../../domain/authors/author.ts';
import { CROP_RATIOS, type CropRatio, cropOutputSize, cropPath, LOGO_SIZE, logoPath, SHARE_HEIGHT, SHARE_WIDTH, shareCardPath } from '../../domain/media/crops.ts';
import type { Media } from '../../domain/media/media.ts';
import type { Section } from '../../domain/sections/section.ts';
import type { SiteSettings } from '../../domain/settings/settings.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';

export type JsonLd = { readonly '@type': string } & Readonly<Record<string, unknown>>;

const SCHEMA_CONTEXT = 'https://schema.org';

const UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON for a `<script type="application/ld+json">`: one node, or a `@graph` of several. */
export function serialiseJsonLd(nodes: readonly JsonLd[]): string {
  const doc = nodes.length === 1 ? { '@context': SCHEMA_CONTEXT, ...nodes[0] } : { '@context': SCHEMA_CONTEXT, '@graph': nodes };
  // These characters occur only inside JSON strings, where \uXXXX means the same character.
  return JSON.stringify(doc).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** What every builder needs about the site. */
export interface SiteFacts {
  /** Public origin without a trailing slash, e.g. `https://example.com`. */
  readonly origin: string;
  readonly settings: Pick<SiteSettings, 'siteName' | 'siteNameLatin' | 'tagline'>;
}

export interface ImageFacts {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

function imageObject(img: ImageFacts): JsonLd {
  return { '@type': 'ImageObject', url: img.url, width: img.width, height: img.height };
}

/** The site's logo: made from its name by Samachar (crops.ts), served from this host. */
export function logoImage(site: SiteFacts): ImageFacts {
  return { url: `${site.origin}${logoPath(site.settings.siteName)}`, width: LOGO_SIZE, height: LOGO_SIZE };
}

export function publisherJsonLd(site: SiteFacts): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${site.origin}/#publisher`,
    name: site.settings.siteName,
    alternateName: site.settings.siteNameLatin,
    url: `${site.origin}/`,
    logo: imageObject(logoImage(site)),
  };
}

/** A photo's crops for structured data: 16:9, 4:3 and 1:1 around its focal point. */
export function photoCrops(site: SiteFacts, media: Media, ratios: readonly CropRatio[] = ['16x9', '4x3', '1x1']): ImageFacts[] {
  return ratios.filter((r) => r in CROP_RATIOS).map((r) => ({ url: `${site.origin}${cropPath(media, r)}`, ...cropOutputSize(media, r) }));
}

/**
 * A story's share image (og:image and the structured data of a story without a photo):
 * its hero cut to 1200×630 around the focal point, or its headline set on a card.
 */
export function shareImage(site: SiteFacts, article: Pick<Article, 'id' | 'headline' | 'hero'>): ImageFacts & { alt: string } {
  if (article.hero) return { url: `${site.origin}${cropPath(article.hero, '1200x630')}`, width: SHARE_WIDTH, height: SHARE_HEIGHT, alt: article.hero.alt };
  return {
    url: `${site.origin}${shareCardPath(article.id, { headline: article.headline, siteName: site.settings.siteName })}`,
    width: SHARE_WIDTH,
    height: SHARE_HEIGHT,
    alt: article.headline,
  };
}

function personJsonLd(site: SiteFacts, author: Pick<Author, 'slug' | 'name' | 'nameLatin'>): JsonLd {
  return {
    '@type': 'Person',
    name: author.name,
    ...(author.nameLatin && author.nameLatin !== author.name ? { alternateName: author.nameLatin } : {}),
    url: `${site.origin}/author/${author.slug}`,
  };
}

/** NewsArticle: everything Google's article guidelines ask for (test/fixtures/structured-data/). */
export function newsArticleJsonLd(site: SiteFacts, article: Article, description: string): JsonLd {
  const url = `${site.origin}${articlePath(article)}`;
  const images = article.hero ? photoCrops(site, article.hero) : [shareImage(site, article)];
  const published = article.publishedAt ?? article.updatedAt;
  const modified = article.updatedAt > published ? article.updatedAt : published;
  const corrections = article.corrections;
  const lang = article.lang || 'hi';
  return {
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    ...(article.dek ? { alternativeHeadline: article.dek } : {}),
    ...(description ? { description } : {}),
    image: images.map(imageObject),
    ...(article.hero?.alt ? { thumbnailUrl: images[0]!.url } : {}),
    datePublished: toIsoWithOffset(published),
    dateModified: toIsoWithOffset(modified),
    // A story without a byline is the newsroom's own.
    author: article.authors.length > 0 ? article.authors.map((a) => personJsonLd(site, a)) : [{ '@type': 'NewsMediaOrganization', name: site.settings.siteName, url: `${site.origin}/` }],
    publisher: publisherJsonLd(site),
    articleSection: article.section.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    inLanguage: lang,
    isAccessibleForFree: true,
    ...(corrections.length > 0
      ? { correction: corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: toIsoWithOffset(c.date) })) }
      : {}),
  };
}

export interface Crumb {
  readonly name: string;
  /** Site path. */
  readonly path: string;
}

export function breadcrumbJsonLd(site: SiteFacts, crumbs: readonly Crumb[]): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: `${site.origin}${c.path}` })),
  };
}

/** Home → section (→ story). */
export function sectionCrumbs(site: SiteFacts, section: Pick<Section, 'slug' | 'name'>, story?: { headline: string; path: string }): JsonLd {
  return breadcrumbJsonLd(site, [{ name: site.settings.siteName, path: '/' }, { name: section.name, path: `/${section.slug}` }, ...(story ? [{ name: story.headline, path: story.path }] : [])]);
}

/** The home page: the site and its search (a sitelinks search box). */
export function websiteJsonLd(site: SiteFacts): JsonLd {
  return {
    '@type': 'WebSite',
    '@id': `${site.origin}/#website`,
    name: site.settings.siteName,
    alternateName: site.settings.siteNameLatin,
    ...(site.settings.tagline ? { description: site.settings.tagline } : {}),
    url: `${site.origin}/`,
    inLanguage: 'hi',
    publisher: { '@id': `${site.origin}/#publisher` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${site.origin}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** An author's page. */
export function profilePageJsonLd(site: SiteFacts, author: Author): JsonLd {
  const url = `${site.origin}/author/${author.slug}`;
  return {
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      ...personJsonLd(site, author),
      '@id': `${url}#person`,
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.photo ? { image: imageObject(photoCrops(site, author.photo, ['1x1'])[0]!) } : {}),
      worksFor: { '@id': `${site.origin}/#publisher` },
    },
  };
}
