/**
 * Emptying the content tables before the demo is loaded again (`samachar demo --reset`).
 * Settings are kept. One transaction: either everything is gone or nothing is.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.ts';

export class DemoStore {
  constructor(private readonly db: Kysely<Database>) {}

  async clearContent(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Children before parents, so foreign keys hold at every step.
      for (const table of ['comments', 'article_tags', 'article_authors', 'articles', 'authors', 'tags', 'sections', 'widgets', 'widget_history', 'media'] as const) {
        await trx.deleteFrom(table).execute();
      }
    });
  }
}
