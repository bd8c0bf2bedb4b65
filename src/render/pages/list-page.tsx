import type { ArticleSummary, Paged } from '../../domain/articles/article.ts';
import type { Chrome, Sidebar as SidebarData } from '../chrome.ts';
import { Pagination, pageHref } from '../components/pagination.tsx';
import { Sidebar } from '../components/sidebar.tsx';
import { StoryCard } from '../components/story-card.tsx';
import { type HeadMeta, renderPage } from '../layout.tsx';
import { digits, readerLocale } from '../reader-locale.ts';

export interface ListPageProps {
  chrome: Chrome;
  /** The page's heading, e.g. the section's name. */
  title: string;
  intro?: string;
  basePath: string;
  stories: Paged<ArticleSummary>;
  sidebar: SidebarData;
  /** Show each story's section (tag and author pages mix sections). */
  showSection: boolean;
  /** Structured data and social extras of the list (a section's breadcrumbs, an author's ProfilePage). */
  seo?: Pick<HeadMeta, 'jsonLd' | 'social'> | undefined;
}

/** A paginated list of stories: section, tag and author pages. */
export function renderListPage({ chrome, title, intro, basePath, stories, sidebar, showSection, seo }: ListPageProps): string {
  const locale = readerLocale(chrome.settings);
  const T = locale.t;
  const { page, pageCount } = stories;
  const content = (
    <div class="with-sidebar">
      <div>
        <header class="list-header">
          <h1>{page > 1 ? `${title} — ${digits(locale, T.page(page))}` : title}</h1>
          {intro && <p class="dek">{intro}</p>}
        </header>
        {stories.items.length === 0 ? (
          <p class="muted">{T.noStories}</p>
        ) : (
          <div class="story-list">
            {stories.items.map((s) => (
              <StoryCard key={s.id} story={s} locale={locale} showSection={showSection} headingLevel={2} />
            ))}
          </div>
        )}
        <Pagination basePath={basePath} page={page} pageCount={pageCount} locale={locale} />
      </div>
      <Sidebar data={sidebar} locale={locale} />
    </div>
  );
  return renderPage(
    chrome,
    {
      title: page > 1 ? `${title} — ${digits(locale, T.page(page))}` : title,
      ...(intro ? { description: intro } : {}),
      // Page 2 and on are pages of their own (canonical to themselves, not to page 1).
      canonicalPath: pageHref(basePath, page),
      // A list with nothing in it (a new tag, an author with no public story yet) is not worth a search result.
      ...(stories.items.length === 0 ? { noindex: true } : {}),
      prevPath: page > 1 ? pageHref(basePath, page - 1) : undefined,
      nextPath: page < pageCount ? pageHref(basePath, page + 1) : undefined,
      ...seo,
    },
    content,
  );
}
