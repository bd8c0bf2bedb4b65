/**
 * 015: what the WordPress import made from what (issue 13). One row per WordPress
 * object brought in (post, page, attachment, category, tag, author, comment) with the id
 * of the Samachar row made from it, so importing the same export again creates nothing
 * new. Keyed by the exporting site's address too: ids only mean something on their site,
 * and two WordPress sites may be merged into one Samachar.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create table wordpress_ids (
    site text not null,
    kind text not null check (kind in ('post', 'page', 'attachment', 'category', 'tag', 'author', 'comment', 'account')),
    wp_id bigint not null,
    samachar_id integer not null,
    primary key (site, kind, wp_id)
  )`.execute(db);
}
