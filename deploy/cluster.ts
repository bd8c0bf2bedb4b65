/**
 * Several Samachar processes behind nginx on one machine, as a newsroom would run them
 * (deploy/README.md), for the cluster test, `npm run bench:cluster` and a person trying it:
 *
 *   npx tsx deploy/cluster.ts [--processes 3] [--database-url postgres://…/db] [--redis-url redis://…]
 *
 * Without --database-url a fresh PostgreSQL database is made on the server of
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and dropped at the end.
 * Each process gets the settings of deploy/samachar.env.example (TRUST_PROXY=1, REDIS_URL,
 * ACCESS_LOG=0), a fixed port of its own (so a restarted process is where nginx expects it),
 * and one shared DATA_DIR for media. nginx is Debian's binary, run unprivileged with its own
 * prefix, temp folders, pid file and error log in a temporary folder, on random ports; its
 * configuration is deploy/nginx/samachar-upstream.conf (with these ports) and
 * deploy/nginx/samachar-proxy.conf as shipped, in a plain-http server block.
 *
 * Guarantees: `startCluster` either returns with every process and nginx answering, or
 * stops what it started, drops the database it made and throws; `stop()` ends every child
 * and removes the temporary folders and database.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEPLOY_DIR = import.meta.dirname;
export const NGINX = process.env.NGINX_BINARY ?? '/usr/sbin/nginx';

export interface ClusterOptions {
  /** Samachar processes (default 3). */
  readonly processes?: number;
  /** An existing database to use (kept at the end); otherwise a fresh one is made on `pgServerUrl`. */
  readonly databaseUrl?: string;
  /** The PostgreSQL server for a fresh database (its maintenance connection). */
  readonly pgServerUrl?: string;
  readonly redisUrl?: string;
  /** `dist`: the built dist/main.js (run `npm run build` first), as in production; `tsx`: the sources. */
  readonly runtime?: 'dist' | 'tsx';
  /** Load the demo site into the empty database (default true). */
  readonly demo?: boolean;
  /** More settings for every process. */
  readonly env?: Record<string, string>;
  /** taskset CPU list for the Samachar processes and nginx (e.g. "0"), or none. */
  readonly cpus?: string;
  /** Called with each step, for a person watching. */
  readonly log?: (line: string) => void;
}

export interface SamacharProcess {
  readonly index: number;
  readonly port: number;
  readonly origin: string;
  child: ChildProcess;
  /** Everything this process (the current one, after restarts) printed. */
  output(): string;
}

export interface Cluster {
  /** Where readers go: nginx. */
  readonly origin: string;
  readonly processes: readonly SamacharProcess[];
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly nginxDir: string;
  /** The nginx master's pid. */
  readonly nginxPid: number;
  /**
   * Stops process `i` with SIGTERM (in-flight requests finish), then starts it again and
   * waits until it is ready; resolves to the milliseconds the stop and the start took.
   * `outOfNginx`: first mark it `down` in nginx and reload (nginx's connections to it end
   * with their requests), and put it back after, as deploy/rolling-restart.sh does. Without
   * it, nginx learns of the stop from failed requests (retrying those it may repeat).
   */
  restart(i: number, options?: { outOfNginx?: boolean }): Promise<{ stopMs: number; startMs: number }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** `argv` under taskset on `cpus` when given and available (taskset execs, so the pid stays the program's). */
export function pinned(cpus: string | undefined, argv: readonly string[]): [string, string[]] {
  return cpus && hasTaskset() ? ['taskset', ['-c', cpus, ...argv]] : [argv[0]!, argv.slice(1)];
}

async function pgQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Ready means the process would take readers: `/readyz` answers 200 where it exists
 * (it turns 503 while a process drains), else the home page answers 200.
 */
async function isReady(origin: string): Promise<boolean> {
  try {
    const ready = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(5000) });
    await ready.arrayBuffer();
    if (ready.status === 200) return true;
    if (ready.status !== 404) return false;
    const home = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5000) });
    await home.arrayBuffer();
    return home.status === 200;
  } catch {
    return false;
  }
}

