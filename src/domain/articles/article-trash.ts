/**
 * The trash: a story taken down is kept for TRASH_DAYS, restorable (as a draft), then
 * deleted for good by the trash job. A story deleted for good leaves a tombstone, so its
 * address answers 410 Gone rather than 404.
 */
import type { ArticleStatus } from './article.ts';

/** Days a story stays restorable in the trash. */
export const TRASH_DAYS = 30;
export const TRASH_KEEP_MS = TRASH_DAYS * 86_400_000;

/** Why a story's address answers 410: in the trash, or deleted for good. */
export type GoneReason = 'trashed' | 'deleted';

/** A story in the trash, as the Trash screen lists it. */
export interface TrashRow {
  readonly id: number;
  readonly headline: string;
  readonly sectionName: string;
  /** Its status when it was trashed (it is a draft while in the trash). */
  readonly previousStatus: ArticleStatus | null;
  readonly trashedAt: Date;
  readonly trashedBy: { readonly id: number; readonly name: string } | null;
  readonly createdBy: number | null;
  /** When the trash job deletes it for good. */
  readonly purgeAt: Date;
}

/** What the purge of a trashed or deleted story needs to know about it. */
export interface TrashFacts {
  readonly id: number;
  readonly headline: string;
  readonly status: ArticleStatus;
  readonly createdBy: number | null;
  readonly sectionId: number;
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly trashedAt: Date | null;
}
