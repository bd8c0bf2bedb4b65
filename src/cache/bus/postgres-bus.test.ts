/**
 * The PostgreSQL bus against a real server (TEST_DATABASE_URL): two buses on one channel
 * play two processes. Every test gets its own channel and closes what it opened.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_PG_URL } from '../../../test/helpers/databases.ts';
import type { Change } from '../../domain/changes/change-feed.ts';
import { PostgresBus } from './postgres-bus.ts';

const RUN = `${process.pid}_${randomBytes(4).toString('hex')}`;
let n = 0;

interface Heard {
  readonly change: Change;
  /** Whether the bus said it was listening when it delivered. */
  readonly connected: boolean;
}

interface TestBus {
  readonly bus: PostgresBus;
  readonly heard: Heard[];
  readonly logs: string[];
  readonly applicationName: string;
  changes(): Change[];
}

async function openBus(channel: string, name: string, url = TEST_PG_URL): Promise<TestBus> {
  const heard: Heard[] = [];
  const logs: string[] = [];
  const applicationName = `samachar_test_${RUN}_${name}`;
  const bus = new PostgresBus({ url, channel, applicationName, maxRetryMs: 200, log: (message) => void logs.push(message) });
  bus.onReceive((change) => void heard.push({ change, connected: bus.connected }));
  await bus.start();
  return { bus, heard, logs, applicationName, changes: () => heard.map((h) => h.change) };
}

