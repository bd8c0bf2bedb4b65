import type { ArticleSummary } from '../articles/article.ts';
import type { Section } from '../sections/section.ts';

export interface SectionBlock {
  readonly section: Section;
  readonly stories: readonly ArticleSummary[];
}

/** The front page: a lead story, the next top stories, and a block per section. */
export interface HomePage {
  readonly lead: ArticleSummary | null;
  readonly top: readonly ArticleSummary[];
  readonly sections: readonly SectionBlock[];
}
