/**
 * `samachar doctor` on each database: the effective configuration with secrets hidden,
 * every check on one line, exit 0 when all is well and 1 on a problem (Redis unreachable,
 * too little disk space, no database).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defineConfig } from '../config.ts';
import { DIALECTS, openTestServices } from '../../test/helpers/databases.ts';
import { freePort } from '../../test/helpers/server-process.ts';
import { doctor, redactConfig } from './doctor.ts';

const TOKEN = 'doctor-metrics-token-0123456789';

for (const dialect of DIALECTS) {
  describe(`samachar doctor (${dialect})`, () => {
    test('all well: 0; Redis down or the disk too full: 1, with the problem named', async () => {
      const t = await openTestServices(dialect, { metricsToken: TOKEN, purgeWebhookSecret: 'purge-secret-0123456789' });
      try {
        const config = t.database.config;
        const schema = t.database.schema ? { schema: t.database.schema } : {};
        const good = { ...config, metricsToken: TOKEN, purgeWebhookSecret: 'purge-secret-0123456789', redisUrl: 'redis://127.0.0.1:6379/0' };
        const lines: string[] = [];
        assert.equal(await doctor(good, (l) => lines.push(l), schema), 0, lines.join('\n'));
        const text = lines.join('\n');
        assert.match(text, /ok +database/);
        assert.match(text, /ok +redis +reachable/);
        assert.match(text, /ok +disk/);
        assert.match(text, /"metricsToken": "\(hidden\)"/);
        assert.doesNotMatch(text, new RegExp(`${TOKEN}|purge-secret-0123456789`));
        if (config.database.dialect === 'postgres') assert.doesNotMatch(text, /postgres:\/\/[^:@/]+:(?!\*\*\*)[^@]+@/, 'a password in the URL is hidden');

        const bad: string[] = [];
        const down = { ...good, redisUrl: `redis://127.0.0.1:${await freePort()}/0` };
        assert.equal(await doctor(down, (l) => bad.push(l), { ...schema, minFreeBytes: Number.MAX_SAFE_INTEGER }), 1);
        assert.match(bad.join('\n'), /PROBLEM redis/);
        assert.match(bad.join('\n'), /PROBLEM disk .*below/);
        assert.match(bad.join('\n'), /2 problems found/);
      } finally {
        await t.close();
      }
    });
  });
}

test('no database yet: a problem, and what to do', async () => {
  const lines: string[] = [];
  const config = defineConfig({ database: { dialect: 'sqlite', sqlitePath: '/nonexistent-samachar/samachar.db' }, mediaDir: '/nonexistent-samachar/media' });
  assert.equal(await doctor(config, (l) => lines.push(l)), 1);
  assert.match(lines.join('\n'), /PROBLEM database +no database file .*samachar migrate/);
});

test('redaction hides tokens, keys and passwords in URLs', () => {
  const config = defineConfig({
    database: { dialect: 'postgres', url: 'postgres://news:hunter2-pw@db.internal:5432/samachar' },
    mediaDir: '/srv/media',
    redisUrl: 'redis://:redis-pw-77@cache:6379/0',
    metricsToken: 'tok-tok-tok-tok-tok-tok',
  });
  const text = JSON.stringify(redactConfig(config));
  for (const secret of ['hunter2-pw', 'redis-pw-77', 'tok-tok-tok']) assert.ok(!text.includes(secret), secret);
  assert.match(text, /db\.internal/);
});
