/**
 * Opens the database named by the config: SQLite (better-sqlite3) by default,
 * PostgreSQL (pg) when a URL is given. Both come back as one Kysely<Database>.
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Storage {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** PostgreSQL: the schema tables live in (the connection's current_schema). */
  readonly schema?: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL only: schema to use (tests give each run its own). Created if missing. */
  schema?: string;
  /** PostgreSQL only: pool size. */
  maxConnections?: number;
}

export class StorageError extends Error {
  override name = 'StorageError';
}

export async function connectStorage(config: DatabaseConfig, options: ConnectOptions = {}): Promise<Storage> {
  return config.dialect === 'sqlite' ? openSqlite(config.sqlitePath) : openPostgres(config.url, options);
}

function openSqlite(file: string): Storage {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // better-sqlite3 is compiled with WAL's synchronous default at NORMAL, which can lose
  // an acknowledged commit on power loss. FULL fsyncs the WAL at every commit; the read
  // back makes sure the pragma really took (2 = FULL).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const synchronous = sqlite.pragma('synchronous', { simple: true });
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true });
  if (synchronous !== 2 || foreignKeys !== 1) {
    sqlite.close();
    throw new StorageError(
      `SQLite did not accept the required settings (synchronous=${String(synchronous)}, foreign_keys=${String(foreignKeys)})`,
    );
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await db.destroy();
    },
  };
}

/** Prepared statements kept, by SQL text; the least recently used go first. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; SQLite's prepare costs as much as a simple query's run.
 * Statements are reused (better-sqlite3 runs one at a time, and re-prepares a statement
 * itself if the schema changed), which takes about a fifth off a page's database time.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string): SqliteDatabase.Statement => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
    } else {
      statement = sqlite.prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, statement);
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function openPostgres(url: string, options: ConnectOptions): Promise<Storage> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StorageError(`invalid schema name: ${schema}`);
  }
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // A database that accepts connections but does not answer must not hold requests
    // forever: after this, the request gets a 503 and the next one tries again.
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection that breaks emits 'error': on the pool while idle, on the client itself
  // while a query holds it. Without a listener either one crashes the process. The query
  // in flight fails on its own (a 503), and the next one gets a fresh connection.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let current: string;
  try {
    const { rows } = await pool.query<{ schema: string }>('select current_schema() as schema');
    current = rows[0]?.schema ?? 'public';
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return {
    db,
    dialect: 'postgres',
    schema: current,
    async close() {
      await db.destroy();
    },
  };
}

/** Drops a PostgreSQL schema made by `connectStorage(…, { schema })` (tests). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StorageError(`invalid schema name: ${schema}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}
