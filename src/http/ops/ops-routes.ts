/**
 * For operators and load balancers: /healthz, /readyz, and /metrics behind a token.
 *
 * Guarantees:
 * - None of these answers is ever cached (`Cache-Control: no-store`; no page tags, so the
 *   page cache never keeps them) and none says anything secret.
 * - /metrics is never public: without METRICS_TOKEN there is no such route here (404; a
 *   separate METRICS_PORT listener serves it, src/server.ts); with it, a request without
 *   the exact token gets 401 (the token is compared in constant time).
 * - Request metrics label by route pattern, and the hook exists only where metrics are served.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { catalogueEntry } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { type NewsroomRecorder, requestEvent } from '../../ops/newsroom-events.ts';

export interface OpsRoutesOptions {
  services: Services;
  /** Where newsroom events go (the app's log); absent, none are recorded. */
  newsroom?: NewsroomRecorder;
}

const NO_STORE = 'no-store';

export const opsRoutes = fp<OpsRoutesOptions>(async (app: FastifyInstance, { services, newsroom }) => {
  const { config, metrics, health } = services;

  if (newsroom) {
    // Settings and account forms: their service calls do not know who acted; the request does.
    app.addHook('onResponse', (request, reply, done) => {
      if (request.method === 'POST') {
        const session = (request as { session?: { user: { id: number } } | null }).session;
        const event = requestEvent(request.method, request.routeOptions.url ?? null, reply.statusCode, session?.user.id ?? null);
        if (event) newsroom(event);
      }
      done();
    });
  }

  app.get('/healthz', async (_request, reply) => reply.header('cache-control', NO_STORE).send({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const readiness = await health.ready();
    return reply
      .code(readiness.ready ? 200 : 503)
      .header('cache-control', NO_STORE)
      .send({ status: readiness.ready ? 'ready' : readiness.draining ? 'draining' : 'not ready', checks: readiness.checks });
  });

  if (config.metricsToken !== null || config.metricsPort !== null) {
    metrics.enableProcessMetrics();
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? null;
      const seconds = reply.elapsedTime / 1000;
      metrics.request(route, request.method, reply.statusCode, seconds);
      if (route !== null && route.startsWith('/search')) metrics.searched(seconds);
      done();
    });
  }

  if (config.metricsToken !== null) {
    const expected = digest(`Bearer ${config.metricsToken}`);
    app.get('/metrics', async (request, reply) => {
      const given = request.headers.authorization;
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) return refuse(reply);
      const { body, contentType } = await metrics.scrape();
      return reply.header('cache-control', NO_STORE).header('content-type', contentType).send(body);
    });
  }
});

/** Equal-length digests, so the comparison takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function refuse(reply: FastifyReply): FastifyReply {
  const entry = catalogueEntry('METRICS_TOKEN_REQUIRED');
  return reply
    .code(entry.status)
    .header('cache-control', NO_STORE)
    .header('www-authenticate', 'Bearer realm="metrics"')
    .send({ error: { code: 'METRICS_TOKEN_REQUIRED', message: entry.message.en, messageHi: entry.message.hi } });
}
