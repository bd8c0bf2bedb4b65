/**
 * Photo files under /media/. Names are content-addressed, so a file never changes
 * and may be cached for a year.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../../services.ts';

export const mediaRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  app.get<{ Params: { file: string } }>('/media/:file', async (request, reply) => {
    const file = await services.media.openVariant(request.params.file);
    if (!file) return reply.callNotFound();
    return reply
      .header('content-type', file.contentType)
      .header('content-length', file.bytes)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(file.stream);
  });
};
