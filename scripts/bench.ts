/**
 * `npm run bench`: Samachar's reader site against a bare node:http server, in one run.
 *
 *   npm run bench -- [--articles 100000] [--seconds 10] [--connections 10] [--data DIR] [--soak 600]
 *
 * 1. A generated site (`samachar generate --articles N`) on SQLite in DIR (kept with
 *    --data, so a second run skips generating).
 * 2. The built server (dist/main.js, at the settings `npm start` uses: LOG_LEVEL=info,
 *    the same Node flags) and a bare node:http server that answers every request with the
 *    bytes Samachar sends for the reference article (brotli, same headers), each pinned to
 *    CPU 0 while this process and the load generator use CPU 1.
 * 3. wrk (C, one thread, 50 connections; Debian's `wrk` package) over 127.0.0.1: cached
 *    article, home and section pages (from the page cache), then with the cache off, a
 *    different article every request, the home page, a section page. Without wrk it falls
 *    back to autocannon with a warning: autocannon saturates its one CPU near 33,000
 *    requests/s, below what bare node:http serves, so it cannot show the ratio.
 * 4. Requests/s, p50 and p99, the ratio to bare, the CPU the server used during each run
 *    (from /proc: a run where the bare server did not reach 90% of its CPU means the
 *    generator was the limit, and the benchmark says so), CPU time per request for the cold
 *    renders (1000 / requests per second at a saturated CPU), and the server's RSS at
 *    start, peak (VmHWM) and end.
 *
 * 5. Queries and CPU per cold render of each page type, in process (scripts/bench-render.ts).
 * 6. With --soak S: S seconds of mixed reads (stories, front and section pages, searches)
 *    with comments posted meanwhile, and the server's RSS at start, peak and end, and per
 *    minute: memory that still grows in the second half is reported.
 *
 * Numbers from a shared machine vary between runs; the ratios, measured minutes apart in
 * one run, are what to compare.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    data: { type: 'string' },
    soak: { type: 'string', default: '0' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const SOAK_SECONDS = Number(values.soak);
const ROOT = path.resolve(import.meta.dirname, '..');
const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (err) {
    // wrk --version exits 1 after printing its version; only a missing binary throws ENOENT.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  }
})();
const hasTaskset = (() => {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return os.availableParallelism() >= 2;
  } catch {
    return false;
  }
})();

/** Runs `argv` pinned to one CPU when the machine has two or more. */
function pinned(cpu: number, argv: string[]): [string, string[]] {
  return hasTaskset ? ['taskset', ['-c', String(cpu), ...argv]] : [argv[0]!, argv.slice(1)];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Server {
  readonly origin: string;
  readonly child: ChildProcess;
}

async function waitFor(origin: string, child: ChildProcess, what: string): Promise<void> {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/`)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not answer within 120 s`);
}

async function startSamachar(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  // The same flags as `npm start` (package.json): a small young generation keeps peak memory down.
  const [cmd, args] = pinned(0, [process.execPath, '--max-semi-space-size=4', path.join(ROOT, 'dist/main.js'), 'serve']);
  const child = spawn(cmd, args, {
    cwd: ROOT,
    // npm start's settings: LOG_LEVEL is left at its default, as a new site runs.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SAMACHAR_DEMO: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child, 'Samachar');
  return { origin, child };
}

async function startBare(bodyFile: string, headersFile: string): Promise<Server> {
  const port = await freePort();
  const [cmd, args] = pinned(0, [process.execPath, path.join(ROOT, 'scripts/bench-bare-server.mjs'), String(port), bodyFile, headersFile]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(origin, child, 'the bare server');
  return { origin, child };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

/** Peak resident memory of a process and its children (taskset execs, so the pid is node's). */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** One GET over node:http: status, raw body bytes (still compressed) and headers. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; body: Buffer; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: out });
        });
      })
      .on('error', reject);
  });
}

interface Result {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Share of one CPU the server used during the run (0–1), from /proc. */
  cpu?: number;
}

/** CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / CLK_TCK;
}
const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** A wrk Lua script that sends each request to the next of `paths` (cache-miss runs). */
function wrkPathsScript(paths: readonly string[]): string {
  const file = path.join(os.tmpdir(), `samachar-bench-paths-${process.pid}.lua`);
  const list = paths.slice(0, 50_000).map((p) => `"${p.replace(/[^a-z0-9/-]/g, '')}"`).join(',\n');
  fs.writeFileSync(file, `local paths = {\n${list}\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`);
  return file;
}

