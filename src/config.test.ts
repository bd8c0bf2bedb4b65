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
  assert.deepEqual(c.database, { dialect: 'postgres', url: 'postgres://u@h:5432/d' });
  assert.equal(c.loadDemoIfEmpty, false);
  assert.equal(c.trustProxy, 1);
  assert.equal(c.siteUrl, 'https://news.example');
  assert.throws(() => loadConfig({ PORT: 'x', DATABASE_URL: 'mysql://x', TRUST_PROXY: 'maybe' }), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    for (const name of ['PORT', 'DATABASE_URL', 'TRUST_PROXY']) assert.match(e.message, new RegExp(name));
    return true;
  });
});
