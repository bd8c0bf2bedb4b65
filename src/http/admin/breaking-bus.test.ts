/**
 * The banner across processes (issue 15 point 3: "on every page within a second"): two
 * apps on one PostgreSQL schema, purges carried by PostgreSQL LISTEN/NOTIFY and by Redis
 * pub/sub. A page cached by the second app shows a banner set through the first, and
 * stops showing it when the first clears it, each within a second.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import { createServices, type Services } from '../../services.ts';
import { openTestServices, TEST_NOW, type TestServices } from '../../../test/helpers/databases.ts';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BANNER = 'दूसरी प्रक्रिया तक पहुंची ब्रेकिंग खबर';

/** Polls `check` until it holds or `ms` pass; the time it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return Date.now() - started;
}

for (const bus of ['postgres', 'redis'] as const) {
  describe(`breaking banner across processes (${bus} bus)`, () => {
    let first: TestServices;
    let second: Services;
    let appA: FastifyInstance, appB: FastifyInstance;

    before(async () => {
      first = await openTestServices('postgres', bus === 'redis' ? { redisUrl: TEST_REDIS_URL } : {});
      await loadDemo(first.services);
      second = await createServices(first.database.config, { schema: first.database.schema!, now: () => TEST_NOW, maxConnections: 4 });
      [appA, appB] = await Promise.all([buildApp(first.services), buildApp(second)]);
    });
    after(async () => {
      await appA?.close();
      await appB?.close();
      await second?.close();
      await first?.close();
    });

    test('set through one process, shown and cleared on the other within a second', async () => {
      const read = async () => appB.inject({ method: 'GET', url: '/' });
      await read();
      assert.equal((await read()).headers['x-cache'], 'HIT');
      await first.services.breaking.set({ text: BANNER });
      assert.ok((await appA.inject({ method: 'GET', url: '/' })).body.includes(BANNER), 'at once in the process that set it');
      await within(1000, async () => (await read()).body.includes(BANNER));
      await read();
      assert.equal((await read()).headers['x-cache'], 'HIT', 'still cached on the other process');
      await first.services.breaking.clear();
      await within(1000, async () => !(await read()).body.includes(BANNER));
    });
  });
}
