/**
 * Every storage and HTTP test runs once per database, as Kysely's own suite does.
 * SQLite gets a fresh file in a temporary folder; PostgreSQL gets a fresh schema,
 * dropped afterwards, so parallel runs never meet.
 *
 * TEST_DIALECTS (default `sqlite,postgres`) chooses the databases; TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test) says where PostgreSQL is. A
 * PostgreSQL that cannot be reached fails the run: it is never silently skipped.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Config, defineConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/services.ts';
import { type Dialect, dropPostgresSchema } from '../../src/storage/connect.ts';
import { sharedS3, TEST_MEDIA_STORAGE } from './s3-server.ts';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DIALECTS: readonly Dialect[] = (process.env.TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is Dialect => {
    if (d === 'sqlite' || d === 'postgres') return true;
    throw new Error(`TEST_DIALECTS: unknown dialect "${d}" (use sqlite, postgres)`);
  });

/** Demo photos are content-addressed, so every test process can share one folder of them. */
export const TEST_MEDIA_DIR = path.join(os.tmpdir(), 'samachar-test-media');

/** The clock tests run at: the evening of the reference article's day, in IST. */
export const TEST_NOW = new Date('2023-03-21T18:00:00+05:30');

export interface TestDatabase {
  readonly dialect: Dialect;
  readonly config: Config;
  /** PostgreSQL only: the schema this database lives in. */
  readonly schema?: string;
  cleanup(): Promise<void>;
}

export function createTestDatabase(dialect: Dialect, overrides: Partial<Config> = {}): TestDatabase {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-test-'));
    return {
      dialect,
      config: defineConfig({ database: { dialect, sqlitePath: path.join(dir, 'test.db') }, mediaDir: TEST_MEDIA_DIR, ...overrides }),
      async cleanup() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${id}`;
  return {
    dialect,
    schema,
    config: defineConfig({ database: { dialect, url: TEST_PG_URL }, mediaDir: TEST_MEDIA_DIR, ...overrides }),
    cleanup: () => dropPostgresSchema(TEST_PG_URL, schema),
  };
}

export interface TestServices {
  readonly services: Services;
  readonly database: TestDatabase;
  /** Moves the test clock. */
  setNow(date: Date): void;
  close(): Promise<void>;
}

export async function openTestServices(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestServices> {
  // TEST_MEDIA_STORAGE=s3: the photo library in a local S3-compatible server (s3-server.ts).
  if (TEST_MEDIA_STORAGE === 's3' && !overrides.mediaStorage) overrides = { ...overrides, mediaStorage: (await sharedS3()).storage() };
  const database = createTestDatabase(dialect, overrides);
  let now = TEST_NOW;
  const services = await createServices(database.config, {
    now: () => now,
    ...(database.schema ? { schema: database.schema, maxConnections: 4 } : {}),
  });
  return {
    services,
    database,
    setNow(date) {
      now = date;
    },
    async close() {
      await services.close();
      await database.cleanup();
    },
  };
}
