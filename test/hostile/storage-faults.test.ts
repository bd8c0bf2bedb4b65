/**
 * Storage faults against started processes (issue 11, points 9 to 12): what a person sees
 * when the database cannot be used. At start: one clear line (the file, or the URL with its
 * password hidden) and a non-zero exit, never a stack trace and never a new demo site over
 * a failed restore. While running: 503 with the Hindi page and Retry-After, never a 500,
 * and the log names the cause (a full disk says "disk full"); the site comes back by itself.
 *
 * The full-disk and read-only cases need to mount a small tmpfs (root with CAP_SYS_ADMIN,
 * as in CI's container); where that is not allowed they are skipped, saying so.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import SqliteDatabase from 'better-sqlite3';
import { DIALECTS, TEST_PG_URL } from '../helpers/databases.ts';
import { freePort, type ServerProcess, startServer, startSite, type StartedSite, stopServer } from '../helpers/server-process.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `samachar <args>` until it exits (60 s at most): its exit code and everything it printed. */
async function runToExit(env: Record<string, string>, args: string[] = ['serve']): Promise<{ code: number | null; output: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_MS: '60000', HOST: '127.0.0.1', PORT: String(await freePort()), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output };
}

/**
 * Node's own warnings (a deprecation in a dependency) go to stderr by Node itself; they
 * are not Samachar's output and say nothing about the failure.
 */
