/**
 * The newsroom's article screens: the desk (list), new draft, the editor, workflow
 * buttons (plain form posts), and comparing and restoring revisions.
 */
import type { FastifyPluginAsync } from 'fastify';
import { articlePath, type ArticleStatus } from '../../domain/articles/article.ts';
import { ARTICLE_STATUSES } from '../../domain/articles/article-workflow.ts';
import { variantUrl } from '../../domain/media/media.ts';
import { can } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { renderDeskPage } from '../../render/admin/desk-page.tsx';
import { renderEditorPage } from '../../render/admin/editor-page.tsx';
import { renderRevisionsPage } from '../../render/admin/revisions-page.tsx';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { parseTransition } from './article-api.ts';
import { requireUser } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

const DESK_PAGE_SIZE = 30;

export const articleScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;

  app.get<{ Querystring: { status?: string; page?: string } }>('/admin', async (request, reply) => {
    const user = requireUser(request);
    const status = request.query.status;
    if (status !== undefined && !ARTICLE_STATUSES.includes(status as ArticleStatus)) throw new DomainError('BAD_REQUEST', 'status');
    const page = pageParam(request.query.page);
    const filter = status ? { status: status as ArticleStatus } : {};
    const [list, sections, chrome] = await Promise.all([
      services.desk.desk(user, filter, page, DESK_PAGE_SIZE),
      services.sections.list(),
      adminChrome(ctx, request),
    ]);
    return html(
      reply,
      renderDeskPage({ chrome, ...list, page, pageSize: DESK_PAGE_SIZE, sections, canCreate: can(user, 'article.create'), ...(status ? { status: status as ArticleStatus } : {}) }),
    );
  });

  app.post('/admin/articles', async (request, reply) => {
    const user = requireUser(request);
    const sectionId = idParam(textField(request.body, 'sectionId', 12));
    const id = await services.desk.createDraft(user, { sectionId });
    return reply.redirect(`/admin/articles/${id}/edit`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/articles/:id/edit', async (request, reply) => {
    const user = requireUser(request);
    const article = await services.desk.get(user, idParam(request.params.id));
    const [sections, authors, history, permissions, chrome] = await Promise.all([
      services.sections.list(),
      services.authors.list(),
      services.desk.history(user, article.id),
      services.desk.permissions(user, article),
      adminChrome(ctx, request),
    ]);
    const mediaIds = [...(article.heroMediaId ? [article.heroMediaId] : []), ...mediaIdsOf(article.body)];
    const found = await services.media.findByIds(mediaIds);
    const media: Record<number, { src: string; alt: string; caption: string; credit: string }> = {};
    for (const [id, m] of found) media[id] = { src: variantUrl(m, m.variantWidths[0] ?? m.width, 'webp'), alt: m.alt, caption: m.caption, credit: m.credit };
    const section = sections.find((s) => s.id === article.sectionId);
    const live = article.status === 'published' && section;
    return html(
      reply,
      renderEditorPage({
        chrome: { ...chrome, current: 'articles', scripts: [ctx.assets.editorJs] },
        article,
        sections,
        authors,
        media,
        can: { publish: permissions.publish, setAuthors: permissions.setAuthors, setPublishTime: permissions.setPublishTime, upload: permissions.upload },
        revisions: history.revisions,
        events: history.events,
        previewUrl: live ? articlePath({ id: article.id, slug: article.slug, section }) : null,
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/admin/articles/:id/transition', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    const { to, publishAt, note } = parseTransition(request.body);
    await services.desk.transition(user, id, to, { note, ...(publishAt ? { publishAt } : {}) });
    return reply.redirect(`/admin/articles/${id}/edit`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { a?: string; b?: string } }>('/admin/articles/:id/revisions', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    const article = await services.desk.get(user, id);
    const { revisions } = await services.desk.history(user, id);
    const latest = revisions[0]?.number ?? 1;
    const bNum = request.query.b === undefined ? latest : idParam(request.query.b);
    const aNum = request.query.a === undefined ? Math.max(1, bNum - 1) : idParam(request.query.a);
    const [a, b, sections, permissions, chrome] = await Promise.all([
      services.desk.revision(user, id, aNum),
      services.desk.revision(user, id, bNum),
      services.sections.list(),
      services.desk.permissions(user, article),
      adminChrome(ctx, request),
    ]);
    return html(
      reply,
      renderRevisionsPage({ chrome, articleId: id, a, b, all: revisions, sectionNames: new Map(sections.map((s) => [s.id, s.name])), canRestore: permissions.restore }),
    );
  });

  app.post<{ Params: { id: string; n: string } }>('/admin/articles/:id/revisions/:n/restore', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.desk.restore(user, id, idParam(request.params.n));
    return reply.redirect(`/admin/articles/${id}/edit`, 303);
  });
};
