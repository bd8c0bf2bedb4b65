/** View counts per story and hour (migration 020), and the most-read ranking over them. */
import { type Kysely, sql } from 'kysely';
import { readCount } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { ViewBatch } from './view-counter.ts';

const CHUNK = 200;

export class MostReadStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Adds the batch's views to the hourly buckets, in one transaction. Views of a story
   * deleted meanwhile are dropped (its buckets went with it).
   */
  async addViews(batch: readonly ViewBatch[]): Promise<void> {
    if (batch.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      const ids = [...new Set(batch.map((b) => b.articleId))];
      const existing = new Set<number>();
      for (let i = 0; i < ids.length; i += CHUNK) {
        const rows = await trx.selectFrom('articles').select('id').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
        for (const r of rows) existing.add(r.id);
      }
      const rows = batch.filter((b) => existing.has(b.articleId)).map((b) => ({ article_id: b.articleId, hour: b.hour, views: b.views }));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await trx
          .insertInto('article_views')
          .values(rows.slice(i, i + CHUNK))
          .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet({ views: sql<number>`article_views.views + excluded.views` }))
          .execute();
      }
    });
  }

  /** Story ids by views since `sinceHour`, most first (ties: newer id first), of one section or all. */
  async top(sinceHour: number, limit: number, sectionId?: number): Promise<number[]> {
    let query = this.db
      .selectFrom('article_views as v')
      .innerJoin('articles as a', 'a.id', 'v.article_id')
      .select(['v.article_id', (eb) => eb.fn.sum<string | number>('v.views').as('total')])
      .where('v.hour', '>=', sinceHour)
      .where('a.status', '=', 'published')
      .groupBy('v.article_id')
      .orderBy('total', 'desc')
      .orderBy('v.article_id', 'desc')
      .limit(limit);
    if (sectionId !== undefined) query = query.where('a.section_id', '=', sectionId);
    const rows = await query.execute();
    return rows.filter((r) => readCount(r.total) > 0).map((r) => r.article_id);
  }

  /** Deletes buckets before `beforeHour`. */
  async prune(beforeHour: number): Promise<void> {
    await this.db.deleteFrom('article_views').where('hour', '<', beforeHour).execute();
  }
}
