/**
 * The newsroom's home-page screen: pinned lead stories in order, and the Updates list
 * (latest, or a hand-picked list). Same form conventions as the other screens.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_DESK_QUERY } from '../../domain/articles/desk.ts';
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
    // The headline search (GET ?find=, or the form's own field after a post that failed).
    const find = findParam(request.query, request.body);
    const [pinned, recent, settings, found, chrome] = await Promise.all([
      services.articles.pinnedForDesk(),
      services.articles.latest(now, RECENT_STORIES),
      services.settings.get(),
      find ? services.deskList.findPublic(find) : Promise.resolve(null),
      chromeFor(request),
    ]);
    const updates = settings.updatesMode === 'manual' ? await services.articles.publicByIds(now, settings.updatesIds) : [];
    const values: HomeFormValues = { articleId: '', updatesMode: settings.updatesMode, updatesIds: settings.updatesIds.join(', '), ...form.values };
    const notice = status === 200 ? savedNotice(request, user) : undefined;
    const search = { q: find, hits: found, updatesIds: settings.updatesIds };
    return html(reply, renderHomeAdminPage({ chrome, pinned, recent, updates, values, errors: form.errors ?? {}, now, search, ...(notice ? { notice } : {}) }), status);
  }

  /** Back to the home screen, keeping the headline search the editor was working from. */
  const back = (request: FastifyRequest, saved = true) => {
    const find = findParam(undefined, request.body);
    const params = new URLSearchParams({ ...(saved ? { saved: '1' } : {}), ...(find ? { find } : {}) }).toString();
    return `/admin/home${params ? `?${params}` : ''}`;
  };

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
    return reply.redirect(back(request), 303);
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

  // The Updates list one story at a time, from the headline search: add, move, remove.
  // Adding chooses the hand-picked list (the editor asked for this story to show).
  async function setUpdates(request: FastifyRequest, reply: FastifyReply, ids: number[]) {
    const user = see(request, 'home.edit');
    try {
      await services.settings.update(
        { updatesMode: ids.length > 0 ? 'manual' : 'latest', updatesIds: ids },
        { articleExists: (id) => services.articles.exists(id) },
      );
    } catch (err) {
      return homePage(request, reply, { errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect(back(request), 303);
  }

  app.post('/admin/home/updates/add', async (request, reply) => {
    see(request, 'home.edit');
    const [id] = idList(textField(request.body, 'articleId', 40), 'updatesIds');
    if (id === undefined) throw new DomainError('BAD_REQUEST', 'articleId');
    const { updatesIds, updatesMode } = await services.settings.get();
    // In "latest" mode the stored list is not shown; adding starts a new hand-picked list.
    const current = updatesMode === 'manual' ? updatesIds : [];
    return setUpdates(request, reply, current.includes(id) ? current : [...current, id]);
  });

  app.post<Params>('/admin/home/updates/:id/move', async (request, reply) => {
    see(request, 'home.edit');
    const id = idParam(request.params.id);
    const ids = [...(await services.settings.get()).updatesIds];
    const i = ids.indexOf(id);
    if (i < 0) throw new DomainError('NOT_FOUND');
    const j = direction(request.body) === 'up' ? i - 1 : i + 1;
    if (j >= 0 && j < ids.length) [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    return setUpdates(request, reply, ids);
  });

  app.post<Params>('/admin/home/updates/:id/remove', async (request, reply) => {
    see(request, 'home.edit');
    const id = idParam(request.params.id);
    const ids = (await services.settings.get()).updatesIds;
    if (!ids.includes(id)) throw new DomainError('NOT_FOUND');
    return setUpdates(request, reply, ids.filter((x) => x !== id));
  });
};

/** The headline search of the home screen: `find` from the address or a posted form; over-long is a 400. */
function findParam(query: unknown, body: unknown): string {
  for (const source of [body, query]) {
    const v = (source as Record<string, unknown> | undefined)?.find;
    if (v === undefined || v === '') continue;
    if (typeof v !== 'string' || [...v].length > MAX_DESK_QUERY) throw new DomainError('BAD_REQUEST', 'find');
    return v.normalize('NFC').trim();
  }
  return '';
}
