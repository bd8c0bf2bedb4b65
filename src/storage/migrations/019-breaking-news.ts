/**
 * 019: the breaking-news banner (issue 15, decision 029). One row at most (id 1): the
 * one-line alert every reader page shows, its optional link and its optional expiry.
 * Clearing the banner deletes the row; so does the expiry job, once, by a conditional
 * DELETE, so with several processes exactly one of them announces the expiry.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await sql`create table breaking_news (
    id integer primary key check (id = 1),
    text text not null,
    link text,
    expires_at ${time},
    updated_at ${time} not null
  )`.execute(db);
}
