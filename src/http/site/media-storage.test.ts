/**
 * Photos on object storage over HTTP, on every database, against a local S3-compatible
 * server: an upload is stored in the bucket and served from it with an immutable, ETag'd
 * answer (304 when the browser has it), crops are made from the bucket's variant and kept
 * there; a missing bucket or an endpoint that does not answer gives a clear Hindi 503 on
 * upload with nothing saved, and 503 with Retry-After for media requests, never a crash.
 * With MEDIA_PUBLIC_URL media requests redirect to that host, the one the CSP then allows.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DIALECTS, openTestServices } from '../../../test/helpers/databases.ts';
import { actor } from '../../../test/helpers/newsroom.ts';
import { startS3, type TestS3 } from '../../../test/helpers/s3-server.ts';
import { freePort } from '../../../test/helpers/server-process.ts';
import { buildApp } from '../../app.ts';
import type { Config } from '../../config.ts';
import { cropPath } from '../../domain/media/crops.ts';
import { S3MediaFiles } from '../../domain/media/s3-media-files.ts';

function multipart(file: Buffer) {
  const boundary = '----samachar' + randomBytes(8).toString('hex');
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nघाट\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A photo no earlier run encoded (so this upload really goes through the store). */
const freshPng = () =>
  sharp({ create: { width: 800, height: 500, channels: 3, background: `#${randomBytes(3).toString('hex')}` } })
    .png()
    .toBuffer();

async function site(dialect: (typeof DIALECTS)[number], overrides: Partial<Config>) {
  const t = await openTestServices(dialect, overrides);
  const app = await buildApp(t.services);
  const editor = await actor(t.services, 'editor');
  const upload = async (png: Buffer) => {
    const body = multipart(png);
    return app.inject({ method: 'POST', url: '/admin/api/media', headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, origin: 'http://localhost:80', 'content-type': body.contentType }, payload: body.payload });
  };
  return { t, app, editor, upload, close: async () => (await app.close(), await t.close()) };
}

let s3: TestS3;
before(async () => (s3 = await startS3()));
after(() => s3.close());

for (const dialect of DIALECTS) {
  describe(`photos on S3 (${dialect})`, () => {
    let s: Awaited<ReturnType<typeof site>>;
    let storage: ReturnType<TestS3['storage']>;
    before(async () => {
      storage = s3.storage();
      s = await site(dialect, { mediaStorage: storage });
    });
    after(() => s.close());

    test('an upload lands in the bucket and is served from it: immutable, ETag, 304; a crop is made from it and kept there', async () => {
      const res = await s.upload(await freshPng());
      assert.equal(res.statusCode, 201, res.body);
      const media = (await s.t.services.media.findById((res.json() as { media: { id: number } }).media.id))!;
      const bucket = new S3MediaFiles(storage, s.t.services.config.mediaDir);
      try {
        assert.ok(await bucket.head(`${media.fileKey}-480.avif`), 'in the bucket');
        const file = await s.app.inject({ method: 'GET', url: `/media/${media.fileKey}-480.webp` });
        assert.equal(file.statusCode, 200);
        assert.equal(file.headers['content-type'], 'image/webp');
        assert.equal(file.headers['cache-control'], 'public, max-age=31536000, immutable');
        assert.equal((await sharp(file.rawPayload).metadata()).width, 480);
        const etag = String(file.headers.etag);
        const again = await s.app.inject({ method: 'GET', url: `/media/${media.fileKey}-480.webp`, headers: { 'if-none-match': etag } });
        assert.equal(again.statusCode, 304);
        assert.equal(again.rawPayload.length, 0);

        const crop = await s.app.inject({ method: 'GET', url: cropPath(media, '16x9') });
        assert.equal(crop.statusCode, 200, crop.body);
        assert.equal(crop.headers['content-type'], 'image/jpeg');
        const crops = [];
        for await (const f of bucket.list({ prefix: `crop/${media.fileKey}-` })) crops.push(f.name);
        assert.equal(crops.length, 1, 'the crop is kept in the bucket');
        assert.equal((await s.app.inject({ method: 'GET', url: `/media/${'f'.repeat(16)}-480.webp` })).statusCode, 404);
        assert.match(String(file.headers['content-security-policy']), /img-src 'self' data:;/, 'no other host without MEDIA_PUBLIC_URL');
      } finally {
        bucket.close();
      }
    });
  });

  for (const fault of ['a missing bucket', 'an endpoint that does not answer'] as const) {
    describe(`photos on S3 with ${fault} (${dialect})`, () => {
      let s: Awaited<ReturnType<typeof site>>;
      before(async () => {
        const storage = fault === 'a missing bucket' ? { ...s3.storage(), bucket: 'no-such-bucket' } : { ...s3.storage(), endpoint: `http://127.0.0.1:${await freePort()}` };
        s = await site(dialect, { mediaStorage: storage });
      });
      after(() => s.close());

      test('an upload gets a clear Hindi 503 and nothing is saved; media requests get 503 with Retry-After', async () => {
        const before = (await s.t.services.media.search('', 1, 1)).total;
        const res = await s.upload(await freshPng());
        assert.equal(res.statusCode, 503, res.body);
        const error = (res.json() as { error: { code: string; messageHi: string } }).error;
        assert.equal(error.code, 'MEDIA_STORAGE_UNAVAILABLE');
        assert.match(error.messageHi, /फोटो भंडार/);
        assert.equal((await s.t.services.media.search('', 1, 1)).total, before, 'no row without its files');

        const file = await s.app.inject({ method: 'GET', url: `/media/${'a'.repeat(16)}-480.webp` });
        assert.equal(file.statusCode, 503);
        assert.ok(Number(file.headers['retry-after']) > 0);
        assert.match(file.body, /फोटो भंडार/);
        assert.doesNotMatch(file.body, /at .*\.ts/);
        // The site itself keeps working.
        assert.equal((await s.app.inject({ method: 'GET', url: '/admin/api/media', headers: { cookie: s.editor.cookie } })).statusCode, 200);
      });
    });
  }
}

describe('MEDIA_PUBLIC_URL', () => {
  let s: Awaited<ReturnType<typeof site>>;
  before(async () => (s = await site(DIALECTS[0]!, { mediaStorage: s3.storage(), mediaPublicUrl: 'https://cdn.example.net/photos' })));
  after(() => s.close());

  test('media requests redirect to the CDN, which the CSP allows for images (and only for images)', async () => {
    const name = `${'b'.repeat(16)}-960.avif`;
    const res = await s.app.inject({ method: 'GET', url: `/media/${name}` });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, `https://cdn.example.net/photos/${name}`);
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /img-src 'self' data: https:\/\/cdn\.example\.net;/);
    assert.doesNotMatch(csp.replace(/img-src[^;]*/, ''), /cdn\.example\.net/);
    assert.equal((await s.app.inject({ method: 'GET', url: '/media/../../etc/passwd' })).statusCode, 404);
  });
});
