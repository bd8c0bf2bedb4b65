/**
 * Shapes of the demo site's content, as authored in `content/`.
 * The demo loader (`demo-service.ts`) turns these into sections, authors, tags,
 * media and articles through the same services the newsroom uses.
 *
 * Times are ISO 8601 with the India offset (`2023-03-21T10:30:00+05:30`).
 */

/** A placeholder photo, drawn locally (no network) from a motif and two colours. */
export interface DemoPhoto {
  /** Stable key, unique across the demo (kebab-case, Latin): names the image file. */
  key: string;
  /** Caption shown under the photo, in Hindi. */
  caption: string;
  /** Alt text for screen readers, in Hindi: what the picture shows. */
  alt: string;
  /** Credit line, e.g. `फोटो: समाचार` or `फाइल फोटो`. */
  credit: string;
  /** What the drawn placeholder suggests. */
  motif: DemoMotif;
  /** Two CSS hex colours for the gradient, e.g. ['#7a1f1f', '#d9822b']. */
  palette: [string, string];
}

export type DemoMotif =
  | 'building'
  | 'people'
  | 'flag'
  | 'field'
  | 'stadium'
  | 'chart'
  | 'mountain'
  | 'river'
  | 'city'
  | 'screen';

/** One block of an article body. */
export type DemoBlock =
  | { p: string }
  | { h: string }
  | { photo: DemoPhoto }
  | { quote: string; cite?: string }
  | { list: string[] };

export interface DemoSection {
  /** URL segment, Latin, e.g. `videsh`. */
  slug: string;
  /** Hindi name shown to readers, e.g. `विदेश`. */
  name: string;
  /** Latin name, e.g. `World`. */
  nameLatin: string;
  description: string;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  nameLatin: string;
  bio: string;
}

export interface DemoArticle {
  /** Slug of a DemoSection. */
  section: string;
  headline: string;
  dek: string;
  /** Slugs of DemoAuthors (one or more). */
  authors: string[];
  /** Tag names in Hindi, e.g. ['रूस', 'चीन', 'व्लादिमिर पुतिन']. */
  tags: string[];
  publishedAt: string;
  /** Set when the story was edited after publishing. */
  updatedAt?: string;
  hero: DemoPhoto;
  body: DemoBlock[];
  /** Optional Latin slug override; by default the slug is transliterated from the headline. */
  slug?: string;
}

/** A figures box such as the reference page's `COVID-19 CASES`. */
export interface DemoWidget {
  key: string;
  title: string;
  /** Label/value rows, values as shown (already formatted). */
  rows: { label: string; value: number; delta?: number }[];
  source: string;
  asOf: string;
}
