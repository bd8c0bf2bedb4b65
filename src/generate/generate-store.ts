/**
 * Writes a generated site straight into the tables, in large batches inside one transaction
 * each: articles with their tags and bylines, and their comments. The rows are the ones the
 * services write (ArticleStore.insert, CommentStore.insert); the tests read them back through
 * the services. Only for `samachar generate` and the search benchmark.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { writeBool, writeTime } from '../storage/columns.ts';
import type { CommentStatusColumn, Database } from '../storage/schema.ts';

export interface NewGeneratedComment {
  /** Index (in the article's `comments`) of the comment this one answers; null for a top-level comment. */
  readonly replyTo: number | null;
  readonly authorName: string;
  readonly authorEmail: string;
  readonly authorUrl: string | null;
  readonly body: string;
  readonly status: CommentStatusColumn;
  readonly heldReason: string;
  readonly previousStatus: Exclude<CommentStatusColumn, 'trash'> | null;
  readonly createdAt: Date;
  readonly moderatedAt: Date | null;
  readonly emailKey: string;
  readonly bodyKey: string;
}

export interface NewGeneratedArticle {
  readonly sectionId: number;
  readonly slug: string;
  readonly headline: string;
  readonly dek: string;
  /** The body's JSON (see src/richtext), already validated. */
  readonly bodyJson: string;
  readonly heroMediaId: number | null;
  readonly publishedAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly commentsOpen: boolean;
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
  readonly comments: readonly NewGeneratedComment[];
}

/** Rows per INSERT: under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535). */
const PARAMETERS = 30_000;
const rowsPer = (columns: number) => Math.floor(PARAMETERS / columns);

export class GenerateStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * What a database's housekeeping would have done after a bulk load: statistics and, on
   * PostgreSQL, VACUUM of the tables a generated site fills (autovacuum may be off, as on
   * the test server, or not yet have run; the visibility map lets reads use index-only scans).
   */
  async settle(): Promise<void> {
    const query = this.postgres
      ? sql`vacuum analyze articles, article_tags, article_authors, comments, search_docs, search_doc_data, search_terms`
      : sql`analyze`;
    await query.execute(this.db);
  }

  private get postgres(): boolean {
    return this.db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /**
   * Inserts published articles with their tags, bylines and comments, all in one
   * transaction. Returns the articles' ids, in the order given, and how many comments were written.
   */
  async insertPublished(articles: readonly NewGeneratedArticle[]): Promise<{ ids: number[]; comments: number }> {
    return this.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const part of chunks(articles, rowsPer(11))) {
        const partIds = await insertIds(
          trx
            .insertInto('articles')
            .values(
              part.map((a) => ({
                section_id: a.sectionId,
                slug: a.slug,
                headline: a.headline,
                dek: a.dek,
                body: a.bodyJson,
                hero_media_id: a.heroMediaId,
                status: 'published' as const,
                comments_open: writeBool(a.commentsOpen),
                published_at: writeTime(a.publishedAt),
                updated_at: writeTime(a.updatedAt),
                created_at: writeTime(a.createdAt),
              })),
            )
            .returning('id'),
          part.length,
        );
        ids.push(...partIds);
      }
      const tags = articles.flatMap((a, i) => a.tagIds.map((tag_id, position) => ({ article_id: ids[i]!, tag_id, position })));
      for (const part of chunks(tags, rowsPer(3))) await trx.insertInto('article_tags').values(part).execute();
      const authors = articles.flatMap((a, i) => a.authorIds.map((author_id, position) => ({ article_id: ids[i]!, author_id, position })));
      for (const part of chunks(authors, rowsPer(3))) await trx.insertInto('article_authors').values(part).execute();
      const comments = await insertComments(trx, articles, ids);
      return { ids, comments };
    });
  }
}

/**
 * Runs a multi-row INSERT … RETURNING id and gives the ids in the order of the rows: each
 * database hands out identity/autoincrement ids in the order the VALUES rows are inserted,
 * so sorting the returned ids restores that order whatever order RETURNING uses.
 */
async function insertIds(query: { execute(): Promise<{ id: number }[]> }, expected: number): Promise<number[]> {
  const ids = (await query.execute()).map((r) => Number(r.id)).sort((a, b) => a - b);
  if (ids.length !== expected) throw new Error(`generate store: inserted ${expected} rows, got ${ids.length} ids`);
  return ids;
}

/** Comments level by level (top-level first, then the replies to them), so each parent has its id. */
async function insertComments(trx: Transaction<Database>, articles: readonly NewGeneratedArticle[], articleIds: readonly number[]): Promise<number> {
  const commentIds = articles.map((a) => new Array<number | undefined>(a.comments.length));
  let pending = articles.flatMap((a, i) => a.comments.map((c, j) => ({ article: i, index: j, c })));
  let written = 0;
  while (pending.length > 0) {
    const ready: typeof pending = [];
    const later: typeof pending = [];
    for (const p of pending) (p.c.replyTo === null || commentIds[p.article]![p.c.replyTo] !== undefined ? ready : later).push(p);
    if (ready.length === 0) throw new Error('generate store: a reply answers a comment that does not exist');
    pending = later;
    for (const part of chunks(ready, rowsPer(13))) {
      const ids = await insertIds(
        trx
          .insertInto('comments')
          .values(
            part.map(({ article, c }) => ({
              article_id: articleIds[article]!,
              parent_id: c.replyTo === null ? null : commentIds[article]![c.replyTo]!,
              author_name: c.authorName,
              author_email: c.authorEmail,
              author_url: c.authorUrl,
              body: c.body,
              status: c.status,
              created_at: writeTime(c.createdAt),
              email_key: c.emailKey,
              body_key: c.bodyKey,
              held_reason: c.heldReason,
              previous_status: c.previousStatus,
              moderated_at: c.moderatedAt === null ? null : writeTime(c.moderatedAt),
            })),
          )
          .returning('id'),
        part.length,
      );
      part.forEach((p, k) => (commentIds[p.article]![p.index] = ids[k]));
      written += part.length;
    }
  }
  return written;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
