import type { RichText } from '../../richtext/rich-text.ts';
import type { Author } from '../authors/author.ts';
import type { Media } from '../media/media.ts';
import type { Section } from '../sections/section.ts';
import type { Tag } from '../tags/tag.ts';

export type ArticleStatus = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';

/** A correction of a published story: when it was made, and what it says (decision 025). */
export interface Correction {
  readonly date: Date;
  readonly text: string;
}

/** The same story in another language, linked both ways (decision 025). */
export interface TranslationLink {
  readonly id: number;
  readonly lang: string;
  /** Its address on this site (articlePath). */
  readonly path: string;
  /** Linked stories are shown only once both are public (the service compares this with now). */
  readonly publishedAt: Date;
}

/** What a list of stories shows: enough for a card, no body. */
export interface ArticleSummary {
  readonly id: number;
  readonly slug: string;
  readonly headline: string;
  readonly dek: string;
  readonly section: Pick<Section, 'id' | 'slug' | 'name'>;
  readonly hero: Media | null;
  readonly status: ArticleStatus;
  readonly publishedAt: Date | null;
  readonly updatedAt: Date;
}

/** A whole story, with everything its page shows. */
export interface Article extends ArticleSummary {
  readonly body: RichText;
  /** Photos the body shows, by id. */
  readonly bodyMedia: ReadonlyMap<number, Media>;
  readonly tags: readonly Tag[];
  readonly authors: readonly Author[];
  readonly commentsOpen: boolean;
  readonly createdAt: Date;
  /** A correction shown on the story ('' for none). */
  readonly correctionNote: string;
  /** Dated corrections, oldest first: shown under the dek, in JSON-LD and in the feeds. */
  readonly corrections: readonly Correction[];
  /** The story's language (BCP 47: 'hi', 'en', …). */
  readonly lang: string;
  /** The same story in another language, when linked and public; null otherwise. */
  readonly translation: TranslationLink | null;
  /** Title and description for search engines and shares ('' = use headline and dek). */
  readonly seoTitle: string;
  readonly seoDescription: string;
}

export interface NewArticle {
  sectionId: number;
  headline: string;
  dek: string;
  body: RichText;
  heroMediaId: number | null;
  tagIds: number[];
  authorIds: number[];
  status: ArticleStatus;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  commentsOpen: boolean;
  /** Latin slug; derived from the headline when not given. */
  slug?: string;
}

/** Most stories that may be pinned on the home page: the lead and the six top stories. */
export const MAX_HOME_PINS = 7;

/** Which public stories a list shows. */
export interface ListFilter {
  sectionId?: number;
  tagId?: number;
  authorId?: number;
  /** Leave these ids out (e.g. the lead story, or the article being read). */
  excludeIds?: number[];
}

/** One page of a longer list. */
export interface Paged<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
}

/** The path of an article: `/<section>/<slug>-<id>`. The id alone identifies it. */
export function articlePath(article: Pick<ArticleSummary, 'id' | 'slug' | 'section'>): string {
  return `/${article.section.slug}/${article.slug ? `${article.slug}-` : ''}${article.id}`;
}

/**
 * Reads the id from the last path segment (`<slug>-<id>` or `<id>`).
 * Returns null for anything that is not a plain positive integer within range,
 * so a malformed segment is a 404, never a database error.
 */
export function parseArticleSegment(segment: string): { slug: string; id: number } | null {
  const match = /^(?:([a-z0-9]+(?:-[a-z0-9]+)*)-)?([1-9][0-9]{0,9})$/.exec(segment);
  if (!match) return null;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id > 2_147_483_647) return null;
  return { slug: match[1] ?? '', id };
}

export function isPublic(article: Pick<ArticleSummary, 'status' | 'publishedAt'>, now: Date): boolean {
  return article.status === 'published' && article.publishedAt !== null && article.publishedAt <= now;
}

