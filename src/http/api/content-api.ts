/**
 * The public content API, read-only: `/api/v1/stories`, `/stories/:id`, `/sections`,
 * `/sections/:slug`, `/tags/:slug`, `/authors`, `/authors/:slug` and `/search`. It shows
 * only what readers can see (published, time come, not in the trash), through the same
 * services as the reader pages. Every answer is cached by the page cache under the same
 * content tags as the HTML that shows the same things, so a publish or an edit purges it;
 * the page cache also gives it its ETag, 304s and Cache-Control.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Article, ArticleSummary, ListFilter } from '../../domain/articles/article.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { tagPage } from '../plugins/page-cache-plugin.ts';
import { articleTags, cardsTags } from '../site/page-tags.ts';
import { type ApiOperation, apiRoute } from './api-route.ts';
import {
  AuthorListSchema,
  AuthorOneSchema,
  DEFAULT_LIMIT,
  FULL_FIELDS,
  MAX_LIMIT,
  NoQuery,
  PartialStorySchema,
  SearchQuery,
  SearchResultSchema,
  SectionListSchema,
  SectionOneSchema,
  SlugParams,
  STORY_FIELDS,
  StoryListQuery,
  StoryListSchema,
  StoryParams,
  StoryQuery,
  TagOneSchema,
} from './api-schemas.ts';
import { authorJson, originOf, photoJson, sectionJson, storyJson, tagJson } from './story-json.ts';

const READ_ERRORS = [400, 404, 503];

export const CONTENT_OPERATIONS = {
  listStories: {
    id: 'listStories',
    method: 'GET',
    path: '/api/v1/stories',
    tag: 'Content',
    summary: 'Published stories, newest first',
    description:
      'Pages by cursor: each answer gives `nextCursor` for the next page, and stories published meanwhile never shift a page. Filter by `section`, `tag` or `author` (slugs); choose fields with `fields=id,headline,url`.',
    query: StoryListQuery,
    responses: { 200: { description: 'A page of stories', schema: StoryListSchema } },
    errors: READ_ERRORS,
  },
  getStory: {
    id: 'getStory',
    method: 'GET',
    path: '/api/v1/stories/:id',
    tag: 'Content',
    summary: 'One published story',
    params: StoryParams,
    query: StoryQuery,
    responses: { 200: { description: 'The story', schema: PartialStorySchema } },
    errors: READ_ERRORS,
  },
  listSections: {
    id: 'listSections',
    method: 'GET',
    path: '/api/v1/sections',
    tag: 'Content',
    summary: 'Sections, in the order of the site menu',
    query: NoQuery,
    responses: { 200: { description: 'Every section', schema: SectionListSchema } },
    errors: READ_ERRORS,
  },
  getSection: {
    id: 'getSection',
    method: 'GET',
    path: '/api/v1/sections/:slug',
    tag: 'Content',
    summary: 'One section',
    params: SlugParams,
    query: NoQuery,
    responses: { 200: { description: 'The section', schema: SectionOneSchema } },
    errors: READ_ERRORS,
  },
  getTag: {
    id: 'getTag',
    method: 'GET',
    path: '/api/v1/tags/:slug',
    tag: 'Content',
    summary: 'One tag (its stories: /api/v1/stories?tag=…)',
    params: SlugParams,
    query: NoQuery,
    responses: { 200: { description: 'The tag', schema: TagOneSchema } },
    errors: READ_ERRORS,
  },
  listAuthors: {
    id: 'listAuthors',
    method: 'GET',
    path: '/api/v1/authors',
    tag: 'Content',
    summary: 'Bylines',
    query: NoQuery,
    responses: { 200: { description: 'Every byline', schema: AuthorListSchema } },
    errors: READ_ERRORS,
  },
  getAuthor: {
    id: 'getAuthor',
    method: 'GET',
    path: '/api/v1/authors/:slug',
    tag: 'Content',
    summary: 'One byline (its stories: /api/v1/stories?author=…)',
    params: SlugParams,
    query: NoQuery,
    responses: { 200: { description: 'The byline', schema: AuthorOneSchema } },
    errors: READ_ERRORS,
  },
  search: {
    id: 'search',
    method: 'GET',
    path: '/api/v1/search',
    tag: 'Content',
    summary: 'Search published stories',
    description: 'The reader search: Hindi, romanized Hindi and English words find the same stories (`putin` finds पुतिन).',
    query: SearchQuery,
    responses: { 200: { description: 'Results, best first', schema: SearchResultSchema } },
    errors: READ_ERRORS,
  },
} as const satisfies Record<string, ApiOperation>;

/** An opaque cursor: (published_at, id) of the last story of a page, base64url JSON. */
export function encodeCursor(story: Pick<ArticleSummary, 'id' | 'publishedAt'>): string {
  return Buffer.from(JSON.stringify([story.publishedAt?.toISOString(), story.id])).toString('base64url');
}

