/**
 * The newsroom's comment screens: the moderation queue (editors and admins), replies as
 * the newsroom, opening and closing comments on a story, and (admins) the comment
 * settings, the webhook and the blocklist. Plain HTML forms with the session's CSRF
 * token; each action goes through CommentModerationService, which checks the role again.
 * After an action the editor is sent back (303) to the queue as they were looking at it.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath } from '../../domain/articles/article.ts';
import { COMMENT_STATUSES, type CommentStatus, MODERATION_ACTIONS, type ModerationAction } from '../../domain/comments/comment.ts';
import { checkWebhookUrl, type CommentSettings } from '../../domain/comments/comment-moderation.ts';
import { CommentInputError } from '../../domain/comments/comment-service.ts';
import type { BlocklistKind } from '../../domain/comments/comment-spam.ts';
import { SiteSettingsSchema } from '../../domain/settings/settings.ts';
import { can } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { commentAdminStringsFor } from '../../render/admin/comment-admin-strings.ts';
import { type CommentSettingsFormValues, renderCommentSettingsPage } from '../../render/admin/comment-settings-page.tsx';
import { commentsHref, renderCommentsPage } from '../../render/admin/comments-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { commentFieldMessage } from '../../render/strings.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize, requireUser } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

type Params = { Params: { id: string } };

/** Only a path back into the queue may be a destination after an action (no open redirect). */
function safeReturn(body: unknown): string {
  const r = textField(body, 'return', 600);
  return /^\/admin\/comments(\?[A-Za-z0-9%=&._+-]*)?$/.test(r) ? r : '/admin/comments';
}

function withNotice(path: string, notice: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('notice', notice);
  return `${url.pathname}${url.search}`;
}

function moderationAction(value: string): ModerationAction {
  if (!(MODERATION_ACTIONS as readonly string[]).includes(value)) throw new DomainError('BAD_REQUEST', 'action');
  return value as ModerationAction;
}

/** Ids from a form: one value or several, each a positive integer. */
function idList(body: unknown): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.ids;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((v) => idParam(v));
}

interface QueueQuery {
  status?: CommentStatus;
  articleId?: number;
  q?: string;
  page: number;
  notice?: string;
}

function queueQuery(query: unknown): QueueQuery {
  const q = (query ?? {}) as Record<string, unknown>;
  const status = q.status === undefined ? 'pending' : q.status;
  if (typeof status !== 'string' || (status !== 'all' && !(COMMENT_STATUSES as readonly string[]).includes(status))) throw new DomainError('BAD_REQUEST', 'status');
  const article = textField(q, 'article', 12).trim();
  if (article !== '' && !/^[1-9][0-9]{0,9}$/.test(article)) throw new DomainError('BAD_REQUEST', 'article');
  const text = textField(q, 'q', 400).trim();
  const notice = textField(q, 'notice', 20);
  return {
    ...(status === 'all' ? {} : { status: status as CommentStatus }),
    ...(article ? { articleId: Number(article) } : {}),
    ...(text ? { q: text } : {}),
    page: pageParam(q.page),
    ...(notice ? { notice } : {}),
  };
}

const NUMBER_FIELDS = ['commentAutoCloseDays', 'commentMaxLinks', 'commentMinSeconds', 'commentIpLimit', 'commentEmailLimit'] as const;

