/**
 * The newsroom's article screens: new draft, the editor, workflow buttons (plain form
 * posts), and comparing and restoring revisions. The desk (list) is desk-screens.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { articlePath } from '../../domain/articles/article.ts';
import { variantUrl } from '../../domain/media/media.ts';
import { renderEditorPage } from '../../render/admin/editor-page.tsx';
import { renderRevisionsPage } from '../../render/admin/revisions-page.tsx';
import { nextTurn } from '../next-turn.ts';
import { withRetryAfter } from '../retry-after.ts';
import { mediaIdsOf } from '../../richtext/rich-text.ts';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { parseTransition } from './article-api.ts';
import { requireUser } from './auth.ts';
import { idParam, textField } from './params.ts';
import { html } from './session-routes.ts';
import type { AssetUrls } from '../../render/chrome.ts';
import { sendPreview } from '../site/preview-routes.ts';

export const articleScreens: FastifyPluginAsync<AdminContext & { readerAssets: AssetUrls }> = async (app, ctx) => {
  const { services } = ctx;

  app.post('/admin/articles', async (request, reply) => {
    const user = requireUser(request);
    const sectionId = idParam(textField(request.body, 'sectionId', 12));
    const id = await services.desk.createDraft(user, { sectionId });
    return reply.redirect(`/admin/articles/${id}/edit`, 303);
  });

  app.get<{ Params: { id: string } }>('/admin/articles/:id/edit', async (request, reply) => {
    const user = requireUser(request);
    const article = await services.desk.get(user, idParam(request.params.id));
    const [sections, authors, history, permissions, chrome, linked] = await Promise.all([
      services.sections.list(),
      services.authors.list(),
      services.desk.history(user, article.id),
      services.desk.permissions(user, article),
      adminChrome(ctx, request),
      article.translationId === null ? null : services.deskList.headlines(user, [article.translationId]),
    ]);
    const liveBlog = await services.liveBlogs.page(article.id);
    const mediaIds = [...(article.heroMediaId ? [article.heroMediaId] : []), ...mediaIdsOf(article.body)];
    const found = await services.media.findByIds(mediaIds);
    const media: Record<number, { src: string; alt: string; caption: string; credit: string }> = {};
    for (const [id, m] of found) media[id] = { src: variantUrl(m, m.variantWidths[0] ?? m.width, 'webp'), alt: m.alt, caption: m.caption, credit: m.credit };
    const section = sections.find((s) => s.id === article.sectionId);
    const live = article.status === 'published' && section;
    // A variable, not a literal: the page reads the flags it knows.
    const can = {
      publish: permissions.publish,
      setAuthors: permissions.setAuthors,
      setPublishTime: permissions.setPublishTime,
      upload: permissions.upload,
      update: article.live && permissions.publish,
      submitUpdate: article.live && !permissions.publish && permissions.submit,
      // Pending changes can appear after the page loads (autosave), so this is the permission alone.
      discard: permissions.edit,
      preview: true,
    };
    return html(
      reply,
      renderEditorPage({
        chrome: { ...chrome, current: 'articles', scripts: [ctx.assets.editorJs] },
        article,
        sections,
        authors,
        media,
        can,
        revisions: history.revisions,
        events: history.events,
        previewUrl: live ? articlePath({ id: article.id, slug: article.slug, section }) : null,
        translation: article.translationId === null ? null : { id: article.translationId, headline: linked?.get(article.translationId) ?? '' },
        liveBlog,
      }),
    );
  });

  // The story as readers will see it, with its pending changes: same templates, never cached or indexed.
  app.get<{ Params: { id: string } }>('/admin/articles/:id/preview', async (request, reply) => {
    const user = requireUser(request);
    const article = await services.previews.forStaff(user, idParam(request.params.id));
    return sendPreview(services, ctx.readerAssets, reply, article);
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
    // One large row at a time, letting other requests in between (see nextTurn).
    const article = await services.desk.get(user, id);
    await nextTurn();
    const { revisions } = await services.desk.history(user, id);
    const latest = revisions[0]?.number ?? 1;
    const bNum = request.query.b === undefined ? latest : idParam(request.query.b);
    const aNum = request.query.a === undefined ? Math.max(1, bNum - 1) : idParam(request.query.a);
    await nextTurn();
    const a = await services.desk.revision(user, id, aNum);
    await nextTurn();
    const b = await services.desk.revision(user, id, bNum);
    await nextTurn();
    const [sections, permissions, chrome] = await Promise.all([services.sections.list(), services.desk.permissions(user, article), adminChrome(ctx, request)]);
    // Compared in a worker thread (bounded work, bounded queue: 503 with Retry-After when full).
    const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
    const comparison = await withRetryAfter(reply, () => services.workers.compareRevisions(a.snapshot, b.snapshot, sectionNames));
    return html(reply, renderRevisionsPage({ chrome, articleId: id, a, b, all: revisions, comparison, canRestore: permissions.restore }));
  });

  app.post<{ Params: { id: string; n: string } }>('/admin/articles/:id/revisions/:n/restore', async (request, reply) => {
    const user = requireUser(request);
    const id = idParam(request.params.id);
    await services.desk.restore(user, id, idParam(request.params.n));
    return reply.redirect(`/admin/articles/${id}/edit`, 303);
  });
};
