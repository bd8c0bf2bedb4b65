/**
 * The only code that reads or writes the search index tables (migration 004-search.ts).
 * SQLite: FTS5 table `search_fts` (rowid = article id; columns head, rest) over the
 * pipeline's keys. PostgreSQL: tsvector columns `tsv` and `tsv_head` with GIN indexes.
 * Both databases get the same rows from `buildSearchDocument`, and the same queries
 * return the same sets, so the ranking (in search-service.ts) sees the same input on both.
 *
 * Writes happen in the caller's transaction: `syncArticleIndex(trx, id)` is what the
 * newsroom's store calls when a story is saved, published or unpublished, so the index is
 * never out of step with what readers can open.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { parseRichTextJson, type RichText } from '../richtext/rich-text.ts';
import { toPlainText } from '../richtext/to-plain-text.ts';
import { readCount, readTime, writeTime } from '../storage/columns.ts';
import type { Database } from '../storage/schema.ts';
import { type ArticleText, buildSearchDocument, type SearchDocument } from './search-document.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One query word's keys (any of which may match), or a prefix for the word being typed. */
export interface MatchGroup {
  readonly keys: readonly string[];
  readonly prefix?: string;
}

export interface IndexFilter {
  /** Only stories published by then. */
  readonly now: Date;
  readonly sectionId?: number;
  /** Published at or after. */
  readonly from?: Date;
  /** Published before. */
  readonly to?: Date;
}

export interface MatchOptions {
  /** 'and': every group matches; 'or': at least one. */
  readonly mode: 'and' | 'or';
  /** Match in the headline only, or anywhere. */
  readonly field: 'any' | 'headline';
  readonly filter: IndexFilter;
  readonly limit: number;
  /** Roughly how many stories match in all (from the lexicon's counts), and how many are indexed: PostgreSQL plans by them. */
  readonly expected?: number;
  readonly indexed?: number;
}

export interface MatchedDoc {
  readonly articleId: number;
  readonly publishedAt: Date;
}

export interface IndexedDoc extends MatchedDoc {
  readonly sectionId: number;
  readonly words: string;
  readonly streams: string;
}

interface DocRow {
  article_id: number;
  section_id: number;
  published_at: Date | string;
  rank_key: number | string;
  words: string;
  streams: string;
}

function toIndexedDoc(r: DocRow): IndexedDoc {
  return { articleId: r.article_id, sectionId: r.section_id, publishedAt: readTime(r.published_at), words: r.words, streams: r.streams };
}

export interface TermInfo {
  readonly term: string;
  readonly df: number;
  readonly surface: string;
}

/** What snippets are cut from. */
export interface ArticleSnippetSource {
  readonly headline: string;
  readonly dek: string;
  readonly body: RichText;
}

/** Article ids below this fit in a rank key (2^26, about 67 million). */
const ID_SPACE = 2 ** 26;
const MINUTE = 60_000;

/**
 * Orders stories newest first in one integer: the publishing minute × 2^26 + the article id.
 * Exact in a double until the year 2255. On SQLite it is the FTS5 rowid, so the newest
 * matches come straight off the index (FTS5 walks its doclists by rowid and stops at LIMIT).
 */
export function rankKey(publishedAt: Date, articleId: number): number {
  if (!Number.isSafeInteger(articleId) || articleId < 0 || articleId >= ID_SPACE) throw new RangeError(`rankKey: article id ${articleId} out of range`);
  return Math.max(0, Math.floor(publishedAt.getTime() / MINUTE)) * ID_SPACE + articleId;
}

/** The rank keys of stories published in [from, to] (minutes; the service filters exactly afterwards). */
function keyRange(filter: IndexFilter): { min: number; max: number } {
  const end = filter.to && filter.to < filter.now ? new Date(filter.to.getTime() - 1) : filter.now;
  const max = Math.max(0, Math.floor(end.getTime() / MINUTE)) * ID_SPACE + ID_SPACE - 1;
  const min = filter.from ? Math.max(0, Math.floor(filter.from.getTime() / MINUTE)) * ID_SPACE : 0;
  return { min, max };
}

