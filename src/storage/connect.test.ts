import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { connectStorage, dropPostgresSchema } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { TEST_PG_URL, DIALECTS } from '../../test/helpers/databases.ts';

test('SQLite opens in WAL with foreign keys and synchronous=FULL, read back', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-connect-'));
  const file = path.join(dir, 'nested', 'db.sqlite');
  const storage = await connectStorage({ dialect: 'sqlite', sqlitePath: file });
  try {
    await migrateToLatest(storage);
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(storage.db);
    assert.equal(journal.rows[0]?.journal_mode, 'wal');
  } finally {
    await storage.close();
  }
  // Settings are per connection; check the file itself took WAL, and that a fresh
  // connection through connectStorage gets synchronous=2 and foreign keys on.
  const raw = new SqliteDatabase(file);
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  raw.close();
  const again = await connectStorage({ dialect: 'sqlite', sqlitePath: file });
  try {
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(again.db);
    assert.equal(sync.rows[0]?.synchronous, 2);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(again.db);
    assert.equal(fk.rows[0]?.foreign_keys, 1);
    // A foreign key violation is refused, not stored.
    await assert.rejects(
      again.db.insertInto('article_tags').values({ article_id: 999, tag_id: 999, position: 0 }).execute(),
      /FOREIGN KEY/,
    );
  } finally {
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

for (const dialect of DIALECTS) {
  test(`migrations apply once and create every table (${dialect})`, async () => {
    const schema = `t_mig_${process.pid}_${Date.now() % 100000}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-mig-'));
    const storage =
      dialect === 'sqlite'
        ? await connectStorage({ dialect, sqlitePath: path.join(dir, 'db.sqlite') })
        : await connectStorage({ dialect, url: TEST_PG_URL }, { schema });
    try {
      assert.deepEqual((await migrateToLatest(storage)).applied, ['001-initial', '002-newsroom', '003-comments', '004-search', '005-front-page-index', '006-newsroom-trust', '007-desk', '008-one-account-per-byline']);
      assert.deepEqual((await migrateToLatest(storage)).applied, []);
      const tables = (await storage.db.introspection.getTables()).map((t) => t.name).sort();
      for (const name of ['articles', 'article_authors', 'article_tags', 'authors', 'comments', 'media', 'sections', 'settings', 'tags', 'widgets']) {
        assert.ok(tables.includes(name), `table ${name} in ${tables.join(',')}`);
      }
    } finally {
      await storage.close();
      if (dialect === 'postgres') await dropPostgresSchema(TEST_PG_URL, schema);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a schema name that is not a plain identifier is refused', async () => {
  await assert.rejects(connectStorage({ dialect: 'postgres', url: TEST_PG_URL }, { schema: 'x; drop table y' }), /invalid schema/);
});
