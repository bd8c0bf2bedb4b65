/**
 * `npm run bench:cluster`: the deployment of deploy/ under readers and a writer.
 *
 *   npm run bench:cluster -- [--processes 3] [--rounds 20] [--seconds 10] [--connections 50]
 *                            [--readers 8] [--server-cpus 0] [--client-cpus 1] [--no-build]
 *                            [--restart sigterm|out-of-nginx]
 *
 * 1. Builds dist/ and starts deploy/cluster.ts: nginx in front of N processes of the built
 *    server on a fresh PostgreSQL database (the demo site) with Redis, every Samachar process
 *    and nginx pinned to --server-cpus, wrk to --client-cpus.
 * 2. Change visibility: a writer publishes new stories and edits headlines through the
 *    content API of process 1 (alternately); readers poll the section page or the story's
 *    page on every process directly and through nginx. For each target: the time from the
 *    commit's acknowledgement to its first page with the change, p50/p99/max.
 * 3. Rolling restart: readers (wrk through nginx in 5-second runs, and --readers Node
 *    readers that look at every answer) while each process in turn gets SIGTERM and is
 *    started again (or, with --restart out-of-nginx, is first marked down in nginx and put
 *    back after, deploy/rolling-restart.sh's steps), and the writer keeps editing through nginx. Failed reader requests
 *    (anything but 200, a socket error, a timeout) and failed writes are counted. Then one
 *    more change must show on every (restarted) process within a second.
 * 4. Throughput of a cached story page (brotli): wrk through nginx to the N processes and
 *    wrk to one process directly, three alternating pairs; the medians and their ratio. Both get the same CPUs (--server-cpus), so on
 *    a small machine the ratio shows what nginx costs, not what more cores would give.
 *
 * Exits 1 when a check fails: a change not on every target within 1 s, a failed reader
 * request during the restarts, or a failed write. Figures from a shared machine vary
 * between runs; compare the ratio, measured minutes apart in one run.
 */
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pinned, ROOT, startCluster } from '../deploy/cluster.ts';
import { newsroomKey, percentile, readLoop, type Target, watchChange, WriteFailed, Writer } from '../deploy/cluster-writer.ts';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    readers: { type: 'string', default: '8' },
    'server-cpus': { type: 'string', default: '0' },
    'client-cpus': { type: 'string', default: '1' },
    'no-build': { type: 'boolean', default: false },
    restart: { type: 'string', default: 'sigterm' },
  },
});
const PROCESSES = Number(values.processes);
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const READERS = Number(values.readers);
const SERVER_CPUS = values['server-cpus'];
const CLIENT_CPUS = values['client-cpus'];
if (values.restart !== 'sigterm' && values.restart !== 'out-of-nginx') throw new Error('--restart is sigterm or out-of-nginx');
const OUT_OF_NGINX = values.restart === 'out-of-nginx';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const VISIBLE_WITHIN_MS = 1000;

interface WrkResult {
  rps: number;
  p50: string;
  p99: string;
  requests: number;
  non2xx: number;
  socketErrors: number;
  /** wrk's error lines, as it printed them. */
  errorLines: string[];
}

/** wrk's own timeout is 2 s; `timeout` raises it (an answer slower than that is slow, not failed). */
function runWrk(url: string, seconds: number, connections: number, timeout = '2s'): Promise<WrkResult> {
  const [cmd, argv] = pinned(CLIENT_CPUS, ['wrk', '-t1', `-c${connections}`, `-d${seconds}s`, `--timeout`, timeout, '--latency', '-H', 'accept-encoding: br, gzip', url]);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}:\n${out}`));
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
      const e = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
      if (!Number.isFinite(rps)) return reject(new Error(`could not read wrk's report:\n${out}`));
      resolve({
        rps,
        p50: /\s50%\s+(\S+)/.exec(out)?.[1] ?? '?',
        p99: /\s99%\s+(\S+)/.exec(out)?.[1] ?? '?',
        requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
        non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
        socketErrors: e ? Number(e[1]) + Number(e[2]) + Number(e[3]) + Number(e[4]) : 0,
        errorLines: out.split('\n').filter((line) => /Socket errors|Non-2xx/.test(line)).map((line) => line.trim()),
      });
    });
  });
}

const failures: string[] = [];
const fmt = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : '—');

