/**
 * Old addresses (a WordPress site's permalinks, `/?p=123`, or any an editor added in
 * admin → Redirects) answer 301 with their new address. The redirect map is asked only
 * where the site has nothing to show: when an address would be 404, when the home page
 * is asked with a WordPress key (`/?p=123`), and for an address ending in `/` (which
 * would be redirected anyway) whose slash-less form is not a page the cache knows. So an
 * ordinary page never waits for it.
 *
 * A 301 is a public answer like a page: tagged `redirects` (every change to the map
 * purges them all) and `nav` (a section made since at that address takes it back), kept
 * in the page cache and by a CDN.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../../cache/cached-page.ts';
import type { PageCache } from '../../cache/page-cache.ts';
import { contentTags } from '../../domain/changes/content-tags.ts';
import { KEYED_QUERY_PARAMS } from '../../domain/redirects/redirect.ts';
import type { Services } from '../../services.ts';
import { doNotStore, readsQuery, tagPage } from '../plugins/page-cache-plugin.ts';

/** The home route reads WordPress's keys (`?p=123` …), so its 301s have cache keys of their own. */
export const HOME_QUERY = readsQuery(KEYED_QUERY_PARAMS);

/** Addresses that are never old site pages: the newsroom, the APIs. */
function outsideSite(url: string): boolean {
  return /^\/(admin|api)(\/|\?|$)/.test(url);
}

function send301(request: FastifyRequest, reply: FastifyReply, target: string): FastifyReply {
  tagPage(request, [contentTags.redirects, contentTags.nav]);
  // The body is for clients that do not follow redirects; the target is plain ASCII (redirect.ts).
  return reply.code(301).header('location', target).header('content-type', 'text/plain; charset=utf-8').send(`Moved Permanently: ${target}\n`);
}

/**
 * Answers 301 when `request` is an old address (GET or HEAD outside the newsroom); null
 * when it is not one, and the caller answers as it would have.
 */
export async function answerOldAddress(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> {
  if ((request.method !== 'GET' && request.method !== 'HEAD') || outsideSite(request.url)) return null;
  let target: string | null;
  try {
    target = await services.redirects.find(request.url);
  } catch (err) {
    // Called from the error handlers: a database that cannot answer leaves the 404 as it was
    // (a throw here would escape to Fastify's own 500).
    request.log.warn({ err }, 'redirect lookup failed');
    return null;
  }
  return target === null ? null : send301(request, reply, target);
}

/**
 * The home page asked with a WordPress key (`/?p=123`, `/?page_id=7` …): its redirect, or
 * null to show the home page. That home page is not kept under the key, so made-up
 * numbers cannot fill the cache with copies of it.
 */
export async function answerHomeKey(services: Services, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | null> {
  const query = request.query as Record<string, unknown> | undefined;
  if (!query || !KEYED_QUERY_PARAMS.some((name) => query[name] !== undefined)) return null;
  const answered = await answerOldAddress(services, request, reply);
  if (!answered) doNotStore(request);
  return answered;
}

/**
 * Where an address ending in `/` goes, in one hop: a WordPress permalink
 * (`/2024/03/21/slug/`) straight to its new address, anything else to `slashless`. The
 * cache is asked first (a page kept there is a page, a kept 301 says where it goes); only
 * an address the cache does not know costs one probe of the redirect map's unique index.
 */
export async function slashTarget(services: Services, cache: PageCache<CachedPage>, method: string, path: string, slashless: string): Promise<string> {
  if ((method !== 'GET' && method !== 'HEAD') || outsideSite(path)) return slashless;
  const slashlessPath = slashless.split('?', 1)[0]!;
  const known = cache.enabled ? cache.lookup(slashlessPath) : undefined;
  if (known?.fresh) return known.entry.status === 301 ? (known.entry.baseHeaders.location ?? slashless) : slashless;
  // A database that cannot answer still gets the visitor one hop closer.
  return (await services.redirects.find(path).catch(() => null)) ?? slashless;
}
