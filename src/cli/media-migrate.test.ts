/**
 * `samachar media migrate --to s3` as an operator runs it, against a local S3-compatible
 * server: a run stopped part way (by --max-files, or killed) continues when run again,
 * copying only what is missing or of the wrong size, and ends with every file in the
 * bucket at its size and the settings to use; bad settings and a bucket that does not
 * answer end with one line, never a stack trace.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, mock, test } from 'node:test';
import { loadConfig } from '../config.ts';
import { mediaCommand } from './media-commands.ts';
import { startS3, type TestS3 } from '../../test/helpers/s3-server.ts';
import { freePort } from '../../test/helpers/server-process.ts';
import { S3MediaFiles } from '../domain/media/s3-media-files.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The command in this process (as main.ts runs it, configured by `env` alone), its output captured. */
async function inProcess(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const log = mock.method(console, 'log', (...a: unknown[]) => (stdout += `${a.join(' ')}\n`));
  const error = mock.method(console, 'error', (...a: unknown[]) => (stderr += `${a.join(' ')}\n`));
  try {
    const [, ...rest] = args;
    return { status: await mediaCommand(loadConfig(env), rest), stdout, stderr };
  } finally {
    log.mock.restore();
    error.mock.restore();
  }
}

/** `samachar …` in a child, awaited without blocking this process (the S3 server lives here). */
function samachar(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

describe('samachar media migrate --to s3', () => {
  let s3: TestS3;
  let dataDir: string;
  const names: string[] = [];
  before(async () => {
    s3 = await startS3();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-migrate-'));
    const media = path.join(dataDir, 'media');
    fs.mkdirSync(path.join(media, 'crop'), { recursive: true });
    for (let i = 0; i < 24; i++) {
      const name = `${i.toString(16).padStart(16, '0')}-480.${['avif', 'webp', 'jpg'][i % 3]}`;
      fs.writeFileSync(path.join(media, name), Buffer.alloc(1000 + i * 37, i));
      names.push(name);
    }
    fs.writeFileSync(path.join(media, 'crop', '0000000000000001-16x9-5000-5000.jpg'), 'a crop');
    names.push('crop/0000000000000001-16x9-5000-5000.jpg');
    fs.writeFileSync(path.join(media, '0000000000000002-480.jpg.1234-1-ab.tmp'), 'a half-written encode is not copied');
  });
  after(async () => {
    await s3.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const prefix = 'migrated/';
  const env = () => ({ DATA_DIR: dataDir, ...s3.env(prefix), MEDIA_STORAGE: 'local' });
  async function bucket(): Promise<Map<string, number>> {
    const files = new S3MediaFiles(s3.storage(prefix), fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-migrate-check-')));
    try {
      const out = new Map<string, number>();
      for await (const f of files.list()) out.set(f.name, f.bytes);
      return out;
    } finally {
      files.close();
    }
  }
  const localSize = (name: string) => fs.statSync(path.join(dataDir, 'media', name)).size;

  test('bad settings and a bucket that does not answer: one line, no stack trace, nothing copied', async () => {
    const noBucket = await inProcess(['media', 'migrate', '--to', 's3'], { DATA_DIR: dataDir });
    assert.equal(noBucket.status, 2);
    assert.match(noBucket.stderr, /Set S3_BUCKET/);
    const wrongTarget = await inProcess(['media', 'migrate', '--to', 'ftp'], env());
    assert.equal(wrongTarget.status, 2);
    assert.match(wrongTarget.stderr, /Usage: samachar media migrate/);
    const badNumber = await inProcess(['media', 'migrate', '--to', 's3', '--max-files', 'ten'], env());
    assert.equal(badNumber.status, 2);
    const down = await samachar(['media', 'migrate', '--to', 's3'], { ...env(), S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` });
    assert.equal(down.status, 1, down.stderr);
    assert.match(down.stderr, /The bucket cannot be used: media storage \(S3\)/);
    assert.doesNotMatch(down.stderr, /\n\s+at /);
    assert.equal((await bucket()).size, 0);
  });

  test('stopped by --max-files, then killed, then run again: every file ends in the bucket at its size', async () => {
    const first = await inProcess(['media', 'migrate', '--to', 's3', '--max-files', '10'], env());
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /25 files: 10 copied .*, 0 already in the bucket, 15 left for the next run/);
    assert.equal((await bucket()).size, 10);

    // A file that arrived wrong (a different size) is copied again.
    const wrong = names[20]!;
    const other = path.join(dataDir, 'wrong-size');
    fs.writeFileSync(other, 'short');
    const files = new S3MediaFiles(s3.storage(prefix), dataDir);
    await files.put(wrong, other, 'image/jpeg');
    files.close();

    // Killed as soon as it reports its start: whatever it had copied stays, nothing is half-stored.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'media', 'migrate', '--to', 's3'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env() }, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => child.stderr.on('data', (d) => String(d).includes('Copying photo files') && resolve()));
    child.kill('SIGKILL');
    await exited;
    for (const [name, bytes] of await bucket()) if (name !== wrong) assert.equal(bytes, localSize(name), name);

    // The real command, as an operator runs it.
    const last = await samachar(['media', 'migrate', '--to', 's3'], env());
    assert.equal(last.status, 0, last.stderr);
    const m = /25 files: (\d+) copied .*, (\d+) already in the bucket\./.exec(last.stdout);
    assert.ok(m, last.stdout);
    assert.ok(Number(m[2]) >= 10 && Number(m[1]) >= 1, 'the earlier runs are not copied again; the wrong file is');
    assert.match(last.stdout, /MEDIA_STORAGE=s3\n {2}S3_BUCKET=samachar-test/);
    assert.match(last.stdout, /S3_PREFIX=migrated\//);
    assert.match(last.stderr, /Copying photo files: 25\/25/);
    const stored = await bucket();
    assert.deepEqual([...stored.keys()].sort(), [...names].sort());
    for (const name of names) assert.equal(stored.get(name), localSize(name), name);

    const again = await inProcess(['media', 'migrate', '--to', 's3'], env());
    assert.match(again.stdout, /25 files: 0 copied \(0\.0 MB\), 25 already in the bucket\./);
  });
});
