/**
 * Deleting photos over HTTP: from the media screen (a plain form, confirmed by a
 * checkbox) and as JSON (DELETE /admin/api/media/:id), plus where a photo is used. A photo
 * in use is refused with 409 MEDIA_IN_USE naming every story and author profile that uses
 * it (the JSON answer carries `usedIn`; the screen lists them with links to the editor).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Media } from '../../domain/media/media.ts';
import type { MediaUsage } from '../../domain/media/media-usage.ts';
import { can } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { renderMediaPage } from '../../render/admin/media-page.tsx';
import { trashStringsFor } from '../../render/admin/trash-admin-strings.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize, requireUser } from './auth.ts';
import { idParam, textField } from './params.ts';
import { html } from './session-routes.ts';

/** As the media screen shows them (account-screens.ts). */
const MEDIA_PAGE_SIZE = 24;

type IdParams = { Params: { id: string } };

function usageOf(err: unknown): MediaUsage | null {
  return err instanceof DomainError && err.code === 'MEDIA_IN_USE' ? ((err.data?.usedIn as MediaUsage | undefined) ?? null) : null;
}

export const mediaDeleteRoutes: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  app.post<IdParams>('/admin/media/:id/delete', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    const screen = async (status: number, extra: { inUse?: { media: Media; usage: MediaUsage }; error?: string }) => {
      const { items, total } = await services.media.search('', 1, MEDIA_PAGE_SIZE);
      const chrome = await adminChrome(ctx, request);
      return html(reply, renderMediaPage({ chrome, items, total, page: 1, pageSize: MEDIA_PAGE_SIZE, query: '', canEdit: can(user, 'media.edit'), canDelete: can(user, 'media.delete'), ...extra }), status);
    };
    if (textField(request.body, 'confirm', 1) !== '1') return screen(400, { error: trashStringsFor(user).confirmRequired });
    try {
      await services.mediaUsage.delete(user, id);
    } catch (err) {
      const usage = usageOf(err);
      const media = usage ? await services.media.findById(id) : null;
      if (!usage || !media) throw err;
      return screen(409, { inUse: { media, usage } });
    }
    return reply.redirect('/admin/media?deleted=1', 303);
  });

  app.delete<IdParams>('/admin/api/media/:id', async (request, reply) => {
    const user = requireUser(request);
    await services.mediaUsage.delete(user, idParam(request.params.id));
    return reply.code(204).send();
  });

  // Those who may delete photos (it names the headlines of anyone's drafts).
  app.get<IdParams>('/admin/api/media/:id/usage', async (request) => {
    authorize(request, 'media.delete');
    return { usedIn: await services.mediaUsage.usage(idParam(request.params.id)) };
  });
};
