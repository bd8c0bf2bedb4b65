/**
 * Uploading photos over HTTP on every database: accepted formats are re-encoded into
 * AVIF, WebP and JPEG variants; wrong types get 415, oversized files 413, and nothing
 * is stored for either.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = '----samachar' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

for (const dialect of DIALECTS) {
  describe(`media uploads (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
    });
    after(() => t.close());

    const upload = (fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => {
      const body = multipart(fields, file);
      return t.app.inject({
        method: 'POST',
        url: '/admin/api/media',
        headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, origin: 'http://localhost:80', 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const count = async () => (await t.services.media.search('', 1, 1)).total;
    const meta = { alt: 'नदी किनारे लोग', caption: 'गंगा घाट पर सुबह', credit: 'फोटो: समाचार' };

    test('a PNG is re-encoded into every width and format, and found by its caption', async () => {
      const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6' } }).png().toBuffer();
      const res = await upload(meta, { name: 'ghat.png', type: 'image/png', data: png });
      assert.equal(res.statusCode, 201, res.body);
      const { media } = res.json() as { media: { id: number; thumbUrl: string; width: number; height: number } };
      assert.equal(media.width, 1600);
      assert.equal(media.height, 900);
      const stored = await t.services.media.findById(media.id);
      assert.deepEqual(stored?.variantWidths, [480, 960, 1440, 1600]);
      for (const ext of ['avif', 'webp', 'jpg']) {
        const file: { statusCode: number; rawPayload: Buffer } = await t.app.inject({ method: 'GET', url: `/media/${stored!.fileKey}-960.${ext}` });
        assert.equal(file.statusCode, 200, ext);
        const info = await sharp(file.rawPayload).metadata();
        assert.equal(info.width, 960);
        assert.equal(info.format, ext === 'jpg' ? 'jpeg' : ext === 'avif' ? 'heif' : 'webp');
      }
      const found = await t.app.inject({ method: 'GET', url: `/admin/api/media?q=${encodeURIComponent('गंगा')}`, headers: { cookie: editor.cookie } });
      assert.equal(found.statusCode, 200);
      assert.ok((found.json() as { items: { id: number }[] }).items.some((i) => i.id === media.id));
      const none = await t.app.inject({ method: 'GET', url: `/admin/api/media?q=${encodeURIComponent('%_')}`, headers: { cookie: editor.cookie } });
      assert.equal((none.json() as { total: number }).total, 0, 'wildcards are matched literally');
    });

    test('SVG, text renamed .jpg, truncated images and empty files get 415 or 400; nothing stored', async () => {
      const before = await count();
      const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } }).jpeg().toBuffer();
      const cases: [string, string, Buffer, number][] = [
        ['x.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 415],
        ['x.jpg', 'image/jpeg', Buffer.from('this is not an image'), 415],
        ['x.jpg', 'image/jpeg', jpeg.subarray(0, 200), 415],
        ['x.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n'), 415],
        ['x.gif', 'image/gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 415],
        ['x.jpg', 'image/jpeg', Buffer.alloc(0), 400],
      ];
      for (const [name, type, data, status] of cases) {
        const res = await upload(meta, { name, type, data });
        assert.equal(res.statusCode, status, `${name} ${data.subarray(0, 10).toString()}: ${res.body}`);
        assert.ok((res.json() as { error: { messageHi: string } }).error.messageHi);
      }
      assert.equal(await count(), before);
    });

    test('an oversized upload gets 413 and nothing is stored', async () => {
      const before = await count();
      const res = await upload(meta, { name: 'big.jpg', type: 'image/jpeg', data: Buffer.alloc(21 * 1024 * 1024, 1) });
      assert.equal(res.statusCode, 413);
      assert.equal(await count(), before);
    });

    test('an image with too many pixels gets 413', async () => {
      // A tiny PNG that claims 10000 × 10000 pixels (100 MP).
      const huge = await sharp({ create: { width: 10000, height: 10000, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
      const res = await upload(meta, { name: 'bomb.png', type: 'image/png', data: huge });
      assert.equal(res.statusCode, 413);
    });
  });
}