const NODE_WARNING = /^\(node:\d+\) |^\(Use `node --trace-warnings/;

/**
 * The process stopped with exit 1 and printed exactly one line, with no stack trace in it.
 * `progress` lines (the integrity check saying it is checking) may come before it.
 */
function assertOneLine(result: { code: number | null; output: string }, what: string, progress?: RegExp): string {
  assert.equal(result.code, 1, `${what}: exit code (output: ${result.output})`);
  const lines = result.output.split('\n').filter((line) => line.trim() !== '' && !NODE_WARNING.test(line) && !progress?.test(line));
  assert.equal(lines.length, 1, `${what}: one line, not ${lines.length}:\n${result.output}`);
  assert.doesNotMatch(result.output, /\n\s+at |node:internal|Error: /, `${what}: no stack trace`);
  return lines[0]!;
}

/**
 * The server's log is written through a buffer that is flushed when it stops: stop it
 * (SIGTERM), wait until its output pipes are closed (after 'exit'), then read it all.
 */
async function stopAndReadLog(server: ServerProcess): Promise<string> {
  const closed = new Promise((resolve) => server.child.once('close', resolve));
  await stopServer(server);
  await closed;
  return server.output();
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-faults-'));
}

/** Mounts a tmpfs of `sizeMb` on a new folder, or returns null (and says why) where that is not allowed. */
function mountTmpfs(sizeMb: number): string | null {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.log(`# cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]}): skipping`);
    return null;
  }
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
  } catch {
    // already gone
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Article addresses linked from a page. */
async function articleLinks(site: StartedSite): Promise<string[]> {
  const html = await (await site.fetch('/')).text();
  return [...new Set([...html.matchAll(/href="(\/[a-z-]+\/[a-z0-9-]+-\d+)"/g)].map((m) => m[1]!))];
}

function assertUnavailablePage(res: Response, body: string, what: string): void {
  assert.equal(res.status, 503, `${what}: ${res.status} ${body.slice(0, 200)}`);
  assert.equal(res.headers.get('retry-after'), '30', what);
  assert.match(body, /<html lang="hi"/, what);
  assert.match(body, /साइट अभी उपलब्ध नहीं/, what);
  assert.doesNotMatch(body, /SQLITE_|Error:|at .*\.ts:\d+/, what);
}

describe('SQLite: the data folder and its file (started processes)', { skip: !DIALECTS.includes('sqlite') }, () => {
  test('an empty samachar.db stops the start with one line naming it, and is left as it was', async () => {
    const dir = tempDir();
    try {
      const file = path.join(dir, 'samachar.db');
      fs.writeFileSync(file, '');
      const line = assertOneLine(await runToExit({ DATA_DIR: dir, SAMACHAR_DEMO: '1' }), 'empty file');
      assert.ok(line.startsWith(`${file} is empty (0 bytes)`), line);
      assert.equal(fs.statSync(file).size, 0, 'no demo site was written over it');
      fs.writeFileSync(file, 'PK\u0003\u0004 a zip, restored to the wrong name '.repeat(200));
      const garbage = assertOneLine(await runToExit({ DATA_DIR: dir }), 'not a database');
      assert.ok(garbage.startsWith(`${file} is damaged or is not a SQLite database`), garbage);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('one server per folder', () => {
    let site: StartedSite;
    before(async () => {
      site = await startSite('sqlite');
    });
    after(() => site?.stop());

    test('a second server on the same folder exits with one line naming the first; commands may run beside it', async () => {
      const line = assertOneLine(await runToExit({ DATA_DIR: site.dataDir }), 'second server');
      assert.match(line, new RegExp(`^Another Samachar server \\(pid ${site.server.child.pid}\\b.*\\) is already serving ${site.dataDir.replace(/[.]/g, '\\.')}: SQLite serves one process`));
      assert.match(line, /PostgreSQL/);
      assert.equal((await site.fetch('/')).status, 200, 'the first one still serves');

      const created = await runToExit({ DATA_DIR: site.dataDir }, ['user', 'create', '--email', 'beside@example.in', '--name', 'Beside', '--role', 'editor']);
      assert.equal(created.code, 0, created.output);
      assert.match(created.output, /Created editor beside@example\.in/);
      const reset = await runToExit({ DATA_DIR: site.dataDir }, ['demo', '--reset']);
      assert.equal(reset.code, 1, reset.output);
      assert.match(reset.output, new RegExp(`stop the server \\(pid ${site.server.child.pid}\\)`));
      assert.equal((await site.fetch('/')).status, 200);
    });

    test('after kill -9 the lock is gone with its process: the next start checks the file and serves', async () => {
      await site.restart('SIGKILL');
      assert.match(site.server.output(), /was not closed cleanly last time: checking it \(PRAGMA quick_check\)/);
      assert.match(site.server.output(), /no damage found/);
      assert.equal((await site.fetch('/')).status, 200);
      // A clean stop leaves nothing to check.
      await site.restart('SIGTERM');
      assert.doesNotMatch(site.server.output(), /quick_check/);
    });

    test('a file damaged while its server was killed is refused at the next start, in one line', async () => {
      await stopServer(site.server, 'SIGKILL');
      const file = path.join(site.dataDir, 'samachar.db');
      const raw = new SqliteDatabase(file, { readonly: true });
      const root = (raw.prepare("select rootpage from sqlite_master where type = 'table' and name = 'articles'").get() as { rootpage: number }).rootpage;
      const pageSize = raw.pragma('page_size', { simple: true }) as number;
      raw.close();
      const fd = fs.openSync(file, 'r+');
      fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
      fs.closeSync(fd);
      const line = assertOneLine(await runToExit({ DATA_DIR: site.dataDir }), 'damaged file', /was not closed cleanly last time: checking it/);
      assert.ok(line.startsWith(`${file} is damaged`), line);
      assert.match(line, /restore it from a backup/);
    });
  });

  test('a port in use is one line naming it', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    const dir = tempDir();
    try {
      const account = await runToExit({ DATA_DIR: dir }, ['user', 'create', '--email', 'a@example.in', '--name', 'A', '--role', 'admin']);
      assert.equal(account.code, 0, account.output);
      const line = assertOneLine(await runToExit({ DATA_DIR: dir, SAMACHAR_DEMO: '0', PORT: String(port) }), 'port in use');
      assert.match(line, new RegExp(`^Port ${port} is already in use on 127\\.0\\.0\\.1`));
      assert.match(line, /set PORT/);
      // The folder is free again for the next start (the lock went with the process).
      assert.ok(!fs.existsSync(path.join(dir, 'server.pid')));
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a read-only data folder is one line naming it', async (t) => {
    const disk = mountTmpfs(64);
    if (!disk) return t.skip('no tmpfs');
    const dir = path.join(disk, 'data');
    const readOnly = tempDir();
    try {
      const made = await runToExit({ DATA_DIR: dir, SAMACHAR_DEMO: '0' }, ['migrate']);
      assert.equal(made.code, 0, made.output);
      execFileSync('mount', ['--bind', '-o', 'ro', dir, readOnly]);
      execFileSync('mount', ['-o', 'remount,ro,bind', readOnly]);
      const line = assertOneLine(await runToExit({ DATA_DIR: readOnly }), 'read-only');
      assert.ok(line.startsWith(readOnly), line);
      assert.match(line, /read-only/);
    } finally {
      unmount(readOnly);
      unmount(disk);
    }
  });

  test('a full disk: at start one line that says so; while running, writes answer 503 and the log says disk full, then recover', { timeout: 240_000 }, async (t) => {
    const tiny = mountTmpfs(1);
    if (!tiny) return t.skip('no tmpfs');
    try {
      const line = assertOneLine(await runToExit({ DATA_DIR: path.join(tiny, 'data'), SAMACHAR_DEMO: '1' }), 'full disk at start');
      assert.match(line, /^The disk holding .*samachar\.db is full/);
    } finally {
      unmount(tiny);
    }

    const disk = mountTmpfs(48);
    if (!disk) return t.skip('no tmpfs');
    const filler = path.join(disk, 'filler');
    let site: StartedSite | undefined;
    try {
      // startSite makes its own folder; restart it on the small disk instead.
      site = await startSite('sqlite');
      const dataDir = path.join(disk, 'data');
      await stopServer(site.server);
      fs.cpSync(site.dataDir, dataDir, { recursive: true });
      site.server = await startServer({ ...site.env, DATA_DIR: dataDir, SAMACHAR_DEMO: '0' });
      const admin = await site.signIn();
      const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin, 'content-type': 'application/json' };
      const created = await site.fetch('/admin/api/articles', { method: 'POST', headers, body: JSON.stringify({ sectionId: 1, headline: 'डिस्क भरने से पहले' }) });
      assert.equal(created.status, 201);
      const { article } = (await created.json()) as { article: { id: number } };
      const [warm] = await articleLinks(site);
      assert.equal((await site.fetch(warm!)).status, 200);

      // Fill the disk to the last byte.
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { stdio: 'pipe' });
      } catch {
        // dd stops at "No space left on device", as meant
      }
      const paragraph = 'समाचार '.repeat(2000);
      const statuses: number[] = [];
      let full: Response | null = null;
      for (let i = 0; i < 60 && !full; i++) {
        const res = await site.fetch(`/admin/api/articles/${article.id}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ force: true, headline: `भरी डिस्क ${i}`, body: { version: 1, blocks: Array.from({ length: 5 }, (_, n) => ({ type: 'paragraph', content: [{ text: `${i}.${n} ${paragraph}` }] })) } }),
        });
        statuses.push(res.status);
        if (res.status !== 200) full = res;
        else await res.text();
      }
      assert.ok(full, `a write failed once the disk was full (${statuses.join(',')})`);
      const failed = await full.text();
      assert.equal(full.status, 503, `a full disk is 503, never 500 (${statuses.join(',')}): ${failed}`);
      assert.equal(full.headers.get('retry-after'), '30');
      assert.equal((JSON.parse(failed) as { error: { code: string } }).error.code, 'SERVICE_UNAVAILABLE');
      assert.equal((await site.fetch(warm!)).status, 200, 'cached pages are still served');

      // Space again: the next write works, with no restart.
      fs.rmSync(filler);
      const again = await site.fetch(`/admin/api/articles/${article.id}`, { method: 'PUT', headers, body: JSON.stringify({ force: true, headline: 'डिस्क खाली' }) });
      assert.equal(again.status, 200, `writes work again: ${await again.text()}`);
      const log = await stopAndReadLog(site.server);
      assert.match(log, /database unavailable: disk full/);
      assert.doesNotMatch(log, /cannot rollback/);
    } finally {
      if (site) await stopServer(site.server, 'SIGKILL');
      await site?.stop();
      unmount(disk);
    }
  });
});

describe('PostgreSQL: a server that is missing, unreachable or silent (started processes)', { skip: !DIALECTS.includes('postgres') }, () => {
  test('a database that does not exist, and a server that does not answer, are one line each with the password hidden', async () => {
    const dir = tempDir();
    try {
      const missing = new URL(TEST_PG_URL);
      missing.pathname = '/samachar_missing_db';
      missing.password = 'very-secret-pw';
      const line = assertOneLine(await runToExit({ DATA_DIR: dir, DATABASE_URL: missing.toString() }), 'missing database');
      assert.match(line, /^The database "samachar_missing_db" does not exist on .*\*\*\*@/);
      assert.doesNotMatch(line, /very-secret-pw/);

      const port = await freePort();
      const gone = assertOneLine(await runToExit({ DATA_DIR: dir, DATABASE_URL: `postgres://app:very-secret-pw@127.0.0.1:${port}/news` }), 'unreachable');
      assert.equal(gone, `Cannot reach PostgreSQL at postgres://app:***@127.0.0.1:${port}/news (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port}): is the server running, and is the address right?`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a silent network partition', () => {
    let site: StartedSite;
    let proxy: TcpProxy;
    before(async () => {
      site = await startSite('postgres');
      const target = new URL(TEST_PG_URL);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      const through = new URL(site.env.DATABASE_URL!);
      through.hostname = '127.0.0.1';
      through.port = String(proxy.port);
      await site.restart('SIGTERM', { DATABASE_URL: through.toString(), DATABASE_QUERY_TIMEOUT_MS: '1000', DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    });
    after(async () => {
      proxy?.heal();
      await site?.stop();
      await proxy?.close();
    });

    test('fails requests fast to the 503 page while packets are dropped, and recovers when they flow', { timeout: 120_000 }, async () => {
      const [cached, uncached, later] = await articleLinks(site);
      assert.ok(cached && uncached && later);
      assert.equal((await site.fetch(cached)).status, 200);
      proxy.blackhole();
      for (const url of [uncached, '/search?q=putin']) {
        const started = Date.now();
        const res = await site.fetch(url);
        const body = await res.text();
        assertUnavailablePage(res, body, url);
        assert.ok(Date.now() - started < 8000, `${url} answered in ${Date.now() - started} ms, not after the partition`);
      }
      assert.equal((await site.fetch(cached)).status, 200, 'a cached page is served meanwhile');
      proxy.heal();
      const end = Date.now() + 20_000;
      let status = 0;
      while (status !== 200 && Date.now() < end) {
        status = (await site.fetch(later)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      assert.equal(status, 200, 'the site comes back by itself');
      assert.match(await stopAndReadLog(site.server), /database unavailable: timed out/);
    });
  });
});

