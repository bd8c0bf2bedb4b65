/**
 * Opens the database named by the config: SQLite (better-sqlite3) by default,
 * PostgreSQL (pg) when a URL is given. Both come back as one Kysely<Database>.
 *
 * Opening refuses what must not be served, with one line naming the file or the URL
 * (StorageError): an SQLite file that is empty, unreadable, read-only, not a database,
 * without tables, or damaged (checked with PRAGMA quick_check when it was not closed
 * cleanly); a PostgreSQL server that cannot be reached or has no such database.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type DatabaseConnection, type Driver, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { isDatabaseUnavailable } from '../errors.ts';
import type { Database } from './schema.ts';
import { describeStorageError, redactUrl, StorageError } from './storage-errors.ts';

export { StorageError } from './storage-errors.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Storage {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema tables live in (the connection's current_schema). */
  readonly schema?: string;
  /**
   * Runs `fn` on a connection without the statement and query timeouts (PostgreSQL; on
   * SQLite `fn` gets the same db): migrations, which may rightly take minutes on a big site.
   */
  withoutQueryTimeouts<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PostgreSQL: the pool's connections now (metrics); absent on SQLite. */
  poolCounts?(): { total: number; idle: number; waiting: number };
}

export interface ConnectOptions {
  /** PostgreSQL only: schema to use (tests give each run its own). Created if missing. */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
  /**
   * SQLite only: when to run PRAGMA quick_check before anything else reads the file.
   * 'if-unclean' (the default): when the file was left open (a -wal file beside it: a
   * clean close checkpoints and removes it), or always, or never (a caller that knows a
   * running server checked it already).
   */
  integrityCheck?: 'if-unclean' | 'always' | 'never';
  /** Progress lines worth a person's attention (the integrity check on a big file takes a while). */
  progress?: (line: string) => void;
  /**
   * Called with the SQL of every query run and how long it took (benchmarks count and time
   * queries per page). Absent, no query pays for it: Kysely is built without a log function.
   */
  onQuery?: (sql: string, durationMs: number) => void;
}

/** Kysely's log option for `onQuery`. */
function queryLog(onQuery: ConnectOptions['onQuery']): { log?: (event: LogEvent) => void } {
  return onQuery ? { log: (event) => onQuery(event.query.sql, event.queryDurationMillis) } : {};
}

export async function connectStorage(config: DatabaseConfig, options: ConnectOptions = {}): Promise<Storage> {
  return config.dialect === 'sqlite' ? openSqlite(config.sqlitePath, options) : openPostgres(config, options);
}

/**
 * Why an existing SQLite file must not be opened, checked before SQLite sees it (SQLite
 * would quietly treat an empty file as a new database, and a read-only one as readable):
 * null for a file that is fine, or missing (only a missing file starts a new site).
 */
function refuseFile(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return `${file} cannot be read (${code ?? String(err)}): check the permissions of the file and its folders.`;
  }
  if (!stat.isFile()) return `${file} is not a file: DATA_DIR must hold the SQLite file samachar.db.`;
  if (stat.size === 0) {
    // A failed restore or copy leaves exactly this; starting a new demo site over it would hide that.
    return `${file} is empty (0 bytes), so it is not a Samachar database: was a restore or copy interrupted? Restore it again, or remove it to start a new site.`;
  }
  for (const [target, what] of [
    [file, 'the file'],
    [path.dirname(file), 'its folder (SQLite keeps -wal and -shm files beside it)'],
  ] as const) {
    try {
      fs.accessSync(target, fs.constants.R_OK | fs.constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'EROFS' ? 'the disk is mounted read-only' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err));
      return `${file} cannot be opened for reading and writing: ${what}: ${why}. Samachar needs to read and write both.`;
    }
  }
  return null;
}

