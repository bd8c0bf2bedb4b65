/**
 * Admin → Webhooks, for admins (site settings): endpoints (add, edit, pause, delete, the
 * signing secret) and the delivery log with each attempt's response code. Plain forms
 * posting with the session's CSRF token (checked by admin-plugin.ts); a refused address
 * comes back 400 beside the field in the user's language with nothing saved.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../../domain/users/user.ts';
import { WEBHOOK_URL_MAX, type WebhookEndpoint } from '../../domain/webhooks/webhook.ts';
import { DomainError } from '../../errors.ts';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { webhookFieldMessage, webhookStringsFor } from '../../render/admin/webhook-admin-strings.ts';
import { renderWebhookEditPage, renderWebhooksPage, type WebhookFormValues } from '../../render/admin/webhooks-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import type { Params } from './screen-helpers.ts';
import { html } from './session-routes.ts';

const LOG_PAGE_SIZE = 50;

function fieldErrors(err: unknown, user: User): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  return { [err.field]: webhookFieldMessage(webhookStringsFor(user), err.field, reason) };
}

/** The form's fields; a value of the wrong shape or length is that field's error (400), never a 500. */
function formValues(body: unknown): WebhookFormValues {
  const url = textField(body, 'url', WEBHOOK_URL_MAX + 100);
  const raw = (body as Record<string, unknown> | undefined)?.events;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (list.length > 20 || !list.every((e): e is string => typeof e === 'string' && e.length <= 40)) throw new DomainError('INVALID_INPUT', 'events');
  return { url, events: list, active: textField(body, 'active', 8) !== '' };
}

export const webhookScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const see = (request: FastifyRequest) => authorize(request, 'settings.edit');
  const notice = (request: FastifyRequest, user: User): string | undefined => {
    const q = request.query as Record<string, unknown> | undefined;
    const t = webhookStringsFor(user);
    return q?.created === '1' ? t.created : q?.saved === '1' ? t.saved : q?.deleted === '1' ? t.deleted : undefined;
  };
  const page = (request: FastifyRequest) => pageParam((request.query as Record<string, unknown> | undefined)?.page);

  async function listPage(request: FastifyRequest, reply: FastifyReply, create: { values: WebhookFormValues; errors: FieldErrors }, status = 200) {
    const user = see(request);
    const n = page(request);
    const [endpoints, log, chrome] = await Promise.all([services.webhooks.listEndpoints(user), services.webhooks.deliveries(user, null, n, LOG_PAGE_SIZE), adminChrome(ctx, request)]);
    const text = status === 200 ? notice(request, user) : undefined;
    return html(
      reply,
      renderWebhooksPage({ chrome, endpoints, create, log: { ...log, page: n, pageSize: LOG_PAGE_SIZE, href: (p) => `/admin/webhooks?page=${p}` }, ...(text ? { notice: text } : {}) }),
      status,
    );
  }

  async function editPage(request: FastifyRequest, reply: FastifyReply, endpoint: WebhookEndpoint, values: WebhookFormValues, errors: FieldErrors, status = 200) {
    const user = see(request);
    const n = page(request);
    const [log, chrome] = await Promise.all([services.webhooks.deliveries(user, endpoint.id, n, LOG_PAGE_SIZE), adminChrome(ctx, request)]);
    const text = status === 200 ? notice(request, user) : undefined;
    return html(
      reply,
      renderWebhookEditPage({ chrome, endpoint, values, errors, log: { ...log, page: n, pageSize: LOG_PAGE_SIZE, href: (p) => `/admin/webhooks/${endpoint.id}?page=${p}` }, ...(text ? { notice: text } : {}) }),
      status,
    );
  }

  async function endpointOf(request: FastifyRequest<Params>): Promise<WebhookEndpoint> {
    const endpoint = await services.webhooks.findEndpoint(see(request), idParam(request.params.id));
    if (!endpoint) throw new DomainError('NOT_FOUND');
    return endpoint;
  }

  app.get('/admin/webhooks', async (request, reply) => listPage(request, reply, { values: { url: '', events: [], active: true }, errors: {} }));

  app.post('/admin/webhooks', async (request, reply) => {
    const user = see(request);
    let values: WebhookFormValues = { url: '', events: [], active: true };
    let id: number;
    try {
      values = formValues(request.body);
      id = (await services.webhooks.createEndpoint(user, { url: values.url, events: values.events })).id;
    } catch (err) {
      return listPage(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect(`/admin/webhooks/${id}?created=1`, 303);
  });

  app.get<Params>('/admin/webhooks/:id', async (request, reply) => {
    const endpoint = await endpointOf(request);
    return editPage(request, reply, endpoint, { url: endpoint.url, events: endpoint.events, active: endpoint.active }, {});
  });

  app.post<Params>('/admin/webhooks/:id', async (request, reply) => {
    const user = see(request);
    const endpoint = await endpointOf(request);
    let values: WebhookFormValues = { url: endpoint.url, events: endpoint.events, active: endpoint.active };
    try {
      values = formValues(request.body);
      await services.webhooks.updateEndpoint(user, endpoint.id, values);
    } catch (err) {
      return editPage(request, reply, endpoint, values, fieldErrors(err, user), 400);
    }
    return reply.redirect(`/admin/webhooks/${endpoint.id}?saved=1`, 303);
  });

  app.post<Params>('/admin/webhooks/:id/delete', async (request, reply) => {
    const user = see(request);
    await services.webhooks.deleteEndpoint(user, idParam(request.params.id));
    return reply.redirect('/admin/webhooks?deleted=1', 303);
  });
};
