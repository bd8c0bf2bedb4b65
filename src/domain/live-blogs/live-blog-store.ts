/**
 * Live blogs' queries. Bodies are stored as JSON text and parsed back through
 * parseRichTextJson, so what comes out is always a valid body.
 */
import type { Kysely, Selectable } from 'kysely';
import { readBool, readOptionalTime, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database, LiveBlogTable, LivePostTable } from '../../storage/schema.ts';
import { parseRichTextJson, type RichText } from '../../richtext/rich-text.ts';
import type { LiveBlog, LivePost, LivePostKind } from './live-blog.ts';

const toBlog = (row: Selectable<LiveBlogTable>): LiveBlog => ({
  articleId: row.article_id,
  startedAt: readTime(row.started_at),
  endedAt: readOptionalTime(row.ended_at),
  updatedAt: readTime(row.updated_at),
});

const toPost = (row: Selectable<LivePostTable>): LivePost => ({
  id: row.id,
  articleId: row.article_id,
  kind: row.kind,
  body: parseRichTextJson(row.body),
  keyEvent: readBool(row.key_event),
  authorName: row.author_name,
  createdAt: readTime(row.created_at),
  editedAt: readOptionalTime(row.edited_at),
  updatedAt: readTime(row.updated_at),
});

export interface NewLivePost {
  readonly articleId: number;
  readonly kind: LivePostKind;
  readonly body: RichText;
  readonly keyEvent: boolean;
  readonly authorUserId: number;
  readonly authorName: string;
}

export class LiveBlogStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findBlog(articleId: number): Promise<LiveBlog | null> {
    const row = await this.db.selectFrom('live_blogs').selectAll().where('article_id', '=', articleId).executeTakeFirst();
    return row ? toBlog(row) : null;
  }

  /** Makes the story a live blog (again, if it was ended: coverage goes on). */
  async start(articleId: number, at: Date): Promise<void> {
    const time = writeTime(at);
    await this.db
      .insertInto('live_blogs')
      .values({ article_id: articleId, started_at: time, ended_at: null, updated_at: time })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ ended_at: null, updated_at: time }))
      .execute();
  }

  async end(articleId: number, at: Date): Promise<boolean> {
    const time = writeTime(at);
    const result = await this.db.updateTable('live_blogs').set({ ended_at: time, updated_at: time }).where('article_id', '=', articleId).where('ended_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** A whole finished blog with its posts, in one transaction (the demo site). */
  async insertFinished(articleId: number, startedAt: Date, endedAt: Date, posts: readonly (Omit<NewLivePost, 'articleId' | 'authorUserId'> & { at: Date })[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('live_blogs').values({ article_id: articleId, started_at: writeTime(startedAt), ended_at: writeTime(endedAt), updated_at: writeTime(endedAt) }).execute();
      for (const p of posts) {
        const time = writeTime(p.at);
        await trx
          .insertInto('live_posts')
          .values({ article_id: articleId, kind: p.kind, body: JSON.stringify(p.body), key_event: writeBool(p.keyEvent), author_user_id: null, author_name: p.authorName, created_at: time, edited_at: null, updated_at: time })
          .execute();
      }
    });
  }

  async insertPost(post: NewLivePost, at: Date): Promise<LivePost> {
    const time = writeTime(at);
    const row = await this.db
      .insertInto('live_posts')
      .values({
        article_id: post.articleId,
        kind: post.kind,
        body: JSON.stringify(post.body),
        key_event: writeBool(post.keyEvent),
        author_user_id: post.authorUserId,
        author_name: post.authorName,
        created_at: time,
        edited_at: null,
        updated_at: time,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPost(row);
  }

  async findPost(articleId: number, postId: number): Promise<LivePost | null> {
    const row = await this.db.selectFrom('live_posts').selectAll().where('article_id', '=', articleId).where('id', '=', postId).executeTakeFirst();
    return row ? toPost(row) : null;
  }

  async updatePost(articleId: number, postId: number, patch: { body?: RichText; keyEvent?: boolean; edited: boolean }, at: Date): Promise<LivePost | null> {
    const time = writeTime(at);
    const row = await this.db
      .updateTable('live_posts')
      .set({
        ...(patch.body !== undefined ? { body: JSON.stringify(patch.body) } : {}),
        ...(patch.keyEvent !== undefined ? { key_event: writeBool(patch.keyEvent) } : {}),
        ...(patch.edited ? { edited_at: time } : {}),
        updated_at: time,
      })
      .where('article_id', '=', articleId)
      .where('id', '=', postId)
      .returningAll()
      .executeTakeFirst();
    return row ? toPost(row) : null;
  }

  async deletePost(articleId: number, postId: number): Promise<boolean> {
    const result = await this.db.deleteFrom('live_posts').where('article_id', '=', articleId).where('id', '=', postId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Newest first: `limit` posts older than `beforeId` (or the newest). */
  async listPosts(articleId: number, limit: number, beforeId: number | null): Promise<LivePost[]> {
    let q = this.db.selectFrom('live_posts').selectAll().where('article_id', '=', articleId);
    if (beforeId !== null) q = q.where('id', '<', beforeId);
    const rows = await q.orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toPost);
  }

  /** The key events, newest first (the summary at the top). */
  async keyEvents(articleId: number, limit: number): Promise<LivePost[]> {
    const rows = await this.db.selectFrom('live_posts').selectAll().where('article_id', '=', articleId).where('key_event', '=', 1).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toPost);
  }

  /** Every post's time, oldest first (structured data lists each update). */
  async count(articleId: number): Promise<number> {
    const row = await this.db.selectFrom('live_posts').select((eb) => eb.fn.countAll().as('n')).where('article_id', '=', articleId).executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
