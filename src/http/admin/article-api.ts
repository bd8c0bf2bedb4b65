/**
 * The newsroom's JSON API for articles (the editor uses it; so can scripts). Every
 * action goes through ArticleEditService, which checks the user's permissions.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ArticlePatch, ArticleStatus } from '../../domain/articles/article.ts';
import { ARTICLE_STATUSES } from '../../domain/articles/article-workflow.ts';
import { DomainError } from '../../errors.ts';
import type { AdminContext } from './admin-context.ts';
import { requireUser } from './auth.ts';
import { idParam, textField } from './params.ts';
import { parseIstLocal } from '../../lib/dates.ts';

const PATCH_FIELDS = new Set(['headline', 'dek', 'slug', 'sectionId', 'tagNames', 'authorIds', 'heroMediaId', 'body', 'seoTitle', 'seoDescription', 'correctionNote', 'baseRevision']);

/**
 * A JSON object body with only known fields; anything else is a 400 naming the field.
 * `baseRevision`, when sent, is the revision the editor started from.
 */
export function parsePatch(body: unknown): { patch: ArticlePatch; baseRevision?: number } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('INVALID_INPUT', 'body');
  for (const key of Object.keys(body)) if (!PATCH_FIELDS.has(key)) throw new DomainError('INVALID_INPUT', key);
  const { baseRevision, ...patch } = body as ArticlePatch & { baseRevision?: unknown };
  if (baseRevision === undefined) return { patch };
  if (typeof baseRevision !== 'number' || !Number.isSafeInteger(baseRevision) || baseRevision < 1) throw new DomainError('INVALID_INPUT', 'baseRevision');
  return { patch, baseRevision };
}

/** `to` and an optional `publishAt` (ISO 8601 with offset, or a datetime-local value read as IST). */
export function parseTransition(body: unknown): { to: ArticleStatus; publishAt?: Date; note: string } {
  const to = textField(body, 'to', 20) as ArticleStatus;
  if (!ARTICLE_STATUSES.includes(to)) throw new DomainError('INVALID_INPUT', 'to');
  const raw = textField(body, 'publishAt', 40);
  let publishAt: Date | undefined;
  if (raw) {
    const parsed = /[zZ]|[+-]\d\d:\d\d$/.test(raw) ? new Date(raw) : parseIstLocal(raw);
    if (!parsed || Number.isNaN(parsed.getTime())) throw new DomainError('INVALID_INPUT', 'publishAt');
    publishAt = parsed;
  }
  return { to, note: textField(body, 'note', 500), ...(publishAt ? { publishAt } : {}) };
}

export const articleApi: FastifyPluginAsync<AdminContext> = async (app, { services }) => {
  app.post('/admin/api/articles', async (request, reply) => {
    const user = requireUser(request);
    const body = request.body as Record<string, unknown> | undefined;
    const sectionId = body?.sectionId;
    if (typeof sectionId !== 'number' || !Number.isSafeInteger(sectionId)) throw new DomainError('INVALID_INPUT', 'sectionId');
    const id = await services.desk.createDraft(user, { sectionId, headline: textField(body, 'headline', 1000) });
    return reply.code(201).send({ article: await services.desk.get(user, id) });
  });

  app.get<{ Params: { id: string } }>('/admin/api/articles/:id', async (request) => {
    const user = requireUser(request);
    return { article: await services.desk.get(user, idParam(request.params.id)) };
  });

  app.put<{ Params: { id: string } }>('/admin/api/articles/:id', async (request) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    const { patch, baseRevision } = parsePatch(request.body);
    return { article: await services.desk.update(user, id, patch, 'saved', baseRevision) };
  });

  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/transition', async (request) => {
    const user = requireUser(request);
    const { to, publishAt, note } = parseTransition(request.body);
    return { article: await services.desk.transition(user, idParam(request.params.id), to, { note, ...(publishAt ? { publishAt } : {}) }) };
  });

  app.get<{ Params: { id: string } }>('/admin/api/articles/:id/revisions', async (request) => {
    const user = requireUser(request);
    return services.desk.history(user, idParam(request.params.id));
  });

  app.post<{ Params: { id: string; n: string } }>('/admin/api/articles/:id/revisions/:n/restore', async (request) => {
    const user = requireUser(request);
    return { article: await services.desk.restore(user, idParam(request.params.id), idParam(request.params.n)) };
  });
};
