/**
 * The process's heavy work, off the request thread: one pool for revision comparisons
 * and one for image encodes, so a queue of photos never delays a comparison and the
 * other way round. Sizes and queue limits come from Config (README, "Configuration").
 */
import type { Config } from '../config.ts';
import type { ArticleSnapshot } from '../domain/articles/article-history.ts';
import type { RenderedComparison } from '../render/admin/diff-html.ts';
import type { EncodedImage, EncodeImageInput, EncodeReservation, ImageEncoder } from '../domain/media/image-encode.ts';
import type { DeriveJob } from '../domain/media/derived-images.ts';
import type { Task } from './tasks.ts';
import { WorkerPool } from './worker-pool.ts';

/**
 * The worker's entry module: beside this file when running from source (tsx), and
 * dist/worker-entry.js beside dist/main.js in the bundle (this module is inlined into main.js).
 */
export const WORKER_ENTRY = import.meta.url.endsWith('.ts') ? new URL('./worker-entry.ts', import.meta.url) : new URL('./worker-entry.js', import.meta.url);

export type HeavyWorkLimits = Pick<Config, 'diffWorkers' | 'diffQueue' | 'imageWorkers' | 'imageQueue'>;

export class HeavyWork implements ImageEncoder {
  readonly diffs: WorkerPool;
  readonly images: WorkerPool;

  constructor(limits: HeavyWorkLimits) {
    this.diffs = new WorkerPool({
      name: 'revision comparison',
      script: WORKER_ENTRY,
      size: limits.diffWorkers,
      maxQueue: limits.diffQueue,
      retryAfterSeconds: 2,
      // The diff's own budget ends it well within a second; this only catches a bug.
      taskTimeoutMs: 10_000,
      idleMs: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    this.images = new WorkerPool({
      name: 'image encode',
      script: WORKER_ENTRY,
      size: limits.imageWorkers,
      maxQueue: limits.imageQueue,
      retryAfterSeconds: 10,
      taskTimeoutMs: null,
      idleMs: 30_000,
      // On glibc, sharp's libraries must be opened by the main thread before any worker
      // loads them, or a worker's exit can unload them under another (sharp issue 2263).
      beforeStart: () => import('sharp'),
    });
  }

  /** Two revisions compared in a worker; DomainError('BUSY') when the comparison queue is full. */
  async compareRevisions(a: ArticleSnapshot, b: ArticleSnapshot, sections: ReadonlyMap<number, string>): Promise<RenderedComparison> {
    const ticket = this.diffs.admit();
    try {
      return await ticket.run<RenderedComparison>({ kind: 'compare-revisions', a, b, sections } satisfies Task);
    } finally {
      ticket.release();
    }
  }

  reserve(): EncodeReservation {
    const ticket = this.images.admit();
    return {
      encode: (input) => ticket.run<EncodedImage>({ kind: 'encode-image', input } satisfies Task),
      release: () => ticket.release(),
    };
  }

  /**
   * A crop, share card or logo made in an image thread (derived-image-service.ts): admitted
   * like an upload, so a full queue refuses at once (BUSY, 503 with Retry-After).
   */
  async derive(job: DeriveJob): Promise<{ bytes: number }> {
    const ticket = this.images.admit();
    try {
      return await ticket.run<{ bytes: number }>({ kind: 'derive-image', job } satisfies Task);
    } finally {
      ticket.release();
    }
  }

  encode(input: EncodeImageInput): Promise<EncodedImage> {
    return this.images.run<EncodedImage>({ kind: 'encode-image', input } satisfies Task);
  }

  async close(): Promise<void> {
    await Promise.all([this.diffs.close(), this.images.close()]);
  }
}
