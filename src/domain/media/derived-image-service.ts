/**
 * Crops, share cards and the publisher logo (crops.ts) as files: made on first request
 * in an image worker thread (derived-images.ts through src/workers/), kept on disk beside
 * the photo variants (`<media>/crop/`, `<media>/share/`, `<media>/logo/`), and served from
 * there afterwards. Several requests for one missing file share one making of it. A full
 * image queue refuses at once (DomainError BUSY: 503 with Retry-After), so a crawler
 * asking for many new share images cannot hold uploads up, nor the request thread.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type CropRatio, cropOutputSize, cropRect, cropSource, logoHash, shareCardHash, type ShareCardText } from './crops.ts';
import type { DeriveJob } from './derived-images.ts';
import { focalOf, focalUnits, type Media, variantFileName } from './media.ts';

export interface DerivedFile {
  readonly stream: ReadStream;
  readonly bytes: number;
  readonly contentType: string;
}

/** Where the making runs: the image worker pool, admitting or refusing at once. */
export interface ImageDeriver {
  derive(job: DeriveJob): Promise<{ bytes: number }>;
}

export class DerivedImageService {
  private readonly making = new Map<string, Promise<unknown>>();

  constructor(private readonly options: { mediaDir: string; deriver: ImageDeriver }) {}

  /**
   * A photo's crop around its focal point (the address was checked against the photo by the
   * caller). Null when the photo's files are gone (a 404, not an error).
   */
  async crop(media: Media, ratio: CropRatio): Promise<DerivedFile | null> {
    const u = focalUnits(focalOf(media));
    const src = cropSource(media);
    const out = path.join(this.options.mediaDir, 'crop', `${media.fileKey}-${ratio}-${u.x}-${u.y}.jpg`);
    const source = path.join(this.options.mediaDir, variantFileName(media.fileKey, src.width, 'jpeg'));
    if (!(await fs.stat(out).catch(() => null)) && !(await fs.stat(source).catch(() => null))) return null;
    return this.open(out, 'image/jpeg', () => ({
      kind: 'crop',
      source,
      rect: cropRect(src.width, src.height, ratio, focalOf(media)),
      ...cropOutputSize(media, ratio),
      out,
    }));
  }

  /** The share card of a story without a photo. */
  shareCard(card: ShareCardText): Promise<DerivedFile> {
    const out = path.join(this.options.mediaDir, 'share', `${shareCardHash(card)}.png`);
    return this.open(out, 'image/png', () => ({ kind: 'share-card', headline: card.headline, siteName: card.siteName, out }));
  }

  /** The publisher logo made from the site's name. */
  logo(siteName: string): Promise<DerivedFile> {
    const out = path.join(this.options.mediaDir, 'logo', `${logoHash(siteName)}.png`);
    return this.open(out, 'image/png', () => ({ kind: 'logo', siteName, out }));
  }

  private async open(file: string, contentType: string, job: () => DeriveJob): Promise<DerivedFile> {
    let stat = await fs.stat(file).catch(() => null);
    if (!stat) {
      let pending = this.making.get(file);
      if (!pending) {
        pending = this.options.deriver.derive(job()).finally(() => this.making.delete(file));
        this.making.set(file, pending);
      }
      await pending;
      stat = await fs.stat(file);
    }
    return { stream: createReadStream(file), bytes: stat.size, contentType };
  }
}

/** Deletes a photo's crops (with its variants, when the photo is deleted: media-usage-service.ts). */
export async function removeCropFiles(mediaDir: string, fileKey: string): Promise<void> {
  const dir = path.join(mediaDir, 'crop');
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(`${fileKey}-`)).map((n) => fs.rm(path.join(dir, n), { force: true })));
}
