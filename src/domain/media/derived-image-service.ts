/**
 * Crops, share cards and the publisher logo (crops.ts) as files: made on first request
 * in an image worker thread (derived-images.ts through src/workers/), stored beside the
 * photo variants (`crop/`, `share/`, `logo/` in the media store: media-files.ts, a local
 * folder or S3), and served from there afterwards. With S3 the source variant is fetched to
 * this machine's work folder first, and the made file is published before it is served. Several requests for one missing file share one making of it. A full
 * image queue refuses at once (DomainError BUSY: 503 with Retry-After), so a crawler
 * asking for many new share images cannot hold uploads up, nor the request thread.
 */
import type { Readable } from 'node:stream';
import { type CropRatio, cropOutputSize, cropRect, cropSource, logoHash, shareCardHash, type ShareCardText } from './crops.ts';
import type { DeriveJob } from './derived-images.ts';
import { focalOf, focalUnits, type Media, variantFileName } from './media.ts';
import { type MediaFiles, workPath } from './media-files.ts';

export interface DerivedFile {
  /** Its name in the media store (`crop/…`, `share/…`, `logo/…`). */
  readonly name: string;
  readonly stream: Readable;
  readonly bytes: number;
  readonly contentType: string;
}

/** Where the making runs: the image worker pool, admitting or refusing at once. */
export interface ImageDeriver {
  derive(job: DeriveJob): Promise<{ bytes: number }>;
}

export class DerivedImageService {
  private readonly making = new Map<string, Promise<unknown>>();

  constructor(private readonly options: { files: MediaFiles; deriver: ImageDeriver }) {}

  /**
   * A photo's crop around its focal point (the address was checked against the photo by the
   * caller). Null when the photo's files are gone (a 404, not an error).
   */
  async crop(media: Media, ratio: CropRatio): Promise<DerivedFile | null> {
    const u = focalUnits(focalOf(media));
    const src = cropSource(media);
    const files = this.options.files;
    const out = `crop/${media.fileKey}-${ratio}-${u.x}-${u.y}.jpg`;
    const source = variantFileName(media.fileKey, src.width, 'jpeg');
    if (!(await files.head(out)) && !(await files.head(source))) return null;
    return this.open(out, 'image/jpeg', async () => {
      if (!(await files.fetch(source))) throw new Error(`crop source ${source} went away`);
      return {
        kind: 'crop',
        source: workPath(files, source),
        rect: cropRect(src.width, src.height, ratio, focalOf(media)),
        ...cropOutputSize(media, ratio),
        out: workPath(files, out),
      };
    });
  }

  /** The share card of a story without a photo. */
  shareCard(card: ShareCardText): Promise<DerivedFile> {
    const out = `share/${shareCardHash(card)}.png`;
    return this.open(out, 'image/png', async () => ({ kind: 'share-card', headline: card.headline, siteName: card.siteName, out: workPath(this.options.files, out) }));
  }

  /** The publisher logo made from the site's name. */
  logo(siteName: string): Promise<DerivedFile> {
    const out = `logo/${logoHash(siteName)}.png`;
    return this.open(out, 'image/png', async () => ({ kind: 'logo', siteName, out: workPath(this.options.files, out) }));
  }

  /** `name` in the store, made first (once, however many ask at the same moment) if it is not there. */
  private async open(name: string, contentType: string, job: () => Promise<DeriveJob>): Promise<DerivedFile> {
    const files = this.options.files;
    let body = await files.open(name);
    if (!body) {
      let pending = this.making.get(name);
      if (!pending) {
        pending = job()
          .then((j) => this.options.deriver.derive(j))
          .then(() => files.publish(name, contentType))
          .finally(() => this.making.delete(name));
        this.making.set(name, pending);
      }
      await pending;
      body = await files.open(name);
      if (!body) throw new Error(`derived image ${name} missing right after it was made`);
    }
    return { name, stream: body.stream, bytes: body.bytes, contentType };
  }
}

/** Deletes a photo's crops (with its variants, when the photo is deleted: media-usage-service.ts). */
export async function removeCropFiles(files: MediaFiles, fileKey: string): Promise<void> {
  const names: string[] = [];
  for await (const f of files.list({ prefix: `crop/${fileKey}-` })) names.push(f.name);
  await files.remove(names);
}
