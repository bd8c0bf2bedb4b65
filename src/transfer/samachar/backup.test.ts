/**
 * `backup` of a site while stories are being written, and `restore` of it into an empty
 * site, on each database: the restored site is the source at one moment (every story
 * written in one transaction comes back whole: with its tag and byline rows, or not at
 * all), with its password hashes. And the refusals: an existing backup file, a cut-short
 * or foreign archive.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import tar from 'tar-stream';
import { loadDemo } from '../../demo/demo-service.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { backupSite, restoreSite } from './backup-service.ts';
import { TransferError } from './format.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-backup-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => path.join(scratch, `${name}-${++n}`);

for (const dialect of DIALECTS) {
  describe(`backup and restore (${dialect})`, () => {
    let source: TestServices;
    let backupFile: string;
    let written = 0;
    let countBefore = 0;
    let countAfter = 0;
    const targets: TestServices[] = [];

    const countArticles = async (t: TestServices) => Number((await t.services.storage.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    before(async () => {
      source = await openTestServices(dialect);
      await loadDemo(source.services);
      await source.services.users.create({ email: 'admin@example.in', name: 'एडमिन', role: 'admin', password: 'a-long-password-1' });
      const section = (await source.services.sections.list())[0]!;
      const tag = await source.services.tags.findOrCreate('बैकअप');
      const author = (await source.services.storage.db.selectFrom('authors').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      countBefore = await countArticles(source);
      // Stories keep being written (each with a tag and a byline, in one transaction) while the backup runs.
      let stop = false;
      const writer = (async () => {
        while (!stop) {
          const now = source.services.now();
          await source.services.articles.create({
            sectionId: section.id,
            headline: `बैकअप के दौरान खबर ${written}`,
            dek: '',
            body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] },
            heroMediaId: null,
            tagIds: [tag.id],
            authorIds: [author],
            status: 'published',
            publishedAt: now,
            updatedAt: now,
            createdAt: now,
            commentsOpen: true,
          });
          written++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      backupFile = fresh('site.tar.gz');
      try {
        await backupSite(source.services, backupFile);
      } finally {
        stop = true;
        await writer;
      }
      countAfter = await countArticles(source);
    });
    after(async () => {
      for (const t of targets) await t.close();
      await source.close();
    });

    async function target(): Promise<TestServices> {
      const t = await openTestServices(dialect, { mediaDir: fresh('media') });
      targets.push(t);
      return t;
    }

    test('the backup is one file, readable by its owner only', () => {
      assert.ok(written > 0, 'stories were written during the backup');
      const stat = fs.statSync(backupFile);
      assert.ok(stat.size > 1000);
      assert.equal(stat.mode & 0o077, 0);
      assert.deepEqual(fs.readdirSync(path.dirname(backupFile)).filter((f) => f.startsWith('.samachar-work') || f.endsWith('.partial')), [], 'no working files are left');
    });

    test('restore brings back the site at one moment, with its accounts able to sign in', async () => {
      const t = await target();
      const report = await restoreSite(t.services, backupFile);
      assert.ok(report.manifest.withSecrets);
      const restored = await countArticles(t);
      assert.ok(restored >= countBefore && restored <= countAfter, `${restored} stories, between ${countBefore} and ${countAfter}`);
      const db = t.services.storage.db;
      const orphans = await db
        .selectFrom('articles')
        .select('id')
        .where('headline', 'like', 'बैकअप के दौरान%')
        .where((eb) => eb.or([eb.not(eb.exists(eb.selectFrom('article_tags').select('article_id').whereRef('article_tags.article_id', '=', 'articles.id'))), eb.not(eb.exists(eb.selectFrom('article_authors').select('article_id').whereRef('article_authors.article_id', '=', 'articles.id')))]))
        .execute();
      assert.deepEqual(orphans, [], 'every story came back with its tag and byline');
      const signIn = await t.services.users.signIn('admin@example.in', 'a-long-password-1', '10.9.9.9');
      assert.equal(signIn.ok, true, 'the password still works');
      for (const m of report.manifest.media) assert.ok(fs.existsSync(path.join(t.services.config.mediaDir, m.file)), m.file);
    });

    test('an existing backup file is never overwritten', async () => {
      await assert.rejects(backupSite(source.services, backupFile), (e: unknown) => e instanceof TransferError && /exists already/.test(e.message));
    });

    test('a cut-short backup is refused and nothing is restored', async () => {
      const cut = fresh('cut.tar.gz');
      const bytes = fs.readFileSync(backupFile);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
      const t = await target();
      await assert.rejects(restoreSite(t.services, cut), (e: unknown) => e instanceof TransferError && /damaged or cut short|no manifest\.json/.test(e.message));
      assert.equal(await countArticles(t), 0);
      assert.deepEqual(fs.existsSync(t.services.config.mediaDir) ? fs.readdirSync(t.services.config.mediaDir) : [], []);
    });

    test('an archive with other files (a path outside the folder) is refused', async () => {
      const evil = fresh('evil.tar.gz');
      const pack = tar.pack();
      pack.entry({ name: '../outside.txt' }, 'x');
      pack.finalize();
      const chunks: Buffer[] = [];
      for await (const chunk of pack.pipe(zlib.createGzip())) chunks.push(chunk as Buffer);
      fs.writeFileSync(evil, Buffer.concat(chunks));
      const t = await target();
      await assert.rejects(restoreSite(t.services, evil), (e: unknown) => e instanceof TransferError && /not a Samachar backup.*outside\.txt/.test(e.message));
      assert.equal(fs.existsSync(path.join(scratch, 'outside.txt')), false);
      await assert.rejects(restoreSite(t.services, fresh('missing.tar.gz')), (e: unknown) => e instanceof TransferError && /does not exist/.test(e.message));
    });
  });
}