/** The token that puts a story's section into its FTS5 row (a private-use letter, never produced by the pipeline). */
function sectionToken(sectionId: number): string {
  return `\uE000s${sectionId}`;
}

/**
 * PostgreSQL: the publishing month (UTC) as a lexeme in both tsvectors ('~' never starts a
 * pipeline key), so a match can be narrowed to recent months inside the GIN index.
 */
function monthToken(date: Date): string {
  return `~${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month tokens of the `count` months up to and including the one of `end`. */
function recentMonths(end: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(monthToken(new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 1))));
  return out;
}

/**
 * Windows tried in turn on PostgreSQL when very many stories match (WINDOW_FROM times the
 * limit, by the lexicon's estimate): about the last month, then everything.
 */
const MONTH_WINDOWS = [2, null] as const;
const WINDOW_FROM = 10;
/** Share of all stories from which a match counts as dense (see `match`). */
export const DENSE_SHARE = 0.15;

/** The key '' in search_terms counts the indexed articles. */
const DOC_COUNT_TERM = '';
/** A key as the pipeline makes it; anything else is never sent to a database. */
const SAFE_KEY = /^[\p{L}\p{M}\p{N}]+$/u;
const BATCH = 400;

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------
// Query syntax. Keys are letters, marks and digits only; they are still quoted.

function ftsGroup(g: MatchGroup): string | null {
  const parts = g.keys.filter((k) => SAFE_KEY.test(k)).map((k) => `"${k}"`);
  if (g.prefix !== undefined && SAFE_KEY.test(g.prefix)) parts.push(`"${g.prefix}"*`);
  return parts.length === 0 ? null : `(${parts.join(' OR ')})`;
}

function tsGroup(g: MatchGroup): string | null {
  const quote = (k: string) => `'${k.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const parts = g.keys.filter((k) => SAFE_KEY.test(k)).map(quote);
  if (g.prefix !== undefined && SAFE_KEY.test(g.prefix)) parts.push(`${quote(g.prefix)}:*`);
  return parts.length === 0 ? null : `(${parts.join(' | ')})`;
}

// ---------------------------------------------------------------------------------------
// Reading articles for the index

interface Source {
  readonly articleId: number;
  readonly sectionId: number;
  readonly publishedAt: Date;
  readonly text: ArticleText;
}

