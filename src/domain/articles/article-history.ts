/** The newsroom's view of an article's past: revisions, workflow events, the desk list. */
import type { ArticleStatus } from './article.ts';

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
}

export interface RevisionInfo {
  number: number;
  createdAt: Date;
  userId: number | null;
  userName: string | null;
}

export interface ArticleEvent {
  action: string;
  fromStatus: ArticleStatus | null;
  toStatus: ArticleStatus | null;
  at: Date;
  userId: number | null;
  userName: string | null;
  note: string;
}

export interface DeskRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  updatedAt: Date;
  publishedAt: Date | null;
  createdBy: number | null;
}
