/**
 * Makes the derived images of crops.ts, in an image worker thread (src/workers/), never
 * on the request thread: a crop of a photo around its focal point (sharp `extract` from the
 * widest variant), a share card (a story without a photo: its headline set in Noto Sans
 * Devanagari on the site's colours) and the publisher logo made from the site's name.
 *
 * Text is set by libvips' text operation (Pango, so Devanagari conjuncts, matras and nukta
 * are shaped by HarfBuzz) with the webfont Samachar already ships (@fontsource). sharp's own
 * FreeType reads TrueType but not WOFF, and a font fontconfig cannot read is silently
 * replaced (Devanagari then comes out as boxes): so the WOFF files are unpacked to TrueType
 * once (woffToSfnt, no compression library needed beyond zlib) and handed over by path.
 * A file is written beside its final name and renamed into place whole.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import zlib from 'node:zlib';
import type createSharp from 'sharp';
import { LOGO_SIZE, type Rect, SHARE_HEIGHT, SHARE_WIDTH } from './crops.ts';

export type DeriveJob =
  | { kind: 'crop'; source: string; rect: Rect; width: number; height: number; out: string }
  | { kind: 'share-card'; headline: string; siteName: string; out: string }
  | { kind: 'logo'; siteName: string; out: string };

/** The site's colours (site.css: --accent, the header's red). */
const ACCENT = '#b3121b';
const INK = '#1a1a1a';
const PAPER = '#ffffff';

let sharpModule: Promise<{ default: typeof createSharp }> | null = null;
async function loadSharp(): Promise<typeof createSharp> {
  // As image-encode.ts: one libvips thread, no operation cache (memory stays bounded).
  sharpModule ??= import('sharp').then((m) => {
    m.default.concurrency(1);
    m.default.cache(false);
    return m;
  });
  return (await sharpModule).default;
}

/** WOFF 1.0 → the TrueType/OpenType file it wraps (each table inflated when compressed). */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const o = 44 + i * 20;
    const offset = woff.readUInt32BE(o + 4);
    const compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? zlib.inflateSync(raw) : raw;
    if (data.length !== origLength) throw new Error('WOFF table of the wrong length');
    tables.push({ tag: woff.readUInt32BE(o), checksum: woff.readUInt32BE(o + 16), data });
  }
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [header];
  let at = header.length;
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    header.writeUInt32BE(t.tag, o);
    header.writeUInt32BE(t.checksum, o + 4);
    header.writeUInt32BE(at, o + 8);
    header.writeUInt32BE(t.data.length, o + 12);
    const pad = (4 - (t.data.length % 4)) % 4;
    parts.push(t.data, Buffer.alloc(pad));
    at += t.data.length + pad;
  });
  return Buffer.concat(parts);
}

const FONT_PACKAGE = '@fontsource/noto-sans-devanagari';

