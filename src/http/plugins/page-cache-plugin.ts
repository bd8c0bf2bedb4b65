/**
 * The page cache in front of the reader site (src/cache/page-cache.ts holds the entries).
 *
 * - A route makes its page cacheable by tagging it (`tagPage`): every content tag of
 *   what it shows. Untagged responses are never stored.
 * - Only anonymous GET and HEAD requests use it: a request with a newsroom session
 *   cookie bypasses it, and its public pages go out `private, no-store`.
 * - The key is the path and query, and a page is stored only when every query parameter
 *   is one the site reads (CACHE_KEY_PARAMS): `?x=random` cannot push real pages out. No
 *   request header is in the key and none may change a cacheable page: the encoding is
 *   chosen from the entry's precompressed bodies, not rendered.
 * - A hit is one write of stored bytes (a 304 when If-None-Match matches). A miss renders,
 *   compresses once, stores (unless a purge happened meanwhile), and answers.
 * - An entry past its TTL is not served, except when rendering fails because the
 *   database is unavailable (stale-if-error).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { buildCachedPage, type CachedPage, chooseEncoding, etagMatches, variant, withEncoding } from '../../cache/cached-page.ts';
import type { PageCache } from '../../cache/page-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    pageCache: PageCacheState;
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

/** Query parameters reader pages read; any other makes the page uncacheable (never wrong). */
export const CACHE_KEY_PARAMS: ReadonlySet<string> = new Set(['page', 'q', 'section', 'from', 'to', 'pageSize']);

/** A signed-in user's copy, or anything that must not be kept. */
export const NO_STORE = 'private, no-store';

/** Marks the page being answered as cacheable, carrying these content tags. */
export function tagPage(request: FastifyRequest, tags: Iterable<string>): void {
  for (const t of tags) request.pageCache.tags.add(t);
}

/** The key for a URL, or null if its query has a parameter no page reads. */
export function cacheKey(url: string): string | null {
  const q = url.indexOf('?');
  if (q < 0) return url;
  for (const [name] of new URLSearchParams(url.slice(q + 1))) if (!CACHE_KEY_PARAMS.has(name)) return null;
  return url;
}

function hasCookie(header: string | undefined, names: readonly string[]): boolean {
  if (!header) return false;
  return names.some((name) => header.split(';').some((part) => part.trim().startsWith(`${name}=`)));
}

/**
 * Answers from an entry, with one write to the socket. `upgrade` keeps the entry again when
 * it had to be compressed for this reader's encoding.
 */
function serveEntry(request: FastifyRequest, reply: FastifyReply, found: CachedPage, label: 'HIT' | 'STALE', upgrade?: (entry: CachedPage) => void): FastifyReply {
  reply.hijack();
  const res = reply.raw;
  res.setHeader('x-cache', label);
  if (etagMatches(request.headers['if-none-match'], found.etag)) {
    res.writeHead(304, { etag: found.etag, 'cache-control': found.baseHeaders['cache-control'] ?? '', vary: 'accept-encoding' });
    res.end();
    return reply;
  }
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  let entry = found;
  if (encoding !== 'identity' && !entry[encoding]) {
    entry = withEncoding(entry, encoding);
    upgrade?.(entry);
  }
  const v = variant(entry, encoding);
  res.writeHead(200, v.headers);
  res.end(request.method === 'HEAD' ? undefined : v.body);
  return reply;
}

/**
 * Answers with the stale copy of this page if there is one (the database is down).
 * Returns whether it did.
 */
export function serveStale(request: FastifyRequest, reply: FastifyReply): boolean {
  const stale = request.pageCache?.stale;
  if (!stale) return false;
  serveEntry(request, reply, stale, 'STALE');
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
    state.key = cacheKey(request.url);
    if (state.key === null) return;
    const found = cache.lookup(state.key);
    if (!found) return;
    const key = state.key;
    if (found.fresh) return serveEntry(request, reply, found.entry, 'HIT', (entry) => cache.store(key, entry, cache.generation));
    state.stale = found.entry;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCache;
    if (!state || state.tags.size === 0) return payload;
    if (state.signedIn) {
      reply.header('cache-control', NO_STORE);
      return payload;
    }
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie') || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    const tags = [...state.tags].sort();
    reply.header('cache-control', publicCache);
    reply.header('surrogate-key', tags.join(' '));
    reply.header('cache-tag', tags.join(','));
    // Compressed for this reader's encoding now; another encoding when first asked for.
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const entry = buildCachedPage(payload, keptHeaders(reply), tags, encoding === 'identity' ? ['gzip'] : [encoding]);
    if (state.key !== null) cache.store(state.key, entry, state.generation);
    reply.header('x-cache', state.key === null ? 'BYPASS' : 'MISS');
    if (etagMatches(request.headers['if-none-match'], entry.etag)) {
      reply.code(304).header('etag', entry.etag).header('vary', 'accept-encoding');
      return '';
    }
    const v = encoding === 'identity' ? { body: typeof payload === 'string' ? Buffer.from(payload) : payload, headers: entry.identityHeaders } : variant(entry, encoding);
    reply.headers(v.headers);
    return v.body;
  });
});