export const commentScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const moderation = services.commentModeration;

  async function queuePage(request: FastifyRequest, reply: FastifyReply, query: QueueQuery, replyError?: { id: number; text: string; message: string }, status = 200) {
    const user = authorize(request, 'comments.moderate');
    const t = commentAdminStringsFor(user);
    const filter = { ...(query.status ? { status: query.status } : {}), ...(query.articleId !== undefined ? { articleId: query.articleId } : {}), ...(query.q ? { q: query.q } : {}) };
    const [list, counts, chrome, article] = await Promise.all([
      moderation.list(user, filter, query.page),
      moderation.counts(user),
      adminChrome(ctx, request),
      query.articleId !== undefined ? services.articles.getPublic(query.articleId, services.now()) : Promise.resolve(null),
    ]);
    if (query.page > list.pageCount) throw new DomainError('NOT_FOUND', 'page');
    const open = query.articleId !== undefined ? await moderation.articleOpen(user, query.articleId) : null;
    const notice = query.notice === 'replied' ? t.replied : query.notice === 'blocked' ? t.blocked : query.notice && /^[0-9]+$/.test(query.notice) ? t.done(Number(query.notice)) : query.notice === 'none' ? t.noneSelected : undefined;
    return html(
      reply,
      renderCommentsPage({
        chrome,
        items: list.items,
        total: list.total,
        page: list.page,
        pageCount: list.pageCount,
        counts,
        filter: { status: query.status, articleId: query.articleId, q: query.q },
        article:
          query.articleId !== undefined && open !== null
            ? { id: query.articleId, headline: article?.headline ?? `#${query.articleId}`, path: article ? articlePath(article) : '#', commentsOpen: open }
            : null,
        canBlock: can(user, 'settings.edit'),
        notice,
        replyError,
      }),
      status,
    );
  }

  app.get('/admin/comments', async (request, reply) => queuePage(request, reply, queueQuery(request.query)));

  app.post<Params>('/admin/comments/:id/action', async (request, reply) => {
    const user = authorize(request, 'comments.moderate');
    const changed = await moderation.act(user, [idParam(request.params.id)], moderationAction(textField(request.body, 'action', 20)));
    return reply.redirect(withNotice(safeReturn(request.body), String(changed)), 303);
  });

  app.post('/admin/comments/bulk', async (request, reply) => {
    const user = authorize(request, 'comments.moderate');
    const action = moderationAction(textField(request.body, 'action', 20));
    const ids = idList(request.body);
    if (ids.length === 0) return reply.redirect(withNotice(safeReturn(request.body), 'none'), 303);
    const changed = await moderation.act(user, ids, action);
    return reply.redirect(withNotice(safeReturn(request.body), String(changed)), 303);
  });

  app.post<Params>('/admin/comments/:id/reply', async (request, reply) => {
    const user = authorize(request, 'comments.moderate');
    const id = idParam(request.params.id);
    const text = textField(request.body, 'body', 20_000);
    const back = safeReturn(request.body);
    try {
      await moderation.reply(user, id, text);
    } catch (err) {
      if (!(err instanceof CommentInputError)) throw err;
      const problem = err.problems.comment ?? 'required';
      const message = commentFieldMessage(user.locale, 'comment', problem);
      return queuePage(request, reply, queueQuery(Object.fromEntries(new URL(back, 'http://x').searchParams)), { id, text, message }, 400);
    }
    return reply.redirect(withNotice(back, 'replied'), 303);
  });

  app.post<Params>('/admin/comments/article/:id', async (request, reply) => {
    const user = authorize(request, 'comments.moderate');
    const open = textField(request.body, 'open', 1);
    if (open !== '0' && open !== '1') throw new DomainError('BAD_REQUEST', 'open');
    const id = idParam(request.params.id);
    await moderation.setArticleOpen(user, id, open === '1');
    const back = safeReturn(request.body);
    return reply.redirect(back === '/admin/comments' ? commentsHref({ articleId: id }) : back, 303);
  });

  app.post<Params>('/admin/comments/:id/block', async (request, reply) => {
    const user = authorize(request, 'settings.edit');
    await moderation.blockWriterOf(user, idParam(request.params.id));
    return reply.redirect(withNotice(safeReturn(request.body), 'blocked'), 303);
  });

  // ── Settings and blocklist (admins) ─────────────────────────────────────────

  async function settingsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: CommentSettingsFormValues; errors?: FieldErrors; block?: { kind: string; value: string; note: string; error?: string } },
    status = 200,
  ) {
    const user = authorize(request, 'settings.edit');
    const [current, blocklist, chrome] = await Promise.all([moderation.settings(user), moderation.blocklist(user), adminChrome(ctx, request)]);
    const s = current.settings;
    const values: CommentSettingsFormValues = form.values ?? {
      commentsEnabled: s.commentsEnabled,
      commentModeration: s.commentModeration,
      commentAutoCloseDays: String(s.commentAutoCloseDays),
      commentMaxLinks: String(s.commentMaxLinks),
      commentMinSeconds: String(s.commentMinSeconds),
      commentIpLimit: String(s.commentIpLimit),
      commentEmailLimit: String(s.commentEmailLimit),
      webhookUrl: current.webhookUrl,
    };
    const saved = status === 200 && (request.query as Record<string, unknown>).saved === '1';
    return html(
      reply,
      renderCommentSettingsPage({
        chrome,
        values,
        errors: form.errors ?? {},
        signingKey: current.signingKey,
        deliveries: current.deliveries,
        blocklist,
        block: form.block ?? { kind: 'word', value: '', note: '' },
        notice: saved ? commentAdminStringsFor(user).settingsTitle + ' ✓' : undefined,
      }),
      status,
    );
  }

  app.get('/admin/comments/settings', async (request, reply) => settingsPage(request, reply, {}));

  app.post('/admin/comments/settings', async (request, reply) => {
    const user = authorize(request, 'settings.edit');
    const t = commentAdminStringsFor(user);
    const body = request.body;
    const values: CommentSettingsFormValues = {
      commentsEnabled: textField(body, 'commentsEnabled', 8) !== '',
      commentModeration: textField(body, 'commentModeration', 10),
      commentAutoCloseDays: textField(body, 'commentAutoCloseDays', 12).trim(),
      commentMaxLinks: textField(body, 'commentMaxLinks', 12).trim(),
      commentMinSeconds: textField(body, 'commentMinSeconds', 12).trim(),
      commentIpLimit: textField(body, 'commentIpLimit', 12).trim(),
      commentEmailLimit: textField(body, 'commentEmailLimit', 12).trim(),
      webhookUrl: textField(body, 'webhookUrl', 600),
    };
    const errors: Record<string, string> = {};
    const patch: Partial<CommentSettings> = { commentsEnabled: values.commentsEnabled };
    if (values.commentModeration === 'all' || values.commentModeration === 'first' || values.commentModeration === 'none') patch.commentModeration = values.commentModeration;
    else errors.commentModeration = t.invalidChoice;
    for (const name of NUMBER_FIELDS) {
      // Each number against the settings' own range, so every mistake is shown at once.
      if (/^[0-9]{1,6}$/.test(values[name]) && SiteSettingsSchema.shape[name].safeParse(Number(values[name])).success) patch[name] = Number(values[name]);
      else errors[name] = t.invalidNumber;
    }
    if (checkWebhookUrl(values.webhookUrl) === null) errors.webhookUrl = t.invalidUrl;
    if (Object.keys(errors).length === 0) {
      try {
        await moderation.updateSettings(user, patch, values.webhookUrl);
        return reply.redirect('/admin/comments/settings?saved=1', 303);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
        errors[err.field] = err.field === 'webhookUrl' ? t.invalidUrl : err.field === 'commentModeration' ? t.invalidChoice : t.invalidNumber;
      }
    }
    return settingsPage(request, reply, { values, errors }, 400);
  });

  app.post('/admin/comments/blocklist', async (request, reply) => {
    const user = authorize(request, 'settings.edit');
    const kind = textField(request.body, 'kind', 10);
    if (kind !== 'word' && kind !== 'email' && kind !== 'ip') throw new DomainError('BAD_REQUEST', 'kind');
    const value = textField(request.body, 'value', 400);
    const note = textField(request.body, 'note', 400);
    try {
      await moderation.block(user, kind as BlocklistKind, value, note);
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT') throw err;
      return settingsPage(request, reply, { block: { kind, value, note, error: commentAdminStringsFor(user).invalidBlock[kind] } }, 400);
    }
    return reply.redirect('/admin/comments/settings?saved=1', 303);
  });

  app.post<Params>('/admin/comments/blocklist/:id/remove', async (request, reply) => {
    const user = requireUser(request);
    await moderation.unblock(user, idParam(request.params.id));
    return reply.redirect('/admin/comments/settings?saved=1', 303);
  });
};
