/**
 * Admin screens for accounts (users.manage: create, role, disable, byline, reset link)
 * and the photo library's details (media.edit).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { can, ROLES, type Role } from '../../domain/users/user.ts';
import { bylineFromAccount } from '../../domain/users/user-service.ts';
import { DomainError } from '../../errors.ts';
import { accountStringsFor } from '../../render/admin/account-admin-strings.ts';
import { stringsFor } from '../../render/admin/admin-layout.tsx';
import { renderMediaPage } from '../../render/admin/media-page.tsx';
import { renderUsersPage, type UsersPageProps } from '../../render/admin/users-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

const MEDIA_PAGE_SIZE = 24;

export const accountScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  /** The users screen as it is now, with whatever this answer adds (a notice, errors, a reset link). */
  const usersPage = async (request: FastifyRequest, extra: Omit<UsersPageProps, 'chrome' | 'users' | 'authors'> = {}) =>
    renderUsersPage({ chrome: await adminChrome(ctx, request), users: await services.users.list(), authors: await services.authors.list(), ...extra });

  app.get('/admin/users', async (request, reply) => {
    authorize(request, 'users.manage');
    return html(reply, await usersPage(request));
  });

  app.post('/admin/users', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const t = stringsFor(actor);
    const values = { email: textField(request.body, 'email', 320), name: textField(request.body, 'name', 100), role: textField(request.body, 'role', 20) };
    if (!ROLES.includes(values.role as Role)) throw new DomainError('INVALID_INPUT', 'role');
    try {
      const { user, password } = await services.users.create({ email: values.email, name: values.name, role: values.role as Role });
      // The password is shown in this one response and never stored in clear.
      return html(reply, await usersPage(request, { notice: t.userCreated(user.email, password) }));
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'INVALID_INPUT' && err.code !== 'CONFLICT')) throw err;
      const errors: Record<string, string> =
        err.code === 'CONFLICT' ? { email: t.emailTaken } : err.field === 'name' ? { name: t.nameRequired } : { email: t.invalidEmail };
      return html(reply, await usersPage(request, { errors, values }), 400);
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
        return html(reply, await usersPage(request, { errors }), 400);
      }
      throw err;
    }
    // A disabled account is signed out everywhere at once, and its reset links stop working.
    if (disabled === '1') {
      await services.sessions.endOthers(id, null);
      await services.passwordResets.voidAll(id);
    }
    return reply.redirect('/admin/users', 303);
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/reset-link', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const id = idParam(request.params.id);
    try {
      const issued = await services.passwordResets.issue(actor, id);
      // The link is in this one answer only; the server keeps just its hash.
      return html(reply, await usersPage(request, { resetLink: { email: issued.user.email, url: issued.url, expiresAt: issued.expiresAt } }));
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === 'disabled') {
        return html(reply, await usersPage(request, { errors: { form: accountStringsFor(actor).resetDisabledAccount } }), 400);
      }
      throw err;
    }
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/author', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const id = idParam(request.params.id);
    const raw = textField(request.body, 'authorId', 12);
    if (raw !== '' && !/^[1-9][0-9]{0,9}$/.test(raw)) throw new DomainError('INVALID_INPUT', 'authorId');
    const a = accountStringsFor(actor);
    let linked;
    try {
      linked = await services.users.linkAuthor(actor, id, raw === '' ? null : Number(raw));
    } catch (err) {
      if (err instanceof DomainError && err.field === 'authorId' && (err.code === 'CONFLICT' || err.code === 'INVALID_INPUT')) {
        const status = err.code === 'CONFLICT' ? 409 : 400;
        return html(reply, await usersPage(request, { errors: { form: err.code === 'CONFLICT' ? a.bylineTaken : a.bylineMissing } }), status);
      }
      throw err;
    }
    const byline = linked.authorId === null ? undefined : (await services.authors.get(linked.authorId))?.name;
    // Linking again is harmless, so the answer is the page itself (no redirect needed for a reload).
    return html(reply, await usersPage(request, { notice: byline === undefined ? a.bylineUnlinked(linked.name) : a.bylineLinked(linked.name, byline) }));
  });

  app.post<{ Params: { id: string } }>('/admin/users/:id/author/new', async (request, reply) => {
    const actor = authorize(request, 'users.manage');
    const id = idParam(request.params.id);
    const a = accountStringsFor(actor);
    const target = await services.users.findById(id);
    if (!target) throw new DomainError('NOT_FOUND');
    // One byline per account: a second would leave the first orphaned and unnoticed.
    if (target.authorId !== null) return html(reply, await usersPage(request, { errors: { form: a.alreadyHasByline } }), 409);
    const author = await services.authors.add(bylineFromAccount(target));
    await services.users.linkAuthor(actor, id, author.id);
    return html(reply, await usersPage(request, { notice: a.bylineCreated(author.name, author.slug) }));
  });

  app.get<{ Querystring: { q?: string; page?: string } }>('/admin/media', async (request, reply) => {
    const user = authorize(request, 'article.create');
    const query = typeof request.query.q === 'string' ? request.query.q.slice(0, 100) : '';
    const page = pageParam(request.query.page);
    const { items, total } = await services.media.search(query, page, MEDIA_PAGE_SIZE);
    return html(reply, renderMediaPage({ chrome: await adminChrome(ctx, request), items, total, page, pageSize: MEDIA_PAGE_SIZE, query, canEdit: can(user, 'media.edit'), canDelete: can(user, 'media.delete'), deleted: (request.query as Record<string, unknown>).deleted === '1' }));
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
