/**
 * Comments: the types readers and the newsroom see, and the rules that need no I/O
 * (when comments are open, how replies thread).
 */

/**
 * A comment as readers see it. It has no email field on purpose: the commenter's
 * address is stored, but no object that reaches rendering can carry it.
 */
export interface PublicComment {
  readonly id: number;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly authorUrl: string | null;
  readonly body: string;
  readonly createdAt: Date;
  /** Written in the newsroom (a staff reply): shown with the site's badge. */
  readonly byNewsroom: boolean;
}

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
export const COMMENT_STATUSES: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash'];

/**
 * Why a comment was held (pending) or caught (spam). '' when it was published at once
 * or written in the newsroom.
 */
export type HeldReason =
  | ''
  | 'moderate-all'
  | 'first-comment'
  | 'links'
  | 'no-token'
  | 'honeypot'
  | 'token-forged'
  | 'token-reused'
  | 'too-fast'
  | 'blocked-word'
  | 'blocked-email'
  | 'blocked-ip'
  | 'repeated'
  | 'moderator';

/** A comment as the moderation queue shows it (newsroom only: it carries the email). */
export interface ModeratedComment extends PublicComment {
  readonly status: CommentStatus;
  readonly authorEmail: string;
  /** The first 12 hex digits of the IP's salted hash: enough to see posts from one address. */
  readonly ipTag: string | null;
  readonly userAgent: string;
  readonly heldReason: string;
  readonly article: { readonly id: number; readonly headline: string; readonly path: string; readonly commentsOpen: boolean };
  readonly parentAuthor: string | null;
  readonly moderatedAt: Date | null;
  readonly moderatedBy: string | null;
}

/** Which comments the moderation queue lists. */
export interface ModerationFilter {
  status?: CommentStatus;
  articleId?: number;
  /** Matches name, email, website or text (case-insensitive). */
  q?: string;
}

/** What an editor may do to comments; which statuses each applies to is in TRANSITIONS. */
export type ModerationAction = 'approve' | 'unapprove' | 'spam' | 'notspam' | 'trash' | 'restore' | 'delete';
export const MODERATION_ACTIONS: readonly ModerationAction[] = ['approve', 'unapprove', 'spam', 'notspam', 'trash', 'restore', 'delete'];

/**
 * The moderation transitions: from which statuses an action applies and where it goes.
 * 'restore' goes back to the status before trashing; 'delete' removes the comment for
 * good and is only offered for trash and spam, so nothing is lost in one click.
 */
export const TRANSITIONS: Readonly<Record<ModerationAction, { from: readonly CommentStatus[]; to: CommentStatus | 'previous' | 'deleted' }>> = {
  approve: { from: ['pending', 'spam'], to: 'approved' },
  unapprove: { from: ['approved'], to: 'pending' },
  spam: { from: ['pending', 'approved', 'trash'], to: 'spam' },
  notspam: { from: ['spam'], to: 'pending' },
  trash: { from: ['pending', 'approved', 'spam'], to: 'trash' },
  restore: { from: ['trash'], to: 'previous' },
  delete: { from: ['trash', 'spam'], to: 'deleted' },
};

export const actionApplies = (action: ModerationAction, status: CommentStatus): boolean => TRANSITIONS[action].from.includes(status);

/** One notification of a new comment in the webhook outbox. */
export interface WebhookDelivery {
  readonly id: number;
  readonly commentId: number;
  readonly url: string;
  readonly payload: string;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly deliveredAt: Date | null;
  readonly failedAt: Date | null;
  readonly lastError: string;
  readonly createdAt: Date;
}

/** A story summary with its number of published comments, as lists show it. */
export interface CommentCounted {
  readonly commentCount?: number;
}

const DAY_MS = 86_400_000;

/**
 * Whether readers may comment on a story at `now`: the site allows comments, the story
 * has them open, and (with auto-closing) it was published fewer than N days ago.
 */
export function commentsAreOpen(
  article: { readonly commentsOpen: boolean; readonly publishedAt: Date | null },
  settings: { readonly commentsEnabled: boolean; readonly commentAutoCloseDays: number },
  now: Date,
): boolean {
  if (!settings.commentsEnabled || !article.commentsOpen) return false;
  if (settings.commentAutoCloseDays > 0 && article.publishedAt) {
    return now.getTime() < article.publishedAt.getTime() + settings.commentAutoCloseDays * DAY_MS;
  }
  return true;
}

/** A thread: a top-level comment and every reply under it, oldest first, shown one level deep. */
export interface CommentThread {
  readonly comment: PublicComment;
  readonly replies: readonly PublicComment[];
}

/**
 * Threads two levels deep: a reply to a reply stays in its thread (it names whom it
 * answers). A reply whose parent is not shown (held, trashed) is shown as a thread of its own.
 */
export function threadComments(comments: readonly PublicComment[]): CommentThread[] {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: PublicComment): number => {
    let current = c;
    const seen = new Set<number>();
    while (current.parentId !== null && byId.has(current.parentId) && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId)!;
    }
    return current.id;
  };
  const threads = new Map<number, { comment: PublicComment; replies: PublicComment[] }>();
  for (const c of comments) {
    const root = rootOf(c);
    if (root === c.id) threads.set(c.id, { comment: c, replies: [] });
  }
  for (const c of comments) {
    const root = rootOf(c);
    if (root !== c.id) threads.get(root)?.replies.push(c);
  }
  return [...threads.values()];
}
