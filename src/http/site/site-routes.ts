/**
 * The reader site's pages: home, article, section, tag and author. Each handler
 * asks domain services for data and hands it to a pure render function.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath, type ListFilter, parseArticleSegment } from '../../domain/articles/article.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { renderHomePage } from '../../render/pages/home-page.tsx';
import { type ListPageProps, renderListPage } from '../../render/pages/list-page.tsx';
import { photoCrops, profilePageJsonLd, publisherJsonLd, sectionCrumbs, type SiteFacts } from '../../render/seo/json-ld.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import type { Services } from '../../services.ts';
import { commentQuery, renderArticleView, withCommentCounts } from './article-view.ts';
import { liveBefore } from '../live/live-view.ts';
import { buildCommentScript } from './comment-assets.ts';
import { doNotStore, readsQuery, tagPage } from '../plugins/page-cache-plugin.ts';
import { loadChrome, loadSidebar } from './page-context.ts';
import { answerHomeKey, HOME_QUERY } from './old-addresses.ts';
import { articleTags, cardsTags, CHROME_TAGS, sidebarTags } from './page-tags.ts';

export interface SiteRoutesOptions {
  services: Services;
  assets: AssetUrls;
}

/** Stories per page on section, tag and author pages. */
export const LIST_PAGE_SIZE = 15;

export function sendHtml(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
}

/**
 * What list pages read from the address, for the page cache's key. The home and article
 * pages read nothing cacheable (an article's `?posted=`, `?held=`, `?replyto=` are one
 * reader's notices: rendered, never stored).
 */
const LIST_QUERY = readsQuery(['page']);

/** `?page=N`: absent is 1; anything but a plain number is a bad request. */
function parsePage(query: unknown): number {
  const raw = (query as Record<string, unknown> | undefined)?.page;
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,3}$/.test(raw)) throw new DomainError('BAD_REQUEST', 'page');
  return Number(raw);
}

