/**
 * The desk's queries: the newsroom's story list with headline search, filters, sorting
 * and pages, and the headline keys it searches (table `article_headline_keys`, migration
 * 007-desk.ts, which explains how the keys stay in step without any writer's help).
 *
 * Trashed stories are never listed. Sorting is stable: every order ends with the id.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { readCount, readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { ArticleStatus } from './article.ts';
import { type DeskDateField, type DeskItem, type DeskSort, type HeadlineHit, type HeadlineTerm, headlineKeys, type SortDirection } from './desk.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DeskFilter {
  readonly terms: readonly HeadlineTerm[];
  /** A story number typed as the query: that story is found too. */
  readonly storyId?: number;
  readonly status?: ArticleStatus;
  readonly sectionId?: number;
  readonly authorId?: number;
  /** Only stories this user created (reporters and contributors). */
  readonly createdBy?: number;
  readonly dateField: DeskDateField;
  /** At or after. */
  readonly from?: Date;
  /** Before. */
  readonly to?: Date;
}

export interface DeskOrder {
  readonly sort: DeskSort;
  readonly dir: SortDirection;
}

/** Stale rows keyed per transaction. */
const REFRESH_BATCH = 1000;
/** Above every code point: `key < prefix + TOP` is "starts with prefix" (keys compare as bytes on both databases). */
const TOP = '\u{10FFFF}';

/** The workflow's order, for sorting by status (alphabetical order means nothing in Hindi). */
const STATUS_ORDER: Readonly<Record<ArticleStatus, number>> = { draft: 0, review: 1, scheduled: 2, published: 3, unpublished: 4 };

function isPostgres(db: Db): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Makes the headline keys of the given stories match their headlines, in the caller's
 * transaction. Optional for writers (stale keys are caught up before every desk search),
 * but a writer that calls it keeps the desk in step without that catch-up.
 */
export async function syncHeadlineKeys(trx: Transaction<Database>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('articles').select(['id', 'headline']).where('id', 'in', [...ids]).execute();
  await writeKeys(trx, rows);
}

