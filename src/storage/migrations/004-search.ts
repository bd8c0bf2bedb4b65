/**
 * The search index (see src/search and docs/decisions/011-search.md). Both databases hold
 * the same rows, made by the same pipeline: `search_docs` (one narrow row per public article:
 * section, time, rank key and, on PostgreSQL, the keys as tsvectors), `search_doc_data` (what
 * the ranking reads: the word table and the position streams), and `search_terms` (the
 * lexicon: document frequency per key, and a surface word for "did you mean").
 *
 * Matching: on SQLite an FTS5 table over the pipeline's keys (contentless: the text lives
 * in search_doc_data), tokenized so that no key is ever split (letters, numbers, private-use
 * and marks are token characters). On PostgreSQL two tsvector columns with GIN indexes,
 * built from the keys as they are (no parser, no dictionary: what the `simple` config
 * would give, without its parser splitting Devanagari at vowel signs in some locales). The
 * ranking data lives in its own table so that the matched rows stay small and in memory.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, dialect: Dialect): Promise<void> {
  const time = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  const vectors = sql.raw(dialect === 'postgres' ? ',\n    tsv tsvector not null,\n    tsv_head tsvector not null' : '');

  // rank_key orders stories newest first: the publishing minute × 2^26 + the article id
  // (search-index-store.ts, rankKey). On SQLite it is also the FTS5 rowid, so "the newest
  // matches" is a walk down the index that stops at the limit, however many stories match.
  await sql`create table search_docs (
    article_id integer primary key references articles(id) on delete cascade,
    section_id integer not null,
    published_at ${time} not null,
    rank_key ${sql.raw(dialect === 'postgres' ? 'bigint' : 'integer')} not null unique${vectors}
  )`.execute(db);
  await sql`create index search_docs_section on search_docs (section_id, rank_key)`.execute(db);
  await sql`create table search_doc_data (
    article_id integer primary key references search_docs(article_id) on delete cascade,
    terms text not null,
    words text not null,
    streams text not null
  )`.execute(db);

  // Byte order (collate "C" on PostgreSQL, SQLite's default) so that prefix ranges and
  // sorting agree on both databases.
  await sql`create table search_terms (
    term text ${sql.raw(dialect === 'postgres' ? 'collate "C" ' : '')}primary key,
    df integer not null,
    surface text not null
  )`.execute(db);

  if (dialect === 'postgres') {
    // A small pending list: GIN's fast-update list is scanned by every query until it is
    // merged, and a 4 MB one (the default) makes common-word searches several times slower.
    await sql`create index search_docs_tsv on search_docs using gin (tsv) with (gin_pending_list_limit = 256)`.execute(db);
    await sql`create index search_docs_tsv_head on search_docs using gin (tsv_head) with (gin_pending_list_limit = 256)`.execute(db);
    return;
  }
  // Columns: head (the headline's keys), rest (every other field's keys, and a token for
  // the section so a section filter is part of the match). No prefix indexes: they doubled
  // the time of a full rebuild for a few milliseconds on suggestions (prefix queries).
  // detail=column: positions live in search_doc_data, where the ranking reads them.
  await sql`create virtual table search_fts using fts5(
    head, rest,
    content='', contentless_delete=1, detail=column,
    tokenize="unicode61 categories 'L* N* Co M*' remove_diacritics 0"
  )`.execute(db);
  // An article deleted (or the demo reset) takes its index rows with it: search_docs by the
  // foreign key, search_fts by this trigger.
  await sql`create trigger search_docs_delete after delete on search_docs begin
    delete from search_fts where rowid = old.rank_key;
  end`.execute(db);
}
