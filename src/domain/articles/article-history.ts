/** The newsroom's view of an article's past: revisions and workflow events. */
import type { ArticleStatus, EditableCorrection } from './article.ts';

/** The editable fields as a revision stores them. */
export interface ArticleSnapshot {
  headline: string;
  dek: string;
  slug: string;
  sectionId: number;
  tagNames: string[];
  authorIds: number[];
  heroMediaId: number | null;
  body: unknown;
  seoTitle: string;
  seoDescription: string;
  correctionNote: string;
  /** Added by migration 014: older snapshots have neither (read as [] and 'hi'). */
  corrections?: EditableCorrection[];
  lang?: string;
}

/** A snapshot as written from now on: every field present. */
export type FullSnapshot = ArticleSnapshot & { corrections: EditableCorrection[]; lang: string };

export interface RevisionInfo {
  number: number;
  createdAt: Date;
  userId: number | null;
  userName: string | null;
  /** Why it was kept: see REVISION_KINDS. */
  kind: string;
}

/**
 * Why a revision was kept. Autosave keeps no revision, only the working copy, except a
 * 'checkpoint' at most once per CHECKPOINT_INTERVAL_MS (pruned after CHECKPOINT_KEEP_MS).
 */
export const REVISION_KINDS = ['created', 'save', 'pending', 'update', 'publish', 'restore', 'submit', 'checkpoint', 'kept'] as const;
export const CHECKPOINT_INTERVAL_MS = 10 * 60_000;
export const CHECKPOINT_KEEP_MS = 14 * 24 * 3_600_000;

export interface ArticleEvent {
  action: string;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  at: Date;
  userId: number | null;
  userName: string | null;
  note: string;
}
