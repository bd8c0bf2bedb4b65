import assert from 'node:assert/strict';
import { test } from 'node:test';
import { databaseFailureKind, isDatabaseUnavailable } from '../errors.ts';
import { describeStorageError, redactUrl } from './storage-errors.ts';

const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('every storage failure the drivers report is a 503 of a named kind; a bug is not', () => {
  const cases: [Error, string][] = [
    [err('SQLITE_FULL', 'database or disk is full'), 'disk-full'],
    [err('SQLITE_READONLY_DBMOVED'), 'read-only'],
    [err('SQLITE_CORRUPT'), 'corrupt'],
    [err('SQLITE_NOTADB'), 'corrupt'],
    [err('SQLITE_BUSY'), 'locked'],
    [err('SQLITE_IOERR_WRITE'), 'io'],
    [err('57014', 'canceling statement due to statement timeout'), 'timeout'],
    [new Error('Query read timeout'), 'timeout'],
    [new Error('timeout exceeded when trying to connect'), 'timeout'],
    [new Error('Client was closed and is not queryable'), 'unreachable'],
    [err('ECONNREFUSED'), 'unreachable'],
    [err('53100', 'could not extend file: No space left on device'), 'disk-full'],
    [err('25006', 'cannot execute UPDATE in a read-only transaction'), 'read-only'],
  ];
  for (const [error, kind] of cases) {
    assert.equal(databaseFailureKind(error), kind, error.message);
    assert.ok(isDatabaseUnavailable(error));
  }
  assert.equal(databaseFailureKind(err('SQLITE_ERROR', 'cannot rollback - no transaction is active')), null);
  assert.equal(databaseFailureKind(new TypeError('undefined is not a function')), null);
});

test('start-up lines name the file or the URL, never the password', () => {
  assert.equal(redactUrl('postgres://app:s3cret@db.example:5432/news?sslmode=require&password=p2'), 'postgres://app:***@db.example:5432/news?sslmode=require&password=***');
  const sqlite = { dialect: 'sqlite', sqlitePath: '/srv/data/samachar.db' } as const;
  assert.match(describeStorageError(err('SQLITE_FULL', 'database or disk is full'), sqlite)!, /^The disk holding \/srv\/data\/samachar\.db is full/);
  assert.match(describeStorageError(err('SQLITE_READONLY', 'attempt to write a readonly database'), sqlite)!, /^\/srv\/data\/samachar\.db cannot be written/);
  const pg = { dialect: 'postgres', url: 'postgres://app:s3cret@db.example:5432/news' } as const;
  const line = describeStorageError(err('3D000', 'database "news" does not exist'), pg)!;
  assert.equal(line, 'The database "news" does not exist on db.example:5432 (PostgreSQL at postgres://app:***@db.example:5432/news): create it (createdb news) or fix DATABASE_URL.');
  assert.equal(describeStorageError(new TypeError('a bug'), pg), null);
});
