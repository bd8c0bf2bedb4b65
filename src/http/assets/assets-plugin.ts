/**
 * Serves the hashed static assets from memory. A hashed URL never changes content,
 * so it is cached for a year as immutable; an unknown one is a 404.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AssetBundle } from './asset-bundle.ts';

export const assetsPlugin: FastifyPluginAsync<{ bundle: AssetBundle }> = async (app, { bundle }) => {
  app.get('/assets/*', async (request, reply) => {
    const file = bundle.files.get(request.url.split('?')[0] ?? '');
    if (!file) return reply.callNotFound();
    return reply
      .header('content-type', file.contentType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('access-control-allow-origin', '*')
      .send(file.body);
  });
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(bundle.urls.favicon, 301));
};
