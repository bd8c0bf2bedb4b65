import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { connectStorage, dropPostgresSchema } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { TEST_PG_URL, DIALECTS } from '../../test/helpers/databases.ts';
import { freePort } from '../../test/helpers/server-process.ts';
import { startTcpProxy } from '../../test/helpers/tcp-proxy.ts';
import { databaseFailureKind, isDatabaseUnavailable } from '../errors.ts';

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

if (DIALECTS.includes('postgres')) {
  test('migrations try again when another schema vanishes while Kysely lists tables, and not when ours does (postgres)', async () => {
    const schema = `t_mig_${process.pid}_${Date.now() % 100000}_r`;
    const storage = await connectStorage({ dialect: 'postgres', url: TEST_PG_URL }, { schema });
    const vanished = (name: string) => Object.assign(new Error(`schema "${name}" does not exist`), { code: '3F000' });
    try {
      // The first listing meets a schema another process dropped at that moment.
      let calls = 0;
      const flaky = {
        ...storage,
        withoutQueryTimeouts: <T>(fn: Parameters<typeof storage.withoutQueryTimeouts<T>>[0]) => {
          calls += 1;
          if (calls === 1) return Promise.reject(vanished('t_someone_else'));
          return storage.withoutQueryTimeouts(fn);
        },
      };
      assert.equal((await migrateToLatest(flaky)).applied.length > 0, true);
      assert.equal(calls, 2);
      // Our own schema gone is a real failure: reported at once, not retried.
      let ownCalls = 0;
      const gone = {
        ...storage,
        withoutQueryTimeouts: () => {
          ownCalls += 1;
          return Promise.reject(vanished(schema));
        },
      };
      await assert.rejects(migrateToLatest(gone), /does not exist/);
      assert.equal(ownCalls, 1);
    } finally {
      await storage.close();
      await dropPostgresSchema(TEST_PG_URL, schema);
    }
  });
}

for (const dialect of DIALECTS) {
  test(`migrations apply once and create every table (${dialect})`, async () => {
    const schema = `t_mig_${process.pid}_${Date.now() % 100000}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-mig-'));
    const storage =
      dialect === 'sqlite'
        ? await connectStorage({ dialect, sqlitePath: path.join(dir, 'db.sqlite') })
        : await connectStorage({ dialect, url: TEST_PG_URL }, { schema });
    try {
      assert.deepEqual((await migrateToLatest(storage)).applied, ['001-initial', '002-newsroom', '003-comments', '004-search', '005-front-page-index', '006-newsroom-trust', '007-desk', '008-one-account-per-byline', '009-sign-in-limits', '010-redirects', '011-api-keys', '012-webhooks', '013-media-focal-point', '014-corrections-and-translations', '015-wordpress-ids', '016-sitemap-index', '017-live-blogs', '018-data-boxes', '019-breaking-news', '020-article-views']);
      assert.deepEqual((await migrateToLatest(storage)).applied, []);
      // Kysely's introspection lists every schema, so a schema another test drops meanwhile
      // would fail it; PostgreSQL is asked about this schema only.
      const tables =
        dialect === 'sqlite'
          ? (await storage.db.introspection.getTables()).map((t) => t.name).sort()
          : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(storage.db)).rows.map((r) => r.name);
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

// ---- Refusing what must not be served (issue 11, points 9 and 10) ----

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-open-'));
}

test('an empty (0 bytes) SQLite file is refused, naming the file, and stays empty: only a missing file starts a new site', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'samachar.db');
  fs.writeFileSync(file, '');
  try {
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: file }), (err: Error) => {
      assert.equal(err.name, 'StorageError');
      assert.ok(err.message.includes(file), err.message);
      assert.match(err.message, /empty \(0 bytes\)/);
      return true;
    });
    assert.equal(fs.statSync(file).size, 0, 'nothing was written over it');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is not a database, a database with no tables, and a folder in its place are refused by name', async () => {
  const dir = tempDir();
  try {
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'not a database '.repeat(400));
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: garbage }), (err: Error) => {
      assert.equal(err.name, 'StorageError');
      assert.ok(err.message.startsWith(`${garbage} is damaged or is not a SQLite database`), err.message);
      return true;
    });
    const bare = path.join(dir, 'bare.db');
    const raw = new SqliteDatabase(bare);
    raw.pragma('journal_mode = WAL');
    raw.close();
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: bare }), new RegExp(`^StorageError: ${bare.replace(/[.]/g, '\\.')} has no tables`));
    const folder = path.join(dir, 'folder.db');
    fs.mkdirSync(folder);
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: folder }), /folder\.db is not a file/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A Samachar database whose last writer died without closing it (its -wal file is left). */
async function leftOpenDatabase(file: string): Promise<void> {
  const storage = await connectStorage({ dialect: 'sqlite', sqlitePath: file });
  await migrateToLatest(storage);
  await sql`create table filler (id integer primary key, body text)`.execute(storage.db);
  await sql`create index filler_body on filler (body)`.execute(storage.db);
  for (let i = 0; i < 400; i++) await sql`insert into filler (body) values (${`line ${i} `.repeat(40)})`.execute(storage.db);
  await storage.close();
  // A process that writes and exits without closing, as kill -9 would leave it.
  execFileSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(file)}); d.prepare("insert into filler (body) values ('after')").run(); process.exit(0);`], { cwd: path.resolve(import.meta.dirname, '../..') });
  assert.ok(fs.existsSync(`${file}-wal`), 'the -wal file is left over');
}

