/**
 * 008: a byline belongs to at most one newsroom account. The users screen already refuses
 * a byline linked elsewhere, but two admins linking one byline at the same instant could
 * both pass that check on PostgreSQL; the unique index makes the database say no.
 * Where two accounts already share one, the newer link is dropped (it was the mistake).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`update users set author_id = null
    where author_id is not null
      and exists (select 1 from users older where older.author_id = users.author_id and older.id < users.id)`.execute(db);
  await sql`create unique index users_author_unique on users (author_id) where author_id is not null`.execute(db);
}
