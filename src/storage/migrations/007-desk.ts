/**
 * 007: the desk's headline search (issue 10, point 6).
 *
 * The reader search's index holds only published stories; the desk searches every story
 * a user may see, drafts too, by headline. `article_headline_keys` holds each headline
 * word's phonetic keys (the reader search's pipeline, domain/articles/desk.ts), one row per
 * (key, story): a query word is an indexed lookup, a last unfinished word a range scan.
 *
 * `articles.headline_keyed` is the headline the keys were made from. Any writer may change
 * a headline (the editor, the generator, an import) without knowing about the keys: a row
 * whose headline differs from `headline_keyed` is stale, found through a partial index
 * that holds only such rows, and brought in step before the desk searches (desk-store.ts).
 * No trigger, no call every writer must remember. Setting `headline_keyed` to null
 * rebuilds a story's keys (after a change to the pipeline: `update articles set headline_keyed = null`).
 *
 * Existing stories are keyed here, in batches.
 */
import { sql, type Kysely } from 'kysely';
import { headlineKeys } from '../../domain/articles/desk.ts';
import type { Dialect } from '../connect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

const BATCH = 2000;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  // Keys compare byte by byte on both databases ("C"), so a prefix is a plain range.
  const keyType = sql.raw(dialect === 'postgres' ? 'text collate "C"' : 'text');
  const withoutRowid = sql.raw(dialect === 'sqlite' ? ' without rowid' : '');
  await sql`create table article_headline_keys (
    key ${keyType} not null,
    article_id integer not null references articles(id) on delete cascade,
    primary key (key, article_id)
  )${withoutRowid}`.execute(db);
  await sql`create index article_headline_keys_article on article_headline_keys (article_id)`.execute(db);
  await sql`alter table articles add column headline_keyed text`.execute(db);
  // The same predicate text as desk-store.ts's stale query, so each planner uses this index.
  const stale = sql.raw(dialect === 'postgres' ? 'headline_keyed is distinct from headline' : 'headline_keyed is not headline');
  await sql`create index articles_headline_stale on articles (id) where ${stale}`.execute(db);

  // The desk lists stories not in the trash, newest change first, filtered by status,
  // section, creator (a reporter's own) or a time range. Partial indexes on exactly those
  // rows: a page is a walk down an index, and a count reads only the index (on SQLite a
  // story's row is mostly its body, which the count must not read).
  await sql`create index articles_desk_updated on articles (updated_at, id) where trashed_at is null`.execute(db);
  await sql`create index articles_desk_published on articles (published_at, id) where trashed_at is null`.execute(db);
  // Headlines sort byte by byte on both databases (desk-store.ts), so the index is in that order.
  const headline = sql.raw(dialect === 'postgres' ? 'headline collate "C"' : 'headline');
  await sql`create index articles_desk_headline on articles (${headline}, id) where trashed_at is null`.execute(db);
  await sql`create index articles_desk_status on articles (status, updated_at, id) where trashed_at is null`.execute(db);
  await sql`create index articles_desk_section on articles (section_id, updated_at, id) where trashed_at is null`.execute(db);
  await sql`create index articles_desk_creator on articles (created_by, updated_at, id) where trashed_at is null`.execute(db);

  let after = 0;
  for (;;) {
    const rows: { id: number; headline: string }[] = await db.selectFrom('articles').select(['id', 'headline']).where('id', '>', after).orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) break;
    const values = rows.flatMap((r) => headlineKeys(r.headline).map((key) => ({ key, article_id: r.id })));
    // At most 2 bound values a row: well under SQLite's 32,766 and PostgreSQL's 65,535 per statement.
    for (let i = 0; i < values.length; i += 5000) await db.insertInto('article_headline_keys').values(values.slice(i, i + 5000)).execute();
    const first = rows[0]!.id;
    after = rows[rows.length - 1]!.id;
    await sql`update articles set headline_keyed = headline where id between ${first} and ${after}`.execute(db);
  }
}