async function writeKeys(trx: Db, rows: readonly { id: number; headline: string }[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await trx.deleteFrom('article_headline_keys').where('article_id', 'in', ids).execute();
  const values = rows.flatMap((r) => headlineKeys(r.headline).map((key) => ({ key, article_id: r.id })));
  for (let i = 0; i < values.length; i += 5000) await trx.insertInto('article_headline_keys').values(values.slice(i, i + 5000)).execute();
  // The rows were read in this transaction (locked on PostgreSQL, and SQLite has one writer),
  // so the headline still is the one the keys were made from.
  await trx.updateTable('articles').set((eb) => ({ headline_keyed: eb.ref('headline') })).where('id', 'in', ids).execute();
}

export class DeskStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Keys every story whose headline changed since it was last keyed (or that is new).
   * Reads only the partial index of stale rows, so it costs nothing when all is in step.
   * Returns how many stories it keyed.
   */
  async refreshStaleKeys(): Promise<number> {
    const pg = isPostgres(this.db);
    let total = 0;
    for (;;) {
      const n = await this.db.transaction().execute(async (trx) => {
        // Same predicate text as the partial index (007-desk.ts). SQLite, without statistics,
        // would rather scan the table in id order (170 ms at 100,000 stories) than use an
        // index it cannot know is nearly empty, so it is named. On PostgreSQL the rows are
        // locked, so a save meanwhile waits rather than leaving keys for a headline that is gone.
        const rows = pg
          ? (await sql<{ id: number; headline: string }>`select id, headline from articles where headline_keyed is distinct from headline order by id limit ${REFRESH_BATCH} for update`.execute(trx)).rows
          : (await sql<{ id: number; headline: string }>`select id, headline from articles indexed by articles_headline_stale where headline_keyed is not headline order by id limit ${REFRESH_BATCH}`.execute(trx)).rows;
        await writeKeys(trx, rows);
        return rows.length;
      });
      total += n;
      if (n < REFRESH_BATCH) return total;
    }
  }

  private filtered(f: DeskFilter) {
    let q = this.db.selectFrom('articles as a').where('a.trashed_at', 'is', null);
    if (f.createdBy !== undefined) q = q.where('a.created_by', '=', f.createdBy);
    if (f.status) q = q.where('a.status', '=', f.status);
    if (f.sectionId !== undefined) q = q.where('a.section_id', '=', f.sectionId);
    if (f.authorId !== undefined) {
      const authorId = f.authorId;
      q = q.where('a.id', 'in', (eb) => eb.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId));
    }
    const column = f.dateField === 'published' ? 'a.published_at' : 'a.updated_at';
    if (f.from) q = q.where(column, '>=', writeTime(f.from));
    if (f.to) q = q.where(column, '<', writeTime(f.to));
    if (f.terms.length > 0) {
      const terms = f.terms;
      const storyId = f.storyId;
      q = q.where((eb) => {
        const all = eb.and(terms.map((t) => eb('a.id', 'in', keyMatch(this.db, t))));
        return storyId === undefined ? all : eb.or([all, eb('a.id', '=', storyId)]);
      });
    }
    return q;
  }

  async list(f: DeskFilter, order: DeskOrder, limit: number, offset: number): Promise<{ items: DeskItem[]; total: number }> {
    const pg = isPostgres(this.db);
    const base = this.filtered(f);
    const dir = order.dir;
    // The count reads articles alone (every story has a section): joined, SQLite would read
    // each row for its section (200 ms at 100,000 stories) instead of counting an index.
    let q = base.innerJoin('sections as s', 's.id', 'a.section_id').select(['a.id', 'a.headline', 'a.status', 'a.section_id', 's.name as section_name', 'a.updated_at', 'a.published_at', 'a.created_by']);
    // Byte order on both databases, so the same stories come in the same order on each.
    const text = (column: string) => (pg ? sql`${sql.ref(column)} collate "C"` : sql.ref(column));
    switch (order.sort) {
      case 'headline':
        q = q.orderBy(text('a.headline'), dir);
        break;
      case 'section':
        q = q.orderBy(text('s.name'), dir);
        break;
      case 'status':
        q = q.orderBy(sql`case a.status ${sql.join(Object.entries(STATUS_ORDER).map(([s, n]) => sql`when ${s} then ${sql.lit(n)}`), sql` `)} end`, dir);
        break;
      case 'updated':
        q = q.orderBy('a.updated_at', dir);
        break;
      case 'published':
        // Never-published stories last, whichever way (both databases know NULLS LAST; SQLite
        // still walks the index for it).
        q = q.orderBy(sql`a.published_at ${sql.raw(dir === 'asc' ? 'asc' : 'desc')} nulls last`);
        break;
    }
    q = q.orderBy('a.id', dir);
    const [rows, count] = await Promise.all([q.limit(limit).offset(offset).execute(), base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst()]);
    const [authors, pending] = await Promise.all([this.authorsOf(rows.map((r) => r.id)), this.pendingOf(rows.map((r) => r.id))]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        headline: r.headline,
        status: r.status,
        sectionId: r.section_id,
        sectionName: r.section_name,
        updatedAt: readTime(r.updated_at),
        publishedAt: readOptionalTime(r.published_at),
        createdBy: r.created_by,
        authors: authors.get(r.id) ?? [],
        // Only a live story's working copy is news to an editor: a draft's saves go to the draft itself.
        pending: r.status === 'published' || r.status === 'scheduled' ? (pending.get(r.id) ?? null) : null,
      })),
      total: readCount(count?.n),
    };
  }

  /** Which of these stories have a working copy, and whether it was submitted for review. */
  private async pendingOf(ids: readonly number[]): Promise<Map<number, 'changes' | 'submitted'>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('article_working_copies').select(['article_id', 'submitted_at']).where('article_id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.article_id, r.submitted_at ? 'submitted' : 'changes']));
  }

  private async authorsOf(ids: readonly number[]): Promise<Map<number, { id: number; name: string }[]>> {
    const out = new Map<number, { id: number; name: string }[]>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['aa.article_id', 'au.id', 'au.name'])
      .where('aa.article_id', 'in', [...ids])
      .orderBy('aa.article_id')
      .orderBy('aa.position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.article_id) ?? [];
      list.push({ id: r.id, name: r.name });
      out.set(r.article_id, list);
    }
    return out;
  }

  /** Headlines by id, of stories not in the trash (and created by `createdBy`, when given). */
  async headlinesOf(ids: readonly number[], createdBy: number | undefined): Promise<Map<number, string>> {
    let q = this.db.selectFrom('articles').select(['id', 'headline']).where('id', 'in', [...ids]);
    if (createdBy !== undefined) q = q.where('created_by', '=', createdBy);
    return new Map((await q.execute()).map((r) => [r.id, r.headline]));
  }

  /** Public stories (published by `now`, not trashed) whose headline matches, newest first. */
  async publicByHeadline(terms: readonly HeadlineTerm[], storyId: number | undefined, now: Date, limit: number): Promise<HeadlineHit[]> {
    if (terms.length === 0 && storyId === undefined) return [];
    const rows = await this.db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['a.id', 'a.headline', 's.name as section_name', 'a.published_at'])
      .where('a.trashed_at', 'is', null)
      .where('a.status', '=', 'published')
      .where('a.published_at', '<=', writeTime(now))
      .where((eb) => {
        const all = terms.length > 0 ? [eb.and(terms.map((t) => eb('a.id', 'in', keyMatch(this.db, t))))] : [];
        return eb.or([...all, ...(storyId !== undefined ? [eb('a.id', '=', storyId)] : [])]);
      })
      .orderBy('a.published_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, headline: r.headline, sectionName: r.section_name, publishedAt: readTime(r.published_at!) }));
  }
}

/** The stories with one query word in their headline: any of its keys, or a key starting with one of its prefixes. */
function keyMatch(db: Kysely<Database>, t: HeadlineTerm) {
  return db
    .selectFrom('article_headline_keys')
    .select('article_id')
    .where((k) =>
      k.or([
        ...(t.keys.length > 0 ? [k('key', 'in', [...t.keys])] : []),
        // Strictly longer keys: the word itself is matched (with its vowel, when short) by `keys`.
        ...t.prefixes.map((p) => k.and([k('key', '>', p), k('key', '<', p + TOP)])),
      ]),
    );
}
