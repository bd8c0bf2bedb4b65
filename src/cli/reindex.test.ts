/**
 * `samachar reindex` as a user runs it: a real process, on SQLite and on PostgreSQL, after
 * the demo was loaded. It rebuilds the search index and reports what it indexed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';


for (const dialect of DIALECTS) {
  describe(`samachar reindex (${dialect})`, () => {
    const site = processSite(dialect, 'reindex');
    const { env } = site;

    before(() => site.setUp());
    after(() => site.tearDown());

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
