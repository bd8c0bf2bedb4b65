/**
 * Feeds for readers and aggregators: `/feed` (the whole site), `/<section>/feed`,
 * `/tag/<slug>/feed` and `/author/<slug>/feed`, each the newest public stories, as RSS 2.0;
 * the same address with `/atom` after it as Atom (`/feed/atom`), and with `.json` as JSON
 * Feed 1.1 (`/feed.json`, `/<section>/feed.json`). The handlers gather stories through the
 * domain services and hand them to the pure render/feeds/ functions. A feed of an unknown
 * section, tag or author is the site's 404.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Article, ListFilter } from '../../domain/articles/article.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { feedImage } from '../../render/feeds/feed-image.ts';
import { ATOM_CONTENT_TYPE, renderAtom } from '../../render/feeds/atom.ts';
import { JSON_FEED_CONTENT_TYPE, renderJsonFeed } from '../../render/feeds/json-feed.ts';
import { type FeedInput, type FeedItem, renderRss, RSS_CONTENT_TYPE } from '../../render/feeds/rss.ts';
import type { Services } from '../../services.ts';
import { tagPage } from '../plugins/page-cache-plugin.ts';
import { articleTags } from './page-tags.ts';

/** Stories in a feed. */
export const FEED_SIZE = 30;

/** Lengths of image files, remembered: names are content-addressed, so a file's length never changes. */
const MAX_REMEMBERED_LENGTHS = 5_000;

/** The three formats of every feed, and where each lives relative to the RSS address. */
export type FeedFormat = 'rss' | 'atom' | 'json';

/** A feed's address in a format, from its RSS address (`/videsh/feed` → `/videsh/feed/atom`, `/videsh/feed.json`). */
export function feedPathFor(rssPath: string, format: FeedFormat): string {
  return format === 'rss' ? rssPath : format === 'atom' ? `${rssPath}/atom` : `${rssPath}.json`;
}

const RENDER: Record<FeedFormat, { type: string; render: (input: FeedInput, now: Date) => string }> = {
  rss: { type: RSS_CONTENT_TYPE, render: (input) => renderRss(input) },
  atom: { type: ATOM_CONTENT_TYPE, render: (input, now) => renderAtom({ ...input, emptyUpdated: now }) },
  json: { type: JSON_FEED_CONTENT_TYPE, render: (input) => renderJsonFeed(input) },
};

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

  async function sendFeed(request: FastifyRequest, reply: FastifyReply, spec: FeedSpec, format: FeedFormat) {
    const now = services.now();
    const [settings, summaries] = await Promise.all([services.settings.get(), services.articles.latest(now, FEED_SIZE, spec.filter)]);
    // Items need what a list does not carry (tags, authors, body): the whole story, still public at `now`.
    const articles = (await Promise.all(summaries.map((s) => services.articles.getPublic(s.id, now)))).filter(
      (a): a is Article => a !== null,
    );
    const items: FeedItem[] = await Promise.all(
      articles.map(async (article) => ({ article, heroBytes: article.hero ? await fileLength(feedImage(article.hero).fileName) : null })),
    );
    const { type, render } = RENDER[format];
    const body = render(
      { siteUrl: services.config.siteUrl, settings, title: spec.title, description: spec.description, pagePath: spec.pagePath, feedPath: feedPathFor(spec.feedPath, format), items },
      now,
    );
    // Cached like a page, under the tags of everything in it (items carry their full text).
    tagPage(request, [contentTags.settings, spec.tag, ...articles.flatMap(articleTags)]);
    return reply.header('content-type', type).send(body);
  }

  /** One feed at its three addresses (RSS, Atom, JSON Feed). */
  function feedRoute<P>(rssRoute: string, spec: (params: P) => Promise<FeedSpec>) {
    for (const format of ['rss', 'atom', 'json'] as const) {
      app.get<{ Params: P }>(feedPathFor(rssRoute, format), async (request, reply) => sendFeed(request, reply, await spec(request.params as P), format));
    }
  }

  feedRoute('/feed', async () => ({ filter: {}, tag: contentTags.latest, pagePath: '/', feedPath: '/feed' }));

  feedRoute<{ section: string }>('/:section/feed', async (params) => {
    const section = await services.sections.findBySlug(params.section);
    if (!section) throw new DomainError('NOT_FOUND');
    return {
      filter: { sectionId: section.id },
      tag: contentTags.section(section.id),
      title: section.name,
      description: section.description,
      pagePath: `/${section.slug}`,
      feedPath: `/${section.slug}/feed`,
    };
  });

  feedRoute<{ slug: string }>('/tag/:slug/feed', async (params) => {
    const tag = await services.tags.findBySlug(params.slug);
    if (!tag) throw new DomainError('NOT_FOUND');
    return { filter: { tagId: tag.id }, tag: contentTags.tag(tag.id), title: `#${tag.name}`, pagePath: `/tag/${tag.slug}`, feedPath: `/tag/${tag.slug}/feed` };
  });

  feedRoute<{ slug: string }>('/author/:slug/feed', async (params) => {
    const author = await services.authors.findBySlug(params.slug);
    if (!author) throw new DomainError('NOT_FOUND');
    return {
      filter: { authorId: author.id },
      tag: contentTags.author(author.id),
      title: author.name,
      description: author.bio,
      pagePath: `/author/${author.slug}`,
      feedPath: `/author/${author.slug}/feed`,
    };
  });
};
