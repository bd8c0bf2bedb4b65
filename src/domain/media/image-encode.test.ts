import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import sharp from 'sharp';
import { DomainError } from '../../errors.ts';
import { encodeImage } from './image-encode.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-encode-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('image encode', () => {
  test('a photo stored sideways (EXIF orientation 6) gets the widths of the photo as shown', async () => {
    const mediaDir = path.join(dir, 'rotated');
    const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#a53' } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await encodeImage({ bytes: jpeg, mediaDir, maxPixels: 40_000_000 });
    assert.equal(out.width, 900);
    assert.equal(out.height, 1600);
    assert.deepEqual(out.variantWidths, [480, 900]);
    const files = fs.readdirSync(mediaDir).sort();
    assert.equal(files.length, 6);
    const big = await sharp(path.join(mediaDir, `${out.fileKey}-900.jpg`)).metadata();
    assert.deepEqual([big.width, big.height], [900, 1600], 'upright');
  });

  test("'fast' effort (the demo's placeholders) makes the same variants, each decodable at its width, in other bytes", async () => {
    // Noise, so the encoders' effort shows in the output.
    const pixels = Buffer.alloc(1000 * 600 * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
    const png = await sharp(pixels, { raw: { width: 1000, height: 600, channels: 3 } }).png().toBuffer();
    const best = await encodeImage({ bytes: png, mediaDir: path.join(dir, 'best'), maxPixels: 40_000_000 });
    const fast = await encodeImage({ bytes: png, mediaDir: path.join(dir, 'fast'), maxPixels: 40_000_000, effort: 'fast' });
    assert.deepEqual(fast, best, 'same key, size and widths');
    let differs = false;
    for (const w of fast.variantWidths) {
      for (const ext of ['avif', 'webp', 'jpg']) {
        const name = `${fast.fileKey}-${w}.${ext}`;
        const meta = await sharp(path.join(dir, 'fast', name)).metadata();
        assert.equal(meta.width, w, name);
        if (!fs.readFileSync(path.join(dir, 'fast', name)).equals(fs.readFileSync(path.join(dir, 'best', name)))) differs = true;
      }
    }
    assert.ok(differs, 'encoded with other settings');
  });

  test('over the pixel cap: 413 before decoding, no file written', async () => {
    const mediaDir = path.join(dir, 'big');
    const png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#000' } }).png().toBuffer();
    await assert.rejects(encodeImage({ bytes: png, mediaDir, maxPixels: 5_000_000 }), (e: unknown) => e instanceof DomainError && e.code === 'PAYLOAD_TOO_LARGE');
    assert.equal(fs.existsSync(mediaDir), false);
  });

  test('a truncated image: 415, and nothing half-made is left', async () => {
    const mediaDir = path.join(dir, 'truncated');
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
    await assert.rejects(encodeImage({ bytes: png.subarray(0, Math.floor(png.length / 2)), mediaDir, maxPixels: 40_000_000 }), (e: unknown) => e instanceof DomainError && e.code === 'UNSUPPORTED_MEDIA_TYPE');
    assert.deepEqual(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir) : [], []);
  });

  test('the same bytes again are not decoded again: the variants are already there', async () => {
    const mediaDir = path.join(dir, 'again');
    const png = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#2a6' } }).png().toBuffer();
    const first = await encodeImage({ bytes: png, mediaDir, maxPixels: 40_000_000 });
    const mtimes = fs.readdirSync(mediaDir).map((f) => fs.statSync(path.join(mediaDir, f)).mtimeMs);
    const second = await encodeImage({ bytes: png, mediaDir, maxPixels: 40_000_000 });
    assert.deepEqual(second, first);
    assert.deepEqual(fs.readdirSync(mediaDir).map((f) => fs.statSync(path.join(mediaDir, f)).mtimeMs), mtimes);
  });
});
