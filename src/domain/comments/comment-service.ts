import type { PublicComment } from './comment.ts';
import type { CommentStore } from './comment-store.ts';

export class CommentService {
  constructor(private readonly store: CommentStore) {}

  listPublic(articleId: number): Promise<PublicComment[]> {
    return this.store.listApproved(articleId);
  }
}
