/**
 * Times every sitemap page rendered afresh (no page cache) on an existing site, e.g. after
 * `samachar generate --articles 100000`:
 *
 *   DATA_DIR=/tmp/big npx tsx scripts/bench-sitemaps.ts [--rounds 5] [--no-migrate]
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-sitemaps.ts
 *
 * Reads the environment like the server (src/config.ts). For each page: the best and the
 * median of the rounds, in milliseconds from request to last byte (app.inject, so no
 * network), the median CPU time of this process (on SQLite the query runs in it too; a
 * loaded machine stretches wall time, CPU time much less), and its size. A machine shared with other work gives noisy numbers: look at the
 * best of several rounds.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';

// --no-migrate: time a site made by an older checkout as it is (only reads run here).
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, 'no-migrate': { type: 'boolean', default: false } } });
const rounds = Math.max(1, Number(values.rounds));

const services = await createServices(loadConfig(), { bus: false, migrate: !values['no-migrate'] });
const app = await buildApp(services, { pageCacheBytes: 0 });
try {
  const index = await app.inject({ method: 'GET', url: '/sitemap.xml' });
  const origin = services.config.siteUrl.replace(/\/+$/, '');
  const pages = ['/sitemap.xml', '/news-sitemap.xml', ...[...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(origin.length))];
  const rows: { url: string; best: number; median: number; cpu: number; urls: number; kb: number }[] = [];
  for (const url of pages) {
    const times: number[] = [];
    const cpu: number[] = [];
    let body = '';
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpuStarted);
      cpu.push((used.user + used.system) / 1000);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      body = res.body;
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    rows.push({ url, best: times[0]!, median: times[Math.floor(times.length / 2)]!, cpu: cpu[Math.floor(cpu.length / 2)]!, urls: (body.match(/<loc>/g) ?? []).length, kb: Buffer.byteLength(body) / 1024 });
  }
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  console.log(`${'page'.padEnd(44)}  best ms  median  cpu ms  <loc>s      KB`);
  for (const r of rows) console.log(`${r.url.padEnd(44)}${fmt(r.best)}${fmt(r.median)}${fmt(r.cpu)}${String(r.urls).padStart(8)}${fmt(r.kb)}`);
  const stories = rows.filter((r) => r.url.includes('/stories-'));
  const worst = (xs: typeof rows, key: 'best' | 'median' | 'cpu') => Math.max(...xs.map((x) => x[key]));
  console.log(`\n${stories.length} story sitemaps: slowest best ${worst(stories, 'best').toFixed(1)} ms, slowest median ${worst(stories, 'median').toFixed(1)} ms, slowest median CPU ${worst(stories, 'cpu').toFixed(1)} ms; all pages: slowest best ${worst(rows, 'best').toFixed(1)} ms`);
} finally {
  await app.close();
  await services.close();
}
