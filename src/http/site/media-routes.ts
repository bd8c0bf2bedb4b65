/**
 * Photo files under /media/. Names are content-addressed, so a file never changes
 * and may be cached for a year.
 *
 * Derived images (issue 14; domain/media/crops.ts) follow the same rule: a crop's name
 * carries the photo and its focal point, a share card's and the logo's a hash of their
 * text. An old name (the focal point moved, the headline or site name changed) answers
 * 301 with the current one; a name Samachar never makes is a 404. Files are made on the
 * first request in an image thread (503 with Retry-After when that queue is full).
 *
 * Where the bytes come from (media-files.ts): the local folder or S3, streamed through here
 * with a strong ETag (the name: a file never changes) and 304 for a browser that has it.
 * With MEDIA_PUBLIC_URL (a CDN over the bucket, chosen by the operator) a request is
 * redirected there instead. A store that does not answer: 503 with Retry-After, in the
 * reader's language, never a crash.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { cropPath, logoHash, logoPath, parseCropName, parseLogoName, parseShareCardName, shareCardHash, shareCardPath } from '../../domain/media/crops.ts';
import type { DerivedFile } from '../../domain/media/derived-image-service.ts';
import type { Services } from '../../services.ts';
import { withRetryAfter } from '../retry-after.ts';

/** A redirect to a derived image's current name: short-lived, the name may move again. */
function moved(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'public, max-age=300').redirect(location, 301);
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The strong validator of a file whose name changes whenever its bytes do. */
function etagOf(name: string): string {
  return `"${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`;
}

/** 304 when the browser already has this name (no store round trip), else null. */
function notModified(request: FastifyRequest, reply: FastifyReply, name: string): FastifyReply | null {
  const etag = etagOf(name);
  const tags = request.headers['if-none-match'];
  if (!tags || !tags.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return null;
  return reply.code(304).header('etag', etag).header('cache-control', IMMUTABLE).send();
}

/** A redirect to the operator's CDN (MEDIA_PUBLIC_URL): a day, so a changed setting takes hold. */
function toPublic(reply: FastifyReply, publicUrl: string, name: string): FastifyReply {
  return reply.header('cache-control', 'public, max-age=86400').redirect(`${publicUrl}/${name}`, 302);
}

function sendImmutable(request: FastifyRequest, reply: FastifyReply, file: DerivedFile, publicUrl: string | null): FastifyReply {
  if (publicUrl) {
    file.stream.destroy();
    return toPublic(reply, publicUrl, file.name);
  }
  const cached = notModified(request, reply, file.name);
  if (cached) {
    file.stream.destroy();
    return cached;
  }
  return reply.header('content-type', file.contentType).header('content-length', file.bytes).header('etag', etagOf(file.name)).header('cache-control', IMMUTABLE).send(file.stream);
}

export const mediaRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  const publicUrl = services.config.mediaPublicUrl;
  app.get<{ Params: { file: string } }>('/media/:file', async (request, reply) => {
    const name = request.params.file;
    if (!services.media.isVariantName(name)) return reply.callNotFound();
    if (publicUrl) return toPublic(reply, publicUrl, name);
    const cached = notModified(request, reply, name);
    if (cached) return cached;
    const file = await withRetryAfter(reply, () => services.media.openVariant(name));
    if (!file) return reply.callNotFound();
    return reply.header('content-type', file.contentType).header('content-length', file.bytes).header('etag', etagOf(name)).header('cache-control', IMMUTABLE).send(file.stream);
  });

  // A photo cut around its focal point: /media/crop/<photo id>-<ratio>-<x>-<y>.jpg.
  app.get<{ Params: { file: string } }>('/media/crop/:file', async (request, reply) => {
    const name = parseCropName(request.params.file);
    const media = name ? await services.media.findById(name.id) : null;
    if (!name || !media) return reply.callNotFound();
    const current = cropPath(media, name.ratio);
    if (current !== `/media/crop/${request.params.file}`) return moved(reply, current);
    const file = await withRetryAfter(reply, () => services.derivedImages.crop(media, name.ratio));
    if (!file) return reply.callNotFound();
    return sendImmutable(request, reply, file, publicUrl);
  });

  // A public story's share card (its headline on the site's colours): /media/share/<story id>-<hash>.png.
  app.get<{ Params: { file: string } }>('/media/share/:file', async (request, reply) => {
    const name = parseShareCardName(request.params.file);
    const article = name ? await services.articles.getPublic(name.id, services.now()) : null;
    if (!name || !article) return reply.callNotFound();
    const card = { headline: article.headline, siteName: (await services.settings.get()).siteName };
    if (shareCardHash(card) !== name.hash) return moved(reply, shareCardPath(article.id, card));
    return sendImmutable(request, reply, await withRetryAfter(reply, () => services.derivedImages.shareCard(card)), publicUrl);
  });

  // The publisher logo made from the site's name: /media/logo/<hash>.png.
  app.get<{ Params: { file: string } }>('/media/logo/:file', async (request, reply) => {
    const hash = parseLogoName(request.params.file);
    if (!hash) return reply.callNotFound();
    const siteName = (await services.settings.get()).siteName;
    if (logoHash(siteName) !== hash) return moved(reply, logoPath(siteName));
    return sendImmutable(request, reply, await withRetryAfter(reply, () => services.derivedImages.logo(siteName)), publicUrl);
  });
};
