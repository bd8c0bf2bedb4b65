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
}

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash';
