import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give the embedded site on port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.database.dialect, 'sqlite');
  assert.equal(c.loadDemoIfEmpty, true);
  assert.equal(c.trustProxy, false);
  assert.ok(Object.isFrozen(c));
});

test('the environment is read and checked, naming each bad variable', () => {
  const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/d', SAMACHAR_DEMO: '0', TRUST_PROXY: '1', SITE_URL: 'https://news.example' });
  assert.equal(c.port, 8080);
  // Request traffic gets statement and connection timeouts by default (a partition fails fast).
  assert.deepEqual(c.database, { dialect: 'postgres', url: 'postgres://u@h:5432/d', queryTimeoutMs: 5000, connectTimeoutMs: 5000 });
  const tuned = loadConfig({ DATABASE_URL: 'postgres://u@h/d', DATABASE_QUERY_TIMEOUT_MS: '0', DATABASE_CONNECT_TIMEOUT_MS: '800' });
  assert.deepEqual(tuned.database, { dialect: 'postgres', url: 'postgres://u@h/d', queryTimeoutMs: 0, connectTimeoutMs: 800 });
  assert.throws(() => loadConfig({ DATABASE_QUERY_TIMEOUT_MS: '-1' }), /DATABASE_QUERY_TIMEOUT_MS/);
  assert.equal(c.loadDemoIfEmpty, false);
  assert.equal(c.trustProxy, 1);
  assert.equal(c.siteUrl, 'https://news.example');
  assert.throws(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'TRUST_PROXY']) assert.match(e.message, new RegExp(name));
    return true;
  });
});

test('page cache, CDN and purge settings', () => {
  const d = loadConfig({});
  assert.equal(d.pageCacheBytes, 32 * 1024 * 1024);
  assert.equal(d.pageCacheTtlMs, 300_000);
  assert.equal(d.cdnMaxAgeSeconds, 60);
  assert.deepEqual([d.redisUrl, d.purgeWebhookUrl, d.purgeWebhookSecret], [null, null, null]);
  const c = loadConfig({
    PAGE_CACHE_MB: '0',
    PAGE_CACHE_TTL_S: '30',
    CDN_MAX_AGE_S: '600',
    REDIS_URL: 'redis://127.0.0.1:6379/2',
    PURGE_WEBHOOK_URL: 'https://cdn.example/purge',
    PURGE_WEBHOOK_SECRET: 'a-secret-of-enough-length',
  });
  assert.equal(c.pageCacheBytes, 0);
  assert.equal(c.pageCacheTtlMs, 30_000);
  assert.equal(c.cdnMaxAgeSeconds, 600);
  assert.equal(c.redisUrl, 'redis://127.0.0.1:6379/2');
  assert.equal(c.purgeWebhookUrl, 'https://cdn.example/purge');
  assert.throws(
    () => loadConfig({ PAGE_CACHE_MB: '-1', PAGE_CACHE_TTL_S: '0', REDIS_URL: 'http://x', PURGE_WEBHOOK_URL: 'ftp://x', PURGE_WEBHOOK_SECRET: 'short' }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      for (const name of ['PAGE_CACHE_MB', 'PAGE_CACHE_TTL_S', 'REDIS_URL', 'PURGE_WEBHOOK_URL', 'PURGE_WEBHOOK_SECRET']) assert.match(e.message, new RegExp(name));
      return true;
    },
  );
});

test('a bad setting is one line naming the variable and what it got; secrets are never echoed', () => {
  const cases: Record<string, string>[] = [
    { PORT: '70000' },
    { LOG_LEVEL: 'loud' },
    { LOG_FORMAT: 'xml' },
    { DRAIN_DELAY_MS: '-5' },
    { METRICS_PORT: 'nine' },
    { SCHEDULER_INTERVAL_MS: '1.5' },
    { SAMACHAR_DEMO: 'maybe' },
  ];
  for (const env of cases) {
    const [name, value] = Object.entries(env)[0]!;
    assert.throws(() => loadConfig(env), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.message.split('\n').length, 1, e.message);
      assert.match(e.message, new RegExp(`^Invalid setting ${name}: .+ \\(got "${value!.replace('.', '\\.')}"\\)$`));
      return true;
    });
  }
  // A token, a secret or a URL with a password in it is named, never shown.
  assert.throws(() => loadConfig({ METRICS_TOKEN: 'short tok', PURGE_WEBHOOK_SECRET: 'tiny', DATABASE_URL: 'mysql://user:hunter2@h/d' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.message.split('\n').length, 3, e.message);
    for (const name of ['METRICS_TOKEN', 'PURGE_WEBHOOK_SECRET', 'DATABASE_URL']) assert.match(e.message, new RegExp(`Invalid setting ${name}: `));
    assert.doesNotMatch(e.message, /short tok|tiny|hunter2/);
    return true;
  });
  const ok = loadConfig({ METRICS_TOKEN: 'a-long-enough-metrics-token', METRICS_PORT: '9464', DRAIN_DELAY_MS: '5000', LOG_FORMAT: 'json' });
  assert.deepEqual([ok.metricsToken, ok.metricsPort, ok.metricsHost, ok.drainDelayMs, ok.logFormat], ['a-long-enough-metrics-token', 9464, '127.0.0.1', 5000, 'json']);
  assert.deepEqual([loadConfig({}).metricsToken, loadConfig({}).metricsPort], [null, null]);
});