/** The public articles among `ids`, as the index reads them. */
async function loadSources(db: Db, ids: readonly number[]): Promise<Source[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'section_id', 'published_at', 'headline', 'dek', 'body', 'hero_media_id'])
    .where('id', 'in', [...ids])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
    .where('trashed_at', 'is', null)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [tags, authors] = await Promise.all([
    db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select(['at.article_id', 't.name']).where('at.article_id', 'in', found).orderBy('at.article_id').orderBy('at.position').execute(),
    db.selectFrom('article_authors as aa').innerJoin('authors as au', 'au.id', 'aa.author_id').select(['aa.article_id', 'au.name', 'au.name_latin']).where('aa.article_id', 'in', found).orderBy('aa.article_id').orderBy('aa.position').execute(),
  ]);
  const bodies = new Map<number, RichText>();
  const mediaIds = new Set<number>();
  for (const r of rows) {
    let body: RichText;
    try {
      body = parseRichTextJson(r.body);
    } catch {
      body = { version: 1, blocks: [] };
    }
    bodies.set(r.id, body);
    if (r.hero_media_id !== null) mediaIds.add(r.hero_media_id);
    for (const b of body.blocks) if (b.type === 'image') mediaIds.add(b.mediaId);
  }
  const captions = new Map<number, string>();
  for (const part of chunks([...mediaIds], 1000)) {
    const media = await db.selectFrom('media').select(['id', 'caption']).where('id', 'in', part).execute();
    for (const m of media) captions.set(m.id, m.caption);
  }
  const tagsOf = group(tags, (t) => t.article_id, (t) => t.name);
  const authorsOf = group(authors, (a) => a.article_id, (a) => (a.name_latin && a.name_latin !== a.name ? `${a.name} ${a.name_latin}` : a.name));
  return rows.map((r) => {
    const body = bodies.get(r.id) ?? { version: 1, blocks: [] };
    const photoCaptions: string[] = [];
    if (r.hero_media_id !== null) photoCaptions.push(captions.get(r.hero_media_id) ?? '');
    for (const b of body.blocks) {
      if (b.type === 'image') photoCaptions.push(b.caption || captions.get(b.mediaId) || '');
      else if (b.type === 'embed' && b.caption) photoCaptions.push(b.caption);
    }
    const text = { ...body, blocks: body.blocks.filter((b) => b.type !== 'image' && b.type !== 'embed') };
    return {
      articleId: r.id,
      sectionId: r.section_id,
      publishedAt: readTime(r.published_at ?? new Date(0)),
      text: {
        headline: r.headline,
        dek: r.dek,
        tags: tagsOf.get(r.id) ?? [],
        authors: authorsOf.get(r.id) ?? [],
        captions: photoCaptions.filter(Boolean),
        body: toPlainText(text),
      },
    };
  });
}

