/**
 * Views counted in this process's memory until the next flush (decision 029). Guarantees:
 * - A token counts once within DEDUP_WINDOW_MS; memory is bounded (MAX_TOKENS tokens, the
 *   oldest forgotten first; MAX_COUNTED_STORIES stories per flush).
 * - `take` hands over everything counted so far and starts afresh; `giveBack` returns a
 *   batch whose write failed, so a database outage loses no views (within the bounds).
 * - Nothing here identifies a reader: tokens are random per tab and story, never written.
 */
import { DEDUP_WINDOW_MS, MAX_COUNTED_STORIES, MAX_TOKENS } from './most-read.ts';

/** Views per story per hour. */
export interface ViewBatch {
  readonly hour: number;
  readonly articleId: number;
  readonly views: number;
}

export class ViewCounter {
  /** token → when it stops deduplicating (monotonic ms). Insertion order is expiry order. */
  private readonly tokens = new Map<string, number>();
  /** `${hour}:${articleId}` → views. */
  private counts = new Map<string, number>();

  constructor(
    private readonly clock: () => number = () => performance.now(),
    private readonly limits: { maxTokens: number; maxStories: number } = { maxTokens: MAX_TOKENS, maxStories: MAX_COUNTED_STORIES },
  ) {}

  /** Counts a view of `articleId` in `hour` unless `token` was seen within the window; whether it counted. */
  record(articleId: number, hour: number, token: string): boolean {
    const now = this.clock();
    this.forget(now);
    const seen = this.tokens.get(token);
    if (seen !== undefined && seen > now) return false;
    const key = `${hour}:${articleId}`;
    const current = this.counts.get(key);
    if (current === undefined && this.counts.size >= this.limits.maxStories) return false;
    this.tokens.delete(token);
    this.tokens.set(token, now + DEDUP_WINDOW_MS);
    while (this.tokens.size > this.limits.maxTokens) {
      const oldest = this.tokens.keys().next().value;
      if (oldest === undefined) break;
      this.tokens.delete(oldest);
    }
    this.counts.set(key, (current ?? 0) + 1);
    return true;
  }

  /** Everything counted since the last take. */
  take(): ViewBatch[] {
    const taken = this.counts;
    this.counts = new Map();
    return [...taken].map(([key, views]) => {
      const [hour, articleId] = key.split(':').map(Number) as [number, number];
      return { hour, articleId, views };
    });
  }

  /** A batch that could not be written, counted again (within the story limit). */
  giveBack(batch: readonly ViewBatch[]): void {
    for (const b of batch) {
      const key = `${b.hour}:${b.articleId}`;
      const current = this.counts.get(key);
      if (current === undefined && this.counts.size >= this.limits.maxStories) continue;
      this.counts.set(key, (current ?? 0) + b.views);
    }
  }

  /** How many tokens are remembered (tests). */
  get tokenCount(): number {
    return this.tokens.size;
  }

  private forget(now: number): void {
    for (const [token, until] of this.tokens) {
      if (until > now) break;
      this.tokens.delete(token);
    }
  }
}
