/**
 * The media library over HTTP: search (for the editor's picker) and upload. An upload
 * is one multipart file plus its alt text, caption and credit; the file's type is
 * judged from its bytes by the media service, and it is re-encoded before anything is
 * served. Too large (bytes or pixels): 413. Not an accepted image (SVG, PDF, a renamed
 * file): 415. The encode queue full: 503 with Retry-After, before the file is read.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { toMediaListItem } from '../../domain/media/media.ts';
import { MAX_UPLOAD_BYTES } from '../../domain/media/media-service.ts';
import { DomainError } from '../../errors.ts';
import { withRetryAfter } from '../retry-after.ts';
import type { AdminContext } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';

const PAGE_SIZE = 24;

export const mediaApi: FastifyPluginAsync<AdminContext> = async (app, { services }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 4096, parts: 12 } });

  // Anyone who writes may reuse photos already in the library; only uploading is restricted.
  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/api/media', async (request) => {
    authorize(request, 'article.create');
    const q = typeof request.query.q === 'string' ? request.query.q : '';
    const page = pageParam(request.query.page);
    const { items, total } = await services.media.search(q, page, PAGE_SIZE);
    return { items: items.map(toMediaListItem), total, page, pageSize: PAGE_SIZE };
  });

  app.post('/admin/api/media', async (request, reply) => {
    authorize(request, 'media.upload');
    if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'file', 'expected multipart/form-data');
    // A place in the encode queue first: when it is full the upload is refused (503 with
    // Retry-After) before its up to 20 MB are read into memory.
    const reservation = await withRetryAfter(reply, async () => services.media.reserveEncode());
    try {
      let bytes: Buffer | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || bytes) throw new DomainError('INVALID_INPUT', part.fieldname);
          // Throws 413 (RequestFileTooLargeError) past the limit; nothing is stored.
          bytes = await part.toBuffer();
        } else {
          fields[part.fieldname] = typeof part.value === 'string' ? part.value : '';
        }
      }
      if (!bytes || bytes.length === 0) throw new DomainError('INVALID_INPUT', 'file');
      const meta = { alt: textField(fields, 'alt', 300), caption: textField(fields, 'caption', 500), credit: textField(fields, 'credit', 120) };
      const media = await withRetryAfter(reply, () => services.media.ingest(bytes, meta, reservation));
      return reply.code(201).send({ media: toMediaListItem(media) });
    } finally {
      reservation.release();
    }
  });

  app.put<{ Params: { id: string } }>('/admin/api/media/:id', async (request) => {
    authorize(request, 'media.edit');
    const body = request.body;
    const media = await services.media.updateMeta(idParam(request.params.id), {
      alt: textField(body, 'alt', 300),
      caption: textField(body, 'caption', 500),
      credit: textField(body, 'credit', 120),
    });
    return { media: toMediaListItem(media) };
  });

  // The library's image button (no script needed): where the click landed in the photo's
  // w×h box, as the browser sends it (focal.x, focal.y). Anything else is a 400, nothing changed.
  app.post<{ Params: { id: string } }>('/admin/media/:id/focal-point', async (request, reply) => {
    authorize(request, 'media.edit');
    const id = idParam(request.params.id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const whole = (v: unknown, max: number) => (typeof v === 'string' && /^[0-9]{1,5}$/.test(v) && Number(v) <= max ? Number(v) : NaN);
    const w = whole(body.w, 4000);
    const h = whole(body.h, 4000);
    const x = whole(body['focal.x'], w);
    const y = whole(body['focal.y'], h);
    if (!(w > 0) || !(h > 0) || Number.isNaN(x) || Number.isNaN(y)) throw new DomainError('INVALID_INPUT', 'focal');
    await services.media.setFocalPoint(id, { x: x / w, y: y / h });
    return reply.redirect(`/admin/media#media-${id}`, 303);
  });

  // The photo's focal point, `{ "x": 0..1, "y": 0..1 }` (a click on it in the library or the
  // picker); 400 for anything else, nothing changed.
  app.put<{ Params: { id: string } }>('/admin/api/media/:id/focal-point', async (request) => {
    authorize(request, 'media.edit');
    const media = await services.media.setFocalPoint(idParam(request.params.id), request.body);
    return { media: toMediaListItem(media) };
  });
};
