/**
 * 016: the sitemaps read public stories by publication time, and need only a few columns
 * of each: a covering index answers them without reading a story's row, whose body (stored
 * before published_at, updated_at and hero_media_id) would otherwise be read for every
 * entry. With 100,000 stories a month of 10,000 took 540 ms through the rows and the
 * index of months 1.2 s; through this index, see docs/decisions/023-sitemaps-and-feeds.md.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index articles_sitemap on articles (status, published_at, id, updated_at, section_id, hero_media_id, slug)`.execute(db);
}
