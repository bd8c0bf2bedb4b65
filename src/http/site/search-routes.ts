/**
 * Search for readers: the page `/search?q=` (GET, and POST for queries too long for an
 * address), the JSON API `/api/search?q=` (GET or POST with a JSON body), and suggestions
 * as the reader types, `/api/search/suggest?q=`. Whatever the input (empty, huge, search
 * syntax, SQL, broken UTF-8, bidi or zero-width characters), the answer is a normal page
 * with results or without: the query only ever reaches the index as pipeline keys.
 */
import { contentTags } from '../../domain/changes/content-tags.ts';
import { doNotStore, readsQuery, tagPage } from '../plugins/page-cache-plugin.ts';
import { cardsTags, CHROME_TAGS, sidebarTags } from './page-tags.ts';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath } from '../../domain/articles/article.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import { renderSearchPage, type SearchForm } from '../../render/pages/search-page.tsx';
import type { SearchRequest, SearchResults } from '../../search/search-service.ts';
import type { Services } from '../../services.ts';
import { loadChrome, loadSidebar } from './page-context.ts';
import { buildSearchScript, SEARCH_SCRIPT_PATH } from './search-assets.ts';

export interface SearchRoutesOptions {
  services: Services;
  assets: AssetUrls;
}

/**
 * Results change with every publish: GET answers are cached under the `search` tag, which
 * every change to indexed text purges (page-cache-plugin.ts sets their Cache-Control).
 */
const SEARCH_TAGS = [contentTags.search, contentTags.latest];
/** The longest value read from any parameter (the service reads at most 256 characters of the query). */
const MAX_PARAM = 20_000;

/**
 * The query string, decoded the way browsers encode it: a broken %-escape or invalid
 * UTF-8 becomes U+FFFD (which the pipeline ignores) instead of staying as escape text.
 */
function queryOf(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  const at = request.url.indexOf('?');
  if (at < 0) return out;
  for (const [name, value] of new URLSearchParams(request.url.slice(at + 1))) if (!(name in out)) out[name] = value;
  return out;
}

/** One parameter as a string: the first if repeated, '' if absent or not text. */
function param(source: unknown, name: string): string {
  const raw = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value.slice(0, MAX_PARAM) : typeof value === 'number' ? String(value) : '';
}

/** A day (YYYY-MM-DD) as the start of that day in India; anything else is ignored. */
function day(value: string): { text: string; start: Date } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const year = Number(value.slice(0, 4));
  const start = new Date(`${value}T00:00:00+05:30`);
  if (year < 1900 || year > 2999 || Number.isNaN(start.getTime())) return null;
  // A day that does not exist (2023-02-30) would roll over into March: dropped, like any other non-date.
  return new Date(start.getTime() + 19_800_000).toISOString().slice(0, 10) === value ? { text: value, start } : null;
}

interface ParsedRequest {
  form: SearchForm;
  request: SearchRequest;
  /** Some parameter was given but dropped (an unknown section, not a date, not a page number). */
  ignored: boolean;
}

/** What search reads from the address (the page cache keys its pages by these alone). */
const SEARCH_QUERY = readsQuery(['q', 'section', 'from', 'to', 'page'], { freeText: true });
const API_QUERY = readsQuery(['q', 'section', 'from', 'to', 'page', 'pageSize'], { freeText: true });
const SUGGEST_QUERY = readsQuery(['q'], { freeText: true });

/** Whether `name` was sent with a value (the search form sends its empty fields as `section=`: the same as absent). */
function given(source: unknown, name: string): boolean {
  return param(source, name) !== '';
}

/** Reads the reader's input; a value that makes no sense is dropped, never an error. */
async function parse(services: Services, source: unknown): Promise<ParsedRequest> {
  const q = param(source, 'q');
  const sectionSlug = param(source, 'section');
  const section = /^[a-z0-9-]{1,60}$/.test(sectionSlug) ? await services.sections.findBySlug(sectionSlug) : null;
  const from = day(param(source, 'from'));
  const to = day(param(source, 'to'));
  const pageText = param(source, 'page');
  const page = /^[1-9][0-9]{0,3}$/.test(pageText) ? Number(pageText) : 1;
  const form: SearchForm = {
    q: q.slice(0, 500),
    section: section ? section.slug : '',
    from: from?.text ?? '',
    to: to?.text ?? '',
  };
  const request: SearchRequest = {
    q,
    page,
    ...(section ? { sectionId: section.id } : {}),
    ...(from ? { from: from.start } : {}),
    // "to" includes the whole day.
    ...(to ? { to: new Date(to.start.getTime() + 86_400_000) } : {}),
  };
  const ignored =
    (given(source, 'section') && !section) ||
    (given(source, 'from') && !from) ||
    (given(source, 'to') && !to) ||
    (given(source, 'page') && pageText !== String(page));
  return { form, request, ignored };
}

