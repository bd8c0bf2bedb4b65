/**
 * 005: the front page's pinned stories by an index. Without it, "stories with a home
 * position" reads every article (160 ms at 100,000 stories, on every front-page render);
 * a partial index holds only the handful of pinned rows.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index articles_home_position on articles (home_position, id) where home_position is not null`.execute(db);
}
