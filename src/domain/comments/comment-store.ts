import type { Kysely } from 'kysely';
import { readCount, readTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { PublicComment } from './comment.ts';

export class CommentStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Approved comments of an article, oldest first. The email column is never selected. */
  async listApproved(articleId: number): Promise<PublicComment[]> {
    const rows = await this.db
      .selectFrom('comments')
      .select(['id', 'parent_id', 'author_name', 'author_url', 'body', 'created_at'])
      .where('article_id', '=', articleId)
      .where('status', '=', 'approved')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      authorName: r.author_name,
      authorUrl: r.author_url,
      body: r.body,
      createdAt: readTime(r.created_at),
    }));
  }

  async countApproved(articleId: number): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('article_id', '=', articleId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return readCount(row?.n);
  }
}
