import { type Article, type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import type { Widget } from '../../domain/widgets/widget.ts';
import { type CommentCounted, commentsAreOpen, type PublicComment } from '../../domain/comments/comment.ts';
import { variantUrl } from '../../domain/media/media.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { excerpt } from '../../richtext/to-plain-text.ts';
import type { Chrome, Sidebar as SidebarData } from '../chrome.ts';
import { ArticleBody } from '../components/article-body.tsx';
import { type CommentFormState, type CommentNotice, CommentSection } from '../components/comment-section.tsx';
import { LiveBlogSection, type LiveBlogView } from '../components/live-blog.tsx';
import { liveBlogJsonLd } from '../seo/live-blog-json-ld.ts';
import { Photo } from '../components/photo.tsx';
import { Sidebar } from '../components/sidebar.tsx';
import { StoryCard } from '../components/story-card.tsx';
import { type HeadMeta, renderPage } from '../layout.tsx';
import { newsArticleJsonLd, sectionCrumbs, shareImage, type SiteFacts } from '../seo/json-ld.ts';
import { englishLabel, readerDate, readerDateTime, readerLocale } from '../reader-locale.ts';

export interface ArticlePageProps {
  chrome: Chrome;
  article: Article;
  related: readonly (ArticleSummary & CommentCounted)[];
  comments: readonly PublicComment[];
  sidebar: SidebarData;
  /** A preview of a story readers cannot see yet: never indexed. */
  noindex?: boolean;
  /** The comment form's extras: the reader script, a post that came back, a notice, the comment replied to. */
  commentForm?: {
    scriptUrl?: string | undefined;
    form?: CommentFormState | undefined;
    notice?: CommentNotice | undefined;
    replyTo?: PublicComment | null | undefined;
  };
  /** The story is a live blog: its posts under the body (src/domain/live-blogs/). */
  live?: LiveBlogView | null;
  /** The data boxes the body places, by key (http/site/article-view.ts loads them); a missing key shows nothing. */
  bodyBoxes?: ReadonlyMap<string, Widget>;
}

/** A story's share image, `article:*` tags and structured data (NewsArticle, BreadcrumbList). */
function articleSeo(chrome: Chrome, article: Article, description: string): Pick<HeadMeta, 'social' | 'jsonLd'> {
  const origin = chrome.siteUrl.replace(/\/$/, '');
  const site: SiteFacts = { origin, settings: chrome.settings };
  const path = articlePath(article);
  return {
    social: {
      image: shareImage(site, article),
      article: {
        publishedTime: article.publishedAt ? toIsoWithOffset(article.publishedAt) : undefined,
        modifiedTime: toIsoWithOffset(article.updatedAt),
        section: article.section.name,
        tags: article.tags.map((t) => t.name),
        authors: article.authors.map((a) => `${origin}/author/${a.slug}`),
      },
    },
    jsonLd: [newsArticleJsonLd(site, article, description), sectionCrumbs(site, article.section, { headline: article.headline, path })],
  };
}

/** Shown as updated only when an edit came at least a minute after publishing. */
const UPDATE_THRESHOLD_MS = 60_000;

export function renderArticlePage({ chrome, article, related, comments, sidebar, noindex = false, commentForm = {}, live = null, bodyBoxes }: ArticlePageProps): string {
  const locale = readerLocale(chrome.settings);
  const T = locale.t;
  const path = articlePath(article);
  const published = article.publishedAt;
  const updated =
    published && article.updatedAt.getTime() - published.getTime() >= UPDATE_THRESHOLD_MS ? article.updatedAt : null;
  const hero = article.hero;
  const content = (
    <div class="with-sidebar">
      <article class="story" aria-labelledby="headline">
        <p class="kicker">
          <a href={`/${article.section.slug}`}>{article.section.name}</a>
        </p>
        <h1 id="headline" class="headline">
          {article.headline}
        </h1>
        {article.dek && <p class="dek">{article.dek}</p>}
        {article.corrections.length > 0 && (
          // Under the dek, oldest first: a reader sees at once that the story was corrected, and when.
          <aside class="correction corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title" class="corrections-title" {...englishLabel(locale)}>
              {T.corrections}
            </h2>
            <ol>
              {article.corrections.map((c, i) => (
                <li key={i}>
                  <time dateTime={toIsoWithOffset(c.date)}>{readerDate(locale, c.date)}</time>: {c.text}
                </li>
              ))}
            </ol>
          </aside>
        )}
        <div class="byline">
          {article.authors.length > 0 && (
            <p class="authors">
              <span class="visually-hidden">{T.by}: </span>
              {article.authors.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ', '}
                  <a href={`/author/${a.slug}`} rel="author">
                    {a.name}
                  </a>
                </span>
              ))}
            </p>
          )}
          {published && (
            <p class="times">
              {T.published}: <time dateTime={toIsoWithOffset(published)}>{readerDateTime(locale, published)}</time>
              {updated && (
                <>
                  {' · '}
                  {T.updated}: <time dateTime={toIsoWithOffset(updated)}>{readerDateTime(locale, updated)}</time>
                </>
              )}
            </p>
          )}
        </div>
        {hero && <Photo media={hero} sizes="(min-width: 1024px) 680px, 100vw" eager withCaption className="photo hero-photo" />}
        <ArticleBody blocks={article.body.blocks} media={article.bodyMedia} eagerOpeningPhoto={!hero} boxes={bodyBoxes ? { boxes: bodyBoxes, locale } : undefined} />
        {live && <LiveBlogSection view={live} locale={locale} path={path} />}
        {article.correctionNote && (
          <aside class="correction" aria-label={T.correction}>
            <strong>{T.correction}:</strong> {article.correctionNote}
          </aside>
        )}
        {/* Only on paper (site.css): where the printed story lives. */}
        <p class="print-url">{`${chrome.siteUrl.replace(/\/$/, '')}${path}`}</p>
        {article.tags.length > 0 && (
          <nav class="tags" aria-label={T.tags}>
            <ul>
              {article.tags.map((t) => (
                <li key={t.id}>
                  <a href={`/tag/${t.slug}`} rel="tag">
                    #{t.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {related.length > 0 && (
          <section class="related" aria-labelledby="related-title">
            <h2 id="related-title" class="section-title">
              {T.related}
            </h2>
            <div class="card-grid">
              {related.map((s) => (
                <StoryCard key={s.id} story={s} locale={locale} />
              ))}
            </div>
          </section>
        )}
        <CommentSection
          articlePath={path}
          articleId={article.id}
          comments={comments}
          open={commentsAreOpen(article, chrome.settings, chrome.now)}
          locale={locale}
          scriptUrl={commentForm.scriptUrl}
          form={commentForm.form}
          notice={commentForm.notice}
          replyTo={commentForm.replyTo}
        />
      </article>
      <Sidebar data={sidebar} locale={locale} />
    </div>
  );
  return renderPage(
    chrome,
    {
      title: article.seoTitle || article.headline,
      description: article.seoDescription || article.dek || excerpt(article.body, 160),
      canonicalPath: path,
      type: 'article',
      ...(noindex ? { noindex: true } : {}),
      ...(article.lang !== 'hi' ? { lang: article.lang } : {}),
      ...(article.translation ? { alternates: translationAlternates(article, path) } : {}),
      ...(hero ? { imagePath: variantUrl(hero, hero.variantWidths.find((w) => w >= 960) ?? hero.variantWidths[0] ?? 480, 'jpeg') } : {}),
      ...withLiveBlog(articleSeo(chrome, article, article.seoDescription || article.dek || excerpt(article.body, 160)), chrome, article, live),
    },
    content,
  );
}

/** A live blog's page also describes its coverage (LiveBlogPosting with each update shown). */
function withLiveBlog(seo: Pick<HeadMeta, 'social' | 'jsonLd'>, chrome: Chrome, article: Article, live: LiveBlogView | null): Pick<HeadMeta, 'social' | 'jsonLd'> {
  if (!live) return seo;
  const url = `${chrome.siteUrl.replace(/\/$/, '')}${articlePath(article)}`;
  return { ...seo, jsonLd: [...(seo.jsonLd ?? []), liveBlogJsonLd(url, article.headline, live.blog, live.posts)] };
}

/** hreflang links of a story and its linked translation, Hindi first (it is also the x-default). */
function translationAlternates(article: Article, path: string): { hreflang: string; path: string }[] {
  const t = article.translation!;
  const both = [
    { hreflang: article.lang, path },
    { hreflang: t.lang, path: t.path },
  ];
  return both.sort((a, b) => Number(b.hreflang === 'hi') - Number(a.hreflang === 'hi'));
}
