/**
 * The front page: a lead story, the next few top stories, and a block per section.
 * Until editors can pin stories (the newsroom issue), the lead is the newest story
 * with a photo.
 */
import type { ArticleService } from '../articles/article-service.ts';
import type { SectionService } from '../sections/section-service.ts';
import type { HomePage } from './home.ts';

export class HomeService {
  constructor(private readonly deps: { articles: ArticleService; sections: SectionService }) {}

  async get(now: Date, perSection = 4): Promise<HomePage> {
    const latest = await this.deps.articles.latest(now, 12);
    const lead = latest.find((a) => a.hero !== null) ?? latest[0] ?? null;
    const top = latest.filter((a) => a !== lead).slice(0, 6);
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
