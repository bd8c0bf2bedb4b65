/**
 * `samachar import wordpress` as a user runs it: a real process, on SQLite and on
 * PostgreSQL, with the real WordPress export of test/fixtures/wordpress/. Usage mistakes
 * exit 2, a file that cannot be imported exits 1 with one line and changes nothing, a dry
 * run writes nothing, and a second run creates nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';

const EXPORT = 'test/fixtures/wordpress/export.xml';
const UPLOADS = 'test/fixtures/wordpress/uploads';

for (const dialect of DIALECTS) {
  describe(`samachar import wordpress (${dialect})`, () => {
    const site = processSite(dialect, 'import-wp');
    const { env } = site;

    before(() => site.setUp());
    after(() => site.tearDown());

    test('usage mistakes exit 2 with a line saying what is wrong', () => {
      const none = samachar(['import', 'wordpress'], env);
      assert.equal(none.status, 2);
      assert.match(none.stderr, /needs one export file/);
      const missing = samachar(['import', 'wordpress', 'no-such-file.xml'], env);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /no-such-file\.xml is not a file/);
      const uploads = samachar(['import', 'wordpress', EXPORT, '--uploads', 'no-such-folder'], env);
      assert.equal(uploads.status, 2);
      assert.match(uploads.stderr, /--uploads no-such-folder is not a folder/);
      const kind = samachar(['import', 'joomla', EXPORT], env);
      assert.equal(kind.status, 2);
      assert.match(samachar(['help'], env).stdout, /import wordpress FILE\.xml \[--uploads DIR\] \[--dry-run\] \[--accounts\]/);
    });

    test('a truncated export stops with one line, exit 1, and nothing written; a dry run writes nothing', () => {
      const cut = path.join(site.dataDir, 'cut.xml');
      const whole = fs.readFileSync(EXPORT, 'utf8');
      fs.writeFileSync(cut, whole.slice(0, whole.length >> 1));
      const bad = samachar(['import', 'wordpress', cut], env);
      assert.equal(bad.status, 1, bad.stderr);
      assert.match(bad.stderr, /cut\.xml cannot be imported: the file ends too early or is not well-formed XML.*Nothing was changed\./);
      assert.doesNotMatch(bad.stderr, /at .*\.ts:\d+/, 'no stack trace');

      const dry = samachar(['import', 'wordpress', EXPORT, '--uploads', UPLOADS, '--dry-run'], env);
      assert.equal(dry.status, 0, dry.stderr);
      assert.match(dry.stdout, /^Dry run of the import from http:\/\/samachar-fixture\.example: nothing was written/);
      assert.match(dry.stdout, /created: accounts 0, articles 7, authors 2, comments 9, pages 3, photos 3, pins 1, redirects \d+, sections 5, tags 4/);
    });

    test('imports the site with a progress bar and a report; the second run creates nothing', () => {
      const run = samachar(['import', 'wordpress', EXPORT, '--uploads', UPLOADS], env);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /importing stories: 11\/11/);
      // The file is checked whole before anything is written: its own bar, by megabytes.
      assert.match(run.stderr, /checking the file \(MB\): 1\/1\n[\s\S]*importing stories/);
      assert.match(run.stdout, /^Imported from http:\/\/samachar-fixture\.example:/);
      assert.match(run.stdout, /created: accounts 0, articles 7, authors 2, comments 9, pages 3, photos 3, pins 1, redirects [1-9]\d*, sections 5, tags 4/);
      assert.match(run.stdout, /stories by status: draft 2, published 6, scheduled 1, unpublished 1/);
      assert.match(run.stdout, /skipped: status:trash 1/);
      assert.match(run.stdout, /kept as plain paragraphs \(no Samachar block for them\): table 1/);
      const again = samachar(['import', 'wordpress', EXPORT, '--uploads', UPLOADS], env);
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout, /created: accounts 0, articles 0, authors 0, comments 0, pages 0, photos 0, pins 0, redirects 0, sections 0, tags 0/);
      assert.match(again.stdout, /already there \(left as they were\): accounts 0, articles 7, authors 2, pages 3, photos 3, sections 5, tags 4/);
    });
  });
}
