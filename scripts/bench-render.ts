/**
 * `npm run bench:render -- --data DIR [--requests 2000] [--sql]`: what one cold render of
 * each reader page costs, in this process, on a site `npm run bench` (or `samachar
 * generate`) made in DIR.
 *
 * For the reference article, other articles, the home page, a section page and a tag page:
 * the number of database queries one render runs (with --sql, their text), and the CPU time
 * per render through `app.inject` with the page cache off. inject skips the socket and HTTP
 * parsing, so these CPU figures sit a little below what `npm run bench` measures over HTTP
 * with wrk; they are for finding where a render's time goes, quickly and repeatably (CPU
 * time of this process, not wall time, so a busy neighbour changes them less).
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    sql: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
if (!values.data) {
  console.error('Usage: npm run bench:render -- --data DIR   (a site made by `npm run bench -- --data DIR`)');
  process.exit(2);
}
const REQUESTS = Number(values.requests);

let queries: { sql: string; ms: number }[] = [];
const config = loadConfig({ ...process.env, DATA_DIR: path.resolve(values.data), SAMACHAR_DEMO: '0', LOG_LEVEL: 'warn' });
const services = await createServices(config, { onQuery: (sql, ms) => queries.push({ sql, ms }), bus: false });
const app = await buildApp(services, { pageCacheBytes: 0 });

const db = new Database(path.join(path.resolve(values.data), 'samachar.db'), { readonly: true });
const articlePaths = (
  db.prepare(`select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' order by a.id desc limit 200`).all() as {
    id: number;
    slug: string;
    section: string;
  }[]
).map((r) => `/${r.section}/${r.slug ? `${r.slug}-` : ''}${r.id}`);
// A tag of middling size: the biggest tags' pages are bounded by their counting, a known cost.
const tag = db.prepare(`select t.slug from tags t join article_tags x on x.tag_id = t.id group by t.id order by count(*) desc limit 1 offset 20`).get() as { slug: string } | undefined;
db.close();
const reference = '/videsh/jinping-se-bole-putin-welcome-dear-friend-1';
const pages: [string, () => string][] = [
  ['reference article', () => reference],
  ['article (200 others, in turn)', (() => {
    let i = 0;
    return () => articlePaths[i++ % articlePaths.length]!;
  })()],
  ['home page', () => '/'],
  ['section page', () => '/videsh'],
  ...(tag ? ([['tag page', () => `/tag/${encodeURIComponent(tag.slug)}`]] as [string, () => string][]) : []),
];

const headers = { 'accept-encoding': 'br, gzip' };
console.log(`Cold renders in process (${os.cpus()[0]?.model ?? ''}), ${REQUESTS} each, page cache off:`);
console.log(`  ${''.padEnd(32)}${'queries'.padStart(9)}${'CPU µs/render'.padStart(16)}`);
for (const [name, next] of pages.filter(([n]) => !values.only || n.startsWith(values.only))) {
  // Warm up: JIT, statement cache, memos.
  for (let i = 0; i < Math.min(300, REQUESTS); i++) await app.inject({ method: 'GET', url: next(), headers });
  queries = [];
  const first = await app.inject({ method: 'GET', url: next(), headers });
  if (first.statusCode !== 200) throw new Error(`${name}: ${first.statusCode}`);
  const perPage = queries.length;
  const sqlText = [...queries];
  const before = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) await app.inject({ method: 'GET', url: next(), headers });
  const used = process.cpuUsage(before);
  const micros = (used.user + used.system) / REQUESTS;
  console.log(`  ${name.padEnd(32)}${String(perPage).padStart(9)}${micros.toFixed(0).padStart(16)}`);
  if (values.sql) for (const q of sqlText) console.log(`    ${q.ms.toFixed(3).padStart(8)} ms  ${q.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
}
await app.close();
await services.close();
