/**
 * METRICS_PORT: a listener that serves GET /metrics only, never cached, with the token
 * required when one is set.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Metrics } from './metrics.ts';
import { listenMetrics } from './metrics-server.ts';

test('serves /metrics only; 401 without the token when one is set', async () => {
  const metrics = new Metrics();
  metrics.fastAnswers = 5;
  metrics.fastNotModified = 2;
  const open = await listenMetrics(metrics, { host: '127.0.0.1', port: 0, token: null });
  const guarded = await listenMetrics(metrics, { host: '127.0.0.1', port: 0, token: 'port-token-0123456789abc' });
  try {
    const res = await fetch(`http://127.0.0.1:${open.port}/metrics`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();
    assert.match(text, /samachar_fast_cache_answers_total\{status="200"\} 3/);
    assert.match(text, /samachar_fast_cache_answers_total\{status="304"\} 2/);
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/`)).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${open.port}/metrics`, { method: 'POST' })).status, 404);
    assert.equal((await fetch(`http://127.0.0.1:${guarded.port}/metrics`)).status, 401);
    assert.equal((await fetch(`http://127.0.0.1:${guarded.port}/metrics`, { headers: { authorization: 'Bearer nope' } })).status, 401);
    assert.equal((await fetch(`http://127.0.0.1:${guarded.port}/metrics`, { headers: { authorization: 'Bearer port-token-0123456789abc' } })).status, 200);
  } finally {
    await open.close();
    await guarded.close();
  }
});
