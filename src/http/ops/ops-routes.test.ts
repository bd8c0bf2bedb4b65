/**
 * /healthz, /readyz and /metrics on each database: never cached, /metrics never public
 * (404 without METRICS_TOKEN, 401 without the right token), readiness with its checks,
 * not ready while draining, and the counters a scrape shows moving with the traffic.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

for (const dialect of DIALECTS) {
  describe(`ops routes (${dialect})`, () => {
    let t: TestServices;
    let app: FastifyInstance;
    before(async () => {
      t = await openTestServices(dialect, { metricsToken: TOKEN });
      await loadDemo(t.services);
      app = await buildApp(t.services);
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    test('/healthz answers ok, never cached', async () => {
      for (let i = 0; i < 2; i++) {
        const res = await app.inject({ method: 'GET', url: '/healthz' });
        assert.equal(res.statusCode, 200);
        assert.deepEqual(res.json(), { status: 'ok' });
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.notEqual(res.headers['x-cache'], 'HIT');
      }
    });

    test('/readyz: database and migrations checked; the bus where there is one', async () => {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { status: string; checks: Record<string, { ok: boolean }> };
      assert.equal(body.status, 'ready');
      assert.equal(body.checks.database?.ok, true);
      assert.equal(body.checks.migrations?.ok, true);
      // PostgreSQL carries purges through LISTEN/NOTIFY: the bus is part of readiness there.
      assert.equal(body.checks.bus?.ok, dialect === 'postgres' ? true : undefined);
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('/metrics without the token, or with a wrong one: 401 in Hindi and English, nothing leaked', async () => {
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
        const res = await app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });
        assert.equal(res.statusCode, 401, String(authorization));
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="metrics"');
        assert.equal(res.headers['cache-control'], 'no-store');
        const body = res.json() as { error: { code: string; messageHi: string } };
        assert.equal(body.error.code, 'METRICS_TOKEN_REQUIRED');
        assert.match(body.error.messageHi, /टोकन/);
        assert.doesNotMatch(res.body, /samachar_/);
      }
    });

    test('/metrics with the token: Prometheus text; request, cache and query counters move', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      await app.inject({ method: 'GET', url: '/' });
      await app.inject({ method: 'GET', url: '/' });
      await app.inject({ method: 'GET', url: '/no-such-page-here/at-all' });
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const text = res.body;
      assert.match(text, /samachar_http_requests_total\{route="\/",method="GET",status="200"\} [1-9]/);
      // A 404 is labelled by the route that answered it (or "unmatched"), never by the address asked for.
      assert.doesNotMatch(text, /no-such-page-here/);
      assert.match(text, /samachar_page_cache_hits_total [1-9]/);
      assert.match(text, /samachar_page_cache_misses_total [1-9]/);
      assert.match(text, /samachar_page_cache_bytes [1-9]/);
      assert.match(text, /samachar_db_query_duration_seconds_count [1-9]/);
      assert.match(text, /samachar_nodejs_eventloop_lag_seconds /);
      assert.match(text, /samachar_process_resident_memory_bytes /);
      if (dialect === 'postgres') assert.match(text, /samachar_db_pool_connections\{state="total"\} [1-9]/);
      assert.match(text, /samachar_sse_connections 0/);
      // A second scrape is never a cached copy of the first.
      const again = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
      assert.notEqual(again.headers['x-cache'], 'HIT');
      assert.match(again.body, /samachar_http_requests_total\{route="\/metrics",method="GET",status="200"\} [1-9]/);
    });

    test('/readyz answers 503 once the process drains', async () => {
      t.services.health.drain();
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(res.statusCode, 503);
      const body = res.json() as { status: string; checks: Record<string, { ok: boolean }> };
      assert.equal(body.status, 'draining');
      assert.equal(body.checks.draining?.ok, false);
      assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200, 'still alive');
    });
  });
}

describe('ops routes without METRICS_TOKEN', () => {
  test('/metrics is not there at all (404), never public by default', async () => {
    const t = await openTestServices('sqlite');
    const app = await buildApp(t.services);
    try {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer anything-at-all-000000' } });
      assert.equal(res.statusCode, 404);
      assert.doesNotMatch(res.body, /samachar_http/);
    } finally {
      await app.close();
      await t.close();
    }
  });
});
