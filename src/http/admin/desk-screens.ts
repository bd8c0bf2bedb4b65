/**
 * The desk at /admin: the newsroom's story list (headline search, filters, sorting, pages)
 * and bulk actions on checked stories (POST /admin/articles/bulk). After a bulk action
 * the browser is sent back to the list it came from with the outcome in the address
 * (`bulk`, `done`, `failed`), so a reload never repeats the action.
 */
import type { FastifyPluginAsync } from 'fastify';
import { BULK_ACTIONS, type BulkAction, type BulkFailure, deskQueryString, MAX_BULK, parseDeskQuery } from '../../domain/articles/desk.ts';
import { can } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { type BulkReport, renderDeskPage } from '../../render/admin/desk-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { requireUser } from './auth.ts';
import { textField } from './params.ts';
import { html } from './session-routes.ts';

const FAILURES: readonly BulkFailure[] = ['forbidden', 'transition', 'headline', 'photo', 'conflict', 'missing', 'invalid'];
const ID = /^[1-9][0-9]{0,9}$/;

/** The checked stories of a bulk form: one `ids` value per checkbox. */
function checkedIds(body: unknown): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.ids;
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  if (values.length > MAX_BULK) throw new DomainError('BAD_REQUEST', 'ids');
  return values.map((v) => {
    if (typeof v !== 'string' || !ID.test(v) || Number(v) > 2_147_483_647) throw new DomainError('BAD_REQUEST', 'ids');
    return Number(v);
  });
}

/** The desk address a bulk form came from, re-read as a desk query (anything else is the plain desk). */
function returnQuery(body: unknown): Record<string, string> {
  const back = textField(body, 'return', 2048);
  if (!back.startsWith('/admin?')) return {};
  try {
    const params = Object.fromEntries(new URL(back, 'http://desk').searchParams);
    return Object.fromEntries(new URLSearchParams(deskQueryString(parseDeskQuery(params)).slice(1)));
  } catch {
    return {};
  }
}

/** Reads `bulk=published&done=3&failed=12.photo,15.forbidden` back; a malformed report is a 400. */
function reportParams(query: Record<string, unknown>): { action: BulkAction; done: number; failed: { id: number; reason: BulkFailure }[] } | 'none' | undefined {
  const action = query.bulk;
  if (action === undefined) return undefined;
  if (action === 'none') return 'none';
  if (typeof action !== 'string' || !BULK_ACTIONS.includes(action as BulkAction)) throw new DomainError('BAD_REQUEST', 'bulk');
  const done = query.done ?? '0';
  if (typeof done !== 'string' || !/^[0-9]{1,3}$/.test(done)) throw new DomainError('BAD_REQUEST', 'done');
  const failedText = query.failed ?? '';
  if (typeof failedText !== 'string' || failedText.length > 2048) throw new DomainError('BAD_REQUEST', 'failed');
  const failed = failedText
    .split(',')
    .filter(Boolean)
    .slice(0, MAX_BULK)
    .map((part) => {
      const [id, reason] = part.split('.');
      if (!id || !ID.test(id) || !FAILURES.includes(reason as BulkFailure)) throw new DomainError('BAD_REQUEST', 'failed');
      return { id: Number(id), reason: reason as BulkFailure };
    });
  return { action: action as BulkAction, done: Number(done), failed };
}

export const deskScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  app.get<{ Querystring: Record<string, unknown> }>('/admin', async (request, reply) => {
    const user = requireUser(request);
    const query = parseDeskQuery(request.query);
    const asked = reportParams(request.query);
    const [list, sections, authors, chrome] = await Promise.all([
      services.deskList.list(user, query),
      services.sections.list(),
      services.authors.list(),
      adminChrome(ctx, request),
    ]);
    let report: BulkReport | undefined;
    if (asked === 'none') report = { none: true };
    else if (asked) {
      // Headlines are looked up for the stories this user may see; others show by number.
      const headlines = await services.deskList.headlines(user, asked.failed.map((f) => f.id));
      report = { action: asked.action, done: asked.done, failed: asked.failed.map((f) => ({ ...f, headline: headlines.get(f.id) ?? null })) };
    }
    return html(
      reply,
      renderDeskPage({
        chrome,
        query,
        items: list.items,
        total: list.total,
        pageCount: list.pageCount,
        sections,
        authors: authors.map((a) => ({ id: a.id, name: a.name })),
        canCreate: can(user, 'article.create'),
        bulkActions: services.deskList.bulkActions(),
        report,
      }),
    );
  });

  app.post('/admin/articles/bulk', async (request, reply) => {
    const user = requireUser(request);
    const action = textField(request.body, 'action', 20);
    if (!services.deskList.bulkActions().includes(action as BulkAction)) throw new DomainError('BAD_REQUEST', 'action');
    const ids = checkedIds(request.body);
    const back = returnQuery(request.body);
    if (ids.length === 0) return reply.redirect(`/admin?${new URLSearchParams({ ...back, bulk: 'none' }).toString()}`, 303);
    const result = await services.deskList.bulk(user, action as BulkAction, ids);
    const params = new URLSearchParams({
      ...back,
      bulk: result.action,
      done: String(result.done.length),
      ...(result.failed.length ? { failed: result.failed.map((f) => `${f.id}.${f.reason}`).join(',') } : {}),
    });
    return reply.redirect(`/admin?${params.toString()}`, 303);
  });
};
