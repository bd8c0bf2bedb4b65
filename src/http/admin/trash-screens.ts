/**
 * Taking stories down, over HTTP: "Move to trash" from the editor, the Trash screen
 * (restore, delete forever), the same as JSON under /admin/api, and the admins' audit
 * log. Handlers only parse and call the trash and audit services, which check
 * permissions; CSRF and Origin are checked for every POST and DELETE by the admin plugin.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { TRASH_DAYS } from '../../domain/articles/article-trash.ts';
import { can } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { renderAuditPage } from '../../render/admin/audit-page.tsx';
import { renderTrashPage } from '../../render/admin/trash-page.tsx';
import { trashStringsFor } from '../../render/admin/trash-admin-strings.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { requireUser } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

const TRASH_PAGE_SIZE = 30;
const AUDIT_PAGE_SIZE = 50;

type IdParams = { Params: { id: string } };

/** `?trashed=N`, `?restored=N`: the story a notice is about; anything else is no notice. */
function noticeId(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

export const trashScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  async function trashPage(request: FastifyRequest, extra: { notice?: string; error?: string } = {}) {
    const user = requireUser(request);
    const query = (request.query ?? {}) as Record<string, unknown>;
    const page = pageParam(query.page);
    const [list, chrome] = await Promise.all([services.trash.list(user, page, TRASH_PAGE_SIZE), adminChrome(ctx, request)]);
    const t = trashStringsFor(user);
    let notice = extra.notice;
    const trashedId = noticeId(query.trashed);
    const restoredId = noticeId(query.restored);
    if (!notice && trashedId !== null) notice = t.trashed((await services.trash.headline(trashedId)) || t.untitled);
    else if (!notice && restoredId !== null) notice = t.restored((await services.trash.headline(restoredId)) || t.untitled);
    else if (!notice && query.deleted === '1') notice = t.deleted;
    return renderTrashPage({ chrome, ...list, days: TRASH_DAYS, canDelete: can(user, 'article.delete'), notice, error: extra.error });
  }

  // ---- screens (plain forms; each POST redirects, so a reload never repeats it)

  app.get('/admin/trash', async (request, reply) => {
    const user = requireUser(request);
    // Only those who may trash something have a Trash (contributors and reporters their own).
    if (!can(user, 'article.trash')) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not article.trash`);
    return html(reply, await trashPage(request));
  });

  app.post<IdParams>('/admin/articles/:id/trash', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.trash.trash(user, id);
    return reply.redirect(`/admin/trash?trashed=${id}`, 303);
  });

  app.post<IdParams>('/admin/trash/:id/restore', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.trash.restore(user, id);
    return reply.redirect(`/admin/trash?restored=${id}`, 303);
  });

  app.post<IdParams>('/admin/trash/:id/delete', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    // Without JavaScript there is no confirm() dialog: the form's checkbox is the confirmation.
    if (textField(request.body, 'confirm', 1) !== '1') {
      return html(reply, await trashPage(request, { error: trashStringsFor(user).confirmRequired }), 400);
    }
    await services.trash.deleteForever(user, id);
    return reply.redirect('/admin/trash?deleted=1', 303);
  });

  app.get('/admin/audit', async (request, reply) => {
    const user = requireUser(request);
    const page = pageParam((request.query as Record<string, unknown> | undefined)?.page);
    const [list, chrome] = await Promise.all([services.audit.list(user, page, AUDIT_PAGE_SIZE), adminChrome(ctx, request)]);
    return html(reply, renderAuditPage({ chrome, ...list }));
  });

  // ---- JSON

  app.post<IdParams>('/admin/api/articles/:id/trash', async (request) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.trash.trash(user, id);
    return { ok: true, id, trashed: true };
  });

  app.post<IdParams>('/admin/api/trash/:id/restore', async (request) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.trash.restore(user, id);
    return { ok: true, id, status: 'draft' };
  });

  app.delete<IdParams>('/admin/api/articles/:id', async (request, reply) => {
    const user = requireUser(request);
    await services.trash.deleteForever(user, idParam(request.params.id));
    return reply.code(204).send();
  });

  app.get('/admin/api/trash', async (request) => {
    const user = requireUser(request);
    const page = pageParam((request.query as Record<string, unknown> | undefined)?.page);
    const list = await services.trash.list(user, page, TRASH_PAGE_SIZE);
    return {
      ...list,
      items: list.items.map((r) => ({ ...r, trashedAt: r.trashedAt.toISOString(), purgeAt: r.purgeAt.toISOString() })),
    };
  });

  app.get('/admin/api/audit', async (request) => {
    const user = requireUser(request);
    const page = pageParam((request.query as Record<string, unknown> | undefined)?.page);
    const list = await services.audit.list(user, page, AUDIT_PAGE_SIZE);
    return { ...list, items: list.items.map((e) => ({ ...e, at: e.at.toISOString() })) };
  });
};
