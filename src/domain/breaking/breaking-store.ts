/** The breaking-news banner's row (id 1, migration 019). */
import type { Kysely } from 'kysely';
import { readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { BreakingNews } from './breaking.ts';

const ID = 1;

export class BreakingStore {
  constructor(private readonly db: Kysely<Database>) {}

  async read(): Promise<BreakingNews | null> {
    const row = await this.db.selectFrom('breaking_news').selectAll().where('id', '=', ID).executeTakeFirst();
    return row ? { text: row.text, link: row.link, expiresAt: readOptionalTime(row.expires_at), updatedAt: readTime(row.updated_at) } : null;
  }

  async write(news: BreakingNews): Promise<void> {
    const values = { text: news.text, link: news.link, expires_at: news.expiresAt ? writeTime(news.expiresAt) : null, updated_at: writeTime(news.updatedAt) };
    await this.db
      .insertInto('breaking_news')
      .values({ id: ID, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  }

  /** Deletes the banner; whether there was one. */
  async delete(): Promise<boolean> {
    const result = await this.db.deleteFrom('breaking_news').where('id', '=', ID).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Deletes the banner if it has expired by `now`; whether this call deleted it. One
   * conditional DELETE: of several processes at once, exactly one gets true.
   */
  async deleteExpired(now: Date): Promise<boolean> {
    const result = await this.db.deleteFrom('breaking_news').where('id', '=', ID).where('expires_at', 'is not', null).where('expires_at', '<=', writeTime(now)).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
