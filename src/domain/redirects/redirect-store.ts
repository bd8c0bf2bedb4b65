/**
 * The redirect map's queries. Paths arrive already normalised (redirect.ts); the store
 * only compares them exactly, so a lookup is one probe of the unique index.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import { readCount, readTime, writeTime } from '../../storage/columns.ts';
import type { Database, RedirectTable } from '../../storage/schema.ts';
import type { Redirect } from './redirect.ts';

const toRedirect = (row: Selectable<RedirectTable>): Redirect => ({
  id: row.id,
  fromPath: row.from_path,
  toPath: row.to_path,
  origin: row.origin,
  createdAt: readTime(row.created_at),
  updatedAt: readTime(row.updated_at),
});

export interface RedirectRow {
  readonly fromPath: string;
  readonly toPath: string;
  readonly origin: string;
}

export class RedirectStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findTarget(fromPath: string): Promise<string | null> {
    const row = await this.db.selectFrom('redirects').select('to_path').where('from_path', '=', fromPath).executeTakeFirst();
    return row?.to_path ?? null;
  }

  async findById(id: number): Promise<Redirect | null> {
    const row = await this.db.selectFrom('redirects').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRedirect(row) : null;
  }

  async findByFrom(fromPath: string): Promise<Redirect | null> {
    const row = await this.db.selectFrom('redirects').selectAll().where('from_path', '=', fromPath).executeTakeFirst();
    return row ? toRedirect(row) : null;
  }

  /**
   * Inserts or replaces (by from_path) every row, in one transaction: a batch from an
   * import is all there or not at all. The created time of an existing row is kept.
   */
  async upsert(rows: readonly RedirectRow[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    const time = writeTime(at);
    await this.db.transaction().execute(async (trx) => {
      // Chunks keep each statement well under SQLite's bound-parameter limit.
      for (let i = 0; i < rows.length; i += 200) {
        await trx
          .insertInto('redirects')
          .values(rows.slice(i, i + 200).map((r) => ({ from_path: r.fromPath, to_path: r.toPath, origin: r.origin, created_at: time, updated_at: time })))
          .onConflict((oc) =>
            oc.column('from_path').doUpdateSet({
              to_path: (eb) => eb.ref('excluded.to_path'),
              origin: (eb) => eb.ref('excluded.origin'),
              updated_at: (eb) => eb.ref('excluded.updated_at'),
            }),
          )
          .execute();
      }
    });
  }

  /** Changes one row; false when it is gone. The caller checked that fromPath is free. */
  async update(id: number, row: RedirectRow, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('redirects')
      .set({ from_path: row.fromPath, to_path: row.toPath, origin: row.origin, updated_at: writeTime(at) })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('redirects').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Rows whose old or new address contains one of `needles` (all when none), newest change first. */
  async list(needles: readonly string[], limit: number, offset: number): Promise<{ items: Redirect[]; total: number }> {
    let q = this.db.selectFrom('redirects');
    if (needles.length > 0) {
      // LIKE wildcards in what a person typed are matched literally.
      const patterns = needles.map((n) => `%${n.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      q = q.where((eb) => eb.or(patterns.flatMap((p) => [eb(sql`lower(from_path)`, 'like', sql`${p} escape '\\'`), eb(sql`lower(to_path)`, 'like', sql`${p} escape '\\'`)])));
    }
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    return { items: rows.map(toRedirect), total: readCount(count?.n) };
  }
}
