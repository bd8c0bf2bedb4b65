/**
 * The article workflow: which status changes exist and which permission each needs.
 *
 *   draft ──submit──▶ review ──return──▶ draft
 *   draft | review | unpublished ──publish──▶ published   (or ──schedule──▶ scheduled)
 *   scheduled ──publish now──▶ published      scheduled ──unschedule──▶ draft
 *   published ──unpublish──▶ unpublished ──reopen──▶ draft
 *
 * A scheduled article becomes published at its time by the scheduled-publishing job.
 */
import type { Action } from '../users/user.ts';
import type { ArticleStatus } from './article.ts';

export interface TransitionRule {
  readonly action: Action;
  /** Further permission needed (choosing the publishing time). */
  readonly also?: Action;
  readonly event: string;
}

const RULES: Partial<Record<ArticleStatus, Partial<Record<ArticleStatus, TransitionRule>>>> = {
  draft: {
    review: { action: 'article.submit', event: 'submitted' },
    published: { action: 'article.publish', event: 'published' },
    scheduled: { action: 'article.publish', also: 'article.setPublishTime', event: 'scheduled' },
  },
  review: {
    draft: { action: 'article.edit', event: 'returned' },
    published: { action: 'article.publish', event: 'published' },
    scheduled: { action: 'article.publish', also: 'article.setPublishTime', event: 'scheduled' },
  },
  scheduled: {
    published: { action: 'article.publish', event: 'published' },
    draft: { action: 'article.publish', event: 'unscheduled' },
  },
  published: {
    unpublished: { action: 'article.unpublish', event: 'unpublished' },
  },
  unpublished: {
    published: { action: 'article.publish', event: 'republished' },
    scheduled: { action: 'article.publish', also: 'article.setPublishTime', event: 'scheduled' },
    draft: { action: 'article.edit', event: 'reopened' },
  },
};

export function transitionRule(from: ArticleStatus, to: ArticleStatus): TransitionRule | null {
  return RULES[from]?.[to] ?? null;
}

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'review', 'scheduled', 'published', 'unpublished'];
