/**
 * `samachar user reset-password --email E` as an operator runs it: a real process, on
 * SQLite and on PostgreSQL; the printed link is then used through the same services.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { processSite, samachar } from '../../test/helpers/cli.ts';
import { DIALECTS } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { createServices } from '../services.ts';

for (const dialect of DIALECTS) {
  describe(`samachar user reset-password (${dialect})`, () => {
    const site = processSite(dialect, 'reset');
    before(async () => {
      await site.setUp();
      const made = samachar(['user', 'create', '--email', 'reporter@example.test', '--name', 'रिपोर्टर', '--role', 'reporter'], site.env);
      assert.equal(made.status, 0, made.stderr);
    });
    after(() => site.tearDown());

    const openServices = () => createServices(loadConfig({ ...site.env, LOG_LEVEL: 'silent' }), { bus: false });

    test('prints a one-hour link on SITE_URL; it sets the password once, and a newer link voids it', async () => {
      const env = { ...site.env, SITE_URL: 'https://news.example.test' };
      const first = samachar(['user', 'reset-password', '--email', 'Reporter@Example.test'], env);
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /^Password reset link for reporter@example\.test \(works once, until \d{4}-\d\d-\d\dT[\d:.]+Z\):\nhttps:\/\/news\.example\.test\/admin\/reset-password\/[A-Za-z0-9_-]{43}\n$/);
      assert.equal(first.stderr, '', 'no warning with a public SITE_URL');
      const until = new Date(/until ([^)]+)\)/.exec(first.stdout)![1]!);
      assert.ok(Math.abs(until.getTime() - Date.now() - 60 * 60 * 1000) < 60_000, 'valid for an hour');
      const second = samachar(['user', 'reset-password', '--email', 'reporter@example.test'], env);
      assert.equal(second.status, 0, second.stderr);
      const tokenOf = (out: string) => /reset-password\/([A-Za-z0-9_-]{43})/.exec(out)![1]!;
      assert.notEqual(tokenOf(first.stdout), tokenOf(second.stdout));

      const services = await openServices();
      try {
        assert.equal((await services.passwordResets.check(tokenOf(first.stdout), '192.0.2.1')).ok, false, 'the older link is void');
        const done = await services.passwordResets.complete(tokenOf(second.stdout), 'from the command line', '192.0.2.2');
        assert.equal(done.ok, true);
        assert.equal((await services.users.signIn('reporter@example.test', 'from the command line', '192.0.2.3')).ok, true);
        assert.equal((await services.passwordResets.complete(tokenOf(second.stdout), 'second use', '192.0.2.4')).ok, false);
      } finally {
        await services.close();
      }
    });

    test('without SITE_URL the link is on localhost, with a note saying so', () => {
      const res = samachar(['user', 'reset-password', '--email', 'reporter@example.test'], site.env);
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /\nhttp:\/\/localhost:3000\/admin\/reset-password\/[A-Za-z0-9_-]{43}\n$/);
      assert.match(res.stderr, /set SITE_URL to the site's public address/);
    });

    test('an unknown email, a disabled account or a missing --email: a message and a non-zero exit, no stack trace', async () => {
      const unknown = samachar(['user', 'reset-password', '--email', 'nobody@example.test'], site.env);
      assert.equal(unknown.status, 1);
      assert.match(unknown.stderr, /No account has the email nobody@example\.test/);
      assert.equal(unknown.stdout, '');
      const missing = samachar(['user', 'reset-password'], site.env);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /needs --email/);
      const badOption = samachar(['user', 'reset-password', '--mail', 'x'], site.env);
      assert.equal(badOption.status, 2);
      assert.doesNotMatch(badOption.stderr, /\n\s+at /);

      const services = await openServices();
      try {
        const { user } = await services.users.create({ email: 'gone@example.test', name: 'गया', role: 'reporter', password: 'whatever password' });
        const { user: admin } = await services.users.create({ email: 'boss@example.test', name: 'बॉस', role: 'admin', password: 'whatever password' });
        await services.users.updateAccount(admin, user.id, { disabled: true });
      } finally {
        await services.close();
      }
      const disabled = samachar(['user', 'reset-password', '--email', 'gone@example.test'], site.env);
      assert.equal(disabled.status, 1);
      assert.match(disabled.stderr, /is disabled; enable it/);
      assert.doesNotMatch(disabled.stdout, /reset-password\//);
    });
  });
}
