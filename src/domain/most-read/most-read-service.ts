/**
 * Most read (issue 15, decision 029): views recorded by the site itself, and the lists
 * "सबसे ज़्यादा पढ़ी गई" site-wide and per section over the last 24 hours. Guarantees:
 * - No third-party script, no cookie, no IP address: a view is a story id and an hour;
 *   bots (user agent) and prefetches/prerenders (Purpose headers) are not counted, and a
 *   token repeated within the window (a reload) counts once.
 * - Views are counted in memory per process and added to hourly buckets by `flush` (the
 *   scheduler, each minute, and at shutdown); several processes add up, never overwrite.
 *   A failed flush keeps its views for the next one.
 * - A list is computed at most once per `refreshMs` per process (and section), so a
 *   burst of cold renders costs one grouped query; the stories in it are read fresh on
 *   every render, so one taken down leaves the list at once.
 */
import type { ArticleSummary } from '../articles/article.ts';
import type { ArticleService } from '../articles/article-service.ts';
import { hourOf, isBot, isPrefetch, isViewToken, KEEP_HOURS, MOST_READ_COUNT, WINDOW_HOURS } from './most-read.ts';
import type { MostReadStore } from './most-read-store.ts';
import { ViewCounter } from './view-counter.ts';

/** How long a computed list is used before it is computed again. */
export const MOST_READ_REFRESH_MS = 3 * 60_000;

export interface BeaconView {
  readonly articleId: number;
  readonly token: string;
  readonly userAgent: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type RecordResult = 'counted' | 'bot' | 'prefetch' | 'repeat';

export interface MostReadServiceOptions {
  store: MostReadStore;
  articles: Pick<ArticleService, 'publicByIds'>;
  now: () => Date;
  /** Monotonic milliseconds (tests replace it). */
  clock?: () => number;
  refreshMs?: number;
  counter?: ViewCounter;
}

export class MostReadService {
  private readonly counter: ViewCounter;
  private readonly clock: () => number;
  private readonly refreshMs: number;
  private readonly lists = new Map<string, { ids: Promise<number[]>; at: number }>();

  constructor(private readonly options: MostReadServiceOptions) {
    this.clock = options.clock ?? (() => performance.now());
    this.counter = options.counter ?? new ViewCounter(this.clock);
    this.refreshMs = options.refreshMs ?? MOST_READ_REFRESH_MS;
  }

  /** A beacon's view: counted unless from a bot, a prefetch, or a repeated token. */
  record(view: BeaconView): RecordResult {
    if (isBot(view.userAgent)) return 'bot';
    if (isPrefetch(view.headers)) return 'prefetch';
    if (!isViewToken(view.token)) return 'repeat';
    return this.counter.record(view.articleId, hourOf(this.options.now()), view.token) ? 'counted' : 'repeat';
  }

  /** Writes the views counted so far to the database and prunes old buckets; how many views. */
  async flush(): Promise<number> {
    const batch = this.counter.take();
    try {
      await this.options.store.addViews(batch);
    } catch (err) {
      this.counter.giveBack(batch);
      throw err;
    }
    await this.options.store.prune(hourOf(this.options.now()) - KEEP_HOURS);
    return batch.reduce((n, b) => n + b.views, 0);
  }

  /** The most-read public stories of the last 24 hours at `now`, site-wide or of one section. */
  async list(now: Date, sectionId?: number): Promise<ArticleSummary[]> {
    const ids = await this.rankedIds(now, sectionId);
    const stories = await this.options.articles.publicByIds(now, ids);
    return stories.slice(0, MOST_READ_COUNT);
  }

  /** Forgets the computed lists: the next render computes them again (tests, and after a flush when wanted). */
  refresh(): void {
    this.lists.clear();
  }

  private rankedIds(now: Date, sectionId: number | undefined): Promise<number[]> {
    const key = sectionId === undefined ? 'all' : String(sectionId);
    const kept = this.lists.get(key);
    if (kept && this.clock() - kept.at < this.refreshMs) return kept.ids;
    // A few more than shown: some may have been taken down since.
    const ids = this.options.store.top(hourOf(now) - WINDOW_HOURS + 1, MOST_READ_COUNT * 2, sectionId);
    const entry = { ids, at: this.clock() };
    this.lists.set(key, entry);
    ids.catch(() => {
      if (this.lists.get(key) === entry) this.lists.delete(key);
    });
    return ids;
  }
}
