/**
 * Most read (decision 029): the beacon every story page's script posts once per load
 * (`POST /_view?a=<story id>&t=<token>`), and that script. Counting happens here, not in
 * the page cache: a cached page is answered before Fastify, and a request for a page is
 * not a person reading it (bots, prefetches, reloads). The answer is 204 whether or not
 * the view counted, so it tells a client nothing; a malformed beacon is 400, a cross-site
 * one 403 (the error catalogue's pages, in Hindi by default). Nothing about the reader is
 * stored or logged beyond the access log's usual line.
 */
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../errors.ts';
import type { Services } from '../../services.ts';
import { sameOrigin } from '../admin/auth.ts';
import { buildViewBeaconScript } from './view-beacon-assets.ts';

export interface MostReadRoutesOptions {
  services: Services;
}

/** The beacon's path (src/reader/view-beacon.ts posts here). */
export const VIEW_BEACON_PATH = '/_view';

function single(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string') throw new DomainError('BAD_REQUEST', name);
  return value;
}

export const mostReadRoutes: FastifyPluginAsync<MostReadRoutesOptions> = async (app, { services }) => {
  const script = await buildViewBeaconScript();

  app.get(script.url, async (_request, reply) =>
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(script.body),
  );

  app.post(VIEW_BEACON_PATH, { bodyLimit: 1024 }, async (request, reply) => {
    if (!sameOrigin(request)) throw new DomainError('CSRF', undefined, 'cross-site view beacon');
    const a = single(request.query, 'a');
    const token = single(request.query, 't');
    if (!/^[1-9][0-9]{0,9}$/.test(a) || Number(a) > 2_147_483_647) throw new DomainError('BAD_REQUEST', 'a');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) throw new DomainError('BAD_REQUEST', 't');
    services.mostRead.record({ articleId: Number(a), token, userAgent: request.headers['user-agent'], headers: request.headers });
    return reply.code(204).header('cache-control', 'no-store').send();
  });
};
