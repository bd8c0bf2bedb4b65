import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PurgeWebhook, purgeBody, signPurge } from './purge-webhook.ts';

interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One local server for the file; each test says how it answers with `respond` (called with
 * the request's number, from 1) and reads what arrived in `received`.
 */
let server: http.Server;
let url: string;
let received: Received[] = [];
let respond: (res: http.ServerResponse, n: number) => void = (res) => res.end();

before(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
      respond(res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  respond = (res) => res.end('ok');
});

function logRecorder() {
  const lines: { message: string; err: unknown }[] = [];
  return { lines, log: (message: string, err?: unknown) => void lines.push({ message, err }) };
}

function status(code: number) {
  return (res: http.ServerResponse) => {
    res.statusCode = code;
    res.end(`status ${code}`);
  };
}

/** Checks `sha256=<hex>` against an HMAC computed here, independently of the code under test. */
function verifySignature(header: string | string[] | undefined, secret: string, body: string): boolean {
  assert.equal(typeof header, 'string');
  const m = /^sha256=([0-9a-f]{64})$/.exec(header as string);
  assert.ok(m, `signature header: ${String(header)}`);
  const expected = createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest();
  return timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected);
}

describe('PurgeWebhook: what it sends', () => {
  it('POSTs the tags as JSON', async () => {
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url, log });
    hook.send({ tags: ['article:1', 'section:3', 'समाचार'] });
    await hook.flush();
    assert.equal(received.length, 1);
    const [req] = received;
    assert.equal(req!.method, 'POST');
    assert.equal(req!.path, '/purge');
    assert.match(String(req!.headers['content-type']), /^application\/json/);
    assert.deepEqual(JSON.parse(req!.body), { tags: ['article:1', 'section:3', 'समाचार'] });
    assert.equal(req!.headers['x-samachar-signature'], undefined, 'no secret, no signature');
    assert.deepEqual(lines, []);
  });

  it('POSTs all as {"all": true}', async () => {
    const hook = new PurgeWebhook({ url, log: () => {} });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 1);
    assert.deepEqual(JSON.parse(received[0]!.body), { all: true });
  });

  it('signs the body with HMAC-SHA256 of the secret when one is set', async () => {
    const secret = 'ग़ुप्त-secret-🔑';
    const hook = new PurgeWebhook({ url, secret, log: () => {} });
    hook.send({ tags: ['article:7', 'latest'] });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 2);
    for (const req of received) {
      assert.equal(verifySignature(req.headers['x-samachar-signature'], secret, req.body), true, req.body);
      assert.equal(verifySignature(req.headers['x-samachar-signature'], 'another secret', req.body), false);
    }
  });

  it('an empty secret means no signature', async () => {
    const hook = new PurgeWebhook({ url, secret: '', log: () => {} });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received[0]!.headers['x-samachar-signature'], undefined);
  });

  it('purgeBody and signPurge agree with what is sent', () => {
    assert.equal(purgeBody({ tags: ['a', 'b'] }), '{"tags":["a","b"]}');
    assert.equal(purgeBody({ all: true }), '{"all":true}');
    const body = purgeBody({ tags: ['x'] });
    assert.equal(signPurge('k', body), `sha256=${createHmac('sha256', 'k').update(body).digest('hex')}`);
  });
});

describe('PurgeWebhook: failures', () => {
  it('retries a 500 up to `attempts` times, then logs', async () => {
    respond = status(500);
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url, log, attempts: 3, backoffMs: 1 });
    hook.send({ tags: ['x'] });
    await hook.flush();
    assert.equal(received.length, 3);
    assert.ok(received.every((r) => r.body === '{"tags":["x"]}'), 'the same body every time');
    assert.equal(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0]!.message, /purge webhook/);
    assert.match(lines[0]!.message, /500/);
  });

  it('stops retrying once an attempt succeeds', async () => {
    respond = (res, n) => (n < 2 ? status(503)(res) : status(204)(res));
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url, log, attempts: 5, backoffMs: 1 });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 2);
    assert.deepEqual(lines, []);
  });

  it('retries a 429', async () => {
    respond = (res, n) => (n === 1 ? status(429)(res) : status(200)(res));
    const hook = new PurgeWebhook({ url, log: () => {}, attempts: 3, backoffMs: 1 });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 2);
  });

  it('does not retry a 400, and logs it', async () => {
    respond = status(400);
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url, log, attempts: 3, backoffMs: 1 });
    hook.send({ tags: ['x'] });
    await hook.flush();
    assert.equal(received.length, 1);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!.message, /400/);
  });

  it('makes 3 attempts by default', async () => {
    respond = status(502);
    const hook = new PurgeWebhook({ url, log: () => {}, backoffMs: 1 });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 3);
  });

  it('a server that never answers times out on every attempt, and is logged, never thrown', async () => {
    const hanging: http.ServerResponse[] = [];
    respond = (res) => void hanging.push(res);
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url, log, attempts: 2, timeoutMs: 50, backoffMs: 1 });
    const started = Date.now();
    assert.doesNotThrow(() => hook.send({ tags: ['x'] }));
    await hook.flush();
    assert.ok(Date.now() - started < 3000, 'gave up by its timeout');
    assert.equal(received.length, 2);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!.message, /failed/);
    assert.ok(lines[0]!.err instanceof Error);
    assert.equal((lines[0]!.err as Error).name, 'TimeoutError');
    for (const res of hanging) res.destroy();
  });

  it('a server that is not there is logged, never thrown', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { lines, log } = logRecorder();
    const hook = new PurgeWebhook({ url: `http://127.0.0.1:${port}/purge`, log, attempts: 2, backoffMs: 1 });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(lines.length, 1);
    assert.match(lines[0]!.message, /failed/);
  });
});

describe('PurgeWebhook: flush', () => {
  it('waits for what is in flight, and only resolves once the answer came', async () => {
    const waiting: http.ServerResponse[] = [];
    respond = (res) => void waiting.push(res);
    const hook = new PurgeWebhook({ url, log: () => {}, timeoutMs: 5000 });
    hook.send({ tags: ['a'] });
    hook.send({ tags: ['b'] });
    let flushed = false;
    const flushing = hook.flush().then(() => (flushed = true));
    while (waiting.length < 2) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(flushed, false, 'still waiting for the answers');
    waiting[0]!.end('ok');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(flushed, false, 'one answer is still missing');
    waiting[1]!.end('ok');
    await flushing;
    assert.equal(flushed, true);
    assert.deepEqual(received.map((r) => JSON.parse(r.body)).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))), [{ tags: ['a'] }, { tags: ['b'] }]);
  });

  it('waits for retries too', async () => {
    respond = (res, n) => (n < 3 ? status(500)(res) : status(200)(res));
    const hook = new PurgeWebhook({ url, log: () => {}, attempts: 3, backoffMs: 20 });
    hook.send({ all: true });
    await hook.flush();
    assert.equal(received.length, 3);
  });

  it('resolves at once when nothing was sent', async () => {
    await new PurgeWebhook({ url, log: () => {} }).flush();
    assert.equal(received.length, 0);
  });
});
