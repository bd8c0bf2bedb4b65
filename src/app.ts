/**
 * buildApp(services): the Fastify instance with every plugin registered. It never
 * listens; main.ts does, and tests use app.inject().
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import os from 'node:os';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyRequest, LogController } from 'fastify';
import pino from 'pino';
import type { CachedPage } from './cache/cached-page.ts';
import { PageCache } from './cache/page-cache.ts';
import { buildAssetBundle } from './http/assets/asset-bundle.ts';
import { siteRelativeTarget } from './lib/site-path.ts';
import { assetsPlugin } from './http/assets/assets-plugin.ts';
import { createClientErrorHandler } from './http/plugins/client-errors.ts';
import { createErrorResponder, errorsPlugin } from './http/plugins/errors-plugin.ts';
import { createFastHit, pageCachePlugin } from './http/plugins/page-cache-plugin.ts';
import { securityHeadersPlugin } from './http/plugins/security-headers-plugin.ts';
import { adminPlugin } from './http/admin/admin-plugin.ts';
import { buildAdminAssets } from './http/admin/admin-assets.ts';
import { cookieNames } from './http/admin/auth.ts';
import { commentRoutes } from './http/site/comment-routes.ts';
import { feedRoutes } from './http/site/feed-routes.ts';
import { sitemapRoutes } from './http/site/sitemap-routes.ts';
import { mediaRoutes } from './http/site/media-routes.ts';
import { searchRoutes } from './http/site/search-routes.ts';
import { siteRoutes } from './http/site/site-routes.ts';
import { contentApi } from './http/api/content-api.ts';
import { integrationApi } from './http/api/integration-api.ts';
import { openApiRoutes } from './http/api/openapi.ts';
import { slashTarget } from './http/site/old-addresses.ts';
import { previewRoutes } from './http/site/preview-routes.ts';
import { mostReadRoutes } from './http/site/most-read-routes.ts';
import { liveRoutes } from './http/live/live-routes.ts';
import { dataBoxLiveRoutes } from './http/site/data-box-live-routes.ts';
import type { Services } from './services.ts';
import { opsRoutes } from './http/ops/ops-routes.ts';
import { lineBatch } from './lib/line-batch.ts';
import { prettyAccessWriter, prettySink } from './ops/log-format.ts';
import { type NewsroomRecorder, watchNewsroom } from './ops/newsroom-events.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The rendered-page cache (stats for tests and benchmarks). */
    pageCache: PageCache<CachedPage>;
  }
}

export interface BuildAppOptions {
  /** Log requests (off in tests). */
  logger?: boolean;
  /** Where log lines go (tests); default: stdout through a buffered asynchronous writer. */
  logStream?: { write(line: string): void };
  /** Milliseconds clock for the page cache's TTL (tests move it). */
  cacheClock?: () => number;
  /** Overrides config.pageCacheBytes (0: no cache; tests compare against such an app). */
  pageCacheBytes?: number;
}

