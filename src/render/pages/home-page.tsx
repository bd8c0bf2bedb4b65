import type { HomePage } from '../../domain/home/home.ts';
import type { Chrome, Sidebar as SidebarData } from '../chrome.ts';
import type { Widget } from '../../domain/widgets/widget.ts';
import { DataBox } from '../components/data-box.tsx';
import { Sidebar } from '../components/sidebar.tsx';
import { StoryCard } from '../components/story-card.tsx';
import { renderPage } from '../layout.tsx';
import { type JsonLd, publisherJsonLd, websiteJsonLd } from '../seo/json-ld.ts';

/** The site with its search box, and the newsroom that publishes it. */
function homeJsonLd(chrome: Chrome): JsonLd[] {
  const site = { origin: chrome.siteUrl.replace(/\/$/, ''), settings: chrome.settings };
  return [websiteJsonLd(site), publisherJsonLd(site)];
}
import { readerLocale } from '../reader-locale.ts';

/** `boxes`: data boxes placed on the home page, shown under the top stories. */
export function renderHomePage({ chrome, home, sidebar, boxes = [] }: { chrome: Chrome; home: HomePage; sidebar: SidebarData; boxes?: readonly Widget[] }): string {
  const locale = readerLocale(chrome.settings);
  const T = locale.t;
  const content = (
    <>
      <h1 class="visually-hidden">
        {chrome.settings.siteName}: {chrome.settings.tagline}
      </h1>
      <div class="with-sidebar">
        <div>
          {home.lead && (
            <section class="lead" aria-label={T.topStories}>
              <StoryCard story={home.lead} locale={locale} variant="lead" showSection headingLevel={2} />
              {home.top.length > 0 && (
                <div class="top-list">
                  {home.top.map((s) => (
                    <StoryCard key={s.id} story={s} locale={locale} variant="compact" showSection />
                  ))}
                </div>
              )}
            </section>
          )}
          {boxes.length > 0 && (
            <div class="home-boxes">
              {boxes.map((b) => (
                <DataBox key={b.key} widget={b} locale={locale} place="home" />
              ))}
            </div>
          )}
          {home.sections.map(({ section, stories }) => (
            <section key={section.id} class="section-block" aria-labelledby={`sb-${section.slug}`}>
              <h2 id={`sb-${section.slug}`} class="section-title">
                <a href={`/${section.slug}`}>{section.name}</a>
              </h2>
              <div class="card-grid">
                {stories.map((s) => (
                  <StoryCard key={s.id} story={s} locale={locale} />
                ))}
              </div>
              <p class="more">
                <a href={`/${section.slug}`}>
                  {section.name}: {T.more} →
                </a>
              </p>
            </section>
          ))}
          {!home.lead && <p class="muted">{T.noStories}</p>}
        </div>
        <Sidebar data={sidebar} locale={locale} />
      </div>
    </>
  );
  return renderPage(
    chrome,
    { title: chrome.settings.siteName, description: chrome.settings.tagline, canonicalPath: '/', jsonLd: homeJsonLd(chrome) },
    content,
  );
}
