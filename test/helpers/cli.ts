/**
 * The `samachar` command as a user runs it, for CLI tests: a real process configured only by
 * the environment, and a site of its own for it (a data folder, and on PostgreSQL a database
 * of its own, made and dropped around the tests).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/storage/connect.ts';
import { TEST_MEDIA_DIR, TEST_PG_URL } from './databases.ts';

/** Runs `samachar …` to the end; DATABASE_URL only when `env` gives one. */
export function samachar(args: string[], env: Record<string, string>, input?: string) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: childEnv, encoding: 'utf8', timeout: 120_000, ...(input === undefined ? {} : { input }) });
}

export interface ProcessSite {
  readonly dataDir: string;
  /** DATA_DIR, and DATABASE_URL on PostgreSQL once `setUp` ran. */
  readonly env: Record<string, string>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A site for a command's processes: `name` makes the folder and database names unique. */
export function processSite(dialect: Dialect, name: string): ProcessSite {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `samachar-${name}-`));
  const dbName = `samachar_${name.replace(/[^a-z0-9]/g, '_')}_${process.pid}`;
  const env: Record<string, string> = { DATA_DIR: dataDir };
  return {
    dataDir,
    env,
    async setUp() {
      // Photos are content-addressed; reuse the test suite's folder so nothing is re-encoded.
      fs.mkdirSync(TEST_MEDIA_DIR, { recursive: true });
      fs.symlinkSync(TEST_MEDIA_DIR, path.join(dataDir, 'media'));
      if (dialect === 'postgres') {
        await admin(`DROP DATABASE IF EXISTS ${dbName}`);
        await admin(`CREATE DATABASE ${dbName}`);
        const url = new URL(TEST_PG_URL);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
      }
    },
    async tearDown() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dialect === 'postgres') await admin(`DROP DATABASE IF EXISTS ${dbName}`);
    },
  };
}
