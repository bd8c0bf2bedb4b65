/**
 * `samachar reindex` as a user runs it: a real process, on SQLite and on PostgreSQL, after
 * the demo was loaded. It rebuilds the search index and reports what it indexed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { DIALECTS, TEST_MEDIA_DIR, TEST_PG_URL } from '../../test/helpers/databases.ts';

function samachar(args: string[], env: Record<string, string>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: childEnv, encoding: 'utf8', timeout: 120_000 });
}

for (const dialect of DIALECTS) {
  describe(`samachar reindex (${dialect})`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-reindex-'));
    const dbName = `samachar_reindex_${process.pid}`;
    const env: Record<string, string> = { DATA_DIR: dataDir };

    before(async () => {
      fs.mkdirSync(TEST_MEDIA_DIR, { recursive: true });
      fs.symlinkSync(TEST_MEDIA_DIR, path.join(dataDir, 'media'));
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
        await admin.query(`CREATE DATABASE ${dbName}`);
        await admin.end();
        const url = new URL(TEST_PG_URL);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
      }
    });
    after(async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: TEST_PG_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
        await admin.end();
      }
    });

    test('rebuilds the index of the demo site and says how many stories it indexed', () => {
      const demo = samachar(['demo'], env);
      assert.equal(demo.status, 0, demo.stderr);
      for (const args of [['reindex'], ['reindex', '--fresh']]) {
        const run = samachar(args, env);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stdout, /^Indexed 34 published articles of 34 in \d+\.\d s\.\n$/);
        // Not a terminal here, so the progress bar prints plain lines.
        assert.match(run.stderr, /search index: 34\/34/);
      }
      assert.match(samachar(['help'], env).stdout, /reindex \[--fresh\]/);
    });
  });
}
