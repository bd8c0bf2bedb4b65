/**
 * Two Samachar processes with their own data folders (two machines) on one PostgreSQL
 * database and one S3-compatible bucket (a local s3rver): a photo uploaded through one is
 * served, and cropped, by the other, which never had the file on its own disk.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import sharp from 'sharp';
import { defineConfig } from '../../src/config.ts';
import { cropPath } from '../../src/domain/media/crops.ts';
import { createServices } from '../../src/services.ts';
import { TEST_MEDIA_DIR, TEST_PG_URL } from '../helpers/databases.ts';
import { startS3, type TestS3 } from '../helpers/s3-server.ts';
import { adminQuery, type ServerProcess, startServer, stopServer } from '../helpers/server-process.ts';

describe('two processes, one bucket', () => {
  const dbName = `samachar_media_s3_${process.pid}`;
  const dirA = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-s3-a-'));
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-s3-b-'));
  let s3: TestS3 | undefined;
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;

  after(async () => {
    await Promise.all([stopServer(a), stopServer(b)]);
    await s3?.close();
    fs.rmSync(dirA, { recursive: true, force: true });
    fs.rmSync(dirB, { recursive: true, force: true });
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
  });

  test('a photo uploaded through one process is served and cropped by the other', async () => {
    s3 = await startS3();
    await adminQuery(`DROP DATABASE IF EXISTS ${dbName}`);
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(TEST_PG_URL);
    url.pathname = `/${dbName}`;
    const env = { DATABASE_URL: url.toString(), SAMACHAR_DEMO: '0', ...s3.env() };
    a = await startServer({ ...env, DATA_DIR: dirA });
    b = await startServer({ ...env, DATA_DIR: dirB });

    // An editor's session, made directly in the database the processes share.
    const services = await createServices(defineConfig({ database: { dialect: 'postgres', url: url.toString() }, mediaDir: TEST_MEDIA_DIR }), { bus: false });
    let session;
    try {
      const { user } = await services.users.create({ email: 'photo@example.in', name: 'Photo Desk', role: 'editor', password: 'correct horse battery' });
      session = await services.sessions.start(user.id);
    } finally {
      await services.close();
    }

    const png = await sharp({ create: { width: 1000, height: 700, channels: 3, background: `#${randomBytes(3).toString('hex')}` } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set('alt', 'दो मशीनें');
    form.set('file', new Blob([png], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${a.origin}/admin/api/media`, { method: 'POST', headers: { cookie: `samachar_session=${session.token}`, 'x-csrf-token': session.csrfToken, origin: a.origin }, body: form });
    const answer = await res.text();
    assert.equal(res.status, 201, answer);
    const { media } = JSON.parse(answer) as { media: { id: number; thumbUrl: string } };

    const fromA = Buffer.from(await (await fetch(a.origin + media.thumbUrl)).arrayBuffer());
    const onB = await fetch(b.origin + media.thumbUrl);
    assert.equal(onB.status, 200, `${media.thumbUrl} on B\n${b.output()}`);
    assert.ok(Buffer.from(await onB.arrayBuffer()).equals(fromA), 'the same bytes from both');
    assert.ok(!fs.existsSync(path.join(dirB, 'media', path.basename(media.thumbUrl))), 'B never had the file on its disk');

    const crop = await fetch(b.origin + cropPath({ id: media.id }, '1x1'));
    assert.equal(crop.status, 200, b.output());
    assert.equal((await sharp(Buffer.from(await crop.arrayBuffer())).metadata()).format, 'jpeg');
    assert.equal((await fetch(a.origin + cropPath({ id: media.id }, '1x1'))).status, 200, 'and A serves the crop B made');
  });
});
