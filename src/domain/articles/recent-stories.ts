/**
 * The newest public stories, site-wide and per section, kept in memory: every page shows
 * them (the Updates box, the front page's blocks, related stories topped up from the
 * section), so a cold render would otherwise run the same list queries again and again.
 *
 * Guarantees (on top of TaggedMemo's: a change drops the lists before `emit` returns, a read
 * that raced a change is not kept, nothing is kept longer than its TTL):
 * - A list is correct for the `now` it is asked at, not only for the one it was read at:
 *   with each list the store reads when the next story becomes public by time alone (a
 *   scheduled or future-dated one), and a list is used only between those two instants.
 * - Any change that can alter a story's card drops the lists (every tag but comments,
 *   widgets, comment settings and redirects): being a little too eager costs one query.
 * - A write that announces no change (a program writing the database directly) shows
 *   within the memo's TTL (60 s), as with settings and sections.
 * - Only lists of at most RECENT_DEPTH stories (excluded ids counted) are served from
 *   memory; longer or other filters (tags, authors) go to the store.
 */
import { TaggedMemoMap } from '../../cache/memo.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { ArticleSummary, ListFilter } from './article.ts';
import type { ArticleStore } from './article-store.ts';

/** Stories kept per list: the front page asks for 12 plus its pins, the Updates box for 6 plus one. */
export const RECENT_DEPTH = 24;

interface RecentList {
  /** When it was read, and until when it holds (the next story to go public by time; Infinity if none). */
  readonly readAt: number;
  readonly validUntil: number;
  readonly items: readonly ArticleSummary[];
}

const UNTOUCHED = /^(comments:|widget:|comment-settings$|redirects$)/;

export class RecentStories {
  /** Keyed by 'all' or a section id; a read is made at the `now` of the call that starts it. */
  private readonly lists: TaggedMemoMap<RecentList, Date>;

  constructor(
    private readonly store: ArticleStore,
    changes: ChangeFeed,
  ) {
    this.lists = new TaggedMemoMap(changes, (key, now) => this.read(key, now), (_key, tag) => !UNTOUCHED.test(tag));
  }

  /**
   * The newest `limit` public stories matching `filter` at `now`, or null when this filter
   * or length is not one kept in memory (the caller asks the store).
   */
  async latest(now: Date, limit: number, filter: ListFilter): Promise<ArticleSummary[] | null> {
    if (filter.tagId !== undefined || filter.authorId !== undefined) return null;
    const excluded = filter.excludeIds ?? [];
    if (limit + excluded.length > RECENT_DEPTH) return null;
    const key = filter.sectionId === undefined ? 'all' : String(filter.sectionId);
    const at = now.getTime();
    let list = await this.lists.get(key, now);
    if (at < list.readAt) return null; // A clock moved back (tests): the store answers.
    if (at >= list.validUntil) {
      // A story has gone public by time since: read again, at this `now`.
      this.lists.clear(key);
      list = await this.lists.get(key, now);
      if (at < list.readAt || at >= list.validUntil) return null;
    }
    const out: ArticleSummary[] = [];
    for (const story of list.items) {
      if (out.length === limit) break;
      if (!excluded.includes(story.id)) out.push(story);
    }
    // Fewer kept than asked for means the list is complete: there are no more stories.
    return out;
  }

  private async read(key: string, now: Date): Promise<RecentList> {
    const filter: ListFilter = key === 'all' ? {} : { sectionId: Number(key) };
    const [items, next] = await Promise.all([this.store.latestPublic(now, filter, RECENT_DEPTH), this.store.nextPublicationAfter(now)]);
    return { readAt: now.getTime(), validUntil: next ? next.getTime() : Infinity, items: Object.freeze(items) };
  }
}
