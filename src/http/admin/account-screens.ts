/**
 * Admin screens for accounts (users.manage) and the photo library's details (media.edit).
 */
import type { FastifyPluginAsync } from 'fastify';
import { can, ROLES, type Role } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { stringsFor } from '../../render/admin/admin-layout.tsx';
import { renderMediaPage } from '../../render/admin/media-page.tsx';
import { renderUsersPage } from '../../render/admin/users-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

const MEDIA_PAGE_SIZE = 24;

export const accountScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  app.get('/admin/users', async (request, reply) => {
    authorize(request, 'users.manage');
    return html(reply, renderUsersPage({ chrome: await adminChrome(ctx, request), users: await services.users.list() }));
  });

  app.post('/admin/users', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const t = stringsFor(actor);
    const values = { email: textField(request.body, 'email', 320), name: textField(request.body, 'name', 100), role: textField(request.body, 'role', 20) };
    if (!ROLES.includes(values.role as Role)) throw new DomainError('INVALID_INPUT', 'role');
    try {
      const { user, password } = await services.users.create({ email: values.email, name: values.name, role: values.role as Role });
      // The password is shown in this one response and never stored in clear.
      return html(reply, renderUsersPage({ chrome: await adminChrome(ctx, request), users: await services.users.list(), notice: t.userCreated(user.email, password) }));
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'INVALID_INPUT' && err.code !== 'CONFLICT')) throw err;
      const errors: Record<string, string> =
        err.code === 'CONFLICT' ? { email: t.emailTaken } : err.field === 'name' ? { name: t.nameRequired } : { email: t.invalidEmail };
      return html(reply, renderUsersPage({ chrome: await adminChrome(ctx, request), users: await services.users.list(), errors, values }), 400);
    }
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const id = idParam(request.params.id);
    const role = textField(request.body, 'role', 20);
    const disabled = textField(request.body, 'disabled', 1);
    if (role && !ROLES.includes(role as Role)) throw new DomainError('INVALID_INPUT', 'role');
    if (disabled && disabled !== '0' && disabled !== '1') throw new DomainError('INVALID_INPUT', 'disabled');
    try {
      await services.users.updateAccount(actor, id, { ...(role ? { role: role as Role } : {}), ...(disabled ? { disabled: disabled === '1' } : {}) });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === 'role') {
        const errors = { form: stringsFor(actor).lastAdmin };
        return html(reply, renderUsersPage({ chrome: await adminChrome(ctx, request), users: await services.users.list(), errors }), 400);
      }
      throw err;
    }
    // A disabled account is signed out everywhere at once.
    if (disabled === '1') await services.sessions.endOthers(id, null);
    return reply.redirect('/admin/users', 303);
  });

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/media', async (request, reply) => {
    const user = authorize(request, 'article.create');
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    const page = pageParam(request.query.page);
    const { items, total } = await services.media.search(query, page, MEDIA_PAGE_SIZE);
    return html(reply, renderMediaPage({ chrome: await adminChrome(ctx, request), items, total, page, pageSize: MEDIA_PAGE_SIZE, query, canEdit: can(user, 'media.edit') }));
  });

  app.post<{ Params: { id: string } }>('/admin/media/:id', async (request, reply) => {
    authorize(request, 'media.edit');
    const body = request.body;
    await services.media.updateMeta(idParam(request.params.id), {
      alt: textField(body, 'alt', 300),
      caption: textField(body, 'caption', 500),
      credit: textField(body, 'credit', 120),
    });
    return reply.redirect('/admin/media', 303);
  });
};
