/**
 * 020: view counts for the most-read lists (issue 15, decision 029). One row per story and
 * hour (`hour`: whole hours since 1970-01-01 UTC), added to by every process's flush of its
 * in-memory counts. No reader is identified: no IP address, cookie or token is stored, only
 * the number. Rows older than two days are pruned by the flush job.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create table article_views (
    article_id integer not null references articles(id) on delete cascade,
    hour integer not null,
    views integer not null,
    primary key (article_id, hour)
  )`.execute(db);
  // The lists' question: every story's views since an hour.
  await sql`create index article_views_hour on article_views (hour, article_id, views)`.execute(db);
}