export async function buildApp(services: Services, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const assets = buildAssetBundle();
  const adminAssets = await buildAdminAssets({ fontFaceCss: assets.fontFaceCss });
  const respondError = createErrorResponder({ services, assets: assets.urls });
  const pageCache = new PageCache<CachedPage>({ maxBytes: options.pageCacheBytes ?? config.pageCacheBytes, ttlMs: config.pageCacheTtlMs, ...(options.cacheClock ? { now: options.cacheClock } : {}) });
  const names = cookieNames(config.siteUrl);
  // Asynchronous, written as soon as possible: other log lines are rare, and access lines come
  // already gathered in batches (below), so a quiet site's lines show within 100 ms.
  const rawDestination = options.logStream ?? pino.destination({ dest: 1, sync: false });
  // People at a terminal read one short line per entry; collectors get JSON Lines (LOG_FORMAT).
  const pretty = config.logFormat === 'pretty' || (config.logFormat === 'auto' && !options.logStream && process.stdout.isTTY === true);
  const logDestination = pretty ? prettySink(rawDestination) : rawDestination;
  // Access lines to the process's own output are gathered into batches (src/lib/line-batch.ts);
  // a stream given by the caller (tests, an embedding program) gets each line as it happens.
  const accessBatch = options.logStream ? null : lineBatch(rawDestination, { maxChars: 16_384, maxDelayMs: 100 });
  const accessLog =
    options.logger && config.accessLog && ['trace', 'debug', 'info'].includes(config.logLevel)
      ? pretty
        ? prettyAccessWriter(rawDestination, maskSecrets)
        : accessLogWriter(accessBatch ?? rawDestination)
      : null;
  const { metrics } = services;
  // A cache hit is answered in front of Fastify (page-cache-plugin.ts, createFastHit), and
  // still gets its access-log line; not while the server closes (Fastify then answers with `Connection: close`).
  let closing = false;
  const fastHit = createFastHit({
    cache: pageCache,
    sessionCookies: [names.session, names.preSession],
    maxUrlLength: config.maxUrlLength,
    ...(accessLog ? { onAnswer: (req: IncomingMessage, res: ServerResponse, startedAt: number) => accessLog(req.method ?? '', req.url ?? '', res.statusCode, performance.now() - startedAt) } : {}),
  });
  const app = Fastify({
    // Fastify's own server with the cache-hit path in front; timeouts as Fastify sets them.
    serverFactory: (handler, fastifyOptions) => {
      const opts = fastifyOptions as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number; maxRequestsPerSocket?: number };
      const server = http.createServer((req, res) => {
        if (closing || !fastHit(req, res)) handler(req, res);
        // Counted as plain integers (src/ops/metrics.ts reads them when scraped).
        else {
          metrics.fastAnswers++;
          if (res.statusCode === 304) metrics.fastNotModified++;
        }
      });
      server.keepAliveTimeout = opts.keepAliveTimeout ?? 72_000;
      server.requestTimeout = opts.requestTimeout ?? 0;
      server.setTimeout(opts.connectionTimeout ?? 0);
      if ((opts.maxRequestsPerSocket ?? 0) > 0) server.maxRequestsPerSocket = opts.maxRequestsPerSocket!;
      return server;
    },
    // Logs go through an asynchronous destination: a log line never waits for the terminal or
    // a pipe; access lines reach it in batches, so it sees one write per many requests.
    logger: options.logger ? { level: config.logLevel, serializers: { req: requestForLog }, stream: logDestination } : false,
    // Fastify's own request logging writes two lines per request (in and out); Samachar writes
    // one access line when the response is done (below), or none with ACCESS_LOG=0.
    logController: new LogController({ disableRequestLogging: true }),
    // While closing, a request that arrives on a connection already open (a proxy's keep-alive
    // connection) is answered, with `Connection: close`, rather than refused with 503: a proxy
    // must not retry a POST it has sent, so a refusal would lose an editor's save mid-restart.
    return503OnClosing: false,
    // Slugs of long Hindi headlines run past find-my-way's default of 100 characters.
    routerOptions: { maxParamLength: 400 },
    // A number means that many proxy hops in front; each is trusted for X-Forwarded-For.
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    bodyLimit: 1_048_576,
    // A path that is not valid UTF-8 or has a broken %-escape: answer with our 400 page.
    clientErrorHandler: createClientErrorHandler(services, assets.urls),
    // Routing runs before any hook, so an over-long URL can end up here too.
    frameworkErrors: (error, request, reply) => {
      const code = request.url.length > config.maxUrlLength ? 'URL_TOO_LONG' : error.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST';
      void respondError(request, reply, code);
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.length > config.maxUrlLength) return respondError(request, reply, 'URL_TOO_LONG');
    const [path = '', query] = request.url.split(/\?(.*)/s, 2);
    // One address per page: drop a trailing slash. Only to a plainly site-relative
    // address (lib/site-path.ts): '//host/' or '/\host/' (browsers read '\' as '/') is
    // never redirected, so the redirect cannot point at another host.
    if (path.length > 1 && path.endsWith('/')) {
      const target = siteRelativeTarget(`${path.replace(/\/+$/, '') || '/'}${query ? `?${query}` : ''}`);
      // A WordPress permalink (`/2024/03/21/slug/`) goes to its new address in one hop.
      if (target) return reply.redirect(await slashTarget(services, pageCache, request.method, path, target), 301);
    }
    return undefined;
  });

  app.addHook('preClose', async () => {
    closing = true;
  });
  // What the access batch holds is written before the logger's own flush at exit (server.ts).
  app.addHook('onClose', async () => accessBatch?.flush());
  // Every change committed, here or in another process, drops the pages that show it.
  const unsubscribe = services.changes.subscribe((change) => ('all' in change ? pageCache.clear() : pageCache.purge(change.tags)));
  app.addHook('onClose', async () => void unsubscribe());
  app.decorate('pageCache', pageCache);
  metrics.attach({
    pageCache: () => ({ ...pageCache.stats(), evictions: pageCache.evicted() }),
    changes: () => ({ ...services.changes.counts, connected: services.changes.busConnected, reconnects: services.changes.busReconnects }),
    pool: () => services.storage.poolCounts?.() ?? null,
    sseConnections: () => services.live.size,
  });
  // Newsroom events (sign-in, publish, delete, settings, accounts) as log lines with ids only.
  const newsroom: NewsroomRecorder | null = options.logger ? (event) => app.log.info({ ...event }, `newsroom ${event.action}`) : null;
  if (newsroom) watchNewsroom(services, newsroom);

  // Hook order matters: security headers are set before the page cache keeps a copy of
  // them, and the cache hands compress an already-compressed body, which it leaves alone.
  if (accessLog) {
    // The access log: one line per finished request, secrets in the address masked. It runs
    // for pages the cache answers through Fastify too (they finish here as well); hits in
    // front of Fastify are logged by createFastHit's onAnswer above.
    app.addHook('onResponse', (request, reply, done) => {
      accessLog(request.method, request.url, reply.statusCode, reply.elapsedTime);
      done();
    });
  }
  await app.register(securityHeadersPlugin, { https: new URL(config.siteUrl).protocol === 'https:', mediaOrigin: config.mediaPublicUrl ? new URL(config.mediaPublicUrl).origin : null });
  await app.register(errorsPlugin, { services, assets: assets.urls });
  await app.register(opsRoutes, { services, ...(newsroom ? { newsroom } : {}) });
  await app.register(pageCachePlugin, { cache: pageCache, sessionCookies: [names.session, names.preSession], cdnMaxAgeSeconds: config.cdnMaxAgeSeconds });
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(assetsPlugin, { bundle: assets });
  await app.register(mediaRoutes, { services });
  await app.register(adminPlugin, {
    services,
    cookies: names,
    assets: adminAssets.urls,
    adminFiles: adminAssets.files,
    readerAssets: assets.urls,
  });
  // The content API (/api/v1, decision 021): public reads, the integration API with keys, and its OpenAPI document.
  await app.register(contentApi, { services });
  await app.register(integrationApi, { services });
  await app.register(openApiRoutes, { services });
  await app.register(commentRoutes, { services, assets: assets.urls });
  await app.register(searchRoutes, { services, assets: assets.urls });
  await app.register(liveRoutes, { services });
  await app.register(dataBoxLiveRoutes, { services });
  await app.register(feedRoutes, { services });
  await app.register(sitemapRoutes, { services });
  await app.register(previewRoutes, { services, assets: assets.urls });
  // The most-read beacon and its script (decision 029).
  await app.register(mostReadRoutes, { services });
  await app.register(siteRoutes, { services, assets: assets.urls });
  return app;
}

