/**
 * Draining, with a real server process on each database: on SIGTERM /readyz answers 503
 * while the server still serves (DRAIN_DELAY_MS, for the load balancer to notice), then it
 * stops accepting, a request already in flight (its body still arriving) gets its answer,
 * and the process exits 0.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DIALECTS } from '../../test/helpers/databases.ts';
import { adminQuery, startServer } from '../../test/helpers/server-process.ts';
import { TEST_PG_URL } from '../../test/helpers/databases.ts';

/** Polls `check` until it returns true (20 s at most). */
async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of DIALECTS) {
  describe(`draining on SIGTERM (${dialect})`, () => {
    test('not ready first, in-flight request finished, exit 0', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-drain-'));
      const dbName = `samachar_drain_${process.pid}`;
      const env: Record<string, string> = { DATA_DIR: dataDir, SAMACHAR_DEMO: '0', DRAIN_DELAY_MS: '1000', LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
      if (dialect === 'postgres') {
        await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
        await adminQuery(`CREATE DATABASE ${dbName}`);
        const url = new URL(TEST_PG_URL);
        url.pathname = `/${dbName}`;
        env.DATABASE_URL = url.toString();
      }
      const server = await startServer(env);
      const socket = net.connect(Number(new URL(server.origin).port), '127.0.0.1');
      const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      try {
        assert.equal((await fetch(`${server.origin}/readyz`)).status, 200);
        // A request whose body is still coming: in flight until we send the rest.
        await connected;
        const body = 'email=a%40b.test&password=xyz&_csrf=nothing-valid';
        socket.write(`POST /admin/sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`);
        let answer = '';
        socket.on('data', (d) => (answer += String(d)));
        const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));

        server.child.kill('SIGTERM');
        // Not ready at once, while still serving.
        await waitFor('/readyz to answer 503', async () => (await fetch(`${server.origin}/readyz`)).status === 503);
        const ready = (await (await fetch(`${server.origin}/readyz`)).json()) as { status: string };
        assert.equal(ready.status, 'draining');
        assert.equal((await fetch(`${server.origin}/healthz`)).status, 200, 'alive while draining');
        // Then it stops accepting new connections…
        await waitFor('new connections to be refused', () => fetch(`${server.origin}/healthz`).then(() => false, () => true));
        assert.equal(server.child.exitCode, null, 'still running: a request is in flight');
        // …and the request in flight still gets its answer.
        socket.write(body.slice(10));
        await waitFor('the in-flight answer', async () => /^HTTP\/1\.1 \d{3}/.test(answer));
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)![1]);
        assert.ok(status >= 200 && status < 500, `a real answer, not a 5xx: ${status}`);
        assert.equal(await exited, 0, server.output());
        assert.match(server.output(), /draining/);
      } finally {
        socket.destroy();
        if (server.child.exitCode === null) server.child.kill('SIGKILL');
        fs.rmSync(dataDir, { recursive: true, force: true });
        if (dialect === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
      }
    });
  });
}