export const siteRoutes: FastifyPluginAsync<SiteRoutesOptions> = async (app, { services, assets }) => {
  /** A public page: cacheable here and by a CDN, under the content tags of all it shows (page-tags.ts). */
  const publicHtml = (request: FastifyRequest, reply: FastifyReply, html: string, tags: Iterable<string>) => {
    tagPage(request, CHROME_TAGS);
    tagPage(request, tags);
    return sendHtml(reply, html);
  };
  // The comment form's script (served by comment-routes.ts; the same source gives the same URL).
  const commentScriptUrl = (await buildCommentScript()).url;

  app.get('/', HOME_QUERY, async (request, reply) => {
    // `/?p=123` and WordPress's other keys: an old story's address (old-addresses.ts).
    const old = await answerHomeKey(services, request, reply);
    if (old) return old;
    const now = services.now();
    const [chrome, home, sidebar, boxes] = await Promise.all([
      loadChrome(services, assets, now, ''),
      services.home.get(now),
      loadSidebar(services, now),
      services.widgets.placedIn('home'),
    ]);
    // Cards show how many comments each story has.
    const ids = [...(home.lead ? [home.lead] : []), ...home.top, ...home.sections.flatMap((b) => b.stories)];
    const counted = new Map((await withCommentCounts(services, ids)).map((s) => [s.id, s]));
    const count = <T extends { id: number }>(s: T) => counted.get(s.id) ?? s;
    const withCounts = {
      lead: home.lead ? count(home.lead) : null,
      top: home.top.map(count),
      sections: home.sections.map((b) => ({ ...b, stories: b.stories.map(count) })),
    };
    const tags = [contentTags.home, contentTags.latest, ...sidebarTags(sidebar), ...cardsTags(ids), ...home.sections.map((b) => contentTags.section(b.section.id))];
    // Data boxes placed on the home page (the 'widgets' tag, in sidebarTags, covers one moving in or out).
    tags.push(...boxes.map((b) => contentTags.widget(b.key)));
    return publicHtml(request, reply, renderHomePage({ chrome, home: withCounts, sidebar, boxes }), tags);
  });

  // `before`: a live blog's earlier posts (http/live/live-view.ts); a page of its own in the cache.
  app.get<{ Params: { section: string; story: string } }>('/:section/:story', readsQuery(['before']), async (request, reply) => {
    const ref = parseArticleSegment(request.params.story);
    if (!ref) throw new DomainError('NOT_FOUND');
    const now = services.now();
    const article = await services.articles.getPublic(ref.id, now);
    // A story taken down (in the trash, or deleted for good) is Gone, not Not Found: search
    // engines drop it, and readers are told it was removed.
    if (!article) throw new DomainError((await services.trash.gone(ref.id)) ? 'GONE' : 'NOT_FOUND');
    const canonical = articlePath(article);
    // The id identifies the story; an old slug or section answers with the current address.
    if (request.params.section !== article.section.slug || ref.slug !== article.slug) {
      return reply.redirect(canonical, 301);
    }
    const before = liveBefore(request.query);
    // Only the live blog's own "earlier" links are kept: made-up `?before=` values would fill the cache.
    if (before !== null && !(await services.liveBlogs.hasPost(article.id, before))) doNotStore(request);
    const view = await renderArticleView(services, assets, commentScriptUrl, article, now, { ...commentQuery(request.query), liveBefore: before });
    return publicHtml(request, reply, view.html, [...articleTags(article), ...view.tags]);
  });

  /** A paginated list of stories (section, tag, author): 404 past the last page. */
  async function listPage(
    request: FastifyRequest,
    reply: FastifyReply,
    page: number,
    list: {
      filter: ListFilter;
      title: string;
      intro?: string;
      basePath: string;
      currentSection?: string;
      showSection: boolean;
      tags: string[];
      /** Structured data of the list (render/seo/json-ld.ts). */
      seo?: (site: SiteFacts) => ListPageProps['seo'];
    },
  ) {
    const now = services.now();
    const listed = await services.articles.listPublic(now, list.filter, page, LIST_PAGE_SIZE);
    if (page > listed.pageCount) throw new DomainError('NOT_FOUND', 'page');
    const stories = { ...listed, items: await withCommentCounts(services, listed.items) };
    const [chrome, sidebar] = await Promise.all([loadChrome(services, assets, now, list.currentSection), loadSidebar(services, now, undefined, list.filter.sectionId)]);
    const { title, basePath, showSection } = list;
    const seo = list.seo?.({ origin: chrome.siteUrl.replace(/\/$/, ''), settings: chrome.settings });
    const html = renderListPage({ chrome, title, basePath, stories, sidebar, showSection, seo, ...(list.intro ? { intro: list.intro } : {}) });
    return publicHtml(request, reply, html, [...list.tags, ...sidebarTags(sidebar), ...cardsTags(listed.items)]);
  }

  app.get<{ Params: { section: string } }>('/:section', LIST_QUERY, async (request, reply) => {
    const page = parsePage(request.query);
    const section = await services.sections.findBySlug(request.params.section);
    if (!section) throw new DomainError('NOT_FOUND');
    return listPage(request, reply, page, {
      tags: [contentTags.section(section.id)],
      filter: { sectionId: section.id },
      title: section.name,
      intro: section.description,
      basePath: `/${section.slug}`,
      currentSection: section.slug,
      showSection: false,
      seo: (site) => ({ jsonLd: [sectionCrumbs(site, section)] }),
    });
  });

  app.get<{ Params: { slug: string } }>('/tag/:slug', LIST_QUERY, async (request, reply) => {
    const page = parsePage(request.query);
    const tag = await services.tags.findBySlug(request.params.slug);
    if (!tag) throw new DomainError('NOT_FOUND');
    return listPage(request, reply, page, { tags: [contentTags.tag(tag.id)], filter: { tagId: tag.id }, title: `#${tag.name}`, basePath: `/tag/${tag.slug}`, showSection: true });
  });

  app.get<{ Params: { slug: string } }>('/author/:slug', LIST_QUERY, async (request, reply) => {
    const page = parsePage(request.query);
    const author = await services.authors.findBySlug(request.params.slug);
    if (!author) throw new DomainError('NOT_FOUND');
    return listPage(request, reply, page, {
      tags: [contentTags.author(author.id), ...(author.photo ? [contentTags.media(author.photo.id)] : [])],
      filter: { authorId: author.id },
      title: author.name,
      intro: author.bio,
      basePath: `/author/${author.slug}`,
      seo: (site) => ({
        jsonLd: [profilePageJsonLd(site, author), publisherJsonLd(site)],
        social: { type: 'profile', ...(author.photo ? { image: { ...photoCrops(site, author.photo, ['1x1'])[0]!, alt: author.name } } : {}) },
      }),
      showSection: true,
    });
  });
};
