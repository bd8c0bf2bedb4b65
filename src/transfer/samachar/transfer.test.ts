/**
 * The Samachar export round trip and its refusals. The demo site on SQLite is exported,
 * imported into PostgreSQL, exported again and imported into SQLite; every public page
 * (found by following every link from the home page, plus feeds and searches) must be
 * byte-identical on the first and the last site. Nothing differs legitimately so far: ids,
 * times, settings and photos all travel, and pages render from them alone.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { articlePath } from '../../domain/articles/article.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import type { Dialect } from '../../storage/connect.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { exportSite } from './export-service.ts';
import { FORMAT_VERSION, type Manifest, TransferError } from './format.ts';
import { importSite } from './import-service.ts';
import { EXPORTED } from './tables.ts';
import { TransferStore } from './transfer-store.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-transfer-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const freshDir = (name: string) => path.join(scratch, `${name}-${++n}`);

/** A site to import into, with a media folder of its own (so the import's copying of photos is seen). */
function openSite(dialect: Dialect): Promise<TestServices> {
  const mediaDir = freshDir('media');
  return openTestServices(dialect, { mediaDir });
}

/** The demo site (its photos in the test suite's shared folder: encoded once), with an account and comments. */
async function openSource(dialect: Dialect): Promise<TestServices> {
  const t = await openTestServices(dialect);
  await loadDemo(t.services);
  await t.services.users.create({ email: 'editor@example.in', name: 'संपादक', role: 'editor', password: 'a-long-password-1' });
  const db = t.services.storage.db;
  const article = await db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').executeTakeFirstOrThrow();
  const base = { article_id: article.id, author_name: 'पाठक', author_email: 'pathak@example.in', author_url: null, status: 'approved' as const, created_at: '2023-03-20T10:00:00.000Z' };
  // A reply stored before the comment it answers (a later id), as an import from elsewhere can leave it.
  const reply = await db.insertInto('comments').values({ ...base, body: 'जवाब', parent_id: null }).returning('id').executeTakeFirstOrThrow();
  const parent = await db.insertInto('comments').values({ ...base, body: 'पहली टिप्पणी' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('comments').set({ parent_id: parent.id }).where('id', '=', reply.id).execute();
  // A WordPress id past 2^32 (a bigint on PostgreSQL, given back as a string there).
  const store = new TransferStore(db, t.services.storage.dialect);
  if ((await store.tables()).includes('wordpress_ids')) {
    await store.insert('wordpress_ids', [{ site: 'https://example.in', kind: 'post', wp_id: 5_000_000_001, samachar_id: article.id }]);
  }
  return t;
}

/** Every public page reachable from the home page by its links, and the feeds and searches. */
async function crawl(app: FastifyInstance): Promise<Map<string, { status: number; body: string }>> {
  const pages = new Map<string, { status: number; body: string }>();
  const queue = ['/', '/feed', '/search?q=putin', '/search?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8', '/api/search?q=jinping', '/api/search/suggest?q=put'];
  while (queue.length > 0 && pages.size < 1500) {
    const url = queue.shift()!;
    if (pages.has(url)) continue;
    const res = await app.inject({ method: 'GET', url });
    pages.set(url, { status: res.statusCode, body: res.body });
    if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
    for (const [, href] of res.body.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&');
      if (/^\/(admin|media|assets|fonts|preview)\b/.test(link) || link.startsWith('//')) continue;
      if (!pages.has(link)) queue.push(link);
      // Tag and author feeds are not linked from their pages.
      if (/^\/(tag|author)\/[^/?]+$/.test(link)) queue.push(`${link}/feed`);
    }
  }
  return pages;
}

async function withApp<T>(t: TestServices, fn: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const app = await buildApp(t.services);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const other = (d: Dialect): Dialect => (DIALECTS.includes('postgres') ? (d === 'sqlite' ? 'postgres' : 'sqlite') : 'sqlite');

describe('export and import: SQLite → PostgreSQL → SQLite gives the same public pages', () => {
  const sites: TestServices[] = [];
  after(async () => {
    for (const s of sites) await s.close();
  });

  test('round trip', async () => {
    const first = await openSource('sqlite');
    sites.push(first);
    const replies = await first.services.storage.db.selectFrom('comments').select(['id', 'parent_id']).where('parent_id', 'is not', null).execute();
    assert.equal(replies.length, 1);
    const reply = { id: replies[0]!.id };
    const parent = { id: replies[0]!.parent_id! };
    assert.ok(parent.id > reply.id);

    const before = await withApp(first, crawl);
    assert.ok(before.size > 60, `crawled ${before.size} pages`);
    const articlePages = [...before.keys()].filter((u) => /-\d+$/.test(u));
    const everyStory = (await first.services.articles.latest(first.services.now(), 1000)).map((a) => articlePath(a));
    assert.ok(everyStory.length >= 30);
    assert.deepEqual(everyStory.filter((p) => !before.has(p)), [], 'every public story is among the pages compared');
    assert.ok(articlePages.length >= everyStory.length);

    const dirA = freshDir('export');
    const a = await exportSite(first.services.storage, { outDir: dirA, mediaDir: first.services.config.mediaDir, withSecrets: true });
    assert.equal(a.manifest.formatVersion, FORMAT_VERSION);
    assert.equal(a.manifest.dialect, 'sqlite');
    assert.ok(a.manifest.media.length > 0 && a.manifest.missingMedia.length === 0, 'photo files are in the export');

    const middle = await openSite(other('sqlite'));
    sites.push(middle);
    const imported = await importSite(middle.services, dirA);
    assert.equal(imported.rows, a.rows);
    assert.ok(imported.indexed >= 30, 'the search index is rebuilt');
    for (const m of a.manifest.media) assert.ok(fs.existsSync(path.join(middle.services.config.mediaDir, m.file)), m.file);

    const dirB = freshDir('export');
    const b = await exportSite(middle.services.storage, { outDir: dirB, mediaDir: middle.services.config.mediaDir, withSecrets: true });
    // Same rows in every table, whatever the database.
    assert.deepEqual(
      b.manifest.tables.map((x) => [x.name, x.rows]),
      a.manifest.tables.map((x) => [x.name, x.rows]),
    );

    const last = await openSite('sqlite');
    sites.push(last);
    await importSite(last.services, dirB);
    const after = await withApp(last, crawl);
    assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'the same pages are linked');
    const differ = [...before].filter(([url, page]) => after.get(url)?.body !== page.body || after.get(url)?.status !== page.status).map(([url]) => url);
    assert.deepEqual(differ, [], 'every public page is byte-identical');

    // Every row of every exported table came back as it was (both sites are SQLite), but for derived columns.
    const rowsOf = async (t: TestServices) => {
      const store = new TransferStore(t.services.storage.db, t.services.storage.dialect);
      const present = await store.tables();
      const out: Record<string, unknown[]> = {};
      for (const table of EXPORTED) {
        if (!present.includes(table.name)) continue;
        // Derived columns differ legitimately: the import makes the desk's headline keys at once, the demo lazily.
        const rows = await store.page(table.name, table.key, null, 100_000);
        out[table.name] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => !(c in (table.derivedColumns ?? {})))));
      }
      return out;
    };
    const [rowsBefore, rowsAfter] = [await rowsOf(first), await rowsOf(last)];
    for (const name of Object.keys(rowsBefore)) assert.deepEqual(rowsAfter[name], rowsBefore[name], `the rows of ${name}`);
    if (rowsBefore.wordpress_ids) assert.equal(rowsBefore.wordpress_ids.length, 1);

    // Ids, the forward reference and secrets came through.
    const replyBack = await last.services.storage.db.selectFrom('comments').select('parent_id').where('id', '=', reply.id).executeTakeFirstOrThrow();
    assert.equal(replyBack.parent_id, parent.id);
    const hashes = async (t: TestServices) => (await t.services.storage.db.selectFrom('users').select(['id', 'password_hash']).orderBy('id').execute()).map((u) => `${u.id}:${u.password_hash}`);
    assert.deepEqual(await hashes(last), await hashes(first));
  });
});