/** An article as the newsroom edits it (GET/PUT /admin/api/articles/:id). */
export interface EditableArticle {
  readonly id: number;
  readonly status: ArticleStatus;
  readonly headline: string;
  readonly dek: string;
  readonly slug: string;
  readonly sectionId: number;
  readonly tagNames: readonly string[];
  readonly authorIds: readonly number[];
  readonly heroMediaId: number | null;
  readonly body: RichText;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /** Shown on the article page when not empty. */
  readonly correctionNote: string;
  /** Dated corrections, oldest first (`date` ISO 8601). */
  readonly corrections: readonly EditableCorrection[];
  /** The story's language (BCP 47). */
  readonly lang: string;
  /** The linked translation's id (not part of the content: linking applies at once); null when none. */
  readonly translationId: number | null;
  /** Publishing time (the scheduled time while status is 'scheduled'), ISO 8601. */
  readonly publishedAt: string | null;
  readonly updatedAt: string;
  readonly createdBy: number | null;
  /** Number of the latest revision. */
  readonly revision: number;
  /** Edit version: bumped by every write of content; a save names the one it started from. */
  readonly version: number;
  /** Published or scheduled: edits go to a pending version until someone presses Update. */
  readonly live: boolean;
  /** The working copy the fields above come from, when there is one; null when they are the story as saved. */
  readonly pending: PendingInfo | null;
  /** In the trash since then (ISO 8601); null when not trashed. */
  readonly trashedAt: string | null;
}

/** About a story's working copy: changes not yet saved to the story (or, when live, not yet shown to readers). */
export interface PendingInfo {
  readonly updatedAt: string;
  readonly updatedBy: string | null;
  /** A reporter submitted these changes of a live story for review. */
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
}

/** Fields a save may change; absent fields stay as they are. */
export interface ArticlePatch {
  headline?: string;
  dek?: string;
  slug?: string;
  sectionId?: number;
  tagNames?: string[];
  authorIds?: number[];
  heroMediaId?: number | null;
  body?: unknown;
  seoTitle?: string;
  seoDescription?: string;
  correctionNote?: string;
  /** The whole list; an entry without `date` is a new correction, dated when saved. */
  corrections?: unknown;
  lang?: string;
}

/** A correction as the newsroom edits it and snapshots store it. */
export interface EditableCorrection {
  readonly date: string;
  readonly text: string;
}

/** Most corrections a story may carry, and the longest one (characters). */
export const CORRECTION_LIMITS = { count: 50, text: 1000 } as const;

/** Languages a story may be written in: those the site can label (BCP 47 primary tags). */
export const STORY_LANGUAGES = ['hi', 'en', 'ur', 'bn', 'mr', 'gu', 'pa', 'ta', 'te', 'kn', 'ml', 'or'] as const;

/** Each language by its own name (the same in every interface language). */
export const STORY_LANGUAGE_NAMES: Readonly<Record<(typeof STORY_LANGUAGES)[number], string>> = {
  hi: 'हिन्दी',
  en: 'English',
  ur: 'اردو',
  bn: 'বাংলা',
  mr: 'मराठी',
  gu: 'ગુજરાતી',
  pa: 'ਪੰਜਾਬੀ',
  ta: 'தமிழ்',
  te: 'తెలుగు',
  kn: 'ಕನ್ನಡ',
  ml: 'മലയാളം',
  or: 'ଓଡ଼ିଆ',
};

/** Corrections as stored (JSON), tolerant of old or odd rows: anything unreadable is left out. */
export function parseCorrections(json: unknown): EditableCorrection[] {
  let list: unknown = json;
  if (typeof json === 'string') {
    try {
      list = JSON.parse(json);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown) => {
    const { date, text } = (c ?? {}) as { date?: unknown; text?: unknown };
    return typeof date === 'string' && typeof text === 'string' && !Number.isNaN(Date.parse(date)) ? [{ date, text }] : [];
  });
}