/** Two buses on a fresh channel, closed when `body` is done. */
async function withPair(body: (a: TestBus, b: TestBus) => Promise<void>): Promise<void> {
  const channel = `samachar_test_${RUN}_${++n}`;
  const a = await openBus(channel, `${n}_a`);
  const b = await openBus(channel, `${n}_b`).catch(async (err: unknown) => {
    await a.bus.close();
    throw err;
  });
  try {
    assert.equal(a.bus.connected, true);
    assert.equal(b.bus.connected, true);
    await body(a, b);
  } finally {
    await Promise.all([a.bus.close(), b.bus.close()]);
  }
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** One statement on a connection of its own, closed at once. */
async function sql<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

function backends(applicationName: string, listening = false): Promise<{ pid: number }[]> {
  return sql<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = $1 ${listening ? "and query ilike 'listen %'" : ''}`,
    [applicationName],
  );
}

describe('PostgresBus', () => {
  it('carries a change from A to B, and never back to its sender', async () => {
    await withPair(async (a, b) => {
      await a.bus.publish({ tags: ['article:1', 'section:3', 'समाचार'] });
      await waitFor('B to hear A', () => b.heard.length >= 1);
      // B answers; A hears B's message after its own would have arrived (NOTIFY keeps commit order).
      await b.bus.publish({ tags: ['from-b'] });
      await waitFor('A to hear B', () => a.heard.length >= 1);
      await a.bus.publish({ all: true });
      await waitFor('B to hear A again', () => b.heard.length >= 2);
      assert.deepEqual(b.changes(), [{ tags: ['article:1', 'section:3', 'समाचार'] }, { all: true }]);
      assert.deepEqual(a.changes(), [{ tags: ['from-b'] }]);
      assert.deepEqual([...a.logs, ...b.logs], []);
    });
  });

  it('carries a long tag list whole, in several messages', async () => {
    await withPair(async (a, b) => {
      const tags = Array.from({ length: 3000 }, (_, i) => `article:${i}`);
      await a.bus.publish({ tags });
      const heardTags = () => b.changes().flatMap((c) => ('tags' in c ? c.tags : []));
      await waitFor('every tag', () => heardTags().length >= tags.length);
      assert.ok(b.heard.length > 1, 'split into several messages');
      assert.ok(b.changes().every((c) => 'tags' in c), 'no message fell back to all');
      assert.deepEqual(heardTags(), tags);
    });
  });

  it('carries long Devanagari tag lists too (NOTIFY counts bytes)', async () => {
    await withPair(async (a, b) => {
      const tags = Array.from({ length: 1000 }, (_, i) => `समाचार:${i}`);
      await a.bus.publish({ tags });
      const heardTags = () => b.changes().flatMap((c) => ('tags' in c ? c.tags : []));
      await waitFor('every tag', () => heardTags().length >= tags.length);
      assert.deepEqual(heardTags(), tags);
      assert.deepEqual(a.logs, []);
    });
  });

  it('after its listening connection is killed, B reconnects, hears all once, and hears A again', async () => {
    await withPair(async (a, b) => {
      const listeners = await backends(b.applicationName, true);
      assert.equal(listeners.length, 1, 'one listening connection for B');
      const [killed] = await sql<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [listeners[0]!.pid]);
      assert.equal(killed?.ok, true);
      await waitFor('B to hear all', () => b.heard.length >= 1, 5000);
      assert.deepEqual(b.heard, [{ change: { all: true }, connected: true }], 'all comes once it listens again');
      assert.equal(b.bus.reconnects, 1, 'counted for /metrics');
      assert.equal(a.bus.reconnects, 0);
      assert.ok(b.logs.some((l) => /listening connection lost/.test(l)), b.logs.join('\n'));
      const now = await backends(b.applicationName, true);
      assert.equal(now.length, 1);
      assert.notEqual(now[0]!.pid, listeners[0]!.pid, 'a new connection');

      await a.bus.publish({ tags: ['after'] });
      await waitFor('B to hear A after reconnecting', () => b.heard.length >= 2);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(b.changes(), [{ all: true }, { tags: ['after'] }]);
      assert.deepEqual(a.changes(), [], 'A lost nothing, so hears nothing');
    });
  });

  it('close() ends every connection, stops listening and sending', async () => {
    await withPair(async (a, b) => {
      await b.bus.publish({ tags: ['warm-up'] }); // opens B's sending pool too
      await waitFor('A to hear B', () => a.heard.length >= 1);
      assert.ok((await backends(b.applicationName)).length >= 2, 'listener and sender');
      await b.bus.close();
      assert.equal(b.bus.connected, false);
      await waitForBackends(b.applicationName, 0);
      await b.bus.publish({ tags: ['after close'] }); // ignored, not thrown
      await a.bus.publish({ tags: ['to closed b'] });
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(b.changes(), [], 'a closed bus delivers nothing');
      assert.deepEqual(a.changes(), [{ tags: ['warm-up'] }], 'and sends nothing');
      await b.bus.close(); // twice is harmless
    });
  });

  it('a server it cannot reach: start resolves, it keeps retrying, and close() stops that', async () => {
    const logs: string[] = [];
    const bus = new PostgresBus({ url: 'postgres://postgres@127.0.0.1:1/test', channel: `samachar_test_${RUN}_down`, maxRetryMs: 50, log: (m) => void logs.push(m) });
    await bus.start();
    assert.equal(bus.connected, false);
    assert.match(logs[0] ?? '', /cannot listen yet/);
    await waitFor('a retry', () => logs.length >= 2);
    assert.match(logs[1]!, /reconnect failed/);
    await bus.close();
    const after = logs.length;
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(logs.length <= after + 1, `still retrying after close: ${logs.length - after} more attempts`);
  });

  it('refuses a channel name that is not a plain identifier', () => {
    for (const channel of ['', 'Upper', '1abc', 'a-b', 'a;drop table x', 'x'.repeat(64)]) {
      assert.throws(() => new PostgresBus({ url: TEST_PG_URL, channel, log: () => {} }), /invalid channel/, channel);
    }
  });

  it('leaves no socket open once closed', async () => {
    await waitFor('sockets to close', () => !process.getActiveResourcesInfo().some((r) => r.startsWith('TCP')), 2000);
  });
});

async function waitForBackends(applicationName: string, count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const rows = await backends(applicationName);
    if (rows.length === count) return;
    if (Date.now() > deadline) throw new Error(`${rows.length} connections named ${applicationName}, expected ${count}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
