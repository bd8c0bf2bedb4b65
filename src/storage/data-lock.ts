/**
 * One server per SQLite data folder. SQLite itself lets several processes share a file,
 * but each server keeps its own page cache, and SQLite has no bus to carry purges between
 * them: a second server would serve pages up to PAGE_CACHE_TTL_S old. Several processes
 * need PostgreSQL. Commands (`samachar user create`, `reindex`…) may still run beside a
 * server: they go through SQLite's own locking, as any writer does.
 *
 * The lock is an operating-system lock (fcntl, through SQLite's own locking on a small
 * file `server.lock`), so it goes away with its process however that ends (kill -9, a
 * crash): a stale lock never blocks a restart, and no pid has to be trusted. Beside it,
 * `server.pid` says who holds it, for the message a second server prints; it is removed at
 * a clean stop, so finding it when taking the lock means the last server did not stop
 * cleanly (its database file then gets checked).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { StorageError } from './storage-errors.ts';

export interface DataLock {
  /** The folder locked. */
  readonly dir: string;
  /** The previous server's pid file was still there: it stopped without cleaning up. */
  readonly previousStopUnclean: boolean;
  /** Lets the folder go (a clean stop). */
  release(): void;
}

/** Who holds a data folder's lock, as its pid file says. */
export interface LockOwner {
  readonly pid: number | null;
  readonly host: string | null;
  readonly since: string | null;
}

const LOCK_FILE = 'server.lock';
const OWNER_FILE = 'server.pid';

export class DataFolderLocked extends StorageError {
  override name = 'DataFolderLocked';

  constructor(
    readonly dir: string,
    readonly owner: LockOwner | null,
  ) {
    super(
      `Another Samachar server${describeOwner(owner)} is already serving ${dir}: SQLite serves one process, so stop that one first; several processes need PostgreSQL (DATABASE_URL). Commands such as \`samachar user create\` may run beside it.`,
    );
  }
}

function describeOwner(owner: LockOwner | null): string {
  if (!owner?.pid) return '';
  const where = owner.host && owner.host !== os.hostname() ? ` on ${owner.host}` : '';
  return ` (pid ${owner.pid}${where}${owner.since ? `, since ${owner.since}` : ''})`;
}

function readOwner(dir: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as Partial<Record<keyof LockOwner, unknown>>;
    return {
      pid: typeof parsed.pid === 'number' ? parsed.pid : null,
      host: typeof parsed.host === 'string' ? parsed.host : null,
      since: typeof parsed.since === 'string' ? parsed.since : null,
    };
  } catch {
    return null;
  }
}

function isBusy(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));
}

/**
 * Takes the data folder of `sqlitePath` for this process, or throws DataFolderLocked
 * (after waiting `waitMs` for a moment's holder, such as another command's probe).
 */
export function lockDataFolder(sqlitePath: string, waitMs = 2000): DataLock {
  const dir = path.dirname(path.resolve(sqlitePath));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new StorageError(`${dir} cannot be created (${(err as NodeJS.ErrnoException).code ?? String(err)}): check DATA_DIR and its permissions.`);
  }
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'its disk is mounted read-only' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? String(err));
    throw new StorageError(`${dir} cannot be written (${why}): Samachar needs to write the database file and its folder (DATA_DIR).`, { cause: err });
  }
  let lock: SqliteDatabase.Database;
  try {
    lock = new SqliteDatabase(path.join(dir, LOCK_FILE));
  } catch (err) {
    throw new StorageError(`${path.join(dir, LOCK_FILE)} cannot be opened (${(err as { code?: string }).code ?? String(err)}): Samachar needs to write in ${dir}.`, { cause: err });
  }
  try {
    lock.pragma(`busy_timeout = ${Math.max(0, Math.round(waitMs))}`);
    // In EXCLUSIVE locking mode the first write takes SQLite's exclusive lock and keeps it
    // until the connection closes (or the process ends): that is the lock.
    lock.pragma('locking_mode = EXCLUSIVE');
    // The file's content does not matter, only its lock: no journal file beside it.
    lock.pragma('journal_mode = MEMORY');
    lock.exec('begin exclusive; create table if not exists holder (pid integer); delete from holder; insert into holder values (' + String(process.pid) + '); commit');
  } catch (err) {
    lock.close();
    if (isBusy(err)) throw new DataFolderLocked(dir, readOwner(dir));
    throw new StorageError(`${path.join(dir, LOCK_FILE)} cannot be locked (${(err as { code?: string }).code ?? String(err)}): Samachar needs to write in ${dir}.`, { cause: err });
  }
  const ownerFile = path.join(dir, OWNER_FILE);
  const previousStopUnclean = fs.existsSync(ownerFile);
  try {
    fs.writeFileSync(ownerFile, `${JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })}\n`);
  } catch (err) {
    lock.close();
    throw new StorageError(`${ownerFile} cannot be written (${(err as NodeJS.ErrnoException).code ?? String(err)}): Samachar needs to write in ${dir}.`, { cause: err });
  }
  let released = false;
  return {
    dir,
    previousStopUnclean,
    release() {
      if (released) return;
      released = true;
      // The pid file first: while the lock is still held, no other server can be writing its own.
      fs.rmSync(ownerFile, { force: true });
      lock.close();
    },
  };
}

/**
 * The server holding the data folder of `sqlitePath` right now, or null when none does.
 * For commands that should not run under a live server (or should say what it means).
 * It only reads the lock file (a shared lock for an instant), never takes it.
 */
export function dataFolderServer(sqlitePath: string): LockOwner | null {
  const dir = path.dirname(path.resolve(sqlitePath));
  const lockFile = path.join(dir, LOCK_FILE);
  if (!fs.existsSync(lockFile)) return null;
  let probe: SqliteDatabase.Database;
  try {
    probe = new SqliteDatabase(lockFile, { readonly: true, fileMustExist: true });
  } catch {
    return null;
  }
  try {
    probe.pragma('busy_timeout = 0');
    probe.prepare('select count(*) from sqlite_master').get();
    return null;
  } catch (err) {
    return isBusy(err) ? (readOwner(dir) ?? { pid: null, host: null, since: null }) : null;
  } finally {
    probe.close();
  }
}
