/**
 * The page cache in front of the reader site (src/cache/page-cache.ts holds the entries).
 *
 * - A route makes its page cacheable by tagging it (`tagPage`): every content tag of
 *   what it shows. Untagged responses are never stored.
 * - Only anonymous GET and HEAD requests use it: a request with a newsroom session
 *   cookie bypasses it, and its public pages go out `private, no-store`.
 * - Each route declares the query parameters it reads (`readsQuery(...)` in its route
 *   options; none by default). The key is the path and those parameters in a fixed order,
 *   and a page is stored only when the address is in that form: every parameter declared,
 *   none repeated, and a path with %-escapes only in the form encodeURIComponent gives.
 *   Anything else (`?utm_source=…`, `?q=` on a story, `/vid%65sh`) gets a fresh render
 *   that is not stored, so junk addresses cannot push real pages out. A route may also
 *   refuse to store a page whose parameters it ignored (`doNotStore`: `?section=nonsense`
 *   on search). No request header is in the key and none may change a cacheable page: the
 *   encoding is chosen from the entry's precompressed bodies, not rendered.
 * - A hit is one write of stored bytes (a 304 when If-None-Match matches). A miss renders,
 *   compresses once, stores (unless a purge happened meanwhile), and answers.
 * - An entry past its TTL is not served, except when rendering fails because the
 *   database is unavailable (stale-if-error).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { buildCachedPage, type CachedPage, chooseEncoding, type Encoding, etagMatches, refine, variant, withEncoding } from '../../cache/cached-page.ts';
import type { PageCache } from '../../cache/page-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    pageCache: PageCacheState;
  }
  interface FastifyContextConfig {
    /** Query parameters the route's page depends on (see readsQuery); none when absent. */
    readonly cacheQuery?: readonly string[];
    /** One of them is free text a visitor types: the pages share a bounded part of the cache. */
    readonly cacheFreeText?: boolean;
  }
}

interface PageCacheState {
  /** The cache key, or null when this request's page may not be stored. */
  key: string | null;
  /** Content tags of the page, added by the route; none means not cacheable. */
  readonly tags: Set<string>;
  /** The purge generation when the request came in. */
  readonly generation: number;
  /** An expired entry for this key, kept for stale-if-error. */
  stale: CachedPage | null;
  /** Signed in to the newsroom: no cache anywhere, in either direction. */
  readonly signedIn: boolean;
}

export interface PageCachePluginOptions {
  cache: PageCache<CachedPage>;
  /** Cookies whose presence means a newsroom session. */
  sessionCookies: readonly string[];
  /** s-maxage for a CDN in front. */
  cdnMaxAgeSeconds: number;
}

/**
 * Route options declaring the query parameters a cacheable page reads, e.g.
 * `app.get('/:section', readsQuery(['page']), handler)`. A route that reads a parameter it
 * does not declare is never served a wrong page (any undeclared parameter means no
 * storing); it only loses caching for that address. `freeText`: a parameter takes any
 * text (search's `q`), so there are as many pages as a visitor cares to make up; they are
 * stored open-ended, within a quarter of the cache (src/cache/page-cache.ts).
 */
export function readsQuery(names: readonly string[], options: { freeText?: boolean } = {}): { config: { cacheQuery: readonly string[]; cacheFreeText: boolean } } {
  return { config: { cacheQuery: Object.freeze([...names]), cacheFreeText: options.freeText === true } };
}

/** A signed-in user's copy, or anything that must not be kept. */
export const NO_STORE = 'private, no-store';

/** Marks the page being answered as cacheable, carrying these content tags. */
export function tagPage(request: FastifyRequest, tags: Iterable<string>): void {
  for (const t of tags) request.pageCache.tags.add(t);
}

/**
 * Rendering ignored some of this request's parameters (a value the route drops, such as
 * an unknown section on search): answer it, but do not keep it, so junk values cannot
 * fill the cache with copies of one page.
 */
export function doNotStore(request: FastifyRequest): void {
  if (request.pageCache) request.pageCache.key = null;
}

