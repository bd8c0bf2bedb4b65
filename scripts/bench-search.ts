/**
 * `npm run bench:search`: search speed on a generated site (a benchmark, not a test).
 * For SQLite and PostgreSQL: a fresh database with the demo site and N generated stories
 * (default 100,000, seed 42: what `samachar generate --articles N` makes; src/generate/), a
 * full reindex (timed, with a progress bar), then the evaluation's queries and generated ones through the search service (the
 * whole reader search: candidates, ranking, snippets, summaries), printing p50 and p95.
 *
 *   npm run bench:search -- [--articles N] [--queries N] [--dialect sqlite|postgres|both] [--keep]
 *
 * --keep (for large sizes, e.g. --articles 1000000): generate once and reuse. SQLite keeps its
 * file at $TMPDIR/samachar-bench-N.db, PostgreSQL its database samachar_bench_N; a later run
 * with the same N skips generating (the reindex is still timed). Drop them by hand when done.
 * Also printed: the index's size on disk (search tables and their indexes).
 *
 * PostgreSQL is at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); the
 * benchmark creates its own database there and drops it afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { progressBar } from '../src/cli/progress-bar.ts';
import { defineConfig } from '../src/config.ts';
import { loadDemo } from '../src/demo/demo-service.ts';
import { random } from '../src/generate/generate.ts';
import { generateSite, settleDatabase } from '../src/generate/generate-service.ts';
import { evalCorpus } from '../src/search/eval/corpus.ts';
import { JUDGMENTS } from '../src/search/eval/judgments.ts';
import { createServices, type Services } from '../src/services.ts';
import type { Dialect } from '../src/storage/connect.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '300' },
    dialect: { type: 'string', default: 'both' },
    keep: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const KEEP = values.keep === true;
const QUERIES = Number(values.queries);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const NOW = new Date('2023-03-22T09:00:00+05:30');

interface Result {
  dialect: Dialect;
  generateSeconds: number;
  reindexSeconds: number;
  indexed: number;
  p50: number;
  p95: number;
  max: number;
  suggestP50: number;
  suggestP95: number;
  queries: number;
  /** Bytes of the search tables and their indexes. */
  indexBytes: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The queries: every judged query, then generated ones (headline words, romanized, typos, single words). */
