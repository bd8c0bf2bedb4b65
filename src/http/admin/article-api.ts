/**
 * The newsroom's JSON API for articles (the editor uses it; so can scripts). Every
 * action goes through ArticleEditService, which checks the user's permissions.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ArticlePatch, ArticleStatus } from '../../domain/articles/article.ts';
import type { SaveOptions } from '../../domain/articles/article-edit-service.ts';
import { ARTICLE_STATUSES } from '../../domain/articles/article-workflow.ts';
import { DomainError } from '../../errors.ts';
import type { AdminContext } from './admin-context.ts';
import { requireUser } from './auth.ts';
import { idParam, textField } from './params.ts';
import { parseIstLocal } from '../../lib/dates.ts';

const CONTENT_FIELDS = ['headline', 'dek', 'slug', 'sectionId', 'tagNames', 'authorIds', 'heroMediaId', 'body', 'seoTitle', 'seoDescription', 'correctionNote', 'corrections', 'lang'] as const;
const SAVE_FLAGS = ['baseRevision', 'baseVersion', 'autosave', 'force'] as const;
const PATCH_FIELDS: ReadonlySet<string> = new Set([...CONTENT_FIELDS, ...SAVE_FLAGS]);

/** A positive whole number, or absent; anything else is a 400 naming the field. */
function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new DomainError('INVALID_INPUT', field);
  return value;
}

function optionalFlag(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new DomainError('INVALID_INPUT', field);
  return value;
}

/**
 * A JSON object body with only known fields; anything else is a 400 naming the field.
 * `baseVersion` is the edit version the editor started from (`baseRevision`, the older
 * form, the revision); `autosave: true` writes the working copy only; `force: true`
 * keeps mine after a conflict.
 */
export function parsePatch(body: unknown): { patch: ArticlePatch; options: SaveOptions } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('INVALID_INPUT', 'body');
  for (const key of Object.keys(body)) if (!PATCH_FIELDS.has(key)) throw new DomainError('INVALID_INPUT', key);
  const { baseRevision, baseVersion, autosave, force, ...patch } = body as ArticlePatch & Record<(typeof SAVE_FLAGS)[number], unknown>;
  const options: SaveOptions = { autosave: optionalFlag(autosave, 'autosave'), force: optionalFlag(force, 'force') };
  const revision = optionalCount(baseRevision, 'baseRevision');
  const version = optionalCount(baseVersion, 'baseVersion');
  if (revision !== undefined) options.baseRevision = revision;
  if (version !== undefined) options.baseVersion = version;
  return { patch, options };
}

/** `{ baseVersion? }` of update, discard and submit requests. */
function baseVersionOf(body: unknown): number | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) throw new DomainError('INVALID_INPUT', 'body');
  return optionalCount((body as Record<string, unknown>).baseVersion, 'baseVersion');
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
    const { patch, options } = parsePatch(request.body);
    const article = await services.desk.update(user, id, patch, options);
    return { article, revision: article.revision, version: article.version };
  });

  // "Update": the pending version of a live story becomes what readers see.
  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/update', async (request) => {
    const user = requireUser(request);
    const article = await services.desk.applyPending(user, idParam(request.params.id), baseVersionOf(request.body));
    return { article, revision: article.revision, version: article.version };
  });

  // The same story in another language: `{ translationId: N }` links both ways, `null` unlinks.
  // Applies at once (not a pending change): see decision 025.
  app.put<{ Params: { id: string } }>('/admin/api/articles/:id/translation', async (request) => {
    const user = requireUser(request);
    const body = request.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new DomainError('INVALID_INPUT', 'body');
    const value = (body as Record<string, unknown>).translationId;
    if (value !== null && (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)) throw new DomainError('INVALID_INPUT', 'translationId');
    return { article: await services.desk.linkTranslation(user, idParam(request.params.id), value) };
  });

  // Published stories the editor may link as this one's translation: by headline or number.
  app.get<{ Params: { id: string } }>('/admin/api/articles/:id/translation-candidates', async (request) => {
    const user = requireUser(request);
    const article = await services.desk.get(user, idParam(request.params.id));
    const q = textField(request.query, 'q', 200);
    const hits = q ? await services.deskList.findPublic(q, 10) : [];
    return { stories: hits.filter((h) => h.id !== article.id).map((h) => ({ id: h.id, headline: h.headline, sectionName: h.sectionName, publishedAt: h.publishedAt.toISOString() })) };
  });

  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/discard', async (request) => {
    const user = requireUser(request);
    return { article: await services.desk.discardPending(user, idParam(request.params.id), baseVersionOf(request.body)) };
  });

  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/submit-update', async (request) => {
    const user = requireUser(request);
    return { article: await services.desk.submitPending(user, idParam(request.params.id), textField(request.body, 'note', 500), baseVersionOf(request.body)) };
  });

  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/presence', async (request) => {
    const user = requireUser(request);
    const report = await services.presence.report(user, idParam(request.params.id));
    return { ...report, others: report.others.map((o) => ({ name: o.name, since: o.since.toISOString() })) };
  });

  app.get<{ Params: { id: string } }>('/admin/api/articles/:id/preview-links', async (request) => {
    const user = requireUser(request);
    const links = await services.previews.listLinks(user, idParam(request.params.id));
    return { links: links.map((l) => ({ id: l.id, createdAt: l.createdAt.toISOString(), expiresAt: l.expiresAt.toISOString(), createdBy: l.createdBy })) };
  });

  // The link's address is in this answer only: the server keeps just a hash of its token.
  app.post<{ Params: { id: string } }>('/admin/api/articles/:id/preview-links', async (request, reply) => {
    const user = requireUser(request);
    const link = await services.previews.createLink(user, idParam(request.params.id));
    const url = new URL(link.path, services.config.siteUrl).toString();
    return reply.code(201).send({ link: { id: link.id, url, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() } });
  });

  app.post<{ Params: { id: string; linkId: string } }>('/admin/api/articles/:id/preview-links/:linkId/revoke', async (request, reply) => {
    const user = requireUser(request);
    await services.previews.revokeLink(user, idParam(request.params.id), idParam(request.params.linkId));
    return reply.code(204).send();
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