/** Parses wrk's report (--latency): requests/s, percentiles and errors. */
function parseWrk(name: string, out: string): Result {
  const ms = (v: string | undefined) => {
    const m = /([\d.]+)(us|ms|s)/.exec(v ?? '');
    if (!m) return NaN;
    const x = Number(m[1]);
    return m[2] === 'us' ? x / 1000 : m[2] === 's' ? x * 1000 : x;
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p50 = ms(/\s50%\s+(\S+)/.exec(out)?.[1]);
  const p99 = ms(/\s99%\s+(\S+)/.exec(out)?.[1]);
  const mean = ms(/Latency\s+(\S+)/.exec(out)?.[1]);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const e = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = e ? Number(e[1]) + Number(e[2]) + Number(e[3]) + Number(e[4]) : 0;
  if (!Number.isFinite(rps)) throw new Error(`could not read wrk's report:\n${out}`);
  return { name, rps, p50, p99, mean, non2xx, errors };
}

function runWrk(url: string, seconds: number, connections: number, headers: Record<string, string>, script?: string): Promise<string> {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), ...(script ? ['-s', script] : []), url];
  const [cmd, argv] = pinned(1, ['wrk', ...args]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}:\n${out}`))));
  });
}

async function drive(name: string, server: Server, options: { path?: string; paths?: readonly string[]; connections?: number; headers?: Record<string, string> }): Promise<Result> {
  const origin = server.origin;
  const headers = { 'accept-encoding': 'br, gzip', ...options.headers };
  if (hasWrk) {
    const script = options.paths ? wrkPathsScript(options.paths) : undefined;
    const url = origin + (options.path ?? '/');
    // A short run first, unrecorded: both servers reach steady state (JIT, pools).
    await runWrk(url, 2, options.connections ?? CONNECTIONS, headers, script);
    const before = cpuSeconds(server.child.pid!);
    const started = performance.now();
    const result = parseWrk(name, await runWrk(url, SECONDS, options.connections ?? CONNECTIONS, headers, script));
    result.cpu = (cpuSeconds(server.child.pid!) - before) / ((performance.now() - started) / 1000);
    return result;
  }
  return driveAutocannon(name, server, { ...options, headers });
}

let cursor = 0;
async function driveAutocannon(name: string, server: Server, options: { path?: string; paths?: readonly string[]; connections?: number; headers: Record<string, string> }): Promise<Result> {
  const origin = server.origin;
  const { headers } = options;
  const all = options.paths;
  const next = all ? () => all[cursor++ % all.length]! : undefined;
  // A short run first, unrecorded: both servers and autocannon reach steady state (JIT, pools).
  await autocannon({ url: origin, connections: options.connections ?? CONNECTIONS, duration: 2, headers, requests: [next ? { method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) } : { method: 'GET', path: options.path ?? '/' }] });
  const before = cpuSeconds(server.child.pid!);
  const started = performance.now();
  const result = await autocannon({
    url: origin,
    connections: options.connections ?? CONNECTIONS,
    duration: SECONDS,
    headers,
    requests: [next ? { method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) } : { method: 'GET', path: options.path ?? '/' }],
  });
  const cpu = (cpuSeconds(server.child.pid!) - before) / ((performance.now() - started) / 1000);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, non2xx: result.non2xx, errors: result.errors, cpu };
}

/** A wrk Lua script cycling through `paths` as given (query strings and %-escapes kept). */
function wrkMixScript(paths: readonly string[]): string {
  const file = path.join(os.tmpdir(), `samachar-bench-mix-${process.pid}.lua`);
  const list = paths.map((p) => `"${p.replace(/[\\"]/g, '')}"`).join(',\n');
  fs.writeFileSync(file, `local paths = {\n${list}\n}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend\n`);
  return file;
}

/**
 * The soak: mixed reads (stories, front and section pages, searches) from wrk for `seconds`
 * while this process posts comments as readers' browsers do (a form token, the wait the
 * form asks for, then the post, each from its own address through TRUST_PROXY), sampling
 * the server's RSS every 5 s. Memory that grows through the second half is a leak.
 */
interface SoakResult {
  readonly lines: string[];
  readonly peakMb: number;
  /** Highest RSS in the second half over the first half's highest. */
  readonly growth: number;
}

