/**
 * Takes an image file in, checks it by its content (not its name or declared type),
 * re-encodes it into the responsive variants, and records it in the library.
 * Guarantee: the stored files are always Samachar's own encodes; the uploaded bytes
 * are never served. Files are content-addressed, so the same image twice is encoded once.
 */
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type createSharp from 'sharp';
import type { Metadata, Sharp, SharpOptions } from 'sharp';
import { DomainError } from '../../errors.ts';
import type { Media, MediaMeta } from './media.ts';
import { MEDIA_FILE_NAME, VARIANT_CONTENT_TYPES, VARIANT_FORMATS, VARIANT_WIDTHS, type VariantFormat, variantFileName } from './media.ts';
import { createReadStream, type ReadStream } from 'node:fs';

/**
 * sharp (libvips) is loaded on the first upload, not at start: a reader-only process never
 * needs it, and it adds about 15 MB to every process that loads it.
 */
let sharpModule: Promise<{ default: typeof createSharp }> | null = null;
async function sharp(input: Buffer, options: SharpOptions): Promise<Sharp> {
  sharpModule ??= import('sharp');
  return (await sharpModule).default(input, options);
}
import type { MediaStore } from './media-store.ts';

/** Formats accepted, judged from the file's bytes (sharp's sniffing), never its name or declared type. SVG is not among them. */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'heif']);
/** Refuse decompression bombs before decoding. */
export const MAX_PIXELS = 40_000_000;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const META_MAX = { alt: 300, caption: 500, credit: 120 } as const;

function validMeta(meta: MediaMeta): MediaMeta {
  const out = { alt: '', caption: '', credit: '' };
  for (const key of ['alt', 'caption', 'credit'] as const) {
    const v = (meta[key] ?? '').normalize('NFC').trim();
    if (v.length > META_MAX[key] || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(v)) throw new DomainError('INVALID_INPUT', key);
    out[key] = v;
  }
  return out;
}

export interface MediaServiceOptions {
  store: MediaStore;
  changes: ChangeFeed;
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
      return { stream: createReadStream(file), bytes: stat.size, contentType: VARIANT_CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)]! };
    } catch {
      return null;
    }
  }

  async search(query: string, page: number, pageSize: number): Promise<{ items: Media[]; total: number }> {
    return this.options.store.search(query.slice(0, 100), pageSize, (page - 1) * pageSize);
  }

  async updateMeta(id: number, meta: MediaMeta): Promise<Media> {
    const clean = validMeta(meta);
    if (!(await this.options.store.findById(id))) throw new DomainError('NOT_FOUND');
    await this.options.store.updateMeta(id, clean);
    this.options.changes.emit([contentTags.media(id)]);
    return (await this.options.store.findById(id))!;
  }

  async ingest(bytes: Buffer, metaInput: MediaMeta): Promise<Media> {
    const meta = validMeta(metaInput);
    if (bytes.length > MAX_UPLOAD_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'file');
    let info: Metadata;
    try {
      // Header only, without the pixel limit, so an over-large image is told apart (413) from a non-image (415).
      info = await (await sharp(bytes, { limitInputPixels: false })).metadata();
    } catch {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'not a decodable image');
    }
    if (!info.format || !ACCEPTED.has(info.format) || !info.width || !info.height) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', `format ${String(info.format)}`);
    }
    if (info.width * info.height > MAX_PIXELS || (info.pages ?? 1) > 1) throw new DomainError('PAYLOAD_TOO_LARGE', 'file', 'too many pixels or frames');
    try {
      // Decode fully once: a truncated or corrupt file is refused here, not half-encoded later.
      await (await sharp(bytes, { limitInputPixels: MAX_PIXELS })).stats();
    } catch {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'image does not decode');
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

  private async writeVariant(bytes: Buffer, fileKey: string, width: number, format: VariantFormat) {
    const target = path.join(this.options.mediaDir, variantFileName(fileKey, width, format));
    try {
      await fs.access(target);
      return;
    } catch {
      // not made yet
    }
    const pipeline = (await sharp(bytes, { limitInputPixels: MAX_PIXELS })).rotate().resize({ width, withoutEnlargement: true });
    const out =
      format === 'avif'
        ? pipeline.avif({ quality: 55, effort: 2 })
        : format === 'webp'
          ? pipeline.webp({ quality: 78 })
          : pipeline.jpeg({ quality: 80, mozjpeg: true });
    // Write to a temporary name and rename, so a reader never gets a half-written file.
    const tmp = `${target}.${process.pid}.tmp`;
    await out.toFile(tmp);
    await fs.rename(tmp, target);
  }
}
