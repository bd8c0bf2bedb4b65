/**
 * What the sitemap routes ask for, with the rules: which months exist and how many files
 * each takes, a month's stories (one file of at most 50,000), the news window (48 hours,
 * at most 1,000, newest first), and the section, tag and author pages.
 */
import { MAX_SITEMAP_URLS, monthParts, STORIES_PER_SITEMAP, monthRange, NEWS_SITEMAP_HOURS, NEWS_SITEMAP_MAX, type SitemapMonth, type SitemapPage, type SitemapStory } from './sitemap.ts';
import type { SitemapStore } from './sitemap-store.ts';

export class SitemapService {
  constructor(private readonly store: SitemapStore) {}

  months(now: Date): Promise<SitemapMonth[]> {
    return this.store.months(now);
  }

  /**
   * Part `part` (1-based) of a month's stories (STORIES_PER_SITEMAP a part); null when the month is not a real month or
   * the part is past the last (a month with no stories has one, empty, part).
   */
  async monthStories(now: Date, month: string, part: number): Promise<SitemapStory[] | null> {
    const range = monthRange(month);
    if (!range || !Number.isSafeInteger(part) || part < 1) return null;
    const stories = await this.store.stories(now, range.start, range.end, STORIES_PER_SITEMAP, (part - 1) * STORIES_PER_SITEMAP);
    if (part > 1 && stories.length === 0) return null;
    return stories;
  }

  /** Stories published in the last 48 hours, newest first, at most 1,000. */
  async news(now: Date): Promise<SitemapStory[]> {
    const start = new Date(now.getTime() - NEWS_SITEMAP_HOURS * 3_600_000);
    return this.store.stories(now, start, new Date(now.getTime() + 1), NEWS_SITEMAP_MAX, 0, 'desc', true);
  }

  sections(now: Date): Promise<SitemapPage[]> {
    return this.store.sections(now);
  }

  tags(now: Date): Promise<SitemapPage[]> {
    return this.store.tags(now, MAX_SITEMAP_URLS);
  }

  authors(now: Date): Promise<SitemapPage[]> {
    return this.store.authors(now, MAX_SITEMAP_URLS);
  }

  sectionIds(): Promise<number[]> {
    return this.store.sectionIds();
  }
}

export { monthParts };