/** Each %-escaped segment exactly as encodeURIComponent writes its decoded text (one spelling per path). */
function canonicalPath(path: string): boolean {
  for (const segment of path.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      if (encodeURIComponent(decodeURIComponent(segment)) !== segment) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * The key for a URL on a route reading `params`, or null when the page must not be stored:
 * a parameter the route does not read, one given twice, or a path spelled unusually. The
 * key lists the parameters in the route's order, so `?q=a&page=2` and `?page=2&q=a` (or
 * `q=a+b` and `q=a%20b`), which the route reads alike, are one entry.
 */
export function cacheKey(url: string, params: readonly string[] | undefined): string | null {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  if (path.includes('%') && !canonicalPath(path)) return null;
  if (q < 0) return url;
  if (q === url.length - 1) return path;
  if (!params || params.length === 0) return null;
  const query = new URLSearchParams(url.slice(q + 1));
  const seen = new Set<string>();
  for (const [name] of query) {
    if (!params.includes(name) || seen.has(name)) return null;
    seen.add(name);
  }
  const kept: [string, string][] = [];
  for (const name of params) {
    const value = query.get(name);
    if (value !== null) kept.push([name, value]);
  }
  return kept.length === 0 ? path : `${path}?${new URLSearchParams(kept).toString()}`;
}

function hasCookie(header: string | undefined, names: readonly string[]): boolean {
  if (!header) return false;
  return names.some((name) => header.split(';').some((part) => part.trim().startsWith(`${name}=`)));
}

/**
 * Answers from an entry, with one write to the socket: headers built when the page was
 * stored, nothing per request but choosing the encoding. `upgrade` keeps the entry again
 * when it had to be compressed for this reader's encoding.
 */
function answerFromEntry(
  req: IncomingMessage,
  res: ServerResponse,
  found: CachedPage,
  label: 'HIT' | 'STALE',
  upgrade?: (entry: CachedPage) => void,
): CachedPage {
  const status = found.status ?? 200;
  if (status === 200 && etagMatches(req.headers['if-none-match'], found.etag)) {
    if (label === 'HIT') res.writeHead(304, found.notModifiedRaw as string[]);
    else res.writeHead(304, { etag: found.etag, 'cache-control': found.baseHeaders['cache-control'] ?? '', vary: 'accept-encoding', 'x-cache': label });
    res.end();
    return found;
  }
  const encoding = encodingFor(req.headers['accept-encoding']);
  let entry = found;
  if (encoding !== 'identity' && !entry[encoding]) {
    entry = withEncoding(entry, encoding);
    upgrade?.(entry);
  }
  const v = variant(entry, encoding);
  if (label === 'HIT') res.writeHead(status, v.raw as string[]);
  else res.writeHead(status, { ...v.headers, 'x-cache': label });
  res.end(req.method === 'HEAD' ? undefined : v.body);
  return entry;
}

/**
 * chooseEncoding, remembered per Accept-Encoding value: browsers send a handful of
 * spellings, so a hit does not parse the header again. Bounded: past 64 spellings the
 * memory is dropped and starts over.
 */
const ENCODING_BY_HEADER = new Map<string, Encoding>();
function encodingFor(header: string | string[] | undefined): Encoding {
  if (typeof header !== 'string') return chooseEncoding(header);
  let encoding = ENCODING_BY_HEADER.get(header);
  if (encoding === undefined) {
    encoding = chooseEncoding(header);
    if (ENCODING_BY_HEADER.size >= 64) ENCODING_BY_HEADER.clear();
    ENCODING_BY_HEADER.set(header, encoding);
  }
  return encoding;
}

/**
 * A page stored at the quick compression level that is read again is recompressed at the
 * full level on zlib's thread pool, and replaces its entry only if that entry is still the
 * one in the cache (a purge or a newer render meanwhile wins). Once per entry.
 */
const REFINING = new WeakSet<CachedPage>();
function refineLater(cache: PageCache<CachedPage>, key: string, entry: CachedPage): void {
  if (!entry.quick || REFINING.has(entry)) return;
  REFINING.add(entry);
  refine(entry).then(
    (better) => cache.replace(key, entry, better),
    () => {}, // A failed recompression leaves the quick copy, which is correct.
  );
}

export interface FastHitOptions {
  cache: PageCache<CachedPage>;
  /** Cookies whose presence means a newsroom session (never answered from the cache). */
  sessionCookies: readonly string[];
  /** Longer addresses are the app's to refuse. */
  maxUrlLength: number;
  /** Called after each answer (the access log). */
  onAnswer?: (req: IncomingMessage, res: ServerResponse, startedAt: number) => void;
}

/**
 * The shortest path for a cache hit, in front of Fastify (its server's request listener):
 * an anonymous GET or HEAD of an address without a query string whose page is in the cache
 * and fresh is answered here, before routing, hooks or request objects. Everything else
 * (query strings, misses, stale entries, signed-in users, odd spellings) returns false and
 * goes through Fastify, where the onRequest hook below answers the same entries the same
 * way: the bytes and headers are the stored ones either way.
 */
export function createFastHit(options: FastHitOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const { cache, sessionCookies, maxUrlLength, onAnswer } = options;
  return (req, res) => {
    const url = req.url;
    if (!cache.enabled || url === undefined || (req.method !== 'GET' && req.method !== 'HEAD') || url.length > maxUrlLength || url.includes('?')) return false;
    // '/a/' is the app's to redirect (one address per page), never a cached page.
    if (url.length > 1 && url.endsWith('/')) return false;
    if (hasCookie(req.headers.cookie, sessionCookies)) return false;
    if (url.includes('%') && !canonicalPath(url)) return false;
    const found = cache.peekFresh(url);
    if (!found) return false;
    const startedAt = onAnswer ? performance.now() : 0;
    const served = answerFromEntry(req, res, found, 'HIT', (entry) => cache.store(url, entry, cache.generation));
    refineLater(cache, url, served);
    onAnswer?.(req, res, startedAt);
    return true;
  };
}

/**
 * Answers with the stale copy of this page if there is one (the database is down).
 * Returns whether it did.
 */
export function serveStale(request: FastifyRequest, reply: FastifyReply): boolean {
  const stale = request.pageCache?.stale;
  if (!stale) return false;
  reply.hijack();
  answerFromEntry(request.raw, reply.raw, stale, 'STALE');
  return true;
}

/** Headers of a rendered page worth keeping with it (not per-response ones). */
function keptHeaders(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || name === 'content-length' || name === 'content-encoding' || name === 'etag' || name === 'vary' || name === 'x-cache') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

export const pageCachePlugin = fp<PageCachePluginOptions>(async (app, { cache, sessionCookies, cdnMaxAgeSeconds }) => {
  // Browsers revalidate every time (a 304 is cheap; news must not look stale after a
  // publish). A CDN keeps a page for s-maxage, may serve it stale while it refetches,
  // and for a day if Samachar is down.
  const publicCache = `public, max-age=0, s-maxage=${cdnMaxAgeSeconds}, stale-while-revalidate=60, stale-if-error=86400`;

  app.decorateRequest('pageCache', null as unknown as PageCacheState);

  app.addHook('onRequest', async (request, reply) => {
    const signedIn = hasCookie(request.headers.cookie, sessionCookies);
    const state: PageCacheState = { key: null, tags: new Set(), generation: cache.generation, stale: null, signedIn };
    request.pageCache = state;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || signedIn || !cache.enabled) return;
    state.key = cacheKey(request.url, request.routeOptions.config.cacheQuery);
    if (state.key === null) return;
    const found = cache.lookup(state.key);
    if (!found) return;
    const key = state.key;
    if (found.fresh) {
      reply.hijack();
      refineLater(cache, key, answerFromEntry(request.raw, reply.raw, found.entry, 'HIT', (entry) => cache.store(key, entry, cache.generation)));
      return reply;
    }
    state.stale = found.entry;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCache;
    if (!state || state.tags.size === 0) return payload;
    if (state.signedIn) {
      reply.header('cache-control', NO_STORE);
      return payload;
    }
    // 200 pages, and the 301 of an old address (its Location is one of the kept headers).
    const status = reply.statusCode;
    if ((status !== 200 && status !== 301) || reply.hasHeader('set-cookie') || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const tags = [...state.tags].sort();
    reply.header('cache-control', publicCache);
    reply.header('surrogate-key', tags.join(' '));
    reply.header('cache-tag', tags.join(','));
    // Compressed for this reader's encoding now; another encoding when first asked for.
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const entry = buildCachedPage(payload, keptHeaders(reply), tags, encoding === 'identity' ? ['gzip'] : [encoding], status);
    if (state.key !== null) cache.store(state.key, entry, state.generation, { openEnded: request.routeOptions.config.cacheFreeText === true });
    reply.header('x-cache', state.key === null ? 'BYPASS' : 'MISS');
    if (status === 200 && etagMatches(request.headers['if-none-match'], entry.etag)) {
      reply.code(304).header('etag', entry.etag).header('vary', 'accept-encoding');
      return '';
    }
    const v = encoding === 'identity' ? { body: typeof payload === 'string' ? Buffer.from(payload) : payload, headers: entry.identityHeaders } : variant(entry, encoding);
    reply.headers(v.headers);
    return v.body;
  });
});
