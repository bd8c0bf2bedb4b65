/**
 * `samachar export`, `import samachar`, `backup` and `restore` as a user runs them: real
 * processes on SQLite and PostgreSQL. A demo site is backed up and restored into a new
 * site, exported and imported into another; mistakes end with one line and no stack trace.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-export-cli-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

for (const dialect of DIALECTS) {
  describe(`samachar export, import samachar, backup, restore (${dialect})`, () => {
    const source = processSite(dialect, 'export-src');
    const restored = processSite(dialect, 'export-restored');
    const imported = processSite(dialect, 'export-imported');

    before(async () => {
      await Promise.all([source.setUp(), restored.setUp(), imported.setUp()]);
      const demo = samachar(['demo'], source.env);
      assert.equal(demo.status, 0, demo.stderr);
    });
    after(() => Promise.all([source.tearDown(), restored.tearDown(), imported.tearDown()]));

    test('backup, then restore into a new site', () => {
      const file = path.join(scratch, `${dialect}-site.tar.gz`);
      const backup = samachar(['backup', '--out', file], source.env);
      assert.equal(backup.status, 0, backup.stderr);
      assert.match(backup.stdout, /^Backed up \d+ rows and \d+ photo files to .*site\.tar\.gz \(\d+\.\d MB\)\. It holds password hashes: keep it private\.\n$/);
      const again = samachar(['backup', '--out', file], source.env);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /^backup: .*exists already/);

      const restore = samachar(['restore', file], restored.env);
      assert.equal(restore.status, 0, restore.stderr);
      assert.match(restore.stdout, /Imported \d+ rows and \d+ photo files .*indexed 34 published stories for search\./);
      // Restoring again over the now-filled site is refused, naming what is there.
      const twice = samachar(['restore', file], restored.env);
      assert.equal(twice.status, 1);
      assert.match(twice.stderr, /^restore: The site is not empty \(rows in .*articles: 34/m);
      assert.doesNotMatch(twice.stderr, /\n\s+at /, 'no stack trace');
    });

    test('export without secrets, then import samachar into a new site', () => {
      const dir = path.join(scratch, `${dialect}-export`);
      const run = samachar(['export', '--out', dir], source.env);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^Exported \d+ rows of \d+ tables and \d+ photo files to .* \(format version 1\)\./);
      assert.match(run.stdout, /Without --with-secrets/);
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { dialect: string; withSecrets: boolean };
      assert.equal(manifest.dialect, dialect);
      assert.equal(manifest.withSecrets, false);

      const load = samachar(['import', 'samachar', dir], imported.env);
      assert.equal(load.status, 0, load.stderr);
      assert.match(load.stdout, /indexed 34 published stories/);
      assert.match(load.stdout, /every account needs a new password/);
    });

    test('mistakes get one line and no stack trace', () => {
      const cases: [string[], number, RegExp][] = [
        [['export'], 2, /export needs --out DIR/],
        [['export', '--out', path.join(scratch, `${dialect}-export`)], 1, /^export: .* is not empty/],
        [['import', 'samachar'], 2, /import samachar needs one folder/],
        [['import', 'samachar', path.join(scratch, 'nowhere')], 1, /^import samachar: .*nowhere is not a finished Samachar export: it has no manifest\.json/],
        [['import', 'nonsense'], 2, /Usage: samachar import samachar DIR/],
        [['backup'], 2, /backup needs --out FILE/],
        [['restore'], 2, /restore needs one file/],
        [['restore', path.join(scratch, 'no-such.tar.gz')], 1, /^restore: .*does not exist/],
      ];
      fs.writeFileSync(path.join(scratch, 'junk.tar.gz'), 'not a backup');
      cases.push([['restore', path.join(scratch, 'junk.tar.gz')], 1, /^restore: .*junk\.tar\.gz cannot be read as a Samachar backup .*damaged or cut short/]);
      for (const [args, status, message] of cases) {
        const run = samachar(args, imported.env);
        assert.equal(run.status, status, `${args.join(' ')}: ${run.stderr}`);
        assert.match(run.stderr, message, args.join(' '));
        assert.doesNotMatch(run.stderr, /\n\s+at /, `${args.join(' ')}: no stack trace`);
      }
    });
  });
}