export function decodeCursor(text: string): { publishedAt: Date; id: number } {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1]) && value[1] > 0) {
      const publishedAt = new Date(value[0]);
      if (!Number.isNaN(publishedAt.getTime()) && publishedAt.toISOString() === value[0]) return { publishedAt, id: value[1] as number };
    }
  } catch {
    // Falls through to the 400.
  }
  throw new DomainError('INVALID_INPUT', 'cursor', 'not a cursor this API gave');
}

/** `fields=a,b` as a set (id always), or null for every field. Unknown names are a 400 naming `fields`. */
export function parseFields(text: string | undefined): Set<string> | null {
  if (text === undefined) return null;
  const names = text.split(',');
  for (const n of names) if (!(STORY_FIELDS as string[]).includes(n)) throw new DomainError('INVALID_INPUT', 'fields', `unknown field ${n.slice(0, 40)}`);
  return new Set(['id', ...names]);
}

/** Answers anyone may read, from any page (no credentials are ever involved). */
function publicRead(request: FastifyRequest, tags: Iterable<string>): void {
  tagPage(request, tags);
}

export const contentApi: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const origin = originOf(services.config.siteUrl);
  // Before the handler, not in onSend: the page cache keeps the headers set by then, so a
  // cached answer carries it too.
  app.addHook('preHandler', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
  });

  apiRoute(app, CONTENT_OPERATIONS.listStories, async ({ query }, request) => {
    const now = services.now();
    const filter: ListFilter = {};
    let listTag: string = contentTags.latest;
    if (query.section !== undefined) {
      const section = await services.sections.findBySlug(query.section);
      if (!section) throw new DomainError('INVALID_INPUT', 'section', 'no such section');
      filter.sectionId = section.id;
      listTag = contentTags.section(section.id);
    }
    if (query.tag !== undefined) {
      const tag = await services.tags.findBySlug(query.tag);
      if (!tag) throw new DomainError('INVALID_INPUT', 'tag', 'no such tag');
      filter.tagId = tag.id;
      listTag = contentTags.tag(tag.id);
    }
    if (query.author !== undefined) {
      const author = await services.authors.findBySlug(query.author);
      if (!author) throw new DomainError('INVALID_INPUT', 'author', 'no such author');
      filter.authorId = author.id;
      listTag = contentTags.author(author.id);
    }
    const limit = query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit);
    if (limit > MAX_LIMIT) throw new DomainError('INVALID_INPUT', 'limit', `at most ${MAX_LIMIT}`);
    const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
    const fields = parseFields(query.fields);
    // One more than asked tells whether there is a next page without counting.
    const found = await services.articles.listPublicAfter(now, filter, after, limit + 1);
    const page = found.slice(0, limit);
    const needsFull = fields === null || [...fields].some((f) => FULL_FIELDS.has(f));
    const stories: (ArticleSummary | Article)[] = needsFull ? (await Promise.all(page.map((s) => services.articles.getPublic(s.id, now)))).filter((a): a is Article => a !== null) : page;
    const last = page.at(-1);
    publicRead(request, [contentTags.latest, listTag, ...cardsTags(page), ...stories.flatMap((s) => ('body' in s ? articleTags(s) : []))]);
    return { items: stories.map((s) => storyJson(s, origin, fields)), nextCursor: found.length > limit && last ? encodeCursor(last) : null };
  });

  apiRoute(app, CONTENT_OPERATIONS.getStory, async ({ params, query }, request) => {
    const fields = parseFields(query.fields);
    const article = await services.articles.getPublic(Number(params.id), services.now());
    if (!article) throw new DomainError('NOT_FOUND');
    publicRead(request, articleTags(article));
    return storyJson(article, origin, fields);
  });

  apiRoute(app, CONTENT_OPERATIONS.listSections, async (_input, request) => {
    const sections = await services.sections.list();
    publicRead(request, [contentTags.nav, ...sections.map((s) => contentTags.section(s.id))]);
    return { items: sections.map((s) => sectionJson(s, origin)) };
  });

  apiRoute(app, CONTENT_OPERATIONS.getSection, async ({ params }, request) => {
    const section = await services.sections.findBySlug(params.slug);
    if (!section) throw new DomainError('NOT_FOUND');
    publicRead(request, [contentTags.nav, contentTags.section(section.id)]);
    return { section: sectionJson(section, origin) };
  });

  apiRoute(app, CONTENT_OPERATIONS.getTag, async ({ params }, request) => {
    const tag = await services.tags.findBySlug(params.slug);
    if (!tag) throw new DomainError('NOT_FOUND');
    publicRead(request, [contentTags.tag(tag.id)]);
    return { tag: tagJson(tag, origin) };
  });

  apiRoute(app, CONTENT_OPERATIONS.listAuthors, async (_input, request) => {
    const authors = await services.authors.listFull();
    // `search` too: adding a byline emits it (a new name to find), and the list must show it.
    publicRead(request, [contentTags.latest, contentTags.search, ...authors.map((a) => contentTags.author(a.id))]);
    return { items: authors.map((a) => authorJson(a, origin)) };
  });

  apiRoute(app, CONTENT_OPERATIONS.getAuthor, async ({ params }, request) => {
    const author = await services.authors.findBySlug(params.slug);
    if (!author) throw new DomainError('NOT_FOUND');
    publicRead(request, [contentTags.author(author.id)]);
    return { author: authorJson(author, origin) };
  });

  apiRoute(app, CONTENT_OPERATIONS.search, async ({ query }, request) => {
    let sectionId: number | undefined;
    if (query.section !== undefined) {
      const section = await services.sections.findBySlug(query.section);
      if (!section) throw new DomainError('INVALID_INPUT', 'section', 'no such section');
      sectionId = section.id;
    }
    const page = query.page === undefined ? 1 : Number(query.page);
    if (page > 100) throw new DomainError('INVALID_INPUT', 'page', 'at most 100');
    const pageSize = query.limit === undefined ? 10 : Number(query.limit);
    if (pageSize > 50) throw new DomainError('INVALID_INPUT', 'limit', 'at most 50');
    const results = await services.search.search({ q: query.q, page, pageSize, ...(sectionId !== undefined ? { sectionId } : {}) });
    publicRead(request, [contentTags.search, contentTags.latest, ...cardsTags(results.items.map((h) => h.article))]);
    return {
      query: results.query,
      total: results.total,
      page: results.page,
      pageCount: results.pageCount,
      items: results.items.map((hit) => {
        const s = storyJson(hit.article, origin, null);
        return {
          id: s.id,
          url: s.url!,
          headline: s.headline!,
          snippet: hit.snippet.map((p) => p.text).join(''),
          section: s.section!,
          hero: hit.article.hero ? photoJson(hit.article.hero, origin) : null,
          publishedAt: s.publishedAt ?? null,
          score: Math.round(hit.score * 1000) / 1000,
        };
      }),
    };
  });
};