function group<T, V>(rows: readonly T[], key: (r: T) => number, value: (r: T) => V): Map<number, V[]> {
  const out = new Map<number, V[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(value(r));
    else out.set(key(r), [value(r)]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Writing

interface NewDoc {
  readonly source: Source;
  readonly doc: SearchDocument;
}

async function deleteDocs(db: Db, ids: readonly number[]): Promise<void> {
  for (const part of chunks(ids, 1000)) {
    // On SQLite the trigger search_docs_delete removes the FTS rows too.
    await db.deleteFrom('search_docs').where('article_id', 'in', part).execute();
  }
}

async function insertDocs(db: Db, docs: readonly NewDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const postgres = isPostgres(db);
  for (const part of chunks(docs, 200)) {
    await db
      .insertInto('search_docs')
      .values(
        part.map(({ source, doc }) => {
          const month = monthToken(source.publishedAt);
          return {
            article_id: source.articleId,
            section_id: source.sectionId,
            published_at: writeTime(source.publishedAt),
            rank_key: rankKey(source.publishedAt, source.articleId),
            ...(postgres
              ? {
                  tsv: sql<string>`array_to_tsvector(${[...doc.terms, month]}::text[])`,
                  tsv_head: sql<string>`array_to_tsvector(${[...doc.head, month]}::text[])`,
                }
              : {}),
          };
        }),
      )
      .execute();
    await db
      .insertInto('search_doc_data')
      .values(part.map(({ source, doc }) => ({ article_id: source.articleId, terms: doc.terms.join(' '), words: doc.words, streams: doc.streams })))
      .execute();
    if (!postgres) {
      const values = part.map(({ source, doc }) => sql`(${rankKey(source.publishedAt, source.articleId)}, ${doc.head.join(' ')}, ${[...doc.rest, sectionToken(source.sectionId)].join(' ')})`);
      await sql`insert into search_fts (rowid, head, rest) values ${sql.join(values)}`.execute(db);
    }
  }
}

/** Adds `delta` to each term's count (inserting it with its surface word), then drops counts of zero. */
async function addToCounts(db: Db, deltas: ReadonlyMap<string, { delta: number; surface: string }>): Promise<void> {
  const entries = [...deltas.entries()].filter(([, v]) => v.delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const part of chunks(entries, 1000)) {
    await db
      .insertInto('search_terms')
      .values(part.map(([term, v]) => ({ term, df: v.delta, surface: v.surface })))
      .onConflict((oc) => oc.column('term').doUpdateSet({ df: sql<number>`search_terms.df + excluded.df` }))
      .execute();
  }
  const touched = entries.filter(([, v]) => v.delta < 0).map(([t]) => t);
  for (const part of chunks(touched, 1000)) {
    await db.deleteFrom('search_terms').where('term', 'in', part).where('df', '<=', 0).execute();
  }
}

/**
 * Brings the index in step with the articles `ids`, inside the caller's transaction: a
 * public article is (re)indexed, anything else (draft, scheduled, unpublished, deleted) is
 * removed. Keeps the lexicon's counts exact.
 */
export async function syncArticlesIndex(trx: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const sources = await loadSources(trx, ids);
  const old = await trx.selectFrom('search_doc_data').select(['article_id', 'terms']).where('article_id', 'in', [...ids]).execute();
  const deltas = new Map<string, { delta: number; surface: string }>();
  const add = (term: string, delta: number, surface: string) => {
    const e = deltas.get(term);
    if (e) e.delta += delta;
    else deltas.set(term, { delta, surface });
  };
  for (const row of old) {
    add(DOC_COUNT_TERM, -1, '');
    for (const term of row.terms.split(' ')) if (term) add(term, -1, term);
  }
  const docs = sources.map((source) => ({ source, doc: buildSearchDocument(source.text) }));
  for (const { doc } of docs) {
    add(DOC_COUNT_TERM, 1, '');
    for (const term of doc.terms) {
      const e = deltas.get(term);
      if (e) {
        e.delta += 1;
        e.surface = doc.surfaces.get(term) ?? term;
      } else add(term, 1, doc.surfaces.get(term) ?? term);
    }
  }
  await deleteDocs(trx, old.map((r) => r.article_id));
  await insertDocs(trx, docs);
  await addToCounts(trx, deltas);
}

/** `syncArticlesIndex` for one article. */
export function syncArticleIndex(trx: Db, id: number): Promise<void> {
  return syncArticlesIndex(trx, [id]);
}

// ---------------------------------------------------------------------------------------
// The store the search service reads through

export class SearchIndexStore {
  constructor(private readonly db: Kysely<Database>) {}

  get postgres(): boolean {
    return isPostgres(this.db);
  }

  /** Counts and surface words of the given terms (those in the index); '' gives the number of articles. */
  async terms(terms: readonly string[]): Promise<Map<string, TermInfo>> {
    const wanted = [...new Set(terms)].filter((t) => t === DOC_COUNT_TERM || SAFE_KEY.test(t));
    const out = new Map<string, TermInfo>();
    const postgres = this.postgres;
    for (const part of chunks(wanted, postgres ? 10_000 : 1000)) {
      // One array parameter on PostgreSQL (a list of hundreds of typo variants plans slowly).
      const rows = await this.db
        .selectFrom('search_terms')
        .select(['term', 'df', 'surface'])
        .where(postgres ? sql<boolean>`term = any(${part}::text[])` : sql<boolean>`term in (${sql.join(part)})`)
        .execute();
      for (const r of rows) out.set(r.term, { term: r.term, df: readCount(r.df), surface: r.surface });
    }
    return out;
  }

  /** Terms starting with `prefix`, most frequent first. */
  async termsWithPrefix(prefix: string, limit: number): Promise<TermInfo[]> {
    if (!SAFE_KEY.test(prefix)) return [];
    const rows = await this.db
      .selectFrom('search_terms')
      .select(['term', 'df', 'surface'])
      .where('term', '>=', prefix)
      .where('term', '<', `${prefix}\uFFFF`)
      .orderBy('df', 'desc')
      .orderBy('term')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ term: r.term, df: readCount(r.df), surface: r.surface }));
  }

  /**
   * Articles matching the groups, newest first (by rank key), published by `filter.now` and
   * within the filter to the minute (the caller filters exactly), with what the ranking
   * reads. Both databases return the same list for the same index.
   */
  async match(groups: readonly MatchGroup[], options: MatchOptions): Promise<IndexedDoc[]> {
    const postgres = this.postgres;
    const parts = groups.map(postgres ? tsGroup : ftsGroup).filter((p): p is string => p !== null);
    if (parts.length === 0 || options.limit <= 0) return [];
    const { filter } = options;
    const { min, max } = keyRange(filter);
    if (min > max) return [];
    let rows: DocRow[] = [];
    if (postgres) {
      const joined = `(${parts.join(options.mode === 'and' ? ' & ' : ' | ')})`;
      const column = sql.ref(options.field === 'headline' ? 'd.tsv_head' : 'd.tsv');
      const end = new Date(Math.floor(max / ID_SPACE) * MINUTE);
      // PostgreSQL either walks the rank-key index backwards testing each row's tsvector
      // (cheap when most rows match), or reads the GIN index and sorts what matched (cheap
      // when few match). Its own estimate for tsqueries is poor, so the lexicon's counts
      // decide: a dense match walks; otherwise the sort expression keeps it off the walk,
      // and when many match, the last months are tried first (their newest matches, if
      // there are enough, are the newest overall), so few rows are read.
      const expected = options.expected ?? 0;
      const dense = options.indexed !== undefined && options.indexed > 0 && options.field === 'any' && expected >= DENSE_SHARE * options.indexed;
      const windowed = !dense && !filter.from && expected >= WINDOW_FROM * options.limit;
      const order = dense ? sql`d.rank_key` : sql`d.rank_key + 0`;
      for (const months of windowed ? MONTH_WINDOWS : [null]) {
        const query = months === null ? joined : `${joined} & (${recentMonths(end, months).map((m) => `'${m}'`).join(' | ')})`;
        const section = filter.sectionId === undefined ? sql`` : sql`and d.section_id = ${filter.sectionId}`;
        const result = await sql<DocRow>`with m as (
            select d.article_id, d.section_id, d.published_at, d.rank_key from search_docs d
            where ${column} @@ ${query}::tsquery and d.rank_key >= ${min} and d.rank_key <= ${max} ${section}
            order by ${order} desc limit ${options.limit})
          select m.article_id, m.section_id, m.published_at, m.rank_key, x.words, x.streams
          from m join search_doc_data x on x.article_id = m.article_id order by m.rank_key desc`.execute(this.db);
        rows = result.rows;
        if (rows.length >= options.limit) break;
      }
    } else {
      const joined = `(${parts.join(options.mode === 'and' ? ' AND ' : ' OR ')})`;
      let expression = options.field === 'headline' ? `{head} : ${joined}` : joined;
      if (filter.sectionId !== undefined) expression += ` AND "${sectionToken(filter.sectionId)}"`;
      const result = await sql<DocRow>`select d.article_id, d.section_id, d.published_at, d.rank_key, x.words, x.streams
        from (select rowid as k from search_fts where search_fts match ${expression} and rowid >= ${min} and rowid <= ${max} order by rowid desc limit ${options.limit}) m
        join search_docs d on d.rank_key = m.k join search_doc_data x on x.article_id = d.article_id order by d.rank_key desc`.execute(this.db);
      rows = result.rows;
    }
    return rows.map(toIndexedDoc);
  }

  /** The index rows of the given articles (any order). */
  async docs(ids: readonly number[]): Promise<IndexedDoc[]> {
    const out: IndexedDoc[] = [];
    for (const part of chunks([...new Set(ids)], 1000)) {
      const rows = await this.db
        .selectFrom('search_docs as d')
        .innerJoin('search_doc_data as x', 'x.article_id', 'd.article_id')
        .select(['d.article_id', 'd.section_id', 'd.published_at', 'd.rank_key', 'x.words', 'x.streams'])
        .where('d.article_id', 'in', part)
        .execute();
      for (const r of rows) out.push(toIndexedDoc(r));
    }
    return out;
  }

  /** Headline, dek and body of the given articles, for snippets. */
  async snippetSources(ids: readonly number[]): Promise<Map<number, ArticleSnippetSource>> {
    const out = new Map<number, ArticleSnippetSource>();
    if (ids.length === 0) return out;
    const rows = await this.db.selectFrom('articles').select(['id', 'headline', 'dek', 'body']).where('id', 'in', [...ids]).execute();
    for (const r of rows) {
      let body: RichText;
      try {
        body = parseRichTextJson(r.body);
      } catch {
        body = { version: 1, blocks: [] };
      }
      out.set(r.id, { headline: r.headline, dek: r.dek, body });
    }
    return out;
  }

  /** How many articles the index holds. */
  async countDocs(): Promise<number> {
    return (await this.terms([DOC_COUNT_TERM])).get(DOC_COUNT_TERM)?.df ?? 0;
  }

  /**
   * Rebuilds the whole index from the articles, in batches (each its own transaction, so a
   * live site keeps publishing meanwhile), then recounts the lexicon in one transaction.
   * `fresh` empties the index first (faster; searches see a partial index until it ends).
   */
  async rebuild(options: { fresh?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<{ articles: number; indexed: number }> {
    const postgres = this.postgres;
    if (options.fresh) {
      await this.db.transaction().execute(async (trx) => {
        if (!postgres) await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(trx);
        await trx.deleteFrom('search_doc_data').execute();
        await trx.deleteFrom('search_docs').execute();
        await trx.deleteFrom('search_terms').execute();
      });
    }
    const totalRow = await this.db.selectFrom('articles').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    const total = readCount(totalRow?.n);
    const counts = new Map<string, { df: number; surface: string }>();
    let done = 0;
    let indexed = 0;
    let after = 0;
    options.onProgress?.(0, total);
    for (;;) {
      const ids = (await this.db.selectFrom('articles').select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute()).map((r) => r.id);
      if (ids.length === 0) break;
      after = ids.at(-1) ?? after;
      // Read and write in one transaction, with the articles locked on PostgreSQL, so a
      // save or publish of one of them waits and its own sync comes after this batch.
      const docs = await this.db.transaction().execute(async (trx) => {
        if (postgres) await trx.selectFrom('articles').select('id').where('id', 'in', ids).forUpdate().execute();
        const sources = await loadSources(trx, ids);
        const built = sources.map((source) => ({ source, doc: buildSearchDocument(source.text) }));
        if (!options.fresh) await deleteDocs(trx, ids);
        await insertDocs(trx, built);
        return built;
      });
      for (const { doc } of docs) {
        for (const term of doc.terms) {
          const c = counts.get(term);
          if (c) c.df++;
          else counts.set(term, { df: 1, surface: doc.surfaces.get(term) ?? term });
        }
      }
      indexed += docs.length;
      done += ids.length;
      options.onProgress?.(done, total);
    }
    counts.set(DOC_COUNT_TERM, { df: indexed, surface: '' });
    // Both databases plan by statistics; after a bulk change, refresh them (SQLite has none
    // until ANALYZE runs, and without them plans the reader's "stories by id" badly on a big site).
    await (postgres ? sql`analyze search_docs, search_doc_data, search_terms` : sql`analyze`).execute(this.db);
    if (postgres) {
      // Merge what the bulk load left in the GIN indexes' pending lists (queries scan them).
      await sql`select gin_clean_pending_list('search_docs_tsv'::regclass), gin_clean_pending_list('search_docs_tsv_head'::regclass)`.execute(this.db);
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('search_terms').execute();
      const entries = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const part of chunks(entries, 1000)) {
        await trx.insertInto('search_terms').values(part.map(([term, c]) => ({ term, df: c.df, surface: c.surface }))).execute();
      }
    });
    return { articles: total, indexed };
  }
}
