/**
 * The access log: one line per request (not Fastify's two), cached pages included, with
 * the secrets of preview and reset addresses masked; ACCESS_LOG=0 turns it off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadDemo } from '../demo/demo-service.ts';
import { openTestServices, type TestServices } from '../../test/helpers/databases.ts';

describe('access log', () => {
  let t: TestServices;
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  let app: FastifyInstance;
  before(async () => {
    t = await openTestServices('sqlite');
    await loadDemo(t.services);
    app = await buildApp(t.services, { logger: true, logStream: stream });
  });
  after(async () => {
    await app.close();
    await t.close();
  });

  test('one line per request, for a rendered page and a cached one alike', async () => {
    lines.length = 0;
    const miss = await app.inject({ method: 'GET', url: '/' });
    const hit = await app.inject({ method: 'GET', url: '/' });
    assert.equal(miss.headers['x-cache'], 'MISS');
    assert.equal(hit.headers['x-cache'], 'HIT');
    const requests = lines.filter((l) => l.msg === 'request');
    assert.equal(requests.length, 2);
    assert.deepEqual(requests.map((l) => [l.method, l.url, l.status]), [['GET', '/', 200], ['GET', '/', 200]]);
    assert.equal(typeof requests[0]!.ms, 'number');
    assert.ok(!lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed'), "Fastify's own two lines are off");
  });

  test('a preview token never reaches the log', async () => {
    lines.length = 0;
    await app.inject({ method: 'GET', url: '/preview/secret-token-value-that-must-not-be-logged-0000' });
    const text = JSON.stringify(lines);
    assert.doesNotMatch(text, /secret-token-value/);
    assert.match(text, /"url":"\/preview\/…"/);
  });

  test('ACCESS_LOG=0: no line per request', async () => {
    const quiet: string[] = [];
    const services = { ...t.services, config: Object.freeze({ ...t.services.config, accessLog: false }) };
    const other = await buildApp(services, { logger: true, logStream: { write: (l: string) => void quiet.push(l) } });
    try {
      await other.inject({ method: 'GET', url: '/' });
      assert.ok(!quiet.some((l) => /"msg":"request"/.test(l)));
    } finally {
      await other.close();
    }
  });
});
