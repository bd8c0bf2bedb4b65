/**
 * Admin → Redirects: the redirect map (old addresses answering 301), for whoever may edit
 * sections and tags (editors and admins: addresses are their work). Plain forms posting
 * with the session's CSRF token (checked by admin-plugin.ts); a form with a mistake comes
 * back (400) with the message beside the field in the user's language and what was typed
 * still in it; success redirects (303).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { redirectFieldMessage, redirectStringsFor } from '../../render/admin/redirect-admin-strings.ts';
import { type RedirectFormValues, redirectFormValues, renderRedirectEditPage, renderRedirectsPage } from '../../render/admin/redirects-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { MAX_SITE_PATH_LENGTH } from '../../lib/site-path.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import type { Params } from './screen-helpers.ts';
import { html } from './session-routes.ts';

const PAGE_SIZE = 50;

/** The field errors of an INVALID_INPUT in the user's language; anything else is thrown on. */
function fieldErrors(err: unknown, user: User): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  return { [err.field]: redirectFieldMessage(redirectStringsFor(user), err.field, reason) };
}

/** What the form sent; a field longer than any address is the field's own error, not a 500. */
function formValues(body: unknown): { values: RedirectFormValues; errors: FieldErrors | null } {
  const values: RedirectFormValues = { fromPath: '', toPath: '' };
  const tooLong: string[] = [];
  for (const name of ['fromPath', 'toPath'] as const) {
    try {
      values[name] = textField(body, name, MAX_SITE_PATH_LENGTH);
    } catch {
      tooLong.push(name);
    }
  }
  return { values, errors: tooLong.length > 0 ? Object.fromEntries(tooLong.map((f) => [f, ''])) : null };
}

export const redirectScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const see = (request: FastifyRequest) => authorize(request, 'taxonomy.edit');

  async function listPage(request: FastifyRequest, reply: FastifyReply, create: { values: RedirectFormValues; errors: FieldErrors }, status = 200) {
    const user = see(request);
    const query = (() => {
      try {
        return textField(request.query, 'q', 200).trim();
      } catch {
        return '';
      }
    })();
    const page = pageParam((request.query as Record<string, unknown> | undefined)?.page);
    const [list, chrome] = await Promise.all([services.redirects.list(query, page, PAGE_SIZE), adminChrome(ctx, request)]);
    const q = request.query as Record<string, unknown> | undefined;
    const t = redirectStringsFor(user);
    const notice = status !== 200 ? undefined : q?.saved === '1' ? t.saved : q?.deleted === '1' ? t.deleted : undefined;
    return html(reply, renderRedirectsPage({ chrome, query, ...list, page, pageSize: PAGE_SIZE, create, ...(notice ? { notice } : {}) }), status);
  }

  app.get('/admin/redirects', async (request, reply) => listPage(request, reply, { values: { fromPath: '', toPath: '' }, errors: {} }));

  app.post('/admin/redirects', async (request, reply) => {
    const user = see(request);
    const { values, errors } = formValues(request.body);
    try {
      if (errors) throw new DomainError('INVALID_INPUT', Object.keys(errors)[0]);
      await services.redirects.create({ fromPath: values.fromPath, toPath: values.toPath });
    } catch (err) {
      return listPage(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/redirects?saved=1', 303);
  });

  app.get<Params>('/admin/redirects/:id/edit', async (request, reply) => {
    see(request);
    const redirect = await services.redirects.findById(idParam(request.params.id));
    if (!redirect) throw new DomainError('NOT_FOUND');
    return html(reply, renderRedirectEditPage({ chrome: await adminChrome(ctx, request), redirect, values: redirectFormValues(redirect), errors: {} }));
  });

  app.post<Params>('/admin/redirects/:id', async (request, reply) => {
    const user = see(request);
    const redirect = await services.redirects.findById(idParam(request.params.id));
    if (!redirect) throw new DomainError('NOT_FOUND');
    const { values, errors } = formValues(request.body);
    try {
      if (errors) throw new DomainError('INVALID_INPUT', Object.keys(errors)[0]);
      await services.redirects.update(redirect.id, { fromPath: values.fromPath, toPath: values.toPath });
    } catch (err) {
      return html(reply, renderRedirectEditPage({ chrome: await adminChrome(ctx, request), redirect, values, errors: fieldErrors(err, user) }), 400);
    }
    return reply.redirect('/admin/redirects?saved=1', 303);
  });

  app.post<Params>('/admin/redirects/:id/delete', async (request, reply) => {
    see(request);
    await services.redirects.delete(idParam(request.params.id));
    return reply.redirect('/admin/redirects?deleted=1', 303);
  });
};
