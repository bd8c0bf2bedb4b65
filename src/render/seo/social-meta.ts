/**
 * Social cards (issue 14, point 4): the Open Graph and X (Twitter) `<meta>` tags of a
 * public page, as data (layout.tsx writes them; Preact escapes each attribute, so a quote
 * or `<` in a headline stays text). Pure.
 */
export interface SocialImage {
  /** Absolute URL on this site. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly alt?: string | undefined;
}

/** What a story adds (`article:*`). */
export interface SocialArticle {
  readonly publishedTime?: string | undefined;
  readonly modifiedTime: string;
  readonly section: string;
  readonly tags: readonly string[];
  /** Author pages' absolute URLs. */
  readonly authors: readonly string[];
}

export interface SocialInput {
  readonly siteName: string;
  readonly title: string;
  readonly description?: string | undefined;
  /** Absolute canonical URL. */
  readonly url?: string | undefined;
  readonly type: 'website' | 'article' | 'profile';
  readonly image: SocialImage;
  /** og:locale: the site is Hindi; an English story says en_IN. */
  readonly locale?: string | undefined;
  readonly article?: SocialArticle | undefined;
}

export interface MetaTag {
  /** `property` for Open Graph, `name` for X. */
  readonly attr: 'property' | 'name';
  readonly key: string;
  readonly content: string;
}

export function socialMeta(input: SocialInput): MetaTag[] {
  const og = (key: string, content: string | number | undefined): MetaTag[] => (content === undefined || content === '' ? [] : [{ attr: 'property', key, content: String(content) }]);
  const tw = (key: string, content: string | undefined): MetaTag[] => (content === undefined || content === '' ? [] : [{ attr: 'name', key, content }]);
  const a = input.article;
  return [
    ...og('og:site_name', input.siteName),
    ...og('og:type', input.type),
    ...og('og:title', input.title),
    ...og('og:description', input.description),
    ...og('og:url', input.url),
    ...og('og:locale', input.locale ?? 'hi_IN'),
    ...og('og:image', input.image.url),
    ...og('og:image:width', input.image.width),
    ...og('og:image:height', input.image.height),
    ...og('og:image:alt', input.image.alt),
    ...(a
      ? [
          ...og('article:published_time', a.publishedTime),
          ...og('article:modified_time', a.modifiedTime),
          ...og('article:section', a.section),
          ...a.tags.flatMap((t) => og('article:tag', t)),
          ...a.authors.flatMap((u) => og('article:author', u)),
        ]
      : []),
    ...tw('twitter:card', 'summary_large_image'),
    ...tw('twitter:title', input.title),
    ...tw('twitter:description', input.description),
    ...tw('twitter:image', input.image.url),
    ...tw('twitter:image:alt', input.image.alt),
  ];
}

/** og:locale for a BCP 47 language of the content. */
export function ogLocale(lang: string | undefined): string {
  if (!lang || lang === 'hi') return 'hi_IN';
  if (lang === 'en') return 'en_IN';
  return /^[a-z]{2,3}$/.test(lang) ? `${lang}_IN` : 'hi_IN';
}