async function waitUntil(what: string, check: () => Promise<boolean>, child: ChildProcess, output: () => string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited early (${child.exitCode ?? child.signalCode}):\n${output()}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s:\n${output()}`);
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/**
 * The nginx configuration for this run: the shipped upstream file with the cluster's ports
 * in place of 3001, 3002, 3003 …, and the shipped proxy settings, in a plain-http server
 * on 127.0.0.1. Throws if the shipped upstream file no longer has a line per port to replace.
 */
export function writeNginxConfig(dir: string, listenPort: number, upstreamPorts: readonly number[]): string {
  writeUpstream(dir, upstreamPorts, null);
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'logs']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const conf = `# Written by deploy/cluster.ts for one run; the site's settings are the shipped files.
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  access_log off;
  server_tokens off;
  include ${dir}/samachar-upstream.conf;
  server {
    listen 127.0.0.1:${listenPort};
    server_name localhost;
    include ${path.join(DEPLOY_DIR, 'nginx/samachar-proxy.conf')};
  }
}
`;
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, conf);
  return file;
}

/**
 * `dir/samachar-upstream.conf`: the shipped file, its first server line repeated for each
 * port (same parameters) and the others left out; the `down` port marked `down` (nginx
 * sends it nothing), as deploy/rolling-restart.sh does.
 */
function writeUpstream(dir: string, upstreamPorts: readonly number[], down: number | null): void {
  const shipped = fs.readFileSync(path.join(DEPLOY_DIR, 'nginx/samachar-upstream.conf'), 'utf8').split('\n');
  const isServer = (line: string) => /^\s*server 127\.0\.0\.1:\d+/.test(line);
  const template = shipped.find(isServer);
  if (!template) throw new Error('deploy/nginx/samachar-upstream.conf has no "server 127.0.0.1:PORT …" line');
  const serverLine = (port: number) => {
    const line = template.replace(/127\.0\.0\.1:\d+/, `127.0.0.1:${port}`);
    return port === down ? line.replace(/;\s*$/, ' down;') : line;
  };
  const upstream = shipped.flatMap((line) => (line === template ? upstreamPorts.map(serverLine) : isServer(line) ? [] : [line])).join('\n');
  fs.writeFileSync(path.join(dir, 'samachar-upstream.conf'), upstream);
}

/** The pids of `parent`'s child processes (nginx's workers), from /proc. */
function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (new RegExp(`^PPid:\\s+${parent}$`, 'm').test(fs.readFileSync(`/proc/${entry}/status`, 'utf8'))) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/**
 * `nginx -s reload` and wait until it has taken effect: new workers run the new
 * configuration and the old ones have finished their requests and exited (closing their
 * keep-alive connections to the processes).
 */
async function reloadNginx(masterPid: number): Promise<void> {
  const old = new Set(childPids(masterPid));
  process.kill(masterPid, 'SIGHUP');
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    const now = childPids(masterPid);
    if (now.length > 0 && now.every((pid) => !old.has(pid))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('nginx did not finish reloading within 60 s');
}

/** `nginx -t` on a configuration: null when it passes, else what nginx said. */
export function nginxTest(dir: string, confFile: string): string | null {
  try {
    execFileSync(NGINX, ['-t', '-q', '-p', dir, '-e', path.join(dir, 'logs/error.log'), '-c', confFile], { stdio: 'pipe' });
    return null;
  } catch (err) {
    const e = err as { stderr?: Buffer; message: string };
    return String(e.stderr ?? e.message);
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.processes ?? 3;
  const log = options.log ?? (() => {});
  const runtime = options.runtime ?? 'dist';
  const made = !options.databaseUrl;
  const dbName = `samachar_cluster_${process.pid}_${Date.now().toString(36)}`;
  let databaseUrl = options.databaseUrl ?? '';
  const pgServerUrl = options.pgServerUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const redisUrl = options.redisUrl ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-cluster-data-'));
  const nginxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-cluster-nginx-'));
  const processes: SamacharProcess[] = [];
  let nginx: ChildProcess | undefined;

  const cleanup = async () => {
    await Promise.all(processes.map((p) => stopChild(p.child)));
    await stopChild(nginx);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(nginxDir, { recursive: true, force: true });
    if (made && databaseUrl) await pgQuery(pgServerUrl, `DROP DATABASE IF EXISTS ${dbName}`);
  };

  try {
    if (made) {
      await pgQuery(pgServerUrl, `CREATE DATABASE ${dbName}`);
      const url = new URL(pgServerUrl);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
      log(`database ${dbName} made`);
    }
    const nginxPort = await freePort();
    const origin = `http://127.0.0.1:${nginxPort}`;
    const ports: number[] = [];
    for (let i = 0; i < count; i++) ports.push(await freePort());
    const baseEnv: Record<string, string> = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      SITE_URL: origin,
      TRUST_PROXY: '1',
      ACCESS_LOG: '0',
      LOG_LEVEL: 'warn',
      ...options.env,
    };
    const argv = runtime === 'dist' ? [process.execPath, '--max-semi-space-size=4', path.join(ROOT, 'dist/main.js'), 'serve'] : [process.execPath, '--import', 'tsx', path.join(ROOT, 'src/main.ts'), 'serve'];
    if (runtime === 'dist' && !fs.existsSync(path.join(ROOT, 'dist/main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first');

    const spawnProcess = (index: number, demo: boolean): SamacharProcess => {
      const port = ports[index]!;
      const [cmd, args] = pinned(options.cpus, argv);
      let out = '';
      const child = spawn(cmd, args, {
        cwd: ROOT,
        env: { ...process.env, ...baseEnv, PORT: String(port), SAMACHAR_DEMO: demo ? '1' : '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (out += String(d)));
      child.stderr!.on('data', (d) => (out += String(d)));
      const existing = processes[index];
      const proc: SamacharProcess = existing ?? { index, port, origin: `http://127.0.0.1:${port}`, child, output: () => out };
      proc.child = child;
      (proc as { output: () => string }).output = () => out;
      processes[index] = proc;
      return proc;
    };
    const ready = (p: SamacharProcess, ms: number) => waitUntil(`Samachar process ${p.index + 1} (port ${p.port})`, () => isReady(p.origin), p.child, p.output, ms);

    // The first process migrates the database and loads the demo; the others start on it.
    const first = spawnProcess(0, options.demo ?? true);
    await ready(first, 240_000);
    log(`process 1 ready at ${first.origin}`);
    const rest = [];
    for (let i = 1; i < count; i++) rest.push(spawnProcess(i, false));
    await Promise.all(rest.map((p) => ready(p, 120_000)));
    for (const p of rest) log(`process ${p.index + 1} ready at ${p.origin}`);

    const confFile = writeNginxConfig(nginxDir, nginxPort, ports);
    const problem = nginxTest(nginxDir, confFile);
    if (problem) throw new Error(`nginx -t refused the configuration:\n${problem}`);
    const [ncmd, nargs] = pinned(options.cpus, [NGINX, '-p', nginxDir, '-e', path.join(nginxDir, 'logs/error.log'), '-c', confFile, '-g', 'daemon off;']);
    let nginxOut = '';
    nginx = spawn(ncmd, nargs, { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stdout!.on('data', (d) => (nginxOut += String(d)));
    nginx.stderr!.on('data', (d) => (nginxOut += String(d)));
    const nginxOutput = () => nginxOut + readIfThere(path.join(nginxDir, 'logs/error.log'));
    await waitUntil('nginx', () => isReady(origin), nginx, nginxOutput, 20_000);
    log(`nginx ready at ${origin}`);
    const nginxChild = nginx;

    return {
      origin,
      processes,
      databaseUrl,
      dataDir,
      nginxDir,
      nginxPid: nginxChild.pid!,
      async restart(i, restartOptions = {}) {
        const p = processes[i];
        if (!p) throw new Error(`no process ${i}`);
        if (restartOptions.outOfNginx) {
          writeUpstream(nginxDir, ports, p.port);
          await reloadNginx(nginxChild.pid!);
        }
        const t0 = Date.now();
        await stopChild(p.child, 'SIGTERM');
        const t1 = Date.now();
        spawnProcess(i, false);
        await ready(p, 120_000);
        const startMs = Date.now() - t1;
        if (restartOptions.outOfNginx) {
          writeUpstream(nginxDir, ports, null);
          await reloadNginx(nginxChild.pid!);
        }
        return { stopMs: t1 - t0, startMs };
      },
      stop: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

function readIfThere(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// As a command: start the cluster, print where it is, stop everything on Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      processes: { type: 'string', default: '3' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      runtime: { type: 'string', default: 'dist' },
    },
  });
  if (values.runtime !== 'dist' && values.runtime !== 'tsx') throw new Error('--runtime is dist or tsx');
  const cluster = await startCluster({
    processes: Number(values.processes),
    runtime: values.runtime,
    log: (line) => console.log(line),
    ...(values['database-url'] ? { databaseUrl: values['database-url'] } : {}),
    ...(values['redis-url'] ? { redisUrl: values['redis-url'] } : {}),
  });
  const admin = /sign in at \/admin with (\S+) and the password (\S+)/.exec(cluster.processes[0]!.output());
  console.log(`\nReaders: ${cluster.origin}/  (nginx → ${cluster.processes.map((p) => p.port).join(', ')})`);
  if (admin) console.log(`Newsroom: ${cluster.origin}/admin as ${admin[1]} with the password ${admin[2]}`);
  console.log('Ctrl-C stops everything and removes the temporary database and folders.');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cluster.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