/**
 * The access log's writer: one line per request in pino's JSON shape (level 30, info), with
 * the same fields pino would write, built by hand. Through pino's logger the line cost about
 * as much CPU as answering a cached page from memory (a cached article at 16,900 requests/s
 * with it, 35,800 without, measured with wrk on one CPU); built as one string it costs a
 * small fraction of that. It writes to a line batch in front of the logger's asynchronous
 * destination (or to the caller's stream as it is).
 */
function accessLogWriter(destination: { write(line: string): unknown }): (method: string, url: string, status: number, ms: number) => void {
  const fixed = `,"pid":${process.pid},"hostname":${JSON.stringify(os.hostname())},"msg":"request","method":`;
  return (method, url, status, ms) => {
    destination.write(`{"level":30,"time":${Date.now()}${fixed}${JSON.stringify(method)},"url":${JSON.stringify(maskSecrets(url))},"status":${status},"ms":${Math.round(ms * 10) / 10}}\n`);
  };
}

/**
 * What the access log keeps of a request. Addresses that carry a secret (a shared
 * preview's or a password reset's token) are logged with the token masked, so a log
 * file never opens a draft or an account.
 */
export function requestForLog(request: FastifyRequest): { method: string; url: string; host: string | undefined; remoteAddress: string } {
  return { method: request.method, url: maskSecrets(request.url), host: request.headers.host, remoteAddress: request.ip };
}

export function maskSecrets(url: string): string {
  return url.replace(/^(\/preview\/|\/admin\/reset-password\/)[^/?#]+/, '$1…');
}
