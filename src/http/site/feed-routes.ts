/**
 * RSS feeds for readers and aggregators: `/feed` (the whole site), `/<section>/feed`,
 * `/tag/<slug>/feed` and `/author/<slug>/feed`, each the newest public stories. The
 * handlers gather stories through the domain services and hand them to the pure
 * render/feeds/rss.ts. A feed of an unknown section, tag or author is the site's 404.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Article, ListFilter } from '../../domain/articles/article.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { feedImage } from '../../render/feeds/feed-image.ts';
import { type FeedItem, renderRss, RSS_CONTENT_TYPE } from '../../render/feeds/rss.ts';
import type { Services } from '../../services.ts';
import { tagPage } from '../plugins/page-cache-plugin.ts';
import { articleTags } from './page-tags.ts';

/** Stories in a feed. */
export const FEED_SIZE = 30;

/** Lengths of image files, remembered: names are content-addressed, so a file's length never changes. */
const MAX_REMEMBERED_LENGTHS = 5_000;

interface FeedSpec {
  filter: ListFilter;
  /** The content tag of the list: latest, or the section, tag or author. */
  tag: string;
  /** Section name, `#tag` or author name; absent for the whole site. */
  title?: string;
  description?: string;
  pagePath: string;
  feedPath: string;
}

export const feedRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const lengths = new Map<string, number>();

  /** Length of a photo variant's file, for the enclosure; null when the file is not there. */
  async function fileLength(fileName: string): Promise<number | null> {
    const known = lengths.get(fileName);
    if (known !== undefined) return known;
    const file = await services.media.openVariant(fileName);
    if (!file) return null;
    file.stream.destroy();
    if (lengths.size >= MAX_REMEMBERED_LENGTHS) lengths.clear();
    lengths.set(fileName, file.bytes);
    return file.bytes;
  }

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, spec: FeedSpec) {
    const now = services.now();
    const [settings, summaries] = await Promise.all([services.settings.get(), services.articles.latest(now, FEED_SIZE, spec.filter)]);
    // Items need what a list does not carry (tags, authors, body): the whole story, still public at `now`.
    const articles = (await Promise.all(summaries.map((s) => services.articles.getPublic(s.id, now)))).filter(
      (a): a is Article => a !== null,
    );
    const items: FeedItem[] = await Promise.all(
      articles.map(async (article) => ({ article, heroBytes: article.hero ? await fileLength(feedImage(article.hero).fileName) : null })),
    );
    const xml = renderRss({
      siteUrl: services.config.siteUrl,
      settings,
      title: spec.title,
      description: spec.description,
      pagePath: spec.pagePath,
      feedPath: spec.feedPath,
      items,
    });
    // Cached like a page, under the tags of everything in it (items carry their full text).
    tagPage(request, [contentTags.settings, spec.tag, ...articles.flatMap(articleTags)]);
    return reply.header('content-type', RSS_CONTENT_TYPE).send(xml);
  }

  app.get('/feed', async (request, reply) => sendFeed(request, reply, { filter: {}, tag: contentTags.latest, pagePath: '/', feedPath: '/feed' }));

  app.get<{ Params: { section: string } }>('/:section/feed', async (request, reply) => {
    const section = await services.sections.findBySlug(request.params.section);
    if (!section) throw new DomainError('NOT_FOUND');
    return sendFeed(request, reply, {
      filter: { sectionId: section.id },
      tag: contentTags.section(section.id),
      title: section.name,
      description: section.description,
      pagePath: `/${section.slug}`,
      feedPath: `/${section.slug}/feed`,
    });
  });

  app.get<{ Params: { slug: string } }>('/tag/:slug/feed', async (request, reply) => {
    const tag = await services.tags.findBySlug(request.params.slug);
    if (!tag) throw new DomainError('NOT_FOUND');
    return sendFeed(request, reply, { filter: { tagId: tag.id }, tag: contentTags.tag(tag.id), title: `#${tag.name}`, pagePath: `/tag/${tag.slug}`, feedPath: `/tag/${tag.slug}/feed` });
  });

  app.get<{ Params: { slug: string } }>('/author/:slug/feed', async (request, reply) => {
    const author = await services.authors.findBySlug(request.params.slug);
    if (!author) throw new DomainError('NOT_FOUND');
    return sendFeed(request, reply, {
      filter: { authorId: author.id },
      tag: contentTags.author(author.id),
      title: author.name,
      description: author.bio,
      pagePath: `/author/${author.slug}`,
      feedPath: `/author/${author.slug}/feed`,
    });
  });
};