function queryList(count: number): string[] {
  const next = random(7);
  const docs = evalCorpus();
  const out = JUDGMENTS.map((j) => j.q);
  while (out.length < count) {
    const doc = docs[Math.floor(next() * docs.length)]!;
    const words = doc.headline.split(/[\s,‘’'-]+/).filter((w) => w.length > 2);
    const start = Math.floor(next() * Math.max(1, words.length - 2));
    const n = 1 + Math.floor(next() * 3);
    out.push(words.slice(start, start + n).join(' '));
  }
  return out.slice(0, count);
}

async function openDatabase(dialect: Dialect): Promise<{ services: Services; cleanup: () => Promise<void>; reused: boolean }> {
  if (dialect === 'sqlite') {
    const dir = KEEP ? os.tmpdir() : fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-bench-'));
    const file = path.join(dir, KEEP ? `samachar-bench-${ARTICLES}.db` : 'bench.db');
    const reused = KEEP && fs.existsSync(file);
    const config = defineConfig({ database: { dialect, sqlitePath: file }, mediaDir: path.join(os.tmpdir(), 'samachar-eval-media') });
    const services = await createServices(config, { now: () => NOW });
    return {
      services,
      reused,
      cleanup: async () => {
        await services.close();
        if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = KEEP ? `samachar_bench_${ARTICLES}` : `samachar_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const exists = KEEP && (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const config = defineConfig({ database: { dialect, url: url.toString() }, mediaDir: path.join(os.tmpdir(), 'samachar-eval-media') });
  const services = await createServices(config, { now: () => NOW, maxConnections: 4 });
  return {
    services,
    reused: exists,
    cleanup: async () => {
      await services.close();
      if (KEEP) return;
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name}`);
      await a.end();
    },
  };
}

/** Size of the search index on disk: SQLite through dbstat, PostgreSQL through pg_total_relation_size. */
async function indexBytes(services: Services, dialect: Dialect): Promise<number> {
  try {
    if (dialect === 'sqlite') {
      const r = await sql<{ n: number }>`select coalesce(sum(pgsize), 0) as n from dbstat where name like 'search%' or name like 'sqlite_autoindex_search%'`.execute(services.storage.db);
      return Number(r.rows[0]?.n ?? 0);
    }
    const r = await sql<{ n: string }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0) as n from pg_class c where c.relkind = 'r' and c.relname like 'search%'`.execute(services.storage.db);
    return Number(r.rows[0]?.n ?? 0);
  } catch {
    return 0;
  }
}

async function bench(dialect: Dialect): Promise<Result> {
  const { services, cleanup, reused } = await openDatabase(dialect);
  try {
    let started = performance.now();
    if (!reused) {
      await loadDemo(services);
      const bar = progressBar(`${dialect}: generating ${ARTICLES} stories`);
      // The search index is rebuilt below, timed on its own.
      await generateSite(services, { articles: ARTICLES, seed: 42, end: NOW, index: false, onProgress: bar.update });
      bar.done();
    }
    const generateSeconds = reused ? 0 : (performance.now() - started) / 1000;

    started = performance.now();
    const reindexBar = progressBar(`${dialect}: reindexing`);
    const report = await services.search.reindex({ fresh: true, onProgress: reindexBar.update });
    reindexBar.done();
    const reindexSeconds = (performance.now() - started) / 1000;
    await settleDatabase(services);

    const queries = queryList(QUERIES);
    for (const q of queries.slice(0, 30)) await services.search.search({ q });
    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      await services.search.search({ q });
      times.push(performance.now() - t0);
    }
    const suggestTimes: number[] = [];
    for (const q of queries.slice(0, 100)) {
      const partial = q.slice(0, Math.max(2, Math.ceil(q.length * 0.7)));
      const t0 = performance.now();
      await services.search.suggest(partial);
      suggestTimes.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    suggestTimes.sort((a, b) => a - b);
    return {
      dialect,
      generateSeconds,
      reindexSeconds,
      indexed: report.indexed,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1) ?? 0,
      suggestP50: percentile(suggestTimes, 50),
      suggestP95: percentile(suggestTimes, 95),
      queries: times.length,
      indexBytes: await indexBytes(services, dialect),
    };
  } finally {
    await cleanup();
  }
}

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const dialects: Dialect[] = values.dialect === 'both' ? ['sqlite', 'postgres'] : [values.dialect as Dialect];
const results: Result[] = [];
for (const dialect of dialects) {
  if (dialect === 'postgres' && !(await postgresReachable())) {
    console.log(`PostgreSQL is not reachable at ${PG_URL}: skipped.`);
    continue;
  }
  results.push(await bench(dialect));
}

console.log(`\nSearch benchmark: ${ARTICLES} generated stories + the demo site, ${QUERIES} queries (search page: candidates, ranking, snippets)`);
console.log(`  ${'database'.padEnd(10)}${'stories'.padStart(9)}${'generate'.padStart(10)}${'reindex'.padStart(10)}${'index'.padStart(10)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'suggest p50'.padStart(13)}${'p95'.padStart(8)}`);
for (const r of results) {
  const ms = (x: number) => `${x.toFixed(1)}ms`;
  const mb = `${(r.indexBytes / 1e6).toFixed(0)}MB`;
  console.log(`  ${r.dialect.padEnd(10)}${String(r.indexed).padStart(9)}${(r.generateSeconds ? `${r.generateSeconds.toFixed(1)}s` : 'reused').padStart(10)}${`${r.reindexSeconds.toFixed(1)}s`.padStart(10)}${mb.padStart(10)}${ms(r.p50).padStart(9)}${ms(r.p95).padStart(9)}${ms(r.max).padStart(9)}${ms(r.suggestP50).padStart(13)}${ms(r.suggestP95).padStart(8)}`);
}
// Issue 16's targets (meant at a million stories): search p95 ≤ 25 ms, suggestions p95 ≤ 10 ms, reindex ≤ 15 minutes.
console.log('\nTargets: search p95 ≤ 25 ms and suggestions p95 ≤ 10 ms on each database; full reindex ≤ 15 minutes.');
for (const r of results) {
  if (r.p95 > 25) console.log(`  ${r.dialect}: search p95 ${r.p95.toFixed(1)} ms is over the target.`);
  if (r.suggestP95 > 10) console.log(`  ${r.dialect}: suggestions p95 ${r.suggestP95.toFixed(1)} ms is over the target.`);
  if (r.reindexSeconds > 900) console.log(`  ${r.dialect}: reindex ${(r.reindexSeconds / 60).toFixed(1)} minutes is over the target.`);
}
