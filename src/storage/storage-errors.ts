/**
 * What a storage failure means, in one line a person can act on: the file or the server
 * (password hidden), what is wrong, and what to do. Start-up prints it and exits; the
 * running site logs it beside its 503. Reads only the error's own fields (`code`,
 * `message`), as the drivers set them.
 */
import type { DatabaseConfig } from '../config.ts';
import { databaseFailureKind } from '../errors.ts';

/** A storage failure whose message is already the one line to show (it names the file or URL). */
export class StorageError extends Error {
  override name = 'StorageError';
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`; anything unparsable is shown as `(an unreadable DATABASE_URL)`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    // A password can also come as ?password=… (libpq style): hide that too.
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|key/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(an unreadable DATABASE_URL)';
  }
}

/** Where the database is, for messages: the SQLite file's path, or the URL without its password. */
export function describeLocation(database: DatabaseConfig): string {
  return database.dialect === 'sqlite' ? database.sqlitePath : redactUrl(database.url);
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

/**
 * The one line to print when `err` stopped the database from opening or working, or null
 * when it is not a storage failure this knows (a bug: the caller shows it whole).
 */
export function describeStorageError(err: unknown, database: DatabaseConfig): string | null {
  if (err instanceof StorageError) return err.message;
  const kind = databaseFailureKind(err);
  if (!kind) return null;
  const detail = `${codeOf(err) || 'error'}: ${messageOf(err)}`;
  if (database.dialect === 'sqlite') {
    const file = database.sqlitePath;
    switch (kind) {
      case 'disk-full':
        return `The disk holding ${file} is full (${detail}): free some space, then start again.`;
      case 'read-only':
        return `${file} cannot be written (${detail}): Samachar needs to write the file and its folder (SQLite keeps -wal and -shm files beside it); check the permissions and that the disk is not mounted read-only.`;
      case 'corrupt':
        return `${file} is damaged or is not a SQLite database (${detail}): restore it from a backup, or move it away to start a new site.`;
      case 'locked':
        return `${file} stayed locked by another program for longer than the busy timeout (${detail}): stop whatever holds it, then start again.`;
      default:
        return `Reading or writing ${file} failed (${detail}): check the disk.`;
    }
  }
  let where = redactUrl(database.url);
  let name = '';
  let host = '';
  try {
    const parsed = new URL(database.url);
    name = decodeURIComponent(parsed.pathname.slice(1));
    host = `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    // redactUrl already says the URL is unreadable.
  }
  where = `PostgreSQL at ${where}`;
  switch (kind) {
    case 'no-database':
      return `The database "${name}" does not exist on ${host} (${where}): create it (createdb ${name}) or fix DATABASE_URL.`;
    case 'login':
      return `${where} refused the login (${messageOf(err)}): check the user name and password in DATABASE_URL.`;
    case 'unreachable':
      return `Cannot reach ${where} (${detail}): is the server running, and is the address right?`;
    case 'timeout':
      return `${where} did not answer in time (${messageOf(err)}): check the server and the network between.`;
    case 'disk-full':
      return `The disk of ${where} is full (${detail}).`;
    case 'read-only':
      return `${where} accepts no writes (${detail}): DATABASE_URL must name the primary server, not a read-only replica.`;
    default:
      return `${where} is not available (${detail}).`;
  }
}
