/**
 * When PostgreSQL goes away (a TCP proxy between Samachar and the server is cut: open
 * connections reset, new ones refused) and comes back: cached pages keep being served,
 * expired ones too (stale-if-error), uncached pages get the Hindi 503 page with
 * Retry-After, writes get 503, nothing crashes, and the site recovers by itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { ArticleSummary } from '../../src/domain/articles/article.ts';
import { articlePath } from '../../src/domain/articles/article.ts';
import { loadDemo } from '../../src/demo/demo-service.ts';
import { openTestServices, TEST_PG_URL, type TestServices } from '../helpers/databases.ts';
import { type Actor, actor, asActor } from '../helpers/newsroom.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}: not within ${timeoutMs} ms`);
}

describe('the database goes away and comes back (postgres)', () => {
  let proxy: TcpProxy;
  let t: TestServices;
  let app: FastifyInstance;
  let editor: Actor;
  let stories: ArticleSummary[];
  let clock = 0;
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);

  before(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    const target = new URL(TEST_PG_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(TEST_PG_URL);
    url.port = String(proxy.port);
    url.hostname = '127.0.0.1';
    t = await openTestServices('postgres', { database: { dialect: 'postgres', url: url.toString() } });
    await loadDemo(t.services);
    app = await buildApp(t.services, { cacheClock: () => clock });
    editor = await actor(t.services, 'editor');
    stories = await t.services.articles.latest(t.services.now(), 10);
  });
  after(async () => {
    await app?.close();
    await proxy?.start().catch(() => {});
    await t?.close();
    await proxy?.close();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });

  test('serves what it can, refuses the rest with 503, and recovers', async () => {
    const [cached, expired, uncached] = stories.map(articlePath);
    // One page cached and fresh, one cached and past the TTL ceiling.
    clock = 0;
    assert.equal((await get(expired!)).statusCode, 200);
    clock = t.services.config.pageCacheTtlMs + 1;
    assert.equal((await get(cached!)).headers['x-cache'], 'MISS');
    assert.equal((await get(cached!)).headers['x-cache'], 'HIT');

    await proxy.stop();

    const hit = await get(cached!);
    assert.equal(hit.statusCode, 200);
    assert.equal(hit.headers['x-cache'], 'HIT');

    const stale = await get(expired!);
    assert.equal(stale.statusCode, 200, 'an expired copy beats an error page');
    assert.equal(stale.headers['x-cache'], 'STALE');

    const down = await get(uncached!);
    assert.equal(down.statusCode, 503);
    assert.equal(down.headers['retry-after'], '30');
    assert.equal(down.headers['cache-control'], 'no-store');
    const page = (await app.inject({ method: 'GET', url: uncached! })).body;
    assert.match(page, /<html lang="hi"/);
    assert.match(page, /साइट अभी उपलब्ध नहीं/);
    assert.doesNotMatch(page, /ECONNREFUSED|Error:|at .*\.ts:\d+/);

    const api = await app.inject({ method: 'GET', url: '/api/search?q=putin' });
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().error.code, 'SERVICE_UNAVAILABLE');

    const write = await asActor(app, editor, { method: 'POST', url: '/admin/api/articles', json: { sectionId: stories[0]!.section.id, headline: 'डेटाबेस बंद' } });
    assert.equal(write.statusCode, 503);

    const comment = await app.inject({
      method: 'POST',
      url: `${uncached!}/comments`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'comment=%E0%A4%A8%E0%A4%AE%E0%A4%B8%E0%A5%8D%E0%A4%A4%E0%A5%87&author=A&email=a%40example.in',
    });
    assert.equal(comment.statusCode, 503);

    await proxy.start();

    await eventually(async () => (await get(uncached!)).statusCode === 200, 10_000, 'pages render again');
    const created = await asActor(app, editor, { method: 'POST', url: '/admin/api/articles', json: { sectionId: stories[0]!.section.id, headline: 'डेटाबेस लौटा' } });
    assert.equal(created.statusCode, 201, 'writes work again');
    // The bus's listening connection was cut too: once it is back, everything cached is dropped,
    // since purges sent meanwhile were lost.
    await eventually(async () => (await get(cached!)).headers['x-cache'] !== 'HIT', 10_000, 'the cache is dropped after the bus reconnects');
    assert.deepEqual(crashes, [], 'nothing crashed');
  });
});
