/**
 * Checks an uploaded image by its content and writes Samachar's own encodes of it (AVIF,
 * WebP, JPEG at each variant width). Runs in an image worker thread (src/workers/), never
 * on the request thread; media-service.ts admits and records uploads around it.
 *
 * Memory: the image is decoded once, shrunk to the largest variant width on the way in
 * (libvips streams it, so the full-size image is not held), and each variant is made from
 * that small copy one after another. With the pixel cap and one encode per thread, the
 * peak of one upload is bounded (see docs/decisions/017).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type createSharp from 'sharp';
import type { Metadata, OutputInfo } from 'sharp';
import { DomainError } from '../../errors.ts';
import { VARIANT_FORMATS, VARIANT_WIDTHS, type VariantFormat, variantFileName } from './media.ts';

/** Formats accepted, judged from the file's bytes (sharp's sniffing), never its name or declared type. SVG is not among them. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);
/** The widest variant made; a wider photo is shrunk to it. */
const MAX_VARIANT_WIDTH = 2400;

export interface EncodeImageInput {
  bytes: Uint8Array;
  mediaDir: string;
  /** Decoded pixels allowed (width × height); more is refused with 413 before decoding. */
  maxPixels: number;
  /**
   * 'best' (the default, every upload): the smallest files for readers. 'fast': about a
   * third of the CPU for files about 1.5× the size; the demo loader uses it, so a new site's
   * first start is not spent encoding placeholder drawings (47 photos: ~36 → ~14 CPU-seconds).
   */
  effort?: 'best' | 'fast';
}

export interface EncodedImage {
  fileKey: string;
  /** As sharp names it: jpeg, png, webp, heif. */
  format: string;
  /** As displayed (after the EXIF orientation). */
  width: number;
  height: number;
  variantWidths: number[];
}

/** One place in the encode queue, taken before an upload is read (media-service.ts). */
export interface EncodeReservation {
  encode(input: EncodeImageInput): Promise<EncodedImage>;
  release(): void;
}

/** Where encodes run: worker threads with a bounded queue (src/workers/heavy-work.ts). */
export interface ImageEncoder {
  /** A place for one encode now, or DomainError('BUSY') (503 with Retry-After). */
  reserve(): EncodeReservation;
  /** Encodes, waiting for a place however long it takes (the demo loader, the CLI). */
  encode(input: EncodeImageInput): Promise<EncodedImage>;
}

let sharpModule: Promise<{ default: typeof createSharp }> | null = null;
/**
 * sharp, loaded on the first encode and set for a worker thread: one libvips thread per
 * encode (the other CPU stays free for requests) and no operation cache (it would keep
 * decoded images in memory between uploads).
 */
async function loadSharp(): Promise<typeof createSharp> {
  sharpModule ??= import('sharp').then((m) => {
    m.default.concurrency(1);
    m.default.cache(false);
    return m;
  });
  return (await sharpModule).default;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export async function encodeImage(input: EncodeImageInput): Promise<EncodedImage> {
  const sharp = await loadSharp();
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  let info: Metadata;
  try {
    // Header only, without the pixel limit, so an over-large image is told apart (413) from a non-image (415).
    info = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'not a decodable image');
  }
  if (!info.format || !ACCEPTED.has(info.format) || !info.width || !info.height) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', `format ${String(info.format)}`);
  }
  if (info.width * info.height > input.maxPixels || (info.pages ?? 1) > 1) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 'file', `${info.width}×${info.height}, ${info.pages ?? 1} frame(s): over ${input.maxPixels} pixels or animated`);
  }
  const rotated = (info.orientation ?? 1) >= 5;
  const width = rotated ? info.height : info.width;
  const height = rotated ? info.width : info.height;
  // Variant widths follow the photo as displayed (a portrait photo stored sideways is narrow).
  const variantWidths: number[] = VARIANT_WIDTHS.filter((w) => w <= width);
  if (variantWidths.length === 0 || variantWidths[variantWidths.length - 1]! < width) variantWidths.push(Math.min(width, MAX_VARIANT_WIDTH));
  const fileKey = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const targets = variantWidths.flatMap((w) => VARIANT_FORMATS.map((f) => ({ w, f, file: path.join(input.mediaDir, variantFileName(fileKey, w, f)) })));
  const missing: typeof targets = [];
  for (const t of targets) if (!(await exists(t.file))) missing.push(t);
  const result = { fileKey, format: info.format, width, height, variantWidths };
  // Content-addressed: these exact bytes were decoded, checked and encoded before.
  if (missing.length === 0) return result;

  let base: { data: Buffer; info: OutputInfo };
  try {
    // Decode fully once (a truncated or corrupt file is refused here, not half-encoded later), upright and shrunk.
    base = await sharp(bytes, { limitInputPixels: input.maxPixels, sequentialRead: true })
      .rotate()
      .resize({ width: variantWidths[variantWidths.length - 1]!, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'image does not decode');
  }
  const made: string[] = [];
  const tmpSuffix = `.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.tmp`;
  await fs.mkdir(input.mediaDir, { recursive: true });
  let next = 0;
  let failed: unknown = null;
  // Two variants at a time: both CPUs busy, yet two of libuv's four threads stay free
  // for the process's file reads (sharp runs on the same thread pool).
  const lane = async () => {
    while (next < missing.length && failed === null) {
      const t = missing[next++]!;
      const tmp = t.file + tmpSuffix;
      made.push(tmp, t.file);
      try {
        await encodeVariant(sharp, base, t.w, t.f, input.effort ?? 'best').toFile(tmp);
        // Renamed into place whole, so a reader never gets a half-written file.
        await fs.rename(tmp, t.file);
      } catch (err) {
        failed ??= err;
      }
    }
  };
  await Promise.all([lane(), lane()]);
  if (failed !== null) {
    // Nothing half-made stays behind: the files this attempt wrote are removed.
    await Promise.all(made.map((f) => fs.rm(f, { force: true })));
    throw failed;
  }
  return result;
}

function encodeVariant(sharp: typeof createSharp, base: { data: Buffer; info: OutputInfo }, width: number, format: VariantFormat, effort: 'best' | 'fast') {
  const { width: w, height: h, channels } = base.info;
  const pipeline = sharp(base.data, { raw: { width: w, height: h, channels: channels as 1 | 2 | 3 | 4 } }).resize({ width, withoutEnlargement: true });
  const best = effort === 'best';
  if (format === 'avif') return pipeline.avif({ quality: 55, effort: best ? 2 : 0 });
  if (format === 'webp') return pipeline.webp({ quality: 78, effort: best ? 4 : 1 });
  return pipeline.jpeg({ quality: 80, mozjpeg: best });
}
