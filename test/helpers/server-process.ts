/**
 * Samachar as a real server process (`src/main.ts serve` through tsx), for tests that
 * attack or break a running site from outside: the multi-process tests and the hostile
 * suite (`npm run test:hostile`). `startSite` prepares a fresh database of its own
 * (a temporary SQLite folder, or a new PostgreSQL database) with the demo loaded, starts
 * the server, and reads the admin's generated password from its first-start message,
 * so tests sign in through the real sign-in form like a person would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/storage/connect.ts';
import { TEST_PG_URL } from './databases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One statement on the PostgreSQL server's maintenance connection (CREATE/DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ServerProcess {
  readonly origin: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/** Starts `samachar serve` with `env` and waits until `/` answers (180 s at most: the demo's first load encodes its photos). */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_MS: '60000', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const origin = `http://127.0.0.1:${port}`;
  const end = Date.now() + 180_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer within 180 s:\n${output}`);
}

export async function stopServer(server: ServerProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill(signal);
  await exited;
}

/** A signed-in newsroom browser: its cookie header and CSRF token. */
export interface SignedIn {
  readonly cookie: string;
  readonly csrf: string;
}

export interface StartedSite {
  readonly dialect: Dialect;
  /** The environment the server runs with (DATABASE_URL or DATA_DIR …), to start it again. */
  readonly env: Readonly<Record<string, string>>;
  /** The SQLite data folder (also where media live on PostgreSQL). */
  readonly dataDir: string;
  server: ServerProcess;
  readonly adminEmail: string;
  readonly adminPassword: string;
  /** `fetch` against the site, relative URLs allowed; redirects are not followed. */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** Signs in through the real form (`/admin/sign-in`), as a browser would. */
  signIn(email?: string, password?: string): Promise<SignedIn>;
  /** Stops the process (SIGTERM, or the given signal) and starts it again on the same data. */
  restart(signal?: NodeJS.Signals, extraEnv?: Record<string, string>): Promise<void>;
  stop(): Promise<void>;
}

/** Reads `name=value` pairs from Set-Cookie headers. */
function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const i = pair!.indexOf('=');
    out[pair!.slice(0, i)] = pair!.slice(i + 1);
  }
  return out;
}

/**
 * A demo site of its own on `dialect`, served by a real process. `env` adds settings
 * (e.g. `PAGE_CACHE_MB`). Stop it with `stop()`; its data is removed then.
 */
export async function startSite(dialect: Dialect, env: Record<string, string> = {}): Promise<StartedSite> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-site-'));
  const dbName = `samachar_site_${process.pid}_${randomBytes(3).toString('hex')}`;
  let siteEnv: Record<string, string> = { DATA_DIR: dataDir, SAMACHAR_DEMO: '1', ...env };
  if (dialect === 'postgres') {
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${dbName}`;
    siteEnv = { ...siteEnv, DATABASE_URL: url.toString() };
  }
  let server: ServerProcess;
  try {
    server = await startServer(siteEnv);
  } catch (err) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dialect === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
    throw err;
  }
  const match = /sign in at \/admin with (\S+) and the password (\S+)/.exec(server.output());
  if (!match) throw new Error(`no admin password in the first start's output:\n${server.output()}`);
  const site: StartedSite = {
    dialect,
    env: siteEnv,
    dataDir,
    server,
    adminEmail: match[1]!,
    adminPassword: match[2]!,
    fetch(url, init = {}) {
      return fetch(new URL(url, site.server.origin), { redirect: 'manual', ...init });
    },
    async signIn(email = site.adminEmail, password = site.adminPassword) {
      const form = await site.fetch('/admin/sign-in');
      const pre = cookiesOf(form);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
      if (!csrf) throw new Error('no CSRF token on the sign-in form');
      const cookie = Object.entries(pre).map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await site.fetch('/admin/sign-in', {
        method: 'POST',
        headers: { cookie, origin: site.server.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
      });
      if (res.status !== 303) throw new Error(`sign-in answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      const session = cookiesOf(res).samachar_session;
      if (!session) throw new Error('sign-in set no session cookie');
      const sessionCookie = `samachar_session=${session}`;
      const page = await (await site.fetch('/admin', { headers: { cookie: sessionCookie } })).text();
      const token = /<meta name="csrf-token" content="([^"]+)"/.exec(page)?.[1];
      if (!token) throw new Error('no CSRF token on the newsroom page');
      return { cookie: sessionCookie, csrf: token };
    },
    async restart(signal = 'SIGTERM', extraEnv = {}) {
      await stopServer(site.server, signal);
      site.server = await startServer({ ...siteEnv, SAMACHAR_DEMO: '0', ...extraEnv });
    },
    async stop() {
      await stopServer(site.server);
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dialect === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
    },
  };
  return site;
}