/** Offsets of the marked parts in the joined text. */
function marks(parts: readonly { text: string; mark: boolean }[]): { text: string; marks: [number, number][] } {
  let text = '';
  const out: [number, number][] = [];
  for (const p of parts) {
    if (p.mark) out.push([text.length, text.length + p.text.length]);
    text += p.text;
  }
  return { text, marks: out };
}

function toJson(results: SearchResults, siteUrl: string) {
  const origin = siteUrl.replace(/\/$/, '');
  return {
    query: results.query,
    total: results.total,
    totalCapped: results.totalCapped,
    page: results.page,
    pageSize: results.pageSize,
    pageCount: results.pageCount,
    didYouMean: results.didYouMean,
    items: results.items.map((hit) => {
      const headline = marks(hit.headline);
      const snippet = marks(hit.snippet);
      return {
        id: hit.article.id,
        url: `${origin}${articlePath(hit.article)}`,
        path: articlePath(hit.article),
        headline: hit.article.headline,
        headlineMarks: headline.marks,
        snippet: snippet.text,
        snippetMarks: snippet.marks,
        section: { slug: hit.article.section.slug, name: hit.article.section.name },
        publishedAt: hit.article.publishedAt ? toIsoWithOffset(hit.article.publishedAt) : null,
        score: Math.round(hit.score * 1000) / 1000,
        matchedAs: hit.matchedAs,
      };
    }),
  };
}

export const searchRoutes: FastifyPluginAsync<SearchRoutesOptions> = async (app, { services, assets }) => {
  // Only for POST /search (a query too long for an address); encapsulated in this plugin.
  await app.register(formbody, { bodyLimit: 262_144 });

  async function page(request: FastifyRequest, reply: FastifyReply, source: unknown) {
    const now = services.now();
    const { form, request: searchRequest, ignored } = await parse(services, source);
    // The same page as without the ignored parameter: answered, not kept under another key.
    if (ignored) doNotStore(request);
    const [results, chrome, sidebar] = await Promise.all([
      services.search.search(searchRequest),
      loadChrome(services, assets, now),
      loadSidebar(services, now),
    ]);
    const html = renderSearchPage({ chrome, sidebar, form, results: results.searched ? results : null });
    if (request.method === 'GET') tagPage(request, [...SEARCH_TAGS, ...CHROME_TAGS, ...sidebarTags(sidebar), ...cardsTags(results.items.map((h) => h.article))]);
    else reply.header('cache-control', 'no-store');
    return reply.header('content-type', 'text/html; charset=utf-8').send(html);
  }

  app.get('/search', SEARCH_QUERY, (request, reply) => page(request, reply, queryOf(request)));
  app.post('/search', (request, reply) => page(request, reply, request.body));

  async function api(request: FastifyRequest, reply: FastifyReply, source: unknown) {
    const { request: searchRequest, ignored } = await parse(services, source);
    const pageSize = Number(param(source, 'pageSize'));
    if (ignored || (given(source, 'pageSize') && !(String(pageSize) === param(source, 'pageSize') && pageSize >= 1 && pageSize <= 50))) doNotStore(request);
    const results = await services.search.search({ ...searchRequest, ...(pageSize >= 1 && pageSize <= 50 ? { pageSize } : {}) });
    if (request.method === 'GET') tagPage(request, [...SEARCH_TAGS, ...cardsTags(results.items.map((h) => h.article))]);
    else reply.header('cache-control', 'no-store');
    return reply.send(toJson(results, services.config.siteUrl));
  }

  app.get('/api/search', API_QUERY, (request, reply) => api(request, reply, queryOf(request)));
  app.post('/api/search', (request, reply) => api(request, reply, request.body));

  const script = await buildSearchScript();
  app.get(SEARCH_SCRIPT_PATH, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(script),
  );

  app.get('/api/search/suggest', SUGGEST_QUERY, async (request, reply) => {
    const q = param(queryOf(request), 'q');
    const [suggestions, spelling] = await Promise.all([services.search.suggest(q), services.search.spelling(q)]);
    tagPage(request, SEARCH_TAGS);
    // spelling: the query in Devanagari, when it was typed in Latin letters (issue 16).
    return reply.send({ query: q.slice(0, 256), suggestions, spelling });
  });
};
