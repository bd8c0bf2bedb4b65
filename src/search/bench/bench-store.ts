/**
 * Writes a generated site straight into the articles tables, in large batches (the
 * benchmark needs 100,000 stories in seconds, not through the newsroom's services). Only
 * for `npm run bench:search`.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';

export interface BenchArticleRow {
  readonly sectionId: number;
  readonly headline: string;
  readonly dek: string;
  /** The body's JSON (see src/richtext). */
  readonly bodyJson: string;
  readonly publishedAt: Date;
  readonly tagIds: readonly number[];
  readonly authorIds: readonly number[];
}

export class BenchStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * What a database's housekeeping would have done after a bulk load: statistics and, on
   * PostgreSQL, VACUUM (autovacuum may be off, as on the test server, or not yet have run).
   */
  async settle(): Promise<void> {
    const postgres = this.db.getExecutor().adapter instanceof PostgresAdapter;
    await (postgres ? sql`vacuum analyze` : sql`analyze`).execute(this.db);
  }

  /** Inserts published stories in one transaction; returns their ids. */
  async insertPublished(rows: readonly BenchArticleRow[]): Promise<number[]> {
    return this.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        const inserted = await trx
          .insertInto('articles')
          .values(
            part.map((r) => ({
              section_id: r.sectionId,
              slug: '',
              headline: r.headline,
              dek: r.dek,
              body: r.bodyJson,
              hero_media_id: null,
              status: 'published' as const,
              comments_open: 1,
              published_at: writeTime(r.publishedAt),
              updated_at: writeTime(r.publishedAt),
              created_at: writeTime(r.publishedAt),
              home_position: null,
              created_by: null,
            })),
          )
          .returning('id')
          .execute();
        const partIds = inserted.map((x) => x.id);
        ids.push(...partIds);
        const tags = part.flatMap((r, j) => r.tagIds.map((tag_id, position) => ({ article_id: partIds[j] ?? 0, tag_id, position })));
        if (tags.length) await trx.insertInto('article_tags').values(tags).execute();
        const authors = part.flatMap((r, j) => r.authorIds.map((author_id, position) => ({ article_id: partIds[j] ?? 0, author_id, position })));
        if (authors.length) await trx.insertInto('article_authors').values(authors).execute();
      }
      return ids;
    });
  }
}
