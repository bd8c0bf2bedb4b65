/**
 * `samachar generate` as a user runs it: a real process, configured only by the environment,
 * on SQLite and on PostgreSQL. Bad arguments are refused with a plain message before the
 * database is opened; on an empty database the demo comes first; the same seed gives the
 * same stories.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';
import { defineConfig } from '../config.ts';
import { articlePath } from '../domain/articles/article.ts';
import { createServices } from '../services.ts';


/** The same, without waiting: several at once. */
function samacharAsync(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: childEnv, encoding: 'utf8', timeout: 120_000 }, (_err, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
}

const STACK_TRACE = /\n\s+at /;

// Arguments are checked before the database is opened, so once is enough for both databases.
describe('samachar generate: bad arguments', () => {
  test('exit 2 with a plain message, no stack trace, and touch nothing', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-generate-args-'));
    try {
      const cases: [string[], RegExp][] = [
        [[], /^generate needs --articles N/],
        [['--articles', 'many'], /^--articles must be a whole number from 1 to 1,000,000, not "many"/],
        [['--articles', '0'], /^--articles must be a whole number from 1 to 1,000,000, not "0"/],
        [['--articles', '1000001'], /^--articles must be a whole number from 1 to 1,000,000, not "1000001"/],
        [['--articles=2.5'], /^--articles must be a whole number/],
        [['--articles', '10', '--seed', 'abc'], /^--seed must be a whole number/],
        [['--articles', '10', '--comments-per-article', '101'], /^--comments-per-article must be a whole number from 0 to 100/],
        [['--articles', '10', '--frobnicate'], /^generate: Unknown option '--frobnicate'/],
      ];
      const runs = await Promise.all(cases.map(([args]) => samacharAsync(['generate', ...args], { DATA_DIR: dataDir })));
      for (const [i, run] of runs.entries()) {
        const [args, message] = cases[i]!;
        assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message, args.join(' '));
        assert.doesNotMatch(run.stderr, STACK_TRACE, args.join(' '));
        assert.equal(run.stdout, '');
      }
      assert.ok(!fs.existsSync(path.join(dataDir, 'samachar.db')), 'no database was created');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`samachar generate (${dialect})`, () => {
    const site = processSite(dialect, 'generate');
    const { dataDir, env } = site;
    const config = () =>
      defineConfig({
        database: dialect === 'postgres' ? { dialect, url: env.DATABASE_URL! } : { dialect, sqlitePath: path.join(dataDir, 'samachar.db') },
        mediaDir: path.join(dataDir, 'media'),
      });

    before(() => site.setUp());
    after(() => site.tearDown());

    test('on an empty database: the demo first, then the stories, with progress, searchable; the same seed again gives the same stories', async () => {
      const first = samachar(['generate', '--articles', '300', '--seed', '9', '--comments-per-article', '4'], env);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /^The database was empty: loaded the demo site first \(34 articles, 47 photos\)\.\n/m);
      assert.match(first.stdout, /^Generated 300 articles \(ids 35–334\) with \d+ comments in \d+\.\d s; indexed 334 published articles in \d+\.\d s\.$/m);
      // Not a terminal here, so the progress bars print plain lines.
      assert.match(first.stderr, /generated articles: 300\/300/);
      assert.match(first.stderr, /search index: 334\/334/);
      assert.doesNotMatch(first.stderr, STACK_TRACE);

      const second = samachar(['generate', '--articles', '1,000', '--seed', '9', '--comments-per-article', '4'], env);
      assert.equal(second.status, 0, second.stderr);
      assert.doesNotMatch(second.stdout, /demo/);
      assert.match(second.stdout, /Generated 1000 articles \(ids 335–1334\)/);
      assert.match(second.stdout, /indexed 1334 published articles/);

      const services = await createServices(config());
      try {
        const now = new Date();
        assert.equal(await services.articles.count(), 1334);
        let comments = 0;
        for (let i = 0; i < 300; i++) {
          const a = await services.articles.getPublic(35 + i, now);
          const b = await services.articles.getPublic(335 + i, now);
          assert.ok(a && b, `stories ${35 + i} and ${335 + i} are public`);
          // The same seed on the same site: the same stories (their times count back from each run).
          assert.equal(b.headline, a.headline);
          assert.equal(b.slug, a.slug);
          assert.deepEqual(b.body, a.body);
          assert.deepEqual(b.authors.map((x) => x.slug), a.authors.map((x) => x.slug));
          assert.equal(articlePath(b), articlePath(a).replace(/-\d+$/, `-${b.id}`));
          const listed = await services.comments.listPublic(a.id);
          assert.ok(listed.length <= 4);
          comments += listed.length;
        }
        assert.ok(comments > 100, `${comments} published comments on the first 300 stories`);
        // The closing line names an invented place (`<place> से <person> की रिपोर्ट।`).
        const a = (await services.articles.getPublic(100, now))!;
        const last = a.body.blocks.at(-1);
        assert.ok(last?.type === 'paragraph');
        const place = last.content[0]!.text.split(' से ')[0]!;
        const found = await services.search.search({ q: place, pageSize: 50 });
        assert.ok(found.items.some((h) => h.article.id === a.id), `"${place}" finds story ${a.id}`);
      } finally {
        await services.close();
      }
      assert.match(samachar(['help'], env).stdout, /generate --articles N/);
    });
  });
}
