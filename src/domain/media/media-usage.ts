/**
 * Where a photo is used: which stories show it (as the lead photo or in the body, in the
 * story as saved or in its unpublished working copy) and which author profiles. A photo
 * that is used anywhere cannot be deleted; the newsroom is told where, to replace it first.
 */
import type { ArticleStatus } from '../articles/article.ts';

export type MediaPlace = 'hero' | 'body';

export interface MediaStoryUse {
  readonly articleId: number;
  readonly headline: string;
  readonly status: ArticleStatus;
  /** In the trash (restorable, so its photos must stay). */
  readonly trashed: boolean;
  /** Where the saved story shows it. */
  readonly places: readonly MediaPlace[];
  /** Where the story's unpublished working copy shows it (a pending edit). */
  readonly pendingPlaces: readonly MediaPlace[];
}

export interface MediaAuthorUse {
  readonly authorId: number;
  readonly name: string;
}

export interface MediaUsage {
  readonly stories: readonly MediaStoryUse[];
  readonly authors: readonly MediaAuthorUse[];
}

export function isUnused(usage: MediaUsage): boolean {
  return usage.stories.length === 0 && usage.authors.length === 0;
}
