/**
 * Search engines: `/sitemap.xml` (an index of the paged sitemaps), `/sitemaps/stories-YYYY-MM.xml`
 * (a month of stories by publication, `-2`, `-3`… past 50,000), `/sitemaps/sections.xml`,
 * `/sitemaps/tags.xml`, `/sitemaps/authors.xml`, `/news-sitemap.xml` (Google News: the last
 * 48 hours), `/robots.txt` and `/ads.txt` (from the site settings). Handlers ask the domain
 * services and hand the data to render/sitemaps/. Every answer is cached by the page cache
 * under coarse tags (a sitemap lists thousands of stories; a tag per story would make its
 * Surrogate-Key header huge): `latest` (a story published, unpublished or trashed),
 * `search` (any change to a public story's content, a tag's or author's name), `nav` (a
 * section renamed) and `settings`.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { monthParts } from '../../domain/sitemaps/sitemap.ts';
import { DomainError } from '../../errors.ts';
import { FEED_LANGUAGE } from '../../render/feeds/rss.ts';
import { renderRobotsTxt, TEXT_CONTENT_TYPE } from '../../render/sitemaps/robots.ts';
import { renderNewsSitemap, renderPagesSitemap, renderSitemapIndex, renderStoriesSitemap, SITEMAP_CONTENT_TYPE } from '../../render/sitemaps/sitemap-xml.ts';
import type { Services } from '../../services.ts';
import { tagPage } from '../plugins/page-cache-plugin.ts';

/** A month's sitemap file: `stories-2024-03.xml`, and `stories-2024-03-2.xml` for its second 50,000. */
const STORIES_FILE = /^stories-([0-9]{4}-[0-9]{2})(?:-([2-9]|[1-9][0-9]{1,3}))?\.xml$/;

/** The path of part `part` of a month's sitemap. */
export function monthSitemapPath(month: string, part = 1): string {
  return `/sitemaps/stories-${month}${part > 1 ? `-${part}` : ''}.xml`;
}

/** What every story sitemap depends on: which stories are public, their content, and section slugs. */
const STORY_TAGS = [contentTags.latest, contentTags.search, contentTags.nav];

export const sitemapRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const { siteUrl } = services.config;
  const xml = (request: FastifyRequest, reply: FastifyReply, tags: readonly string[], body: string) => {
    tagPage(request, tags);
    return reply.header('content-type', SITEMAP_CONTENT_TYPE).send(body);
  };

  app.get('/sitemap.xml', async (request, reply) => {
    const now = services.now();
    const [months, sections] = await Promise.all([services.sitemaps.months(now), services.sitemaps.sections(now)]);
    const newestSection = sections.reduce<Date | null>((n, s) => (s.lastModified && (!n || s.lastModified > n) ? s.lastModified : n), null);
    const files = [
      ...months.flatMap((m) => Array.from({ length: monthParts(m.stories) }, (_, i) => ({ path: monthSitemapPath(m.month, i + 1), lastModified: m.lastModified }))),
      { path: '/sitemaps/sections.xml', lastModified: newestSection },
      { path: '/sitemaps/tags.xml', lastModified: null },
      { path: '/sitemaps/authors.xml', lastModified: null },
    ];
    return xml(request, reply, STORY_TAGS, renderSitemapIndex(siteUrl, files));
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const now = services.now();
    const { file } = request.params;
    if (file === 'sections.xml') return xml(request, reply, [contentTags.latest, contentTags.nav], renderPagesSitemap(siteUrl, await services.sitemaps.sections(now)));
    if (file === 'tags.xml') return xml(request, reply, [contentTags.latest, contentTags.search], renderPagesSitemap(siteUrl, await services.sitemaps.tags(now)));
    if (file === 'authors.xml') return xml(request, reply, [contentTags.latest, contentTags.search], renderPagesSitemap(siteUrl, await services.sitemaps.authors(now)));
    const m = STORIES_FILE.exec(file);
    const stories = m ? await services.sitemaps.monthStories(now, m[1]!, m[2] ? Number(m[2]) : 1) : null;
    // A month with no public story has no sitemap (the index does not name it).
    if (!stories || stories.length === 0) throw new DomainError('NOT_FOUND');
    return xml(request, reply, STORY_TAGS, renderStoriesSitemap(siteUrl, stories));
  });

  app.get('/news-sitemap.xml', async (request, reply) => {
    const now = services.now();
    const [settings, stories] = await Promise.all([services.settings.get(), services.sitemaps.news(now)]);
    // Stories age out of the 48 hours with no change to purge by: the cache's TTL ceiling bounds that.
    return xml(request, reply, [...STORY_TAGS, contentTags.settings], renderNewsSitemap({ siteUrl, publicationName: settings.siteName, language: FEED_LANGUAGE, stories }));
  });

  app.get('/robots.txt', async (request, reply) => {
    const settings = await services.settings.get();
    tagPage(request, [contentTags.settings]);
    return reply.header('content-type', TEXT_CONTENT_TYPE).send(renderRobotsTxt(settings.robotsTxt, siteUrl));
  });

  app.get('/ads.txt', async (request, reply) => {
    const settings = await services.settings.get();
    if (!settings.adsTxt) throw new DomainError('NOT_FOUND');
    tagPage(request, [contentTags.settings]);
    return reply.header('content-type', TEXT_CONTENT_TYPE).send(`${settings.adsTxt}\n`);
  });
};
