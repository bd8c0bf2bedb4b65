/**
 * The breaking-news banner: what editors set and clear, and what every reader page asks
 * for. Guarantees:
 * - Every reader page carries the content tag `breaking` (http/site/page-tags.ts), and
 *   setting or clearing the banner emits it: every cached page in every process is
 *   dropped (the bus carries it), so the next view of any page shows the change.
 * - At its expiry the banner stops showing: a page rendered after it leaves it out
 *   (`current` compares with the clock), and pages cached before it are purged at the
 *   expiry by a timer in each process that read the banner, and, should that process
 *   have stopped, by the scheduler's job (`expireDue`) within one tick. Both go through
 *   one conditional DELETE, so only one process announces an expiry.
 * - Every page reads it, so it is kept in memory until a change says otherwise.
 */
import { TaggedMemo } from '../../cache/memo.ts';
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { type BreakingInput, type BreakingNews, checkBreaking, isShowing } from './breaking.ts';
import type { BreakingStore } from './breaking-store.ts';

/** Timers further off than this are not set: no cached page lives that long (PAGE_CACHE_TTL_S ≤ 1 day); a later read sets one. */
const LONGEST_TIMER_MS = 24 * 3600_000;

export interface BreakingServiceOptions {
  store: BreakingStore;
  changes: ChangeFeed;
  now: () => Date;
  log?: (message: string, err?: unknown) => void;
}

export class BreakingService {
  private readonly memo: TaggedMemo<BreakingNews | null>;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: BreakingServiceOptions) {
    this.memo = new TaggedMemo(options.changes, () => this.load(), { touches: (tag) => tag === contentTags.breaking });
  }

  /** The banner readers see at `now`, or null (none, or expired). */
  async current(now: Date): Promise<BreakingNews | null> {
    const news = await this.memo.get();
    return isShowing(news, now) ? news : null;
  }

  /** What is stored, shown or expired (the admin screen). */
  stored(): Promise<BreakingNews | null> {
    return this.memo.get();
  }

  /** Sets (replaces) the banner. INVALID_INPUT names the field, the reason in the message. */
  async set(input: BreakingInput): Promise<BreakingNews> {
    const now = this.options.now();
    const checked = checkBreaking(input, now);
    if (!checked.ok) throw new DomainError('INVALID_INPUT', checked.problem.field, checked.problem.reason);
    const news: BreakingNews = { ...checked.value, updatedAt: now };
    await this.options.store.write(news);
    this.options.changes.emit([contentTags.breaking]);
    return news;
  }

  /** Takes the banner down now; whether there was one. */
  async clear(): Promise<boolean> {
    const had = await this.options.store.delete();
    this.options.changes.emit([contentTags.breaking]);
    return had;
  }

  /** Removes a banner past its expiry and purges the pages that show it (the scheduler's job); whether it did. */
  async expireDue(now: Date = this.options.now()): Promise<boolean> {
    const expired = await this.options.store.deleteExpired(now);
    if (expired) this.options.changes.emit([contentTags.breaking]);
    return expired;
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async load(): Promise<BreakingNews | null> {
    const news = await this.options.store.read();
    this.schedule(news);
    return news;
  }

  /** One timer per process, at the expiry of the banner last read. */
  private schedule(news: BreakingNews | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || !news?.expiresAt) return;
    const expiresAt = news.expiresAt;
    const delay = expiresAt.getTime() - this.options.now().getTime();
    if (delay > LONGEST_TIMER_MS) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        // At least the expiry it was set for: a timer may fire a millisecond early, and a
        // banner set since with a later expiry is not due at this one.
        const at = new Date(Math.max(this.options.now().getTime(), expiresAt.getTime()));
        this.expireDue(at).catch((err: unknown) => this.options.log?.('breaking news: expiry failed', err));
      },
      Math.max(0, delay),
    );
    this.timer.unref();
  }
}