async function soak(dataDir: string, seconds: number, stories: readonly { id: number; path: string }[], searches: readonly string[]): Promise<SoakResult> {
  const server = await startSamachar(dataDir, { TRUST_PROXY: '1' });
  const pid = server.child.pid!;
  const mix: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const r = i % 10;
    mix.push(r < 6 ? stories[(i * 7919) % stories.length]!.path : r === 6 ? '/' : r === 7 ? ['/videsh', '/desh', '/khel', '/business'][i % 4]! : `/search?q=${encodeURIComponent(searches[i % searches.length]!)}`);
  }
  const samples: { t: number; mb: number }[] = [{ t: 0, mb: rssMb(pid) }];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) }), 5000);
  let posted = 0;
  let refused = 0;
  let done = false;
  let ip = 0;
  const poster = async () => {
    while (!done) {
      const story = stories[Math.floor(Math.random() * stories.length)]!;
      ip++;
      const headers = { 'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`, accept: 'application/json' };
      try {
        const tokenRes = await fetch(`${server.origin}/api/comments/token?article=${story.id}`, { headers });
        const { token, minSeconds } = (await tokenRes.json()) as { token: string; minSeconds: number };
        await new Promise((resolve) => setTimeout(resolve, (minSeconds + 0.5) * 1000));
        const body = new URLSearchParams({ comment: `सोक टेस्ट टिप्पणी ${ip}: बहुत अच्छी खबर`, author: 'पाठक', email: `soak.${process.pid}.${ip}@example.in`, url: '', token });
        const res = await fetch(`${server.origin}${story.path}/comments`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body });
        if (res.status < 400) posted++;
        else refused++;
        await res.arrayBuffer();
      } catch {
        refused++;
      }
    }
  };
  const posters = Array.from({ length: 8 }, () => poster());
  const out = await runWrk(server.origin + '/', seconds, 20, { 'accept-encoding': 'br, gzip' }, wrkMixScript(mix));
  done = true;
  clearInterval(sampler);
  await Promise.all(posters);
  samples.push({ t: (performance.now() - started) / 1000, mb: rssMb(pid) });
  const peak = peakRssMb(pid);
  await stop(server);
  const reads = parseWrk('soak', out);
  const half = samples.filter((x) => x.t >= seconds / 2);
  const firstHalfPeak = Math.max(...samples.filter((x) => x.t < seconds / 2).map((x) => x.mb));
  const secondHalfPeak = Math.max(...half.map((x) => x.mb));
  const lines = [
    `Soak, ${seconds} s: ${reads.rps.toFixed(0)} reads/s (stories, front and section pages, searches; ${reads.non2xx} non-2xx, ${reads.errors} errors), ${posted} comments posted (${refused} refused)`,
    `  RSS: ${samples[0]!.mb.toFixed(0)} MB at start, ${peak.toFixed(0)} MB peak, ${samples[samples.length - 1]!.mb.toFixed(0)} MB at the end; highest in the first half ${firstHalfPeak.toFixed(0)} MB, in the second ${secondHalfPeak.toFixed(0)} MB`,
    `  RSS every minute (MB): ${samples.filter((_, i) => i % 12 === 0).map((x) => x.mb.toFixed(0)).join(' ')}`,
  ];
  return { lines, peakMb: peak, growth: secondHalfPeak / firstHalfPeak };
}

/** Search words for the soak: the first two words of some headlines, as readers type what they saw. */
function searchesFrom(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  const headlines = db.prepare(`select headline from articles where status = 'published' order by id desc limit 400`).all() as { headline: string }[];
  db.close();
  return headlines.filter((_, i) => i % 8 === 0).map((h) => h.headline.split(/\s+/).slice(0, 2).join(' '));
}