for (const dialect of DIALECTS) {
  describe(`export and import refusals (${dialect})`, () => {
    let source: TestServices;
    let dir: string;
    let manifest: Manifest;
    const targets: TestServices[] = [];

    before(async () => {
      source = await openSource(dialect);
      dir = freshDir('export');
      manifest = (await exportSite(source.services.storage, { outDir: dir, mediaDir: source.services.config.mediaDir })).manifest;
    });
    after(async () => {
      for (const t of targets) await t.close();
      await source.close();
    });

    async function target(): Promise<TestServices> {
      const t = await openSite(dialect);
      targets.push(t);
      return t;
    }

    /** A copy of the export to spoil. */
    function copy(): string {
      const to = freshDir('spoiled');
      fs.cpSync(dir, to, { recursive: true });
      return to;
    }

    async function assertEmpty(t: TestServices): Promise<void> {
      const db = t.services.storage.db;
      for (const table of ['articles', 'sections', 'users', 'media', 'comments'] as const) {
        const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        assert.equal(Number(row.n), 0, `${table} is empty`);
      }
      assert.deepEqual(fs.existsSync(t.services.config.mediaDir) ? fs.readdirSync(t.services.config.mediaDir) : [], [], 'no photo file is left');
    }

    test('without --with-secrets: no password hash, comment secret or token hash leaves the site; accounts need a reset link', async () => {
      const users = fs.readFileSync(path.join(dir, 'tables', 'users.jsonl'), 'utf8');
      assert.ok(users.length > 0 && !users.includes('password_hash') && !users.includes('scrypt$'));
      assert.ok(!fs.readFileSync(path.join(dir, 'tables', 'settings.jsonl'), 'utf8').includes('comments.secret'));
      assert.ok(!manifest.tables.some((x) => ['article_preview_links', 'password_resets', 'api_keys', 'comment_form_tokens', 'webhook_endpoints', 'webhook_deliveries'].includes(x.name)));
      const t = await target();
      await importSite(t.services, dir);
      const hashes = await t.services.storage.db.selectFrom('users').select('password_hash').execute();
      assert.ok(hashes.length > 0 && hashes.every((h) => h.password_hash === '!'));
    });

    test('ids are kept and new rows get the next ids (sequences reset)', async () => {
      const t = await target();
      await importSite(t.services, dir);
      const maxId = async (s: TestServices) => (await s.services.storage.db.selectFrom('sections').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m;
      assert.equal(await maxId(t), await maxId(source));
      const section = await t.services.sections.create({ slug: 'naya', name: 'नया', nameLatin: 'Naya', description: '' });
      assert.equal(section.id, Number(await maxId(source)) + 1);
    });

    test('a site that is not empty is refused, and nothing is written', async () => {
      const t = await target();
      await t.services.sections.create({ slug: 'pehle-se', name: 'पहले से', nameLatin: 'Pehle se', description: '' });
      const count = async () => Number((await t.services.storage.db.selectFrom('sections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const was = await count();
      await assert.rejects(importSite(t.services, dir), (e: unknown) => e instanceof TransferError && /not empty \(rows in sections: 1\)/.test(e.message));
      assert.equal(await count(), was);
    });

    test('a newer format version is refused with what to do', async () => {
      const spoiled = copy();
      const file = path.join(spoiled, 'manifest.json');
      fs.writeFileSync(file, JSON.stringify({ ...manifest, formatVersion: FORMAT_VERSION + 1 }));
      const t = await target();
      await assert.rejects(importSite(t.services, spoiled), (e: unknown) => e instanceof TransferError && /newer Samachar.*version 2.*upgrade/i.test(e.message));
      await assertEmpty(t);
    });

    test('migrations this Samachar does not know are refused', async () => {
      const spoiled = copy();
      fs.writeFileSync(path.join(spoiled, 'manifest.json'), JSON.stringify({ ...manifest, migrations: [...manifest.migrations, '999-from-the-future'] }));
      const t = await target();
      await assert.rejects(importSite(t.services, spoiled), (e: unknown) => e instanceof TransferError && e.message.includes('999-from-the-future'));
      await assertEmpty(t);
    });

    test('a changed file (same length) and a cut-short file are refused before anything is written', async () => {
      const changed = copy();
      const file = path.join(changed, 'tables', 'articles.jsonl');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('"published"', '"publishex"'));
      const t = await target();
      await assert.rejects(importSite(t.services, changed), (e: unknown) => e instanceof TransferError && /articles\.jsonl does not match the manifest.*SHA-256 differs/.test(e.message));
      await assertEmpty(t);

      const cut = copy();
      const cutFile = path.join(cut, 'tables', 'articles.jsonl');
      fs.truncateSync(cutFile, Math.floor(fs.statSync(cutFile).size / 2));
      await assert.rejects(importSite(t.services, cut), (e: unknown) => e instanceof TransferError && /articles\.jsonl does not match the manifest.*changed or cut short/.test(e.message));
      const photo = copy();
      fs.rmSync(path.join(photo, 'media', manifest.media[0]!.file));
      await assert.rejects(importSite(t.services, photo), (e: unknown) => e instanceof TransferError && /is missing from the export/.test(e.message));
      await assertEmpty(t);
    });

    test('a folder without a manifest, or with a broken one, is refused', async () => {
      const t = await target();
      const none = copy();
      fs.rmSync(path.join(none, 'manifest.json'));
      await assert.rejects(importSite(t.services, none), (e: unknown) => e instanceof TransferError && /no manifest\.json/.test(e.message));
      const broken = copy();
      fs.writeFileSync(path.join(broken, 'manifest.json'), '{"format":"samachar-export",');
      await assert.rejects(importSite(t.services, broken), (e: unknown) => e instanceof TransferError && /not valid JSON/.test(e.message));
      const traversal = copy();
      fs.writeFileSync(path.join(traversal, 'manifest.json'), JSON.stringify({ ...manifest, media: [{ file: '../../etc/passwd', bytes: 1, sha256: '0'.repeat(64) }] }));
      await assert.rejects(importSite(t.services, traversal), (e: unknown) => e instanceof TransferError && /not a valid manifest/.test(e.message));
      await assertEmpty(t);
    });

    test('a row that fails half-way through leaves nothing behind (one transaction; copied photos removed)', async () => {
      const spoiled = copy();
      // A consistent manifest (checksums of the changed file) with a bad row in a late table.
      const file = path.join(spoiled, 'tables', 'widgets.jsonl');
      fs.appendFileSync(file, '{"id":99999,"no_such_column":1}\n');
      const { fileDigest } = await import('./export-service.ts');
      const digest = await fileDigest(file);
      const tables = manifest.tables.map((x) => (x.name === 'widgets' ? { ...x, rows: x.rows + 1, ...digest } : x));
      fs.writeFileSync(path.join(spoiled, 'manifest.json'), JSON.stringify({ ...manifest, tables }));
      const t = await target();
      await assert.rejects(importSite(t.services, spoiled), (e: unknown) => e instanceof TransferError && /widgets\.jsonl, row \d+ has a column the table widgets does not have: no_such_column/.test(e.message));
      await assertEmpty(t);
    });

    test('an export folder that is not empty is refused', async () => {
      await assert.rejects(exportSite(source.services.storage, { outDir: dir, mediaDir: source.services.config.mediaDir }), (e: unknown) => e instanceof TransferError && /not empty/.test(e.message));
      assert.ok(fs.existsSync(path.join(dir, 'manifest.json')), 'the earlier export is untouched');
    });
  });
}