let fontsReady: Promise<{ devanagari: string; latin: string }> | null = null;
/** The bold Devanagari and Latin faces as TrueType files in `dir`, made once per thread. */
function fontFiles(dir: string): Promise<{ devanagari: string; latin: string }> {
  fontsReady ??= (async () => {
    const files = path.join(path.dirname(createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/700.css`)), 'files');
    await fs.mkdir(dir, { recursive: true });
    const out = { devanagari: '', latin: '' };
    for (const subset of ['devanagari', 'latin'] as const) {
      const target = path.join(dir, `noto-sans-devanagari-${subset}-700.ttf`);
      const tmp = `${target}.${process.pid}-${threadId}.tmp`;
      await fs.writeFile(tmp, woffToSfnt(await fs.readFile(path.join(files, `noto-sans-devanagari-${subset}-700-normal.woff`))));
      await fs.rename(tmp, target);
      out[subset] = target;
    }
    return out;
  })().catch((err: unknown) => {
    fontsReady = null;
    throw err;
  });
  return fontsReady;
}

/** Text for Pango markup: its three special characters escaped, control characters and bidi overrides dropped. */
export function pangoText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\n\r\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Text set in the box, as large as fits (libvips picks the size: `width` and `height` together); a PNG with alpha. */
export async function setText(fontDir: string, text: string, box: { width: number; height: number }, colour: string, align: 'left' | 'centre' = 'left') {
  return textImage(await loadSharp(), fontDir, text, box, colour, align);
}

async function textImage(sharp: typeof createSharp, fontDir: string, text: string, box: { width: number; height: number }, colour: string, align: 'left' | 'centre' = 'left') {
  const fonts = await fontFiles(fontDir);
  // The Latin face first (for digits, Latin words and punctuation), then the Devanagari one
  // the text asks for by name; both stay known to fontconfig for the thread's life.
  await sharp({ text: { text: 'a', font: 'Noto Sans Devanagari Bold 12', fontfile: fonts.latin } }).png().toBuffer();
  return sharp({
    text: {
      text: `<span foreground="${colour}">${pangoText(text)}</span>`,
      font: 'Noto Sans Devanagari Bold',
      fontfile: fonts.devanagari,
      width: box.width,
      height: box.height,
      align: align === 'centre' ? 'centre' : 'left',
      wrap: 'word',
      rgba: true,
      spacing: 0,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
}

async function writeWhole(out: string, write: (tmp: string) => Promise<unknown>): Promise<{ bytes: number }> {
  await fs.mkdir(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await write(tmp);
    await fs.rename(tmp, out);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  return { bytes: (await fs.stat(out)).size };
}

export async function deriveImage(job: DeriveJob): Promise<{ bytes: number }> {
  const sharp = await loadSharp();
  const fontDir = path.join(path.dirname(path.dirname(job.out)), 'fonts');
  switch (job.kind) {
    case 'crop':
      return writeWhole(job.out, (tmp) =>
        sharp(job.source)
          .extract(job.rect)
          .resize({ width: job.width, height: job.height, fit: 'cover' })
          .jpeg({ quality: 82, mozjpeg: true })
          .toFile(tmp),
      );
    case 'share-card': {
      const pad = 72;
      const text = await textImage(sharp, fontDir, job.headline, { width: SHARE_WIDTH - 2 * pad, height: SHARE_HEIGHT - 2 * pad - 90 }, INK);
      const name = await textImage(sharp, fontDir, job.siteName, { width: 600, height: 56 }, PAPER);
      const bar = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_WIDTH}" height="96"><rect width="100%" height="100%" fill="${ACCENT}"/></svg>`);
      return writeWhole(job.out, (tmp) =>
        sharp({ create: { width: SHARE_WIDTH, height: SHARE_HEIGHT, channels: 3, background: PAPER } })
          .composite([
            { input: bar, top: SHARE_HEIGHT - 96, left: 0 },
            { input: name.data, top: SHARE_HEIGHT - 96 + Math.round((96 - name.info.height) / 2), left: pad },
            { input: text.data, top: pad + Math.max(0, Math.round((SHARE_HEIGHT - 96 - 2 * pad - text.info.height) / 2)), left: pad },
          ])
          .png({ compressionLevel: 9 })
          .toFile(tmp),
      );
    }
    case 'logo': {
      const inner = LOGO_SIZE - 96;
      const text = await textImage(sharp, fontDir, job.siteName, { width: inner, height: inner }, PAPER, 'centre');
      return writeWhole(job.out, (tmp) =>
        sharp({ create: { width: LOGO_SIZE, height: LOGO_SIZE, channels: 3, background: ACCENT } })
          .composite([{ input: text.data, top: Math.round((LOGO_SIZE - text.info.height) / 2), left: Math.round((LOGO_SIZE - text.info.width) / 2) }])
          .png({ compressionLevel: 9 })
          .toFile(tmp),
      );
    }
  }
}
