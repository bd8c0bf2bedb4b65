/**
 * The `samachar` command as a user runs it: a real process, configured only by the
 * environment, on SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';


for (const dialect of DIALECTS) {
  describe(`samachar command (${dialect})`, () => {
    const site = processSite(dialect, 'cli');
    const { dataDir, env } = site;

    before(() => site.setUp());
    after(() => site.tearDown());

    test('migrate, then demo loads once, then demo --reset reloads', () => {
      const migrate = samachar(['migrate'], env);
      assert.equal(migrate.status, 0, migrate.stderr);
      assert.match(migrate.stdout, /Applied: 001-initial/);
      assert.match(samachar(['migrate'], env).stdout, /up to date/);

      const first = samachar(['demo'], env);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /Loaded the demo site: \d+ articles/);
      const second = samachar(['demo'], env);
      assert.equal(second.status, 0, second.stderr);
      assert.match(second.stdout, /nothing was changed/);
      const reset = samachar(['demo', '--reset'], env);
      assert.equal(reset.status, 0, reset.stderr);
      assert.match(reset.stdout, /Loaded the demo site/);
      if (dialect === 'sqlite') assert.ok(fs.existsSync(path.join(dataDir, 'samachar.db')));
    });

    test('user create prints a generated password, or takes one from stdin', () => {
      const made = samachar(['user', 'create', '--email', 'pehla@example.test', '--name', 'पहला एडमिन', '--role', 'admin'], env);
      assert.equal(made.status, 0, made.stderr);
      assert.match(made.stdout, /Created admin pehla@example\.test\.\nPassword: [A-Za-z0-9]{20}\n/);
      const given = samachar(['user', 'create', '--email', 'doosra@example.test', '--name', 'दूसरा', '--role', 'editor', '--password-stdin'], env, 'मेरा-अपना-पासवर्ड\n');
      assert.equal(given.status, 0, given.stderr);
      assert.doesNotMatch(given.stdout, /Password:/);
      const again = samachar(['user', 'create', '--email', 'PEHLA@example.test', '--name', 'x'], env);
      assert.equal(again.status, 1);
      assert.match(again.stderr, /exists already/);
      const badRole = samachar(['user', 'create', '--email', 'x@example.test', '--name', 'x', '--role', 'boss'], env);
      assert.equal(badRole.status, 2);
    });

    test('bad usage and bad configuration exit non-zero with a message, no stack trace', () => {
      const unknown = samachar(['frobnicate'], env);
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /Unknown command: frobnicate/);
      const badPort = samachar(['migrate'], { ...env, PORT: 'eighty' });
      assert.equal(badPort.status, 1);
      assert.match(badPort.stderr, /PORT/);
      assert.doesNotMatch(badPort.stderr, /\n\s+at /);
      const badUrl = samachar(['migrate'], { ...env, DATABASE_URL: 'mysql://x' });
      assert.equal(badUrl.status, 1);
      assert.match(badUrl.stderr, /DATABASE_URL must be a postgres:\/\/ URL/);
    });
  });
}
