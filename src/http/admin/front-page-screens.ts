/**
 * The newsroom's home-page screen: pinned lead stories in order, and the Updates list
 * (latest, or a hand-picked list). Same form conventions as the other screens.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Action } from '../../domain/users/user.ts';
import { DomainError } from '../../errors.ts';
import { type HomeFormValues, renderHomeAdminPage } from '../../render/admin/home-admin-page.tsx';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, textField } from './params.ts';
import { html } from './session-routes.ts';
import { fieldErrors, direction, savedNotice, idList } from './screen-helpers.ts';
import type { Params } from './screen-helpers.ts';

/** Published stories offered for pinning on the home screen. */
const RECENT_STORIES = 30;

export const frontPageScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const chromeFor = (request: FastifyRequest) => adminChrome(ctx, request);
  const see = (request: FastifyRequest, action: Action) => authorize(request, action);

  // ── Home page ───────────────────────────────────────────────────────────────

  async function homePage(request: FastifyRequest, reply: FastifyReply, form: { values?: Partial<HomeFormValues>; errors?: FieldErrors }, status = 200) {
    const user = see(request, 'home.edit');
    const now = services.now();
    const [pinned, recent, settings, chrome] = await Promise.all([
      services.articles.pinnedForDesk(),
      services.articles.latest(now, RECENT_STORIES),
      services.settings.get(),
      chromeFor(request),
    ]);
    const updates = settings.updatesMode === 'manual' ? await services.articles.publicByIds(now, settings.updatesIds) : [];
    const values: HomeFormValues = { articleId: '', updatesMode: settings.updatesMode, updatesIds: settings.updatesIds.join(', '), ...form.values };
    const notice = status === 200 ? savedNotice(request, user) : undefined;
    return html(reply, renderHomeAdminPage({ chrome, pinned, recent, updates, values, errors: form.errors ?? {}, now, ...(notice ? { notice } : {}) }), status);
  }

  app.get('/admin/home', async (request, reply) => homePage(request, reply, {}));

  app.post('/admin/home/pins', async (request, reply) => {
    const user = see(request, 'home.edit');
    const articleId = textField(request.body, 'articleId', 40);
    try {
      const m = /^\s*#?([1-9][0-9]{0,9})\s*$/.exec(articleId);
      if (!m || Number(m[1]) > 2_147_483_647) throw new DomainError('INVALID_INPUT', 'articleId');
      await services.articles.pin(Number(m[1]), services.now());
    } catch (err) {
      return homePage(request, reply, { values: { articleId }, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/home?saved=1', 303);
  });

  app.post<Params>('/admin/home/pins/:id/move', async (request, reply) => {
    see(request, 'home.edit');
    await services.articles.movePin(idParam(request.params.id), direction(request.body));
    return reply.redirect('/admin/home', 303);
  });

  app.post<Params>('/admin/home/pins/:id/remove', async (request, reply) => {
    see(request, 'home.edit');
    await services.articles.unpin(idParam(request.params.id));
    return reply.redirect('/admin/home?saved=1', 303);
  });

  app.post('/admin/home/updates', async (request, reply) => {
    const user = see(request, 'home.edit');
    const mode = textField(request.body, 'updatesMode', 10);
    const ids = textField(request.body, 'updatesIds', 400);
    try {
      if (mode !== 'latest' && mode !== 'manual') throw new DomainError('INVALID_INPUT', 'updatesMode');
      await services.settings.update({ updatesMode: mode, updatesIds: idList(ids, 'updatesIds') }, { articleExists: (id) => services.articles.exists(id) });
    } catch (err) {
      const values = { updatesMode: mode === 'manual' ? ('manual' as const) : ('latest' as const), updatesIds: ids };
      return homePage(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/home?saved=1', 303);
  });
};