if (!values['no-build']) execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
console.log(`Starting nginx and ${PROCESSES} Samachar processes (dist/main.js) on PostgreSQL with Redis, pinned to CPU ${SERVER_CPUS}; load from CPU ${CLIENT_CPUS} …`);
const started = Date.now();
const cluster = await startCluster({ processes: PROCESSES, runtime: 'dist', demo: true, redisUrl: REDIS_URL, cpus: SERVER_CPUS, log: (line) => console.log(`  ${((Date.now() - started) / 1000).toFixed(1)} s  ${line}`) });
try {
  const auth = await newsroomKey(cluster.databaseUrl, REDIS_URL);
  const writer = new Writer(cluster.processes[0]!.origin, auth);
  const targets: Target[] = [...cluster.processes.map((p) => ({ name: `process ${p.index + 1}`, origin: p.origin })), { name: 'nginx', origin: cluster.origin }];
  const run = Date.now().toString(36);

  // 2. Change visibility.
  console.log(`\n== Change visibility: ${ROUNDS} changes (new stories and headline edits) through process 1's content API`);
  const delays = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  let story = (await watchChange(targets, `/${auth.sectionSlug}`, `क्लस्टर ${run} 0`, () => writer.publishNew(`क्लस्टर ${run} 0`))).result;
  for (let round = 1; round < ROUNDS; round++) {
    const token = `क्लस्टर ${run} ${round}`;
    const change =
      round % 2 === 0
        ? await watchChange(targets, `/${auth.sectionSlug}`, token, () => writer.publishNew(token))
        : await watchChange(targets, story.path, token, () => writer.editHeadline(story.id, token));
    story = change.result;
    for (const [name, ms] of change.delays) {
      if (ms === null || ms > VISIBLE_WITHIN_MS) failures.push(`change ${round} (${round % 2 === 0 ? 'new story' : 'edit'}) on ${name}: ${ms === null ? 'not seen within 5 s' : `${ms} ms`}`);
      if (ms !== null) delays.get(name)!.push(ms);
    }
  }
  console.log('target       p50      p99      max      changes seen');
  for (const [name, list] of delays) {
    console.log(`${name.padEnd(12)} ${fmt(percentile(list, 50)).padStart(7)}  ${fmt(percentile(list, 99)).padStart(7)}  ${fmt(Math.max(...list)).padStart(7)}  ${list.length}/${ROUNDS - 1}`);
  }

  // 3. Rolling restart.
  const how = OUT_OF_NGINX ? "deploy/rolling-restart.sh's steps: marked down in nginx (reload), SIGTERM, started again, put back (reload)" : 'SIGTERM and started again (nginx finds out from failed requests)';
  console.log(`\n== Rolling restart, each process in turn: ${how}; under wrk (${CONNECTIONS} connections) and ${READERS} readers through nginx, and a writer through nginx`);
  const pagePaths = ['/', `/${auth.sectionSlug}`, story.path];
  const readers = readLoop(cluster.origin, pagePaths, READERS);
  let restarting = true;
  const wrkRuns: WrkResult[] = [];
  const load = (async () => {
    while (restarting) wrkRuns.push(await runWrk(cluster.origin + story.path, 5, CONNECTIONS, '10s'));
  })();
  const nginxWriter = new Writer(cluster.origin, auth);
  let writes = 0;
  const writeFailures: string[] = [];
  const writing = (async () => {
    while (restarting) {
      try {
        await nginxWriter.editHeadline(story.id, `क्लस्टर ${run} पुनरारंभ ${writes}`);
      } catch (err) {
        writeFailures.push(err instanceof WriteFailed ? err.message : String(err));
      }
      writes++;
      // Two API calls per edit; the key may make 120 a minute on each process.
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  try {
    // Readers and wrk under way before the first restart.
    while (readers.requests() < 50) await new Promise((r) => setTimeout(r, 20));
    for (let i = 0; i < cluster.processes.length; i++) {
      const { stopMs, startMs } = await cluster.restart(i, { outOfNginx: OUT_OF_NGINX });
      console.log(`  process ${i + 1}: stopped in ${(stopMs / 1000).toFixed(1)} s, started and ready in ${(startMs / 1000).toFixed(1)} s`);
    }
  } finally {
    restarting = false;
    await Promise.all([load, writing]);
  }
  const read = await readers.stop();
  const wrkRequests = wrkRuns.reduce((n, r) => n + r.requests, 0);
  const wrkFailed = wrkRuns.reduce((n, r) => n + r.non2xx + r.socketErrors, 0);
  console.log(`  Node readers: ${read.failures.length} failed of ${read.requests} requests`);
  console.log(`  wrk: ${wrkFailed} failed (non-2xx/3xx or socket errors) of ${wrkRequests} requests`);
  for (const line of new Set(wrkRuns.flatMap((r) => r.errorLines))) console.log(`    wrk: ${line}`);
  console.log(`  writer through nginx: ${writeFailures.length} failed of ${writes} edits+publishes`);
  for (const f of read.failures.slice(0, 10)) console.log(`    ${f}`);
  for (const f of writeFailures.slice(0, 10)) console.log(`    ${f}`);
  if (read.failures.length > 0) failures.push(`${read.failures.length} reader requests failed during the rolling restart`);
  if (wrkFailed > 0) failures.push(`${wrkFailed} wrk requests failed during the rolling restart`);
  if (writeFailures.length > 0) failures.push(`${writeFailures.length} writes failed during the rolling restart`);

  // Every restarted process subscribed again.
  const after = await watchChange(targets, story.path, `क्लस्टर ${run} अंत`, () => writer.editHeadline(story.id, `क्लस्टर ${run} अंत`));
  console.log(`  after the restarts, one more edit: ${[...after.delays].map(([n, ms]) => `${n} ${ms === null ? 'not seen' : `${ms} ms`}`).join(', ')}`);
  for (const [name, ms] of after.delays) if (ms === null || ms > VISIBLE_WITHIN_MS) failures.push(`after the restarts, ${name}: ${ms === null ? 'not seen within 5 s' : `${ms} ms`}`);

  // 4. Throughput.
  console.log(`\n== Throughput: cached story page, brotli, wrk 1 thread ${CONNECTIONS} connections, ${SECONDS} s each (after 2 s unrecorded)`);
  // Three alternating pairs (nginx, then one process) so both see the same background load
  // of this shared machine; the median of each and their ratio are reported.
  await runWrk(cluster.origin + story.path, 2, CONNECTIONS);
  await runWrk(cluster.processes[0]!.origin + story.path, 2, CONNECTIONS);
  const viaNginxRuns: WrkResult[] = [];
  const directRuns: WrkResult[] = [];
  for (let pair = 0; pair < 3; pair++) {
    viaNginxRuns.push(await runWrk(cluster.origin + story.path, SECONDS, CONNECTIONS));
    directRuns.push(await runWrk(cluster.processes[0]!.origin + story.path, SECONDS, CONNECTIONS));
  }
  const median = (runs: WrkResult[]) => [...runs].sort((a, b) => a.rps - b.rps)[1]!;
  const viaNginx = median(viaNginxRuns);
  const direct = median(directRuns);
  console.log('run (median of 3)                   req/s      p50       p99   the 3 runs');
  console.log(`nginx → ${PROCESSES} processes                ${Math.round(viaNginx.rps).toString().padStart(7)}  ${viaNginx.p50.padStart(8)}  ${viaNginx.p99.padStart(8)}   ${viaNginxRuns.map((r) => Math.round(r.rps)).join(', ')}`);
  console.log(`one process directly               ${Math.round(direct.rps).toString().padStart(7)}  ${direct.p50.padStart(8)}  ${direct.p99.padStart(8)}   ${directRuns.map((r) => Math.round(r.rps)).join(', ')}`);
  console.log(`ratio (nginx → ${PROCESSES} / one process)     ${(viaNginx.rps / direct.rps).toFixed(2)}   (per pair: ${viaNginxRuns.map((r, k) => (r.rps / directRuns[k]!.rps).toFixed(2)).join(', ')}; servers and nginx on CPU ${SERVER_CPUS}, wrk on CPU ${CLIENT_CPUS})`);
  if ([...viaNginxRuns, ...directRuns].some((r) => r.non2xx + r.socketErrors > 0)) failures.push('requests failed in the throughput runs');
} finally {
  await cluster.stop();
}

if (failures.length > 0) {
  console.log(`\nFAILED (${failures.length}):`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(1);
}
console.log('\nAll checks passed: every change on every process within 1 s, no failed request during the rolling restart.');
