/**
 * The front page: a lead story, the next few top stories, and a block per section.
 * Stories editors pinned come first, in their order (position 1 is the lead), then
 * the newest unpinned ones. With nothing pinned, the lead is the newest story with a photo.
 */
import type { ArticleSummary } from '../articles/article.ts';
import type { ArticleService } from '../articles/article-service.ts';
import type { SectionService } from '../sections/section-service.ts';
import type { HomePage } from './home.ts';

/** Top stories under the lead. */
const TOP_COUNT = 6;

export class HomeService {
  constructor(private readonly deps: { articles: ArticleService; sections: SectionService }) {}

  async get(now: Date, perSection = 4): Promise<HomePage> {
    const pinned = await this.deps.articles.pinned(now);
    const latest = await this.deps.articles.latest(now, 12, pinned.length > 0 ? { excludeIds: pinned.map((a) => a.id) } : {});
    let lead: ArticleSummary | null;
    let top: ArticleSummary[];
    if (pinned.length > 0) {
      lead = pinned[0]!;
      top = [...pinned.slice(1), ...latest].slice(0, TOP_COUNT);
    } else {
      lead = latest.find((a) => a.hero !== null) ?? latest[0] ?? null;
      top = latest.filter((a) => a !== lead).slice(0, TOP_COUNT);
    }
    const shown = [lead, ...top].flatMap((a) => (a ? [a.id] : []));
    const sections = await this.deps.sections.list();
    const blocks = await Promise.all(
      sections.map(async (section) => ({
        section,
        stories: await this.deps.articles.latest(now, perSection, { sectionId: section.id, excludeIds: shown }),
      })),
    );
    return { lead, top, sections: blocks.filter((b) => b.stories.length > 0) };
  }
}