async function main(): Promise<void> {
  if (hasTaskset) execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const dataDir = values.data ? path.resolve(values.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-bench-'));
  const dbFile = path.join(dataDir, 'samachar.db');

  console.log('Building dist/main.js …');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });

  const existing = fs.existsSync(dbFile) ? (new Database(dbFile, { readonly: true }).prepare('select count(*) as n from articles').get() as { n: number }).n : 0;
  if (existing < ARTICLES) {
    console.log(`Generating ${ARTICLES} articles in ${dataDir} …`);
    execFileSync(process.execPath, [path.join(ROOT, 'dist/main.js'), 'generate', '--articles', String(ARTICLES - existing)], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
  } else console.log(`Using the ${existing} articles already in ${dataDir}.`);

  // Addresses of public stories, for the cache-miss runs (every request another story).
  const db = new Database(dbFile, { readonly: true });
  const rows = db
    .prepare(`select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id where a.status = 'published' order by a.id desc limit 200000`)
    .all() as { id: number; slug: string; section: string }[];
  db.close();
  const paths = rows.map((r) => `/${r.section}/${r.slug ? `${r.slug}-` : ''}${r.id}`);
  const reference = '/videsh/jinping-se-bole-putin-welcome-dear-friend-1';
  const section = '/videsh';

  const results: Result[] = [];
  const peak: Record<string, number> = {};

  // Samachar with its page cache.
  let server = await startSamachar(dataDir);
  // node:http, not fetch: fetch would inflate the brotli body, and the bare server must send
  // exactly the bytes Samachar sends.
  const { status, body, headers } = await rawGet(server.origin + reference, { 'accept-encoding': 'br' });
  if (status !== 200 || headers['content-encoding'] !== 'br') throw new Error(`the reference article answered ${status} (${headers['content-encoding'] ?? 'no'} encoding)`);
  for (const k of ['date', 'connection', 'keep-alive', 'transfer-encoding', 'x-cache']) delete headers[k];
  const bodyFile = path.join(dataDir, 'bench-body.br');
  const headersFile = path.join(dataDir, 'bench-headers.json');
  fs.writeFileSync(bodyFile, body);
  fs.writeFileSync(headersFile, JSON.stringify(headers));

  const bare = await startBare(bodyFile, headersFile);
  const same = await rawGet(bare.origin + reference, { 'accept-encoding': 'br' });
  if (!same.body.equals(body)) throw new Error('the bare server does not send the bytes Samachar sends');
  if (!hasWrk) console.warn('WARNING: wrk is not installed (apt-get install -y wrk): falling back to autocannon, which saturates its one CPU below what bare node:http serves; the ratios below cannot show a server faster than the client.');
  const generator = hasWrk ? 'wrk (1 thread)' : 'autocannon';
  console.log(`Driving each for ${SECONDS} s with ${CONNECTIONS} connections, ${generator}${hasTaskset ? ' (servers on CPU 0, the generator on CPU 1)' : ' (WARNING: no taskset or one CPU: server and generator share CPUs)'} …`);
  // Bare and cached, twice each, alternating, so a noisy neighbour hurts both alike; the
  // better bare run is the baseline (the harder one to match).
  for (const p of [reference, '/', section]) await fetch(server.origin + p, { headers: { 'accept-encoding': 'br' } });
  const rss: Record<string, number> = { start: rssMb(server.child.pid!) };
  const bareRuns = [await drive('bare node:http, same bytes', bare, { path: reference })];
  const cachedRuns = [await drive('cached article', server, { path: reference })];
  bareRuns.push(await drive('bare node:http, same bytes', bare, { path: reference }));
  cachedRuns.push(await drive('cached article', server, { path: reference }));
  await stop(bare);
  const bareResult = bareRuns.reduce((a, b) => (b.rps > a.rps ? b : a));
  results.push(bareResult, cachedRuns.reduce((a, b) => (b.rps > a.rps ? b : a)));
  results.push(await drive('home page (cached)', server, { path: '/' }));
  results.push(await drive('section page (cached)', server, { path: section }));
  results.push(await drive('cache-miss article', server, { paths }));
  peak.cached = peakRssMb(server.child.pid!);
  rss.end = rssMb(server.child.pid!);
  await stop(server);

  // The same with the page cache off: every request renders. Four connections keep the
  // server's one CPU busy (database waits overlap), so 1000 / (requests/s) is the CPU time
  // of one render.
  server = await startSamachar(dataDir, { PAGE_CACHE_MB: '0' });
  results.push(await drive('cold article render', server, { paths, connections: 4 }));
  results.push(await drive('cold home render', server, { path: '/', connections: 4 }));
  results.push(await drive('cold section render', server, { path: section, connections: 4 }));
  peak.uncached = peakRssMb(server.child.pid!);
  await stop(server);

  // Queries and CPU per cold render, in process (npm run bench:render), for the table below.
  const perRender = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench-render.ts'), '--data', dataDir, '--requests', '500'], { cwd: ROOT, encoding: 'utf8' });
  const soaked = SOAK_SECONDS > 0 ? await soak(dataDir, SOAK_SECONDS, rows.slice(0, 2000).map((r) => ({ id: r.id, path: `/${r.section}/${r.slug ? `${r.slug}-` : ''}${r.id}` })), searchesFrom(dbFile)) : null;

  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (x: number, d = 0) => x.toFixed(d).padStart(10);
  console.log(`\nReader site benchmark, ${new Date().toISOString().slice(0, 10)}: ${ARTICLES} generated articles (SQLite), ${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} CPUs, ${generator}, npm start's settings`);
  console.log(`  ${pad('', 30)}${'req/s'.padStart(10)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'× bare'.padStart(10)}${'server CPU'.padStart(12)}${'CPU ms/req'.padStart(12)}`);
  for (const r of results) {
    const flag = r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
    const cpuMs = r.cpu !== undefined ? (1000 * r.cpu) / r.rps : NaN;
    console.log(`  ${pad(r.name, 30)}${num(r.rps)}${num(r.p50, 2)}${num(r.p99, 2)}${num(r.rps / bareResult.rps, 2)}${(r.cpu !== undefined ? `${(r.cpu * 100).toFixed(0)}%` : '').padStart(12)}${(Number.isFinite(cpuMs) ? cpuMs.toFixed(2) : '').padStart(12)}${flag}`);
  }
  console.log(`  RSS with the page cache: ${rss.start!.toFixed(0)} MB at start, ${peak.cached!.toFixed(0)} MB peak, ${rss.end!.toFixed(0)} MB at the end; peak without the cache ${peak.uncached!.toFixed(0)} MB`);
  for (const r of results.filter((x) => x.name.startsWith('cold') && (x.cpu ?? 0) < 0.9)) {
    console.log(`  WARNING: ${r.name}: the server used ${((r.cpu ?? 0) * 100).toFixed(0)}% of its CPU, so 1000 / (req/s) overstates its CPU time per request (see CPU ms/req).`);
  }
  if ((bareResult.cpu ?? 0) < 0.9) {
    console.log(`  WARNING: the bare server used ${((bareResult.cpu ?? 0) * 100).toFixed(0)}% of its CPU: the load generator, not the server, was the limit; the ratios are not a measure of Samachar.`);
  }

  console.log(`\n${perRender.trim()}`);
  if (soaked) console.log(`\n${soaked.lines.join('\n')}`);

  const find = (name: string) => results.find((r) => r.name.startsWith(name))!;
  const ratio = (name: string) => find(name).rps / bareResult.rps;
  const cpuMs = (name: string) => 1000 / find(name).rps;
  const checks: [string, boolean][] = [
    [`bare server saturated its CPU (≥ 90%): ${((bareResult.cpu ?? 0) * 100).toFixed(0)}%`, (bareResult.cpu ?? 0) >= 0.9],
    [`cached article ≥ 0.8 × bare: ${ratio('cached article').toFixed(2)}`, ratio('cached article') >= 0.8],
    [`cached home page ≥ 0.8 × bare: ${ratio('home page').toFixed(2)}`, ratio('home page') >= 0.8],
    [`cached section page ≥ 0.8 × bare: ${ratio('section page').toFixed(2)}`, ratio('section page') >= 0.8],
    [`cold article render ≤ 1 ms CPU: ${cpuMs('cold article').toFixed(2)} ms`, cpuMs('cold article') <= 1],
    [`cold home render ≤ 2 ms CPU: ${cpuMs('cold home').toFixed(2)} ms`, cpuMs('cold home') <= 2],
    [`peak RSS ≤ 150 MB: ${Math.max(peak.cached!, peak.uncached!).toFixed(0)} MB`, Math.max(peak.cached!, peak.uncached!) <= 150],
    ...(soaked
      ? ([
          [`soak peak RSS ≤ 150 MB: ${soaked.peakMb.toFixed(0)} MB`, soaked.peakMb <= 150],
          [`no growth over the soak (second half's highest RSS within 5% of the first's): ${((soaked.growth - 1) * 100).toFixed(1)}%`, soaked.growth <= 1.05],
        ] as [string, boolean][])
      : []),
  ];
  console.log('\nTargets:');
  for (const [text, ok] of checks) console.log(`  ${ok ? 'met ' : 'MISSED'}  ${text}`);
  if (!values.data) fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