test('a file not closed cleanly is checked with PRAGMA quick_check first; a damaged one is refused', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'samachar.db');
  try {
    await leftOpenDatabase(file);
    // Sound: opens, after saying it checked.
    const lines: string[] = [];
    const sound = await connectStorage({ dialect: 'sqlite', sqlitePath: file }, { progress: (line) => lines.push(line) });
    await sound.close();
    assert.match(lines.join('\n'), /was not closed cleanly last time: checking it \(PRAGMA quick_check\)/);
    assert.match(lines.join('\n'), /no damage found/);
    assert.ok(!fs.existsSync(`${file}-wal`), 'a clean close removes the -wal file');

    // Closed cleanly: no check (it reads every page, which takes a while on a big site).
    lines.length = 0;
    await (await connectStorage({ dialect: 'sqlite', sqlitePath: file }, { progress: (line) => lines.push(line) })).close();
    assert.deepEqual(lines, []);

    // Damage pages of the filler table's index in the main file, then leave it open again.
    const raw = new SqliteDatabase(file);
    const root = (raw.prepare("select rootpage from sqlite_master where name = 'filler_body'").get() as { rootpage: number }).rootpage;
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    execFileSync(process.execPath, ['-e', `const D = require('better-sqlite3'); const d = new D(${JSON.stringify(file)}); d.prepare('create table t (x)').run(); process.exit(0);`], { cwd: path.resolve(import.meta.dirname, '../..') });
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: file }), (err: Error) => {
      assert.equal(err.name, 'StorageError');
      assert.ok(err.message.startsWith(`${file} is damaged`), err.message);
      assert.match(err.message, /restore it from a backup/);
      return true;
    });
    // 'always' checks even a cleanly closed file (the server does so after its own crash).
    await assert.rejects(connectStorage({ dialect: 'sqlite', sqlitePath: file }, { integrityCheck: 'always' }), /is damaged/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a full disk inside a transaction reports SQLITE_FULL, not the failed ROLLBACK after it', async () => {
  const dir = tempDir();
  const storage = await connectStorage({ dialect: 'sqlite', sqlitePath: path.join(dir, 'samachar.db') });
  try {
    await sql`create table big (body blob)`.execute(storage.db);
    // SQLite's own limit on the file's size gives the same error as a full disk.
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(storage.db)).rows[0]!.page_count;
    await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(storage.db);
    await assert.rejects(
      storage.db.transaction().execute(async (trx) => {
        await sql`insert into big values (zeroblob(200000))`.execute(trx);
      }),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'SQLITE_FULL', `${err.message}`);
        return true;
      },
    );
    // And the connection is usable afterwards.
    await sql.raw('pragma max_page_count = 1000000').execute(storage.db);
    await storage.db.transaction().execute(async (trx) => {
      await sql`insert into big values (zeroblob(10))`.execute(trx);
    });
  } finally {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- PostgreSQL: a silent partition fails fast and recovers (issue 11, point 11) ----

if (DIALECTS.includes('postgres')) {
  test('a statement that runs too long is cancelled by the server, except for migrations (postgres)', { timeout: 30_000 }, async () => {
    const schema = `t_timeout_${process.pid}`;
    const storage = await connectStorage({ dialect: 'postgres', url: TEST_PG_URL, queryTimeoutMs: 300 }, { schema, maxConnections: 2 });
    try {
      const started = performance.now();
      await assert.rejects(sql`select pg_sleep(3)`.execute(storage.db), (err: Error & { code?: string }) => {
        assert.equal(err.code, '57014');
        assert.equal(databaseFailureKind(err), 'timeout');
        return true;
      });
      assert.ok(performance.now() - started < 2000, 'cancelled at the timeout');
      assert.equal((await sql<{ one: number }>`select 1 as one`.execute(storage.db)).rows[0]?.one, 1, 'the connection is still good');
      await storage.withoutQueryTimeouts((db) => sql`select pg_sleep(0.6)`.execute(db));
    } finally {
      await storage.close();
      await dropPostgresSchema(TEST_PG_URL, schema);
    }
  });

  test('a silent partition (packets dropped, nothing closed) fails queries within the timeouts, and the pool recovers (postgres)', { timeout: 60_000 }, async () => {
    const target = new URL(TEST_PG_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TEST_PG_URL);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    const schema = `t_partition_${process.pid}`;
    const storage = await connectStorage({ dialect: 'postgres', url: url.toString(), queryTimeoutMs: 500, connectTimeoutMs: 800 }, { schema, maxConnections: 2 });
    const one = async () => (await sql<{ one: number }>`select 1 as one`.execute(storage.db)).rows[0]?.one;
    try {
      assert.equal(await one(), 1);
      proxy.blackhole();
      // Each query: on a pooled connection, the client gives up after query_timeout
      // (500 + 1000 ms); on a new one, after the connect timeout (800 ms). Before timeouts,
      // each waited for as long as the partition lasted.
      for (let i = 0; i < 4; i++) {
        const started = performance.now();
        await assert.rejects(one(), (err: Error) => {
          assert.ok(isDatabaseUnavailable(err), `a 503, not a 500: ${err.message}`);
          assert.equal(databaseFailureKind(err), 'timeout', err.message);
          return true;
        });
        assert.ok(performance.now() - started < 3000, `query ${i} failed in ${Math.round(performance.now() - started)} ms`);
      }
      proxy.heal();
      const end = Date.now() + 10_000;
      let back = false;
      while (!back && Date.now() < end) back = (await one().catch(() => 0)) === 1;
      assert.ok(back, 'queries work again after the partition');
    } finally {
      proxy.heal();
      await storage.close();
      await proxy.close();
      await dropPostgresSchema(TEST_PG_URL, schema);
    }
  });

  test('a database that does not exist, or a server that does not answer, is one line with the password hidden (postgres)', async () => {
    const missing = new URL(TEST_PG_URL);
    missing.pathname = '/samachar_no_such_db';
    missing.password = 'hunter2secret';
    await assert.rejects(connectStorage({ dialect: 'postgres', url: missing.toString() }), (err: Error) => {
      assert.equal(err.name, 'StorageError');
      assert.match(err.message, /^The database "samachar_no_such_db" does not exist on .+:\d+ \(PostgreSQL at postgres:\/\/[^:]+:\*\*\*@/);
      assert.doesNotMatch(err.message, /hunter2secret|\n/);
      return true;
    });
    const nobody = await freePort();
    await assert.rejects(connectStorage({ dialect: 'postgres', url: `postgres://u:pw-secret@127.0.0.1:${nobody}/x` }), (err: Error) => {
      assert.match(err.message, new RegExp(`^Cannot reach PostgreSQL at postgres://u:\\*\\*\\*@127\\.0\\.0\\.1:${nobody}/x \\(ECONNREFUSED`));
      assert.doesNotMatch(err.message, /pw-secret/);
      return true;
    });
  });
}
