/**
 * Two Samachar server processes on one PostgreSQL database, live events carried between
 * them by PostgreSQL LISTEN/NOTIFY, and again by Redis pub/sub: posts made through one
 * process reach readers of both, the same events with the same ids, so a reader can
 * resume on either; one reconnecting to the other process with Last-Event-ID misses nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { defineConfig } from '../../src/config.ts';
import { createServices } from '../../src/services.ts';
import { TEST_MEDIA_DIR, TEST_PG_URL } from '../helpers/databases.ts';
import { adminQuery, type ServerProcess, startServer, stopServer } from '../helpers/server-process.ts';
import { openSse, type SseClient } from '../helpers/sse.ts';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const para = (text: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ text }] }] });

for (const bus of ['postgres', 'redis'] as const) {
  describe(`live posts in two processes over ${bus === 'postgres' ? 'PostgreSQL LISTEN/NOTIFY' : 'Redis pub/sub'}`, () => {
    const dbName = `samachar_live_${bus}_${process.pid}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-live-'));
    let a: ServerProcess | undefined;
    let b: ServerProcess | undefined;
    const streams: SseClient[] = [];

    after(async () => {
      for (const s of streams) s.close();
      await Promise.all([stopServer(a), stopServer(b)]);
      fs.rmSync(dataDir, { recursive: true, force: true });
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
    });

    test('both processes deliver the same posts with the same ids; a reader resumes on the other process', async () => {
      await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
      await adminQuery(`CREATE DATABASE ${dbName}`);
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${dbName}`;
      const env: Record<string, string> = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, ...(bus === 'redis' ? { REDIS_URL: TEST_REDIS_URL } : {}) };
      a = await startServer({ ...env, SAMACHAR_DEMO: '1' });
      b = await startServer({ ...env, SAMACHAR_DEMO: '0' });

      const services = await createServices(defineConfig({ database: { dialect: 'postgres', url: url.toString() }, mediaDir: TEST_MEDIA_DIR }), { bus: false });
      let key: string;
      let storyId: number;
      try {
        const { user } = await services.users.create({ email: 'live.admin@example.in', name: 'Live Admin', role: 'admin', password: 'correct horse battery' });
        key = (await services.apiKeys.create(user, { name: 'Live desk', role: 'editor' })).secret;
        storyId = (await services.articles.latest(services.now(), 1))[0]!.id;
      } finally {
        await services.close();
      }
      const api = async (method: string, p: string, json?: unknown) => {
        const res = await fetch(a!.origin + p, { method, headers: { authorization: `Bearer ${key}`, ...(json ? { 'content-type': 'application/json' } : {}) }, ...(json ? { body: JSON.stringify(json) } : {}) });
        assert.ok(res.ok, `${method} ${p}: ${res.status} ${await res.text()}`);
      };
      await api('POST', `/api/v1/admin/stories/${storyId}/live/start`);

      const channel = `c=live:${storyId}`;
      const onA = await openSse(`${a.origin}/live/events?${channel}`);
      const onB = await openSse(`${b.origin}/live/events?${channel}`);
      streams.push(onA, onB);
      const posts = (s: SseClient) => s.events.filter((e) => e.event === 'post');
      const texts = Array.from({ length: 6 }, (_, i) => `अपडेट संख्या ${i + 1}`);
      for (const text of texts.slice(0, 3)) await api('POST', `/api/v1/admin/stories/${storyId}/live/posts`, { kind: 'text', body: para(text) });
      await onB.waitFor('three posts on B', (ev) => ev.filter((e) => e.event === 'post').length >= 3);
      await onA.waitFor('three posts on A', (ev) => ev.filter((e) => e.event === 'post').length >= 3);
      assert.deepEqual(posts(onB), posts(onA), 'the same events, ids and data in both processes');

      // A reader of A drops, three more posts are made, and it reconnects to B.
      const lastId = posts(onA).at(-1)!.id!;
      onA.close();
      for (const text of texts.slice(3)) await api('POST', `/api/v1/admin/stories/${storyId}/live/posts`, { kind: 'text', body: para(text) });
      await onB.waitFor('six posts on B', (ev) => ev.filter((e) => e.event === 'post').length >= 6);
      const resumed = await openSse(`${b.origin}/live/events?${channel}`, { 'last-event-id': lastId });
      streams.push(resumed);
      await resumed.waitFor('the three missed posts', (ev) => ev.filter((e) => e.event === 'post').length >= 3);
      assert.deepEqual(posts(resumed), posts(onB).slice(3), 'exactly the missed posts, in order, nothing else');
      for (const [i, e] of posts(onB).entries()) assert.ok(e.data.includes(texts[i]!), `post ${i + 1} in order`);
    });
  });
}
