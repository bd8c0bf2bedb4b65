/**
 * Admin → API keys (admins only): list, make and revoke the keys of the integration API
 * (/api/v1/admin/, decision 021). Plain forms with the session's CSRF token (checked by
 * admin-plugin.ts). A new key is shown once, in the answer to the form that made it (never
 * in an address, a redirect or a log); a mistake comes back 400 beside its field.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { apiKeyStringsFor } from '../../render/admin/api-key-admin-strings.ts';
import { type ApiKeysPageProps, renderApiKeysPage } from '../../render/admin/api-keys-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, textField } from './params.ts';
import type { Params } from './screen-helpers.ts';
import { html } from './session-routes.ts';

function fieldErrors(err: unknown, user: User): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  const t = apiKeyStringsFor(user);
  return { [err.field]: t.errors[err.field] ?? t.invalid };
}

export const apiKeyScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const admin = (request: FastifyRequest) => authorize(request, 'users.manage');

  async function page(request: FastifyRequest, reply: FastifyReply, props: Omit<ApiKeysPageProps, 'chrome' | 'keys'>, status = 200) {
    const user = admin(request);
    const [keys, chrome] = await Promise.all([services.apiKeys.list(user), adminChrome(ctx, request)]);
    return html(reply, renderApiKeysPage({ chrome, keys, ...props }), status);
  }

  app.get('/admin/api-keys', async (request, reply) => {
    const user = admin(request);
    const revoked = (request.query as Record<string, unknown> | undefined)?.revoked === '1';
    return page(request, reply, { form: { values: { name: '', role: 'reporter' }, errors: {} }, ...(revoked ? { notice: apiKeyStringsFor(user).revoked } : {}) });
  });

  app.post('/admin/api-keys', async (request, reply) => {
    const user = admin(request);
    const values = { name: '', role: '' };
    try {
      values.name = textField(request.body, 'name', 400);
      values.role = textField(request.body, 'role', 40);
      const { key, secret } = await services.apiKeys.create(user, values);
      return await page(request, reply, { created: { name: key.name, secret }, form: { values: { name: '', role: 'reporter' }, errors: {} } }, 201);
    } catch (err) {
      return page(request, reply, { form: { values, errors: fieldErrors(err, user) } }, 400);
    }
  });

  app.post<Params>('/admin/api-keys/:id/revoke', async (request, reply) => {
    const user = admin(request);
    await services.apiKeys.revoke(user, idParam(request.params.id));
    return reply.redirect('/admin/api-keys?revoked=1', 303);
  });
};
