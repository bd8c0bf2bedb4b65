/**
 * The cache-hit path in front of Fastify (createFastHit), over a real socket on both
 * databases: app.inject never reaches the server's request listener, so these tests listen.
 * A hit there must be byte-for-byte the answer Fastify's own path gives, honour HEAD and
 * If-None-Match, leave signed-in users, query strings and purged pages to Fastify, get its
 * access-log line, and be recompressed at the full level without changing its ETag.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { CachedPage } from '../../cache/cached-page.ts';
import { openTestServices, DIALECTS, type TestServices } from '../../../test/helpers/databases.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import { cookieNames } from '../admin/auth.ts';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function rawRequest(origin: string, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(origin + path, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Headers that belong to the connection or the moment, not to the page. */
function pageHeaders(headers: http.IncomingHttpHeaders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(headers)) if (!['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(k)) out[k] = v;
  return out;
}

for (const dialect of DIALECTS) {
  describe(`cache hits in front of Fastify (${dialect})`, () => {
    let t: TestServices;
    let app: FastifyInstance;
    let origin: string;
    const lines: Record<string, unknown>[] = [];
    /** Addresses of the requests that reached Fastify's hooks: a fast hit never does. */
    const reachedFastify: string[] = [];
    const br = { 'accept-encoding': 'br, gzip' };
    const article = '/videsh/jinping-se-bole-putin-welcome-dear-friend-1';

    before(async () => {
      t = await openTestServices(dialect);
      await loadDemo(t.services);
      app = await buildApp(t.services, { logger: true, logStream: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) } });
      app.addHook('onRequest', async (request) => void reachedFastify.push(request.url));
      await app.listen({ host: '127.0.0.1', port: 0 });
      origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await app?.close();
      await t?.close();
    });

    /**
     * Reads `path` until its entry is stored and refined (a second read recompresses it in
     * the background): from then on every hit sends the same bytes.
     */
    async function settled(path: string): Promise<void> {
      for (let i = 0; i < 200; i++) {
        await rawRequest(origin, path, { headers: br });
        if ((app.pageCache.lookup(path)?.entry as CachedPage | undefined)?.quick === false) return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      assert.fail(`${path} was not refined`);
    }

    test('a hit on the socket is the same status, headers and bytes as a hit through Fastify', async () => {
      const miss = await rawRequest(origin, article, { headers: br });
      assert.equal(miss.status, 200);
      assert.equal(miss.headers['x-cache'], 'MISS');
      await settled(article);
      reachedFastify.length = 0;
      const hit = await rawRequest(origin, article, { headers: br });
      assert.equal(hit.headers['x-cache'], 'HIT');
      assert.deepEqual(reachedFastify, [], 'answered before Fastify');
      assert.equal(hit.headers['content-encoding'], 'br');
      // The same entry answered by Fastify's onRequest hook (inject skips the listener).
      const viaFastify = await app.inject({ method: 'GET', url: article, headers: br });
      assert.equal(viaFastify.headers['x-cache'], 'HIT');
      assert.deepEqual(hit.body, viaFastify.rawPayload);
      const injected = pageHeaders(viaFastify.headers as http.IncomingHttpHeaders);
      assert.deepEqual(pageHeaders(hit.headers), injected);
      assert.equal(zlib.brotliDecompressSync(hit.body).toString(), zlib.brotliDecompressSync(miss.body).toString());
      assert.match(String(hit.headers['content-security-policy'] ?? ''), /default-src/, 'security headers are part of the stored answer');
    });

    test('HEAD gets the headers without a body; a matching If-None-Match gets 304', async () => {
      await settled('/');
      const get = await rawRequest(origin, '/', { headers: br });
      assert.equal(get.headers['x-cache'], 'HIT');
      const head = await rawRequest(origin, '/', { method: 'HEAD', headers: br });
      assert.equal(head.status, 200);
      assert.equal(head.headers['x-cache'], 'HIT');
      assert.equal(head.body.length, 0);
      assert.equal(head.headers['content-length'], get.headers['content-length']);
      const etag = String(get.headers.etag);
      const revalidated = await rawRequest(origin, '/', { headers: { ...br, 'if-none-match': etag } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body.length, 0);
      assert.equal(revalidated.headers.etag, etag);
      assert.equal(revalidated.headers['x-cache'], 'HIT');
      // A reader without compression gets the page inflated, not someone else's encoding.
      const plain = await rawRequest(origin, '/');
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), zlib.brotliDecompressSync(get.body).toString());
    });

    test('signed-in users, query strings and purged pages are left to Fastify', async () => {
      await rawRequest(origin, '/videsh', { headers: br });
      assert.equal((await rawRequest(origin, '/videsh', { headers: br })).headers['x-cache'], 'HIT');
      const signedIn = await rawRequest(origin, '/videsh', { headers: { ...br, cookie: `${cookieNames(t.services.config.siteUrl).session}=whatever` } });
      assert.notEqual(signedIn.headers['x-cache'], 'HIT');
      assert.equal(signedIn.headers['cache-control'], 'private, no-store');
      reachedFastify.length = 0;
      const junk = await rawRequest(origin, '/videsh?utm_source=x', { headers: br });
      assert.equal(junk.headers['x-cache'], 'BYPASS');
      assert.deepEqual(reachedFastify, ['/videsh?utm_source=x']);
      // A change to the section's stories purges the page: the next answer is a fresh render.
      const [story] = await t.services.articles.latest(t.services.now(), 1, {});
      assert.ok(story);
      app.pageCache.purge([`section:${story.section.id}`]);
      assert.equal((await rawRequest(origin, '/videsh', { headers: br })).headers['x-cache'], 'MISS');
    });

    test('each hit gets one access-log line', async () => {
      await rawRequest(origin, '/', { headers: br });
      lines.length = 0;
      await rawRequest(origin, '/', { headers: br });
      await rawRequest(origin, '/', { headers: br });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const requests = lines.filter((l) => l.msg === 'request');
      assert.deepEqual(requests.map((l) => [l.method, l.url, l.status]), [['GET', '/', 200], ['GET', '/', 200]]);
    });

    test('a page read twice is recompressed at the full level in the background, same ETag, same text', async () => {
      const path = '/khel';
      const miss = await rawRequest(origin, path, { headers: br });
      assert.equal(miss.status, 200);
      const quick = app.pageCache.lookup(path)!.entry as CachedPage;
      assert.equal(quick.quick, true);
      await rawRequest(origin, path, { headers: br });
      let refined: CachedPage = quick;
      for (let i = 0; i < 100 && refined.quick; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        refined = app.pageCache.lookup(path)!.entry as CachedPage;
      }
      assert.equal(refined.quick, false, 'refined within 2 s');
      assert.equal(refined.etag, quick.etag);
      assert.ok(refined.br!.body.length < quick.br!.body.length, `${refined.br!.body.length} < ${quick.br!.body.length}`);
      const after = await rawRequest(origin, path, { headers: br });
      assert.equal(after.headers.etag, miss.headers.etag);
      assert.equal(Number(after.headers['content-length']), refined.br!.body.length);
      assert.equal(zlib.brotliDecompressSync(after.body).toString(), zlib.brotliDecompressSync(miss.body).toString());
    });
  });
}
