/**
 * `samachar doctor`: prints the effective configuration (secrets hidden) and checks what the
 * site needs beyond itself: the database (reachable, migrations current), Redis when
 * configured, the S3 bucket when configured, and free disk space where data lives.
 * Returns 0 when all is well, 1 on any problem; each check is one line, and none waits
 * longer than a few seconds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '@redis/client';
import type { Config } from '../config.ts';
import { createMediaFiles } from '../domain/media/media-storage.ts';
import { connectStorage } from '../storage/connect.ts';
import { HealthStore } from './health-store.ts';

export interface DoctorCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** Below this much free space where data lives, doctor reports a problem (uploads, the WAL, backups). */
export const MIN_FREE_BYTES = 512 * 1024 * 1024;
const TIMEOUT_MS = 5000;

/** The configuration with every secret replaced: tokens, keys, passwords in URLs. */
export function redactConfig(config: Config): unknown {
  const hide = (key: string, value: unknown): unknown => {
    if (value === null || value === undefined) return value;
    if (/secret|token|password|accesskey/i.test(key)) return '(hidden)';
    if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
      try {
        const url = new URL(value);
        if (!url.password) return value;
        url.password = '***';
        return url.toString();
      } catch {
        return '(hidden)';
      }
    }
    if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(k, v)]));
    return value;
  };
  return hide('', config);
}

async function timed<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function reason(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message.split('\n')[0]! : String(err);
  return typeof e?.code === 'string' && !message.includes(e.code) ? `${e.code}: ${message}` : message;
}

async function checkDatabase(config: Config, schema: string | undefined): Promise<DoctorCheck> {
  const where = config.database.dialect === 'sqlite' ? config.database.sqlitePath : 'PostgreSQL';
  if (config.database.dialect === 'sqlite' && !fs.existsSync(config.database.sqlitePath)) {
    return { name: 'database', ok: false, detail: `no database file at ${where} (start the site or run \`samachar migrate\` once)` };
  }
  try {
    const storage = await timed(connectStorage(config.database, { integrityCheck: 'never', ...(schema ? { schema } : {}) }), 'database');
    try {
      const health = new HealthStore(storage);
      await timed(health.ping(), 'database');
      const pending = await timed(health.pendingMigrations(), 'database');
      if (pending.length > 0) return { name: 'database', ok: false, detail: `${where}: migrations pending (${pending.join(', ')}): run \`samachar migrate\`` };
      return { name: 'database', ok: true, detail: `${where}: reachable, migrations current` };
    } finally {
      await storage.close();
    }
  } catch (err) {
    return { name: 'database', ok: false, detail: `${where}: ${reason(err)}` };
  }
}

async function checkRedis(url: string): Promise<DoctorCheck> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await timed(client.connect(), 'Redis');
    await timed(client.ping(), 'Redis');
    return { name: 'redis', ok: true, detail: 'reachable' };
  } catch (err) {
    return { name: 'redis', ok: false, detail: reason(err) };
  } finally {
    await client.quit().catch(() => client.disconnect().catch(() => {}));
  }
}

async function checkS3(config: Config): Promise<DoctorCheck> {
  if (config.mediaStorage.kind !== 's3') return { name: 's3', ok: true, detail: 'not used (MEDIA_STORAGE=local)' };
  try {
    // A key that is never there: the bucket answers "not found" when it is reachable and ours to read.
    await timed(createMediaFiles(config).head('samachar-doctor-probe'), 'S3');
    return { name: 's3', ok: true, detail: `bucket ${config.mediaStorage.bucket} reachable` };
  } catch (err) {
    return { name: 's3', ok: false, detail: `bucket ${config.mediaStorage.bucket}: ${reason(err)}` };
  }
}

function checkDisk(dir: string, minFreeBytes: number): DoctorCheck {
  let at = path.resolve(dir);
  while (!fs.existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  try {
    const s = fs.statfsSync(at);
    const free = s.bavail * s.bsize;
    const text = `${(free / 1024 ** 3).toFixed(1)} GiB free at ${at}`;
    return free < minFreeBytes ? { name: 'disk', ok: false, detail: `${text}: below ${Math.round(minFreeBytes / 1024 ** 2)} MiB` } : { name: 'disk', ok: true, detail: text };
  } catch (err) {
    return { name: 'disk', ok: false, detail: `${at}: ${reason(err)}` };
  }
}

/** Runs every check; `print` gets each line. Returns the exit code. */
export async function doctor(config: Config, print: (line: string) => void, options: { minFreeBytes?: number; /** PostgreSQL schema (tests); default the connection's. */ schema?: string } = {}): Promise<number> {
  print('Effective configuration (secrets hidden):');
  for (const line of JSON.stringify(redactConfig(config), null, 2).split('\n')) print(`  ${line}`);
  print('Checks:');
  const checks: DoctorCheck[] = [await checkDatabase(config, options.schema)];
  checks.push(config.redisUrl ? await checkRedis(config.redisUrl) : { name: 'redis', ok: true, detail: 'not used (no REDIS_URL)' });
  checks.push(await checkS3(config));
  checks.push(checkDisk(path.dirname(config.mediaDir), options.minFreeBytes ?? MIN_FREE_BYTES));
  for (const c of checks) print(`  ${c.ok ? 'ok     ' : 'PROBLEM'} ${c.name.padEnd(8)} ${c.detail}`);
  const problems = checks.filter((c) => !c.ok).length;
  print(problems === 0 ? 'All checks passed.' : `${problems} problem${problems === 1 ? '' : 's'} found.`);
  return problems === 0 ? 0 : 1;
}
