/**
 * The Redis bus against a real server (TEST_REDIS_URL, default redis://127.0.0.1:6379): two
 * buses on one channel play two processes. Every test gets its own channel and closes what
 * it opened.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Change } from '../../domain/changes/change-feed.ts';
import { RedisBus } from './redis-bus.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = `${process.pid}_${randomBytes(4).toString('hex')}`;
let n = 0;

interface Heard {
  readonly change: Change;
  /** Whether the bus said it was subscribed when it delivered. */
  readonly connected: boolean;
}

interface TestBus {
  readonly bus: RedisBus;
  readonly heard: Heard[];
  readonly logs: string[];
  readonly clientName: string;
  changes(): Change[];
}

async function openBus(channel: string, name: string): Promise<TestBus> {
  const heard: Heard[] = [];
  const logs: string[] = [];
  const clientName = `samachar_test_${RUN}_${name}`;
  const bus = new RedisBus({ url: REDIS_URL, channel, clientName, log: (message) => void logs.push(message) });
  bus.onReceive((change) => void heard.push({ change, connected: bus.connected }));
  try {
    await bus.start();
  } catch (err) {
    await bus.close();
    throw err;
  }
  return { bus, heard, logs, clientName, changes: () => heard.map((h) => h.change) };
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

/** One command on a connection of its own (the third client), closed at once. */
async function command(args: string[]): Promise<unknown> {
  const admin = createClient({ url: REDIS_URL });
  admin.on('error', () => {});
  await admin.connect();
  try {
    return await admin.sendCommand(args);
  } finally {
    await admin.close();
  }
}

/** The ids of the connections named `name` (of a type, if given), from CLIENT LIST. */
async function clientIds(name: string, type?: 'pubsub' | 'normal'): Promise<string[]> {
  const list = String(await command(type ? ['CLIENT', 'LIST', 'TYPE', type] : ['CLIENT', 'LIST']));
  return list
    .split('\n')
    .filter((line) => line.split(' ').includes(`name=${name}`))
    .map((line) => /(?:^| )id=(\d+)/.exec(line)?.[1] ?? '')
    .filter(Boolean);
}

describe('RedisBus', () => {
  it('carries a change from A to B, and never back to its sender', async () => {
    await withPair(async (a, b) => {
      await a.bus.publish({ tags: ['article:1', 'section:3', 'समाचार'] });
      await waitFor('B to hear A', () => b.heard.length >= 1);
      // B answers; A hears B's message after its own would have arrived (pub/sub keeps order).
      await b.bus.publish({ tags: ['from-b'] });
      await waitFor('A to hear B', () => a.heard.length >= 1);
      await a.bus.publish({ all: true });
      await waitFor('B to hear A again', () => b.heard.length >= 2);
      assert.deepEqual(b.changes(), [{ tags: ['article:1', 'section:3', 'समाचार'] }, { all: true }]);
      assert.deepEqual(a.changes(), [{ tags: ['from-b'] }]);
      assert.deepEqual([...a.logs, ...b.logs], []);
    });
  });

  it('carries a long tag list whole', async () => {
    await withPair(async (a, b) => {
      const tags = Array.from({ length: 3000 }, (_, i) => `article:${i}`);
      await a.bus.publish({ tags });
      const heardTags = () => b.changes().flatMap((c) => ('tags' in c ? c.tags : []));
      await waitFor('every tag', () => heardTags().length >= tags.length);
      assert.ok(b.changes().every((c) => 'tags' in c), 'no message fell back to all');
      assert.deepEqual(heardTags(), tags);
    });
  });

  it('after its subscriber is killed, B reconnects, hears all once, and hears A again', async () => {
    await withPair(async (a, b) => {
      const [subscriber, ...others] = await clientIds(b.clientName, 'pubsub');
      assert.ok(subscriber, 'B has a subscribed connection');
      assert.deepEqual(others, [], 'just one');
      assert.equal(await command(['CLIENT', 'KILL', 'ID', subscriber]), 1);
      await waitFor('B to hear all', () => b.heard.length >= 1, 5000);
      assert.deepEqual(b.heard, [{ change: { all: true }, connected: true }], 'all comes once it is subscribed again');
      assert.equal(b.bus.reconnects, 1, 'counted for /metrics');
      assert.equal(a.bus.reconnects, 0);
      assert.ok(b.logs.some((l) => /subscriber error/.test(l)), 'the drop is logged');
      const now = await clientIds(b.clientName, 'pubsub');
      assert.equal(now.length, 1);
      assert.notEqual(now[0], subscriber, 'a new connection');

      await a.bus.publish({ tags: ['after'] });
      await waitFor('B to hear A after reconnecting', () => b.heard.length >= 2);
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(b.changes(), [{ all: true }, { tags: ['after'] }]);
      assert.deepEqual(a.changes(), [], 'A lost nothing, so hears nothing');
    });
  });

  it('close() ends both connections and stops delivering and sending', async () => {
    await withPair(async (a, b) => {
      await b.bus.publish({ tags: ['warm-up'] });
      await waitFor('A to hear B', () => a.heard.length >= 1);
      assert.equal((await clientIds(b.clientName)).length, 2, 'publisher and subscriber');
      await b.bus.close();
      assert.equal(b.bus.connected, false);
      const deadline = Date.now() + 2000;
      while ((await clientIds(b.clientName)).length > 0) {
        assert.ok(Date.now() < deadline, 'B\'s connections are gone');
        await new Promise((r) => setTimeout(r, 20));
      }
      await b.bus.publish({ tags: ['after close'] }); // ignored, not thrown
      await a.bus.publish({ tags: ['to closed b'] });
      await new Promise((r) => setTimeout(r, 200));
      assert.deepEqual(b.changes(), [], 'a closed bus delivers nothing');
      assert.deepEqual(a.changes(), [{ tags: ['warm-up'] }], 'and sends nothing');
      await b.bus.close(); // twice is harmless
    });
  });

  it('leaves no socket open once closed', async () => {
    await waitFor('sockets to close', () => !process.getActiveResourcesInfo().some((r) => r.startsWith('TCP')), 2000);
  });
});
