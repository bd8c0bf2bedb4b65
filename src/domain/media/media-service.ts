/**
 * Takes an image file in, checks it by its content (not its name or declared type),
 * re-encodes it into the responsive variants, and records it in the library.
 * Guarantee: the stored files are always Samachar's own encodes; the uploaded bytes
 * are never served. Files are content-addressed, so the same image twice is encoded once.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { DomainError } from '../../errors.ts';
import type { Media, MediaMeta } from './media.ts';
import { MEDIA_FILE_NAME, VARIANT_FORMATS, VARIANT_WIDTHS, variantFileName } from './media.ts';
import { createReadStream, type ReadStream } from 'node:fs';
import type { MediaStore } from './media-store.ts';

const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'heif']);
/** Refuse decompression bombs before decoding. */
const MAX_PIXELS = 50_000_000;

export interface MediaServiceOptions {
  store: MediaStore;
  mediaDir: string;
  now: () => Date;
}

export class MediaService {
  constructor(private readonly options: MediaServiceOptions) {}

  findById(id: number): Promise<Media | null> {
    return this.options.store.findById(id);
  }

  findByIds(ids: readonly number[]): Promise<Map<number, Media>> {
    return this.options.store.findByIds(ids);
  }

  /**
   * Opens a variant file for serving. Null for a name Samachar does not make (so no
   * path outside the media folder can ever be named) or a file that is not there.
   */
  async openVariant(name: string): Promise<{ stream: ReadStream; bytes: number; contentType: string } | null> {
    if (!MEDIA_FILE_NAME.test(name)) return null;
    const file = path.join(this.options.mediaDir, name);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return null;
      return { stream: createReadStream(file), bytes: stat.size, contentType: name.endsWith('.webp') ? 'image/webp' : 'image/jpeg' };
    } catch {
      return null;
    }
  }

  async ingest(bytes: Buffer, meta: MediaMeta): Promise<Media> {
    let info: Metadata;
    try {
      info = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
    } catch {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'not a decodable image');
    }
    if (!info.format || !ACCEPTED.has(info.format) || !info.width || !info.height) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', `format ${String(info.format)}`);
    }
    const fileKey = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= info.width!);
    if (widths.length === 0 || widths[widths.length - 1]! < info.width) widths.push(Math.min(info.width, 2400));
    await fs.mkdir(this.options.mediaDir, { recursive: true });
    await Promise.all(widths.flatMap((w) => VARIANT_FORMATS.map((f) => this.writeVariant(bytes, fileKey, w, f))));
    const oriented = info.orientation && info.orientation >= 5;
    return this.options.store.insert({
      ...meta,
      fileKey,
      mime: `image/${info.format}`,
      width: oriented ? info.height : info.width,
      height: oriented ? info.width : info.height,
      bytes: bytes.length,
      variantWidths: widths,
      createdAt: this.options.now(),
    });
  }

  private async writeVariant(bytes: Buffer, fileKey: string, width: number, format: 'webp' | 'jpeg') {
    const target = path.join(this.options.mediaDir, variantFileName(fileKey, width, format));
    try {
      await fs.access(target);
      return;
    } catch {
      // not made yet
    }
    const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width, withoutEnlargement: true });
    const out = format === 'webp' ? pipeline.webp({ quality: 78 }) : pipeline.jpeg({ quality: 80, mozjpeg: true });
    // Write to a temporary name and rename, so a reader never gets a half-written file.
    const tmp = `${target}.${process.pid}.tmp`;
    await out.toFile(tmp);
    await fs.rename(tmp, target);
  }
}
