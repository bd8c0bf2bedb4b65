/**
 * The export's and import's access to the database: any table, by name, as rows of plain
 * values. Table names come only from tables.ts (never from an export's text: the import
 * checks a manifest's names against that list first), and every name is quoted as an
 * identifier. Values go as bound parameters.
 */
import SqliteDatabase from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../storage/connect.ts';
import type { Database } from '../../storage/schema.ts';

/** One row as the export writes it: column → JSON value. */
export type Row = Record<string, string | number | null>;

export interface ForeignKey {
  readonly column: string;
  readonly references: string;
}

export class TransferStore {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: Dialect,
  ) {}

  /** Runs `fn` in one transaction: a consistent snapshot for an export (repeatable read on PostgreSQL), all or nothing for an import. */
  async transaction<T>(fn: (store: TransferStore) => Promise<T>, options: { snapshot?: boolean } = {}): Promise<T> {
    const builder = this.db.transaction();
    const chosen = options.snapshot && this.dialect === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder;
    return chosen.execute((trx) => fn(new TransferStore(trx, this.dialect)));
  }

  /** Every table of the database: on PostgreSQL those of the current schema only. */
  async tables(): Promise<string[]> {
    if (this.dialect === 'sqlite') {
      const { rows } = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(this.db);
      return rows.map((r) => r.name);
    }
    const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(this.db);
    return rows.map((r) => r.name);
  }

  async columns(table: string): Promise<string[]> {
    if (this.dialect === 'sqlite') {
      const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(this.db);
      return rows.map((r) => r.name);
    }
    const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(this.db);
    return rows.map((r) => r.name);
  }

  async foreignKeys(table: string): Promise<ForeignKey[]> {
    if (this.dialect === 'sqlite') {
      const { rows } = await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(this.db);
      return rows.map((r) => ({ column: r.from, references: r.table }));
    }
    const { rows } = await sql<{ column: string; references: string }>`select a.attname as column, target.relname as references
      from pg_constraint con
      join pg_class source on source.oid = con.conrelid
      join pg_namespace ns on ns.oid = source.relnamespace
      join pg_class target on target.oid = con.confrelid
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
      where con.contype = 'f' and ns.nspname = current_schema() and source.relname = ${table}`.execute(this.db);
    return rows;
  }

  /** Names of the migrations this database has had. */
  async migrations(): Promise<string[]> {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(this.db);
    return rows.map((r) => r.name);
  }

  async count(table: string): Promise<number> {
    const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(table)}`.execute(this.db);
    return Number(rows[0]?.n ?? 0);
  }

  /** Up to `limit` rows after `after` (the key's values of the last row read; null for the first page), in key order. */
  async page(table: string, key: readonly string[], after: readonly unknown[] | null, limit: number): Promise<Row[]> {
    const keyList = sql.join(key.map((k) => sql.ref(k)));
    const where = after ? sql`where (${keyList}) > (${sql.join(after.map((v) => sql`${v}`))})` : sql``;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)} ${where} order by ${keyList} limit ${limit}`.execute(this.db);
    return rows.map(plainRow);
  }

  async insert(table: string, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]!);
    const values = rows.map((row) => sql`(${sql.join(columns.map((c) => sql`${row[c] ?? null}`))})`);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(this.db);
  }

  /** Removes every row (only `settings` of a new site, whose rows the import replaces). */
  async clear(table: string): Promise<void> {
    await sql`delete from ${sql.table(table)}`.execute(this.db);
  }

  /** Sets one column of the row whose `id` is given (a reference to a row inserted after it). */
  async setColumn(table: string, id: number, column: string, value: string | number | null): Promise<void> {
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${value} where id = ${id}`.execute(this.db);
  }

  /**
   * After rows came in with their own ids: the next id a PostgreSQL identity column hands out
   * follows the largest (SQLite's AUTOINCREMENT keeps sqlite_sequence in step by itself).
   */
  async resetSequence(table: string): Promise<void> {
    if (this.dialect !== 'postgres') return;
    await sql`select setval(seq, coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)
      from (select pg_get_serial_sequence(${table}, 'id') as seq) s where seq is not null`.execute(this.db);
  }
}

/** Values as JSON can carry them: times from pg as ISO 8601 strings, bigints as numbers. */
function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    if (value === null || typeof value === 'string' || typeof value === 'number') out[column] = value;
    else if (value instanceof Date) out[column] = value.toISOString();
    else if (typeof value === 'bigint') out[column] = Number(value);
    else if (typeof value === 'boolean') out[column] = value ? 1 : 0;
    else throw new Error(`${column}: a value of type ${typeof value} cannot be exported`);
  }
  return out;
}

/**
 * A consistent copy of a live SQLite file through SQLite's online backup API: it copies
 * pages while other connections keep writing, restarting over pages that changed, so
 * the copy is the database at one moment.
 */
export async function snapshotSqlite(source: string, destination: string): Promise<void> {
  const database = new SqliteDatabase(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    // After the first step, the rest in one step: a step reads one snapshot (in WAL mode writers
    // go on meanwhile), while a write between many small steps would restart the copy each time.
    await database.backup(destination, { progress: ({ remainingPages }) => Math.max(100, remainingPages) });
  } finally {
    database.close();
  }
}
