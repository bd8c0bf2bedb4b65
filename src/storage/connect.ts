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
  const prepare = keptStatements(sqlite);
  const pragma = (text: string): unknown => {
    const statement = prepare(`pragma ${text}`);
    const row = statement.reader ? (statement.get() as Record<string, unknown> | undefined) : (statement.run(), undefined);
    return row ? Object.values(row)[0] : undefined;
  };
  pragma('journal_mode = WAL');
  pragma('foreign_keys = ON');
  // better-sqlite3 is compiled with WAL's synchronous default at NORMAL, which can lose
  // an acknowledged commit on power loss. FULL fsyncs the WAL at every commit; the read
  // back makes sure the pragma really took (2 = FULL).
  pragma('synchronous = FULL');
  pragma('busy_timeout = 5000');
  const synchronous = pragma('synchronous');
  const foreignKeys = pragma('foreign_keys');
  if (synchronous !== 2 || foreignKeys !== 1) {
    sqlite.close();
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      await db.destroy();
    },
  };
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
