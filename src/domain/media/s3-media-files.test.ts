/**
 * The S3 kind of media storage against a local S3-compatible server (s3rver): whole files
 * in and out with the SDK's checksums sent only where required, listing by prefix, deleting;
 * a missing file is null; a store that is down or a bucket that does not exist is
 * MEDIA_STORAGE_UNAVAILABLE (503 with Retry-After), never a crash or a hang.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startS3, type TestS3 } from '../../../test/helpers/s3-server.ts';
import { freePort } from '../../../test/helpers/server-process.ts';
import { DomainError } from '../../errors.ts';
import { S3MediaFiles } from './s3-media-files.ts';

async function text(body: { stream: NodeJS.ReadableStream } | null): Promise<string> {
  assert.ok(body);
  let out = '';
  for await (const chunk of body.stream) out += String(chunk);
  return out;
}

const unavailable = (err: unknown) => err instanceof DomainError && err.code === 'MEDIA_STORAGE_UNAVAILABLE' && typeof err.data?.retryAfterSeconds === 'number';

describe('S3 media storage', () => {
  let s3: TestS3;
  let work: string;
  before(async () => {
    s3 = await startS3();
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'samachar-s3-work-'));
  });
  after(async () => {
    await s3.close();
    await fs.rm(work, { recursive: true, force: true });
  });

  test('publishes a work file whole, reads it back, lists and deletes by prefix', async () => {
    const files = new S3MediaFiles(s3.storage(), work);
    try {
      const bytes = Buffer.alloc(300_000, 7);
      await fs.writeFile(path.join(work, 'abcdef0123456789-480.webp'), bytes);
      await fs.mkdir(path.join(work, 'crop'), { recursive: true });
      await fs.writeFile(path.join(work, 'crop', 'abcdef0123456789-16x9-5000-5000.jpg'), 'crop');
      assert.equal(await files.head('abcdef0123456789-480.webp'), null);
      await files.publish('abcdef0123456789-480.webp', 'image/webp');
      await files.publish('crop/abcdef0123456789-16x9-5000-5000.jpg', 'image/jpeg');
      assert.deepEqual(await files.head('abcdef0123456789-480.webp'), { name: 'abcdef0123456789-480.webp', bytes: bytes.length });
      const body = await files.open('abcdef0123456789-480.webp');
      const chunks: Buffer[] = [];
      for await (const c of body!.stream) chunks.push(c as Buffer);
      assert.ok(Buffer.concat(chunks).equals(bytes));
      assert.equal(await text(await files.open('crop/abcdef0123456789-16x9-5000-5000.jpg')), 'crop');

      const all = [];
      for await (const f of files.list()) all.push(f.name);
      assert.deepEqual(all.sort(), ['abcdef0123456789-480.webp', 'crop/abcdef0123456789-16x9-5000-5000.jpg']);
      const crops = [];
      for await (const f of files.list({ prefix: 'crop/abcdef' })) crops.push(f.name);
      assert.deepEqual(crops, ['crop/abcdef0123456789-16x9-5000-5000.jpg']);

      await files.remove(['abcdef0123456789-480.webp', 'not-there-480.jpg']);
      assert.equal(await files.open('abcdef0123456789-480.webp'), null);
      await assert.rejects(fs.stat(path.join(work, 'abcdef0123456789-480.webp')), 'the work copy goes too');
    } finally {
      files.close();
    }
  });

  test('fetches a stored file to the work folder of another machine', async () => {
    const prefix = 'shared/';
    const one = new S3MediaFiles(s3.storage(prefix), work);
    const otherWork = await fs.mkdtemp(path.join(os.tmpdir(), 'samachar-s3-other-'));
    const other = new S3MediaFiles(s3.storage(prefix), otherWork);
    try {
      await fs.writeFile(path.join(work, 'fedcba9876543210-960.jpg'), 'jpeg bytes');
      await one.publish('fedcba9876543210-960.jpg', 'image/jpeg');
      assert.equal(await other.fetch('fedcba9876543210-960.jpg'), true);
      assert.equal(await fs.readFile(path.join(otherWork, 'fedcba9876543210-960.jpg'), 'utf8'), 'jpeg bytes');
      assert.equal(await other.fetch('fedcba9876543210-1440.jpg'), false);
    } finally {
      one.close();
      other.close();
      await fs.rm(otherWork, { recursive: true, force: true });
    }
  });

  test('names outside the library are refused before any request', async () => {
    const files = new S3MediaFiles(s3.storage(), work);
    try {
      for (const bad of ['../etc/passwd', 'crop/../../x', '/abs', 'a/b/c', '']) {
        await assert.rejects(files.head(bad), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_INPUT', bad);
      }
    } finally {
      files.close();
    }
  });

  test('a missing bucket and a store that does not answer are MEDIA_STORAGE_UNAVAILABLE, on read and on write', async () => {
    await fs.writeFile(path.join(work, '0000000000000000-480.jpg'), 'x');
    const noBucket = new S3MediaFiles({ ...s3.storage(), bucket: 'no-such-bucket' }, work);
    const down = new S3MediaFiles({ ...s3.storage(), endpoint: `http://127.0.0.1:${await freePort()}` }, work);
    try {
      for (const files of [noBucket, down]) {
        await assert.rejects(files.open('0000000000000000-480.jpg'), unavailable);
        await assert.rejects(files.head('0000000000000000-480.jpg'), unavailable);
        await assert.rejects(files.publish('0000000000000000-480.jpg', 'image/jpeg'), unavailable);
      }
      await assert.rejects(noBucket.open('0000000000000000-480.jpg'), (e: unknown) => e instanceof Error && /bucket does not exist/.test(e.message));
    } finally {
      noBucket.close();
      down.close();
    }
  });
});
