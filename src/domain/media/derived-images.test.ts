/**
 * Share cards and logos really set Devanagari (issue 14, point 4): sharp's FreeType cannot
 * read the WOFF files Samachar ships, and a font fontconfig cannot read is replaced without
 * a word, so Hindi would come out as boxes (one per code point). Shaped text is narrower:
 * the vowel sign of `कि` sits on its consonant. Also: the WOFF unpacking, the PNG sizes,
 * and that nothing half-written is left.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { deriveImage, pangoText, setText, woffToSfnt } from './derived-images.ts';

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samachar-derived-'));
after(() => fs.rm(dir, { recursive: true, force: true }));

/** Width of the ink (non-transparent pixels) of a rendered text. */
async function inkWidth(text: string): Promise<number> {
  const img = await setText(path.join(dir, 'fonts'), text, { width: 2000, height: 120 }, '#000000');
  const trimmed = await sharp(img.data).trim({ background: { r: 0, g: 0, b: 0, alpha: 0 } }).toBuffer({ resolveWithObject: true });
  return trimmed.info.width;
}

describe('derived images', () => {
  it('sets Devanagari shaped, not as boxes', async () => {
    const ka = await inkWidth('कककक');
    const ki = await inkWidth('किकिकिकि');
    // As boxes, 8 code points are twice as wide as 4; shaped, the i-signs add far less.
    assert.ok(ki / ka < 1.6, `कि×4 is ${ki} px, क×4 ${ka} px`);
    // A conjunct is one glyph cluster: क्ष is narrower than क and ष side by side with a halant box.
    const ksha = await inkWidth('क्षक्षक्षक्ष');
    assert.ok(ksha / ka < 1.6, `क्ष×4 is ${ksha} px`);
  });

  it('makes a 1200×630 share card and a 512×512 logo as PNG, renamed into place whole', async () => {
    const out = path.join(dir, 'share', 'card.png');
    await deriveImage({ kind: 'share-card', headline: 'पुतिन </script> & "वेलकम" 😀 \u202e क़ज़ा', siteName: 'समाचार', out });
    const meta = await sharp(out).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630]);
    const logo = path.join(dir, 'logo', 'l.png');
    await deriveImage({ kind: 'logo', siteName: 'समाचार', out: logo });
    const lm = await sharp(logo).metadata();
    assert.deepEqual([lm.format, lm.width, lm.height], ['png', 512, 512]);
    assert.deepEqual((await fs.readdir(path.join(dir, 'share'))).filter((n) => n.endsWith('.tmp')), []);
  });

  it('a crop of a missing source fails and leaves nothing behind', async () => {
    const out = path.join(dir, 'crop', 'x.jpg');
    await assert.rejects(deriveImage({ kind: 'crop', source: path.join(dir, 'missing.jpg'), rect: { left: 0, top: 0, width: 10, height: 10 }, width: 10, height: 10, out }));
    assert.deepEqual(await fs.readdir(path.join(dir, 'crop')), []);
  });

  it('escapes Pango markup and drops control characters and bidi overrides', () => {
    assert.equal(pangoText('a<b>&c\u202e\u0001d\ne'), 'a&lt;b&gt;&amp;cd e');
  });

  it('unpacks WOFF to an sfnt with the same tables, and refuses anything else', async () => {
    const { createRequire } = await import('node:module');
    const css = createRequire(import.meta.url).resolve('@fontsource/noto-sans-devanagari/400.css');
    const woff = await fs.readFile(path.join(path.dirname(css), 'files', 'noto-sans-devanagari-devanagari-400-normal.woff'));
    const sfnt = woffToSfnt(woff);
    assert.equal(sfnt.readUInt16BE(4), woff.readUInt16BE(12), 'same number of tables');
    assert.equal(sfnt.readUInt32BE(0), woff.readUInt32BE(4), 'same flavour');
    assert.throws(() => woffToSfnt(Buffer.from('not a font at all, not at all')), /WOFF/);
  });
});
