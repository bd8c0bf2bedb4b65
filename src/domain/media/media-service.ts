/**
 * Takes an image file in, has it checked by its content (not its name or declared type)
 * and re-encoded into the responsive variants in a worker thread (image-encode.ts), and
 * records it in the library.
 * Guarantee: the stored files are always Samachar's own encodes; the uploaded bytes
 * are never served. Files are content-addressed, so the same image twice is encoded once.
 */
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import type { Readable } from 'node:stream';
import { DomainError } from '../../errors.ts';
import type { EncodeReservation, ImageEncoder } from './image-encode.ts';
import { type FocalPoint, type Media, type MediaMeta, parseFocalPoint } from './media.ts';
import { MEDIA_FILE_NAME, VARIANT_CONTENT_TYPES, VARIANT_FORMATS, variantFileName } from './media.ts';
import type { MediaFiles } from './media-files.ts';
import type { MediaStore } from './media-store.ts';

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
  /** Where the files are (local folder or S3: media-files.ts); encodes are made in its workDir. */
  files: MediaFiles;
  now: () => Date;
  /** Encodes in worker threads with a bounded queue (src/workers/heavy-work.ts). */
  encoder: ImageEncoder;
  /** Decoded pixels a photo may have (Config.maxPhotoPixels). */
  maxPixels: number;
}

export class MediaService {
  constructor(private readonly options: MediaServiceOptions) {}

  findById(id: number): Promise<Media | null> {
    return this.options.store.findById(id);
  }

  findByIds(ids: readonly number[]): Promise<Map<number, Media>> {
    return this.options.store.findByIds(ids);
  }

  /** Whether a name is one Samachar makes for a photo variant (anything else under /media/ is a 404). */
  isVariantName(name: string): boolean {
    return MEDIA_FILE_NAME.test(name);
  }

  /**
   * Opens a variant file for serving. Null for a name Samachar does not make (so no
   * path outside the media folder can ever be named) or a file that is not there.
   * Errors: MEDIA_STORAGE_UNAVAILABLE (503, Retry-After) when the store does not answer.
   */
  async openVariant(name: string): Promise<{ stream: Readable; bytes: number; contentType: string } | null> {
    if (!MEDIA_FILE_NAME.test(name)) return null;
    const body = await this.options.files.open(name);
    return body ? { ...body, contentType: VARIANT_CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)]! } : null;
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

  /**
   * Sets where the photo's subject is (x, y in 0..1 from the top left), kept in frame by
   * every crop from then on. Bad values are refused (400) and nothing changes. Pages
   * showing the photo are purged: their crop addresses name the focal point.
   */
  async setFocalPoint(id: number, input: unknown): Promise<Media> {
    const focal: FocalPoint = parseFocalPoint(input);
    if (!(await this.options.store.setFocalPoint(id, focal))) throw new DomainError('NOT_FOUND');
    this.options.changes.emit([contentTags.media(id)]);
    return (await this.options.store.findById(id))!;
  }

  /**
   * A place in the encode queue for one upload, taken before its file is read, so a
   * full queue refuses at once (DomainError BUSY: 503, Retry-After) with no upload held in
   * memory. Pass it to ingest(); release it when the request ends.
   */
  reserveEncode(): EncodeReservation {
    return this.options.encoder.reserve();
  }

  /**
   * Checks, encodes (in a worker thread) and records one photo. The row is written only
   * after every variant file is in place (published to the store), so a refused or failed
   * upload leaves nothing half-saved: a store that fails midway (MEDIA_STORAGE_UNAVAILABLE,
   * 503) or a failed insert leaves no row, and files of this attempt no row uses are removed
   * as far as the store lets. Without a reservation (the demo loader, the CLI) it waits for a place.
   */
  async ingest(bytes: Buffer, metaInput: MediaMeta, reservation?: EncodeReservation, options: { effort?: 'best' | 'fast' } = {}): Promise<Media> {
    const meta = validMeta(metaInput);
    if (bytes.length > MAX_UPLOAD_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'file');
    const input = { bytes, mediaDir: this.options.files.workDir, maxPixels: this.options.maxPixels, ...(options.effort ? { effort: options.effort } : {}) };
    const encoded = reservation ? await reservation.encode(input) : await this.options.encoder.encode(input);
    const names = encoded.variantWidths.flatMap((w) => VARIANT_FORMATS.map((f) => variantFileName(encoded.fileKey, w, f)));
    try {
      for (const name of names) await this.options.files.publish(name, VARIANT_CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
      return await this.options.store.insert({
        ...meta,
        fileKey: encoded.fileKey,
        mime: `image/${encoded.format}`,
        width: encoded.width,
        height: encoded.height,
        bytes: bytes.length,
        variantWidths: encoded.variantWidths,
        createdAt: this.options.now(),
      });
    } catch (err) {
      // Files without a row are never served, but go if no other record shares them (best effort: the store may be down).
      if (this.options.files.kind !== 'local' && !(await this.options.store.fileKeyInUse(encoded.fileKey).catch(() => true))) {
        await this.options.files.remove(names).catch(() => undefined);
      }
      throw err;
    }
  }
}
