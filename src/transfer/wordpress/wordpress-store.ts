/**
 * The WordPress import's own rows: the map of WordPress ids to Samachar ids
 * (`wordpress_ids`, migration 015), and a story written whole. A story (the article, its
 * tags and bylines, its comments with their threading, and the map rows saying so) is one
 * transaction, so an import stopped at any point leaves every story either whole or
 * absent, and the next run finds exactly the ones that are there. The article and comment
 * rows are the ones ArticleStore.insert and CommentStore.insert write; they are written
 * here because those stores each commit on their own.
 */
import type { Kysely, Transaction } from 'kysely';
import { writeBool, writeTime } from '../../storage/columns.ts';
import type { CommentStatusColumn, Database } from '../../storage/schema.ts';

export type WordpressKind = 'post' | 'page' | 'attachment' | 'category' | 'tag' | 'author' | 'comment' | 'account';

interface WordpressIdsTable {
  site: string;
  kind: WordpressKind;
  wp_id: number | string;
  samachar_id: number;
}

type Db = Database & { wordpress_ids: WordpressIdsTable };

export interface StoryRow {
  sectionId: number;
  slug: string;
  headline: string;
  dek: string;
  /** The body's JSON, already validated by parseRichText. */
  bodyJson: string;
  heroMediaId: number | null;
  status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
  commentsOpen: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAt: Date;
  tagIds: readonly number[];
  authorIds: readonly number[];
}

export interface StoryComment {
  wpId: number;
  /** The WordPress id of the comment this answers; 0 for none. Parents come before their replies. */
  wpParent: number;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: CommentStatusColumn;
  createdAt: Date;
  emailKey: string;
  bodyKey: string;
}

export class WordpressStore {
  private readonly db: Kysely<Db>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<{ wordpress_ids: WordpressIdsTable }>();
  }

  /** WordPress id → Samachar id of every object of one kind imported from `site`. */
  async mapOf(site: string, kind: WordpressKind): Promise<Map<number, number>> {
    const rows = await this.db.selectFrom('wordpress_ids').select(['wp_id', 'samachar_id']).where('site', '=', site).where('kind', '=', kind).execute();
    return new Map(rows.map((r) => [Number(r.wp_id), r.samachar_id]));
  }

  /** Records (or corrects) what `wpId` became. */
  async remember(site: string, kind: WordpressKind, wpId: number, samacharId: number): Promise<void> {
    await this.db
      .insertInto('wordpress_ids')
      .values({ site, kind, wp_id: wpId, samachar_id: samacharId })
      .onConflict((oc) => oc.columns(['site', 'kind', 'wp_id']).doUpdateSet({ samachar_id: samacharId }))
      .execute();
  }

  /** Whether a section still exists (an editor may have removed one since the last import). */
  async sectionExists(id: number): Promise<boolean> {
    return (await this.db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /**
   * Writes one story whole: the article, its tags and bylines, its comments (replies
   * pointing at their imported parents; a reply whose parent is missing becomes a
   * top-level comment) and the map rows for it and each comment. Returns the article's id.
   */
  async insertStory(site: string, kind: 'post' | 'page', wpId: number, story: StoryRow, comments: readonly StoryComment[]): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('articles')
        .values({
          section_id: story.sectionId,
          slug: story.slug,
          headline: story.headline,
          dek: story.dek,
          body: story.bodyJson,
          hero_media_id: story.heroMediaId,
          status: story.status,
          comments_open: writeBool(story.commentsOpen),
          published_at: story.publishedAt ? writeTime(story.publishedAt) : null,
          updated_at: writeTime(story.updatedAt),
          created_at: writeTime(story.createdAt),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (story.tagIds.length > 0) {
        await trx
          .insertInto('article_tags')
          .values(story.tagIds.map((tagId, position) => ({ article_id: id, tag_id: tagId, position })))
          .execute();
      }
      if (story.authorIds.length > 0) {
        await trx
          .insertInto('article_authors')
          .values(story.authorIds.map((authorId, position) => ({ article_id: id, author_id: authorId, position })))
          .execute();
      }
      await remember(trx, site, kind, wpId, id);
      const made = new Map<number, number>();
      for (const c of comments) {
        const row = await trx
          .insertInto('comments')
          .values({
            article_id: id,
            parent_id: made.get(c.wpParent) ?? null,
            author_name: c.authorName,
            author_email: c.authorEmail,
            author_url: c.authorUrl,
            body: c.body,
            status: c.status,
            created_at: writeTime(c.createdAt),
            // No IP is carried over (WordPress keeps it in the clear; Samachar keeps only a salted hash of new ones).
            ip_hash: null,
            user_agent: '',
            email_key: c.emailKey,
            body_key: c.bodyKey,
            held_reason: '',
            previous_status: null,
            moderated_by: null,
            moderated_at: null,
            user_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        made.set(c.wpId, row.id);
        await remember(trx, site, 'comment', c.wpId, row.id);
      }
      return id;
    });
  }
}

async function remember(trx: Transaction<Db>, site: string, kind: WordpressKind, wpId: number, samacharId: number): Promise<void> {
  await trx.insertInto('wordpress_ids').values({ site, kind, wp_id: wpId, samachar_id: samacharId }).execute();
}