function openSqlite(file: string, options: ConnectOptions): Storage {
  const memory = file === ':memory:';
  const refused = memory ? null : refuseFile(file);
  if (refused) throw new StorageError(refused);
  const existed = !memory && fs.existsSync(file);
  // A clean close checkpoints the WAL and removes the -wal file; one left over means the
  // last process (a server or a command) stopped without closing: kill -9, a crash, power loss.
  const leftOpen = existed && fs.existsSync(`${file}-wal`);
  const location = { dialect: 'sqlite', sqlitePath: file } as const;
  if (!memory) {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw new StorageError(`${file}: its folder cannot be created (${(err as NodeJS.ErrnoException).code ?? String(err)}): check DATA_DIR and its permissions.`);
    }
  }
  let sqlite: SqliteDatabase.Database;
  try {
    sqlite = new SqliteDatabase(file);
  } catch (err) {
    throw new StorageError(describeStorageError(err, location) ?? `${file} cannot be opened: ${(err as Error).message}`, { cause: err });
  }
  try {
    const prepare = keptStatements(sqlite);
    const pragma = (text: string): unknown => {
      const statement = prepare(`pragma ${text}`);
      const row = statement.reader ? (statement.get() as Record<string, unknown> | undefined) : (statement.run(), undefined);
      return row ? Object.values(row)[0] : undefined;
    };
    // Another process (a command beside a running server) may hold the write lock a moment.
    pragma('busy_timeout = 5000');
    if (existed) {
      // Reading the schema is the first read of the file: a file that is not a database fails here.
      const tables = (sqlite.prepare('select count(*) as n from sqlite_master').get() as { n: number }).n;
      if (tables === 0) {
        throw new StorageError(
          `${file} has no tables, so it is not a Samachar database: was a restore interrupted? Restore it again, or remove it to start a new site.`,
        );
      }
    }
    const check = options.integrityCheck ?? 'if-unclean';
    if (existed && (check === 'always' || (check === 'if-unclean' && leftOpen))) quickCheck(sqlite, file, options.progress);
    return finishSqlite(sqlite, prepare, pragma, options.onQuery);
  } catch (err) {
    sqlite.close();
    if (err instanceof StorageError) throw err;
    throw new StorageError(describeStorageError(err, location) ?? `${file} cannot be opened: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * PRAGMA quick_check: every page and record is well formed (without checking index
 * contents against tables, which takes much longer). A damaged file is refused rather than
 * served: every later read of a bad page would fail, or worse, return wrong rows.
 */
function quickCheck(sqlite: SqliteDatabase.Database, file: string, log?: (line: string) => void): void {
  const started = performance.now();
  log?.(`${file} was not closed cleanly last time: checking it (PRAGMA quick_check)…`);
  const problems = (sqlite.prepare('pragma quick_check(3)').all() as { quick_check: string }[]).map((row) => row.quick_check);
  if (problems.length !== 1 || problems[0] !== 'ok') {
    // One line: SQLite's findings run over several, and the first few say enough.
    const found = problems.join('; ').replace(/\s*\n\s*/g, '; ').replace(/\*\*\* in database main \*\*\*;? ?/g, '');
    throw new StorageError(`${file} is damaged (PRAGMA quick_check: ${found.length > 300 ? `${found.slice(0, 300)}…` : found}): restore it from a backup.`);
  }
  log?.(`${file} checked in ${((performance.now() - started) / 1000).toFixed(1)} s: no damage found.`);
}

function finishSqlite(
  sqlite: SqliteDatabase.Database,
  prepare: (source: string) => SqliteDatabase.Statement,
  pragma: (text: string) => unknown,
  onQuery: ConnectOptions['onQuery'],
): Storage {
  pragma('journal_mode = WAL');
  pragma('foreign_keys = ON');
  // better-sqlite3 is compiled with WAL's synchronous default at NORMAL, which can lose
  // an acknowledged commit on power loss. FULL fsyncs the WAL at every commit; the read
  // back makes sure the pragma really took (2 = FULL).
  pragma('synchronous = FULL');
  pragma('busy_timeout = 5000');
  // Statistics for the planner, as SQLite advises for a long-lived connection: tables that
  // were never analysed, or grew or shrank a lot since, are analysed now, approximately
  // (analysis_limit bounds the rows read per index, so a big site opens in milliseconds).
  pragma('analysis_limit = 1000');
  pragma('optimize = 0x10002');
  const synchronous = pragma('synchronous');
  const foreignKeys = pragma('foreign_keys');
  if (synchronous !== 2 || foreignKeys !== 1) {
    throw new StorageError(
      `SQLite did not accept the required settings (synchronous=${String(synchronous)}, foreign_keys=${String(foreignKeys)})`,
    );
  }
  const database = new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const db = new Kysely<Database>({ dialect: new SqliteKeepingErrors(sqlite, { database }), ...queryLog(onQuery) });
  return {
    db,
    dialect: 'sqlite',
    withoutQueryTimeouts: (fn) => fn(db),
    async close() {
      await db.destroy();
      // Kysely opens its driver on the first query and closes only what it opened: a storage
      // closed before any query would leave the file open, and its -wal file behind (which
      // the next start takes for a crash). Closing twice is harmless.
      sqlite.close();
    },
  };
}

/**
 * On some errors (a full disk, an I/O error, a busy lock) SQLite rolls the transaction
 * back by itself. Kysely then sends ROLLBACK anyway, which fails with "cannot rollback -
 * no transaction is active", and that error replaces the real one: the log said nothing
 * of a full disk. Skip the ROLLBACK when SQLite has none open.
 */
class SqliteKeepingErrors extends SqliteDialect {
  readonly #sqlite: SqliteDatabase.Database;

  constructor(sqlite: SqliteDatabase.Database, config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#sqlite = sqlite;
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    const sqlite = this.#sqlite;
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      if (sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/**
 * The same for PostgreSQL: when the connection broke under a transaction (or was closed
 * after a query timeout), ROLLBACK fails with "Connection terminated" and hides the error
 * that mattered. The server ends a transaction whose connection is gone, and pg drops a
 * broken client from the pool, so that failure can be let go.
 */
class PostgresKeepingErrors extends PostgresDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection: DatabaseConnection) => {
      try {
        await rollback(connection);
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
      }
    };
    return driver;
  }
}

/**
 * Every statement this process prepared, kept until it exits. better-sqlite3 12's Statement
 * is a node::ObjectWrap, and on Node 24.19 and later (the addon built against its headers)
 * a Statement freed by a garbage collection outside JavaScript aborts the process
 * ("Assertion failed: (env) != nullptr"; better-sqlite3 13 fixes it but needs Node 22). A
 * statement never freed cannot trip it. The cost is one statement per distinct SQL text.
 */
const KEPT: SqliteDatabase.Statement[] = [];

/**
 * Kysely prepares every query anew; SQLite's prepare costs as much as a simple query's run.
 * Statements are reused by SQL text (better-sqlite3 runs one at a time, and re-prepares a
 * statement itself if the schema changed), which takes about a fifth off a page's database
 * time; none is ever let go (see KEPT).
 */
export function keptStatements(sqlite: SqliteDatabase.Database): (source: string) => SqliteDatabase.Statement {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (source) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      cache.set(source, statement);
      KEPT.push(statement);
    }
    return statement;
  };
}

async function openPostgres(config: Extract<DatabaseConfig, { dialect: 'postgres' }>, options: ConnectOptions): Promise<Storage> {
  const { url } = config;
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StorageError(`invalid schema name: ${schema}`);
  }
  const location = { dialect: 'postgres', url } as const;
  const refuse = (err: unknown) =>
    new StorageError(describeStorageError(err, location) ?? `PostgreSQL at ${redactUrl(url)} cannot be used: ${(err as Error).message}`, { cause: err });
  const connectTimeoutMs = config.connectTimeoutMs ?? 5000;
  if (schema) {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
    admin.on('error', () => {});
    try {
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      throw refuse(err);
    } finally {
      await admin.end().catch(() => {});
    }
  }
  const queryTimeoutMs = config.queryTimeoutMs ?? 0;
  const makePool = (timeouts: boolean, max: number) => {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      // A server that accepts connections but does not answer (or a network that drops
      // everything) must not hold requests for the length of the outage: after this, the
      // request gets a 503 and the next one tries again.
      connectionTimeoutMillis: connectTimeoutMs,
      // Probes idle connections, so one cut silently (a NAT or firewall forgetting it) is
      // found and replaced rather than handed to the next request.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      ...(timeouts && queryTimeoutMs > 0
        ? {
            // The server cancels a statement that runs too long and the connection stays usable...
            statement_timeout: queryTimeoutMs,
            // ...and when the server cannot answer at all (a partition), the client gives up a
            // second later; that connection is then closed (below), not handed out again.
            query_timeout: queryTimeoutMs + 1000,
            // A transaction whose process went away mid-way must not keep its locks for
            // long: other processes wait on them.
            idle_in_transaction_session_timeout: Math.max(60_000, queryTimeoutMs * 4),
          }
        : {}),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // A connection that breaks emits 'error': on the pool while idle, on the client itself
    // while a query holds it. Without a listener either one crashes the process. The query
    // in flight fails on its own (a 503), and the next one gets a fresh connection.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      closeOnQueryTimeout(client);
    });
    return pool;
  };
  const pool = makePool(true, options.maxConnections ?? 10);
  const db = new Kysely<Database>({ dialect: new PostgresKeepingErrors({ pool }), ...queryLog(options.onQuery) });
  let current: string;
  try {
    const { rows } = await pool.query<{ schema: string }>('select current_schema() as schema');
    current = rows[0]?.schema ?? 'public';
  } catch (err) {
    await db.destroy();
    throw refuse(err);
  }
  return {
    db,
    dialect: 'postgres',
    schema: current,
    poolCounts: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async withoutQueryTimeouts(fn) {
      if (queryTimeoutMs === 0) return fn(db);
      const unbounded = new Kysely<Database>({ dialect: new PostgresKeepingErrors({ pool: makePool(false, 1) }) });
      try {
        return await fn(unbounded);
      } finally {
        await unbounded.destroy();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * After pg's query_timeout the query is abandoned, but the connection still waits for its
 * answer: handed out again, it would make the next query wait too. Ending it makes the
 * pool drop it (a client that is ending is never reused) and open a fresh one.
 */
function closeOnQueryTimeout(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((err: unknown) => {
        if ((err as Error | null)?.message === 'Query read timeout') client.end().catch(() => {});
      });
    }
    return result;
  };
}

/** Drops a PostgreSQL schema made by `connectStorage(…, { schema })` (tests). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StorageError(`invalid schema name: ${schema}`);
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => {});
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
