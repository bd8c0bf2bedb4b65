/**
 * `npm run bench:live`: live-blog fan-out at the peak.
 *
 *   npm run bench:live -- [--readers 5000] [--posts 100] [--interval-ms 100]
 *
 * Starts Samachar server processes (`samachar serve`, the demo site) on a fresh PostgreSQL
 * database, makes one story a live blog, and opens --readers SSE streams (/live/events),
 * then publishes --posts posts through the integration API of process A, one every
 * --interval-ms. Run 1: every reader on one process. Run 2: two processes, half the
 * readers on each, posts through A (B hears them over the bus: PostgreSQL NOTIFY, or Redis
 * with REDIS_URL set). For each run it prints the delivery latency (from sending the post's
 * request to a reader reading it) p50/p99/max over every reader and post, readers that
 * missed a post, the servers' RSS with the readers connected, and checks the cached story
 * page shows each post right after it is made (the page cache is purged on each post).
 *
 * Target: p99 ≤ 1 s. Exits 1 when a reader missed a post or a page was stale. The readers
 * run in this process, on the same machine: on a shared, loaded machine the figures are
 * noisy and include the readers' own CPU.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defineConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import { TEST_MEDIA_DIR, TEST_PG_URL } from '../test/helpers/databases.ts';
import { adminQuery, type ServerProcess, startServer, stopServer } from '../test/helpers/server-process.ts';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '5000' },
    posts: { type: 'string', default: '100' },
    'interval-ms': { type: 'string', default: '100' },
  },
});
const READERS = Number(values.readers);
const POSTS = Number(values.posts);
const INTERVAL_MS = Number(values['interval-ms']);

function rssMb(server: ServerProcess): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Reader {
  readonly seen: Map<number, number>;
  close(): void;
}

/** One SSE reader: notes when each bench post (marked `bench-<n>-`) first arrives. */
function openReader(url: string): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const seen = new Map<number, number>();
    const req = http.get(url, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.now();
        for (const m of chunk.matchAll(/bench-(\d+)-/g)) if (!seen.has(Number(m[1]))) seen.set(Number(m[1]), now);
      });
      res.on('error', () => {});
      resolve({ seen, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

async function openReaders(origins: readonly string[], storyId: number, count: number): Promise<Reader[]> {
  const readers: Reader[] = [];
  // In batches: thousands of connects at once would only measure the listen backlog.
  for (let i = 0; i < count; i += 200) {
    const batch = Array.from({ length: Math.min(200, count - i) }, (_, j) => openReader(`${origins[(i + j) % origins.length]}/live/events?c=live:${storyId}`));
    readers.push(...(await Promise.all(batch)));
  }
  return readers;
}

async function run(label: string, servers: readonly ServerProcess[], key: string, storyId: number, pagePath: string): Promise<boolean> {
  const writer = servers[0]!;
  const api = async (method: string, p: string, json?: unknown) => {
    const res = await fetch(writer.origin + p, { method, headers: { authorization: `Bearer ${key}`, ...(json ? { 'content-type': 'application/json' } : {}) }, ...(json ? { body: JSON.stringify(json) } : {}) });
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  };
  await api('POST', `/api/v1/admin/stories/${storyId}/live/start`);
  const readers = await openReaders(servers.map((s) => s.origin), storyId, READERS);
  const rssConnected = servers.map(rssMb);
  const sentAt: number[] = [];
  let stalePages = 0;
  const tag = Date.now().toString(36);
  for (let n = 0; n < POSTS; n++) {
    sentAt[n] = performance.now();
    await api('POST', `/api/v1/admin/stories/${storyId}/live/posts`, { kind: 'text', body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: `bench-${n}-${tag} लाइव अपडेट संख्या ${n + 1}` }] }] } });
    // The post's own process purged its cached page before answering.
    if (!(await (await fetch(writer.origin + pagePath)).text()).includes(`bench-${n}-${tag}`)) stalePages++;
    await new Promise((r) => setTimeout(r, INTERVAL_MS));
  }
  // Let the last posts arrive (at most 5 s).
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && readers.some((r) => r.seen.size < POSTS)) await new Promise((r) => setTimeout(r, 50));
  const latencies: number[] = [];
  let missed = 0;
  for (const r of readers) {
    for (let n = 0; n < POSTS; n++) {
      const at = r.seen.get(n);
      if (at === undefined) missed++;
      else latencies.push(at - sentAt[n]!);
    }
  }
  latencies.sort((x, y) => x - y);
  const rssAfter = servers.map(rssMb);
  for (const r of readers) r.close();
  await api('POST', `/api/v1/admin/stories/${storyId}/live/end`);
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(`\n${label}: ${READERS} readers, ${POSTS} posts every ${INTERVAL_MS} ms`);
  console.log(`  delivery latency p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)} (target p99 ≤ 1000 ms)`);
  console.log(`  deliveries ${latencies.length}, missed ${missed}; cached page stale after a post: ${stalePages}`);
  console.log(`  server RSS with readers connected: ${rssConnected.map((v) => `${v} MB`).join(' + ')}; after the posts: ${rssAfter.map((v) => `${v} MB`).join(' + ')}`);
  return missed === 0 && stalePages === 0;
}

const dbName = `samachar_bench_live_${process.pid}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-bench-live-'));
const servers: ServerProcess[] = [];
let ok = false;
try {
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
  await adminQuery(`CREATE DATABASE ${dbName}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${dbName}`;
  const env: Record<string, string> = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, LIVE_MAX_CONNECTIONS: String(READERS + 100), ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}) };
  servers.push(await startServer({ ...env, SAMACHAR_DEMO: '1' }));
  const services = await createServices(defineConfig({ database: { dialect: 'postgres', url: url.toString() }, mediaDir: TEST_MEDIA_DIR }), { bus: false });
  // One key per run: a run makes ~100 posts in ten seconds, close to a key's limit of
  // 120 requests a minute, so the second run's posts would be refused with 429.
  const keys: string[] = [];
  let storyId: number;
  let pagePath: string;
  try {
    const { user } = await services.users.create({ email: 'bench.live@example.in', name: 'Bench', role: 'admin', password: 'correct horse battery' });
    for (const name of ['bench one process', 'bench two processes']) keys.push((await services.apiKeys.create(user, { name, role: 'editor' })).secret);
    const story = (await services.articles.latest(services.now(), 1))[0]!;
    storyId = story.id;
    pagePath = `/${story.section.slug}/${story.slug}-${story.id}`;
  } finally {
    await services.close();
  }
  const one = await run('one process', servers, keys[0]!, storyId, pagePath);
  servers.push(await startServer({ ...env, SAMACHAR_DEMO: '0' }));
  const two = await run(`two processes over ${process.env.REDIS_URL ? 'Redis' : 'PostgreSQL NOTIFY'}`, servers, keys[1]!, storyId, pagePath);
  ok = one && two;
} finally {
  await Promise.all(servers.map((s) => stopServer(s)));
  fs.rmSync(dataDir, { recursive: true, force: true });
  await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`).catch(() => {});
}
process.exit(ok ? 0 : 1);
