/**
 * The newsroom's screens for the rest of the site: sections, tags, authors, the home
 * page (pinned stories, the Updates list), figures widgets and site settings. Plain
 * HTML forms that post with the session's CSRF token; every change goes through a
 * domain service that validates it. A form with a mistake comes back (400) with the
 * message beside the field and what was typed still in it; success redirects (303).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Media } from '../../domain/media/media.ts';
import type { SiteSettings } from '../../domain/settings/settings.ts';
import type { Action, User } from '../../domain/users/user.ts';
import { WIDGET_KEY } from '../../domain/widgets/widget.ts';
import { DomainError } from '../../errors.ts';
import { renderAuthorFormPage, renderAuthorsPage, type AuthorFormValues, authorFormValues, emptyAuthorForm } from '../../render/admin/authors-page.tsx';
import { type HomeFormValues, renderHomeAdminPage } from '../../render/admin/home-admin-page.tsx';
import { emptySectionForm, renderSectionEditPage, renderSectionsPage, type SectionFormValues, sectionFormValues } from '../../render/admin/sections-page.tsx';
import { renderSettingsPage, type SettingsFormValues, settingsFormValues } from '../../render/admin/settings-page.tsx';
import { fieldMessage, siteStringsFor } from '../../render/admin/site-admin-strings.ts';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { renderTagEditPage, renderTagsPage } from '../../render/admin/tags-page.tsx';
import { istLocalValue, renderWidgetEditPage, renderWidgetsPage, type WidgetFormValues, widgetFormValues } from '../../render/admin/widget-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { idParam, pageParam, textField } from './params.ts';
import { html } from './session-routes.ts';

const TAGS_PAGE_SIZE = 50;
/** Library photos offered for an author's picture. */
const PHOTO_CHOICES = 40;
/** Published stories offered for pinning on the home screen. */
const RECENT_STORIES = 30;
/** Empty widget rows offered below the filled ones, and added by "add more rows". */
const BLANK_ROWS = 3;
/** Highest row index a widget form may send (the service allows 20 filled rows). */
const MAX_ROW_INDEX = 199;

type Params = { Params: { id: string } };

/**
 * The field errors of an INVALID_INPUT, keyed by form field name, with messages in the
 * user's language. Any other error is thrown on (404, 403 …).
 */
function fieldErrors(err: unknown, user: User, formName: (field: string) => string = (f) => f): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  // A service names a reason ('taken', 'reserved' …) as the error's detail; without one the message is the default.
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  return { [formName(err.field)]: fieldMessage(siteStringsFor(user), err.field, reason) };
}

function direction(body: unknown): 'up' | 'down' {
  const d = textField(body, 'direction', 4);
  if (d !== 'up' && d !== 'down') throw new DomainError('BAD_REQUEST', 'direction');
  return d;
}

const checkbox = (body: unknown, name: string): boolean => textField(body, name, 8) !== '';

function savedNotice(request: FastifyRequest, user: User): string | undefined {
  return (request.query as Record<string, unknown> | undefined)?.saved === '1' ? siteStringsFor(user).saved : undefined;
}

/** `12, 7 33` → [12, 7, 33]; anything but ids separated by commas or spaces is INVALID_INPUT on `field`. */
function idList(text: string, field: string): number[] {
  const parts = text.split(/[\s,،]+/).filter(Boolean);
  return parts.map((part) => {
    const m = /^#?([1-9][0-9]{0,9})$/.exec(part);
    const n = m ? Number(m[1]) : NaN;
    if (!(n <= 2_147_483_647)) throw new DomainError('INVALID_INPUT', field);
    return n;
  });
}

export const siteScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const chromeFor = (request: FastifyRequest) => adminChrome(ctx, request);
  const see = (request: FastifyRequest, action: Action) => authorize(request, action);

  // ── Sections ────────────────────────────────────────────────────────────────

  const sectionValues = (body: unknown): SectionFormValues => ({
    name: textField(body, 'name', 200),
    nameLatin: textField(body, 'nameLatin', 200),
    slug: textField(body, 'slug', 200),
    description: textField(body, 'description', 2000),
  });

  async function sectionsPage(request: FastifyRequest, reply: FastifyReply, create: { values: SectionFormValues; errors: FieldErrors }, status = 200) {
    const user = see(request, 'taxonomy.edit');
    const [sections, chrome] = await Promise.all([services.sections.list(), chromeFor(request)]);
    const notice = status === 200 ? savedNotice(request, user) : undefined;
    return html(reply, renderSectionsPage({ chrome, sections, create, ...(notice ? { notice } : {}) }), status);
  }

  app.get('/admin/sections', async (request, reply) => {
    see(request, 'taxonomy.edit');
    return sectionsPage(request, reply, { values: emptySectionForm(), errors: {} });
  });

  app.post('/admin/sections', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const values = sectionValues(request.body);
    try {
      await services.sections.create(values);
    } catch (err) {
      return sectionsPage(request, reply, { values, errors: fieldErrors(err, user) }, 400);
    }
    return reply.redirect('/admin/sections?saved=1', 303);
  });

  app.get<Params>('/admin/sections/:id/edit', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const section = await services.sections.findById(idParam(request.params.id));
    if (!section) throw new DomainError('NOT_FOUND');
    const notice = savedNotice(request, user);
    return html(reply, renderSectionEditPage({ chrome: await chromeFor(request), section, values: sectionFormValues(section), errors: {}, ...(notice ? { notice } : {}) }));
  });

  app.post<Params>('/admin/sections/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const section = await services.sections.findById(idParam(request.params.id));
    if (!section) throw new DomainError('NOT_FOUND');
    const values = sectionValues(request.body);
    try {
      await services.sections.update(section.id, values);
    } catch (err) {
      const errors = fieldErrors(err, user);
      return html(reply, renderSectionEditPage({ chrome: await chromeFor(request), section, values, errors }), 400);
    }
    return reply.redirect('/admin/sections?saved=1', 303);
  });

  app.post<Params>('/admin/sections/:id/move', async (request, reply) => {
    see(request, 'taxonomy.edit');
    await services.sections.move(idParam(request.params.id), direction(request.body));
    return reply.redirect('/admin/sections', 303);
  });

  // ── Tags ────────────────────────────────────────────────────────────────────

  app.get('/admin/tags', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const query = textField(request.query, 'q', 200).trim();
    const page = pageParam((request.query as Record<string, unknown>).page);
    const [list, chrome] = await Promise.all([services.tags.list(query, page, TAGS_PAGE_SIZE), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderTagsPage({ chrome, query, ...list, page, pageSize: TAGS_PAGE_SIZE, ...(notice ? { notice } : {}) }));
  });

  app.get<Params>('/admin/tags/:id/edit', async (request, reply) => {
    see(request, 'taxonomy.edit');
    const tag = await services.tags.findById(idParam(request.params.id));
    if (!tag) throw new DomainError('NOT_FOUND');
    return html(reply, renderTagEditPage({ chrome: await chromeFor(request), tag, values: { name: tag.name }, errors: {} }));
  });

  app.post<Params>('/admin/tags/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const tag = await services.tags.findById(idParam(request.params.id));
    if (!tag) throw new DomainError('NOT_FOUND');
    const name = textField(request.body, 'name', 400);
    try {
      await services.tags.rename(tag.id, name);
    } catch (err) {
      const errors = fieldErrors(err, user);
      return html(reply, renderTagEditPage({ chrome: await chromeFor(request), tag, values: { name }, errors }), 400);
    }
    return reply.redirect(`/admin/tags?${new URLSearchParams({ q: name.trim(), saved: '1' }).toString()}`, 303);
  });

  // ── Authors ─────────────────────────────────────────────────────────────────

  const authorValues = (body: unknown): AuthorFormValues => ({
    name: textField(body, 'name', 400),
    nameLatin: textField(body, 'nameLatin', 400),
    bio: textField(body, 'bio', 5000),
    photoMediaId: textField(body, 'photoMediaId', 12).trim(),
  });

  function authorInput(values: AuthorFormValues) {
    let photoMediaId: number | null = null;
    if (values.photoMediaId !== '') {
      if (!/^[1-9][0-9]{0,9}$/.test(values.photoMediaId) || Number(values.photoMediaId) > 2_147_483_647) {
        throw new DomainError('INVALID_INPUT', 'photoMediaId');
      }
      photoMediaId = Number(values.photoMediaId);
    }
    return { name: values.name, nameLatin: values.nameLatin, bio: values.bio, photoMediaId };
  }

  /** Recent library photos, and the one chosen if it is older. */
  async function photoChoices(chosen: string): Promise<Media[]> {
    const { items } = await services.media.search('', 1, PHOTO_CHOICES);
    const id = /^[1-9][0-9]{0,9}$/.test(chosen) ? Number(chosen) : null;
    if (id !== null && !items.some((m) => m.id === id)) {
      const m = await services.media.findById(id);
      if (m) return [m, ...items];
    }
    return items;
  }

  app.get('/admin/authors', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const [authors, chrome] = await Promise.all([services.authors.listFull(), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderAuthorsPage({ chrome, authors, ...(notice ? { notice } : {}) }));
  });

  app.get('/admin/authors/new', async (request, reply) => {
    see(request, 'taxonomy.edit');
    const [photos, chrome] = await Promise.all([photoChoices(''), chromeFor(request)]);
    return html(reply, renderAuthorFormPage({ chrome, author: null, values: emptyAuthorForm(), errors: {}, photos }));
  });

  app.post('/admin/authors', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const values = authorValues(request.body);
    try {
      await services.authors.add(authorInput(values));
    } catch (err) {
      const errors = fieldErrors(err, user);
      const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
      return html(reply, renderAuthorFormPage({ chrome, author: null, values, errors, photos }), 400);
    }
    return reply.redirect('/admin/authors?saved=1', 303);
  });

  app.get<Params>('/admin/authors/:id/edit', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const author = await services.authors.get(idParam(request.params.id));
    if (!author) throw new DomainError('NOT_FOUND');
    const values = authorFormValues(author);
    const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
    const notice = savedNotice(request, user);
    return html(reply, renderAuthorFormPage({ chrome, author, values, errors: {}, photos, ...(notice ? { notice } : {}) }));
  });

  app.post<Params>('/admin/authors/:id', async (request, reply) => {
    const user = see(request, 'taxonomy.edit');
    const author = await services.authors.get(idParam(request.params.id));
    if (!author) throw new DomainError('NOT_FOUND');
    const values = authorValues(request.body);
    try {
      await services.authors.update(author.id, authorInput(values));
    } catch (err) {
      const errors = fieldErrors(err, user);
      const [photos, chrome] = await Promise.all([photoChoices(values.photoMediaId), chromeFor(request)]);
      return html(reply, renderAuthorFormPage({ chrome, author, values, errors, photos }), 400);
    }
    return reply.redirect('/admin/authors?saved=1', 303);
  });

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

  // ── Widgets ─────────────────────────────────────────────────────────────────

  app.get('/admin/widgets', async (request, reply) => {
    const user = see(request, 'widgets.edit');
    const key = (request.query as Record<string, unknown>).key;
    // The "open or create" form is a GET to this list: a good key goes to its screen.
    if (key !== undefined) {
      const typed = typeof key === 'string' ? key.trim() : '';
      if (WIDGET_KEY.test(typed)) return reply.redirect(`/admin/widgets/${typed}`, 303);
      const [widgets, chrome] = await Promise.all([services.widgets.list(), chromeFor(request)]);
      const errors = { key: fieldMessage(siteStringsFor(user), 'key') };
      return html(reply, renderWidgetsPage({ chrome, widgets, keyValue: typed.slice(0, 100), errors }), 400);
    }
    const [widgets, chrome] = await Promise.all([services.widgets.list(), chromeFor(request)]);
    return html(reply, renderWidgetsPage({ chrome, widgets, errors: {} }));
  });

  const widgetKey = (key: string): string => {
    if (!WIDGET_KEY.test(key)) throw new DomainError('NOT_FOUND');
    return key;
  };

  app.get<{ Params: { key: string } }>('/admin/widgets/:key', async (request, reply) => {
    const user = see(request, 'widgets.edit');
    const key = widgetKey(request.params.key);
    const [saved, chrome] = await Promise.all([services.widgets.find(key), chromeFor(request)]);
    const values: WidgetFormValues = saved ? widgetFormValues(saved) : { title: '', rows: [], source: '', asOf: istLocalValue(services.now()) };
    const notice = savedNotice(request, user);
    return html(reply, renderWidgetEditPage({ chrome, widgetKey: key, saved, values, blankRows: BLANK_ROWS, errors: {}, ...(notice ? { notice } : {}) }));
  });

  app.post<{ Params: { key: string } }>('/admin/widgets/:key', async (request, reply) => {
    const user = see(request, 'widgets.edit');
    const key = widgetKey(request.params.key);
    const body = request.body;
    const op = textField(body, 'op', 20);
    let values: WidgetFormValues = { title: '', rows: [], source: '', asOf: '' };
    let errors: FieldErrors = {};
    try {
      values = widgetForm(body);
      if (op === 'add-rows') {
        values = { ...values, rows: values.rows.filter((r) => r.label.trim() || r.value.trim() || r.delta.trim()) };
        const saved = await services.widgets.find(key);
        return html(reply, renderWidgetEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values, blankRows: BLANK_ROWS * 2, errors: {} }));
      }
      await services.widgets.update(key, values);
      return reply.redirect(`/admin/widgets/${key}?saved=1`, 303);
    } catch (err) {
      // `rows.3.value` from the service is the field named `value.3` in the form.
      errors = fieldErrors(err, user, (f) => f.replace(/^rows\.(\d+)\.(\w+)$/, '$2.$1'));
    }
    // Trailing empty rows are dropped (no error can point at one); fresh blank rows follow.
    const rows = [...values.rows];
    while (rows.length > 0 && !rows.at(-1)!.label.trim() && !rows.at(-1)!.value.trim() && !rows.at(-1)!.delta.trim()) rows.pop();
    const saved = await services.widgets.find(key);
    return html(reply, renderWidgetEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values: { ...values, rows }, blankRows: BLANK_ROWS, errors }), 400);
  });

  // ── Settings ────────────────────────────────────────────────────────────────

  async function settingsPage(request: FastifyRequest, reply: FastifyReply, values: SettingsFormValues | null, errors: FieldErrors, status = 200) {
    const user = see(request, 'settings.edit');
    const [settings, widgets, chrome] = await Promise.all([services.settings.get(), services.widgets.list(), chromeFor(request)]);
    const notice = status === 200 ? savedNotice(request, user) : undefined;
    return html(
      reply,
      renderSettingsPage({ chrome, values: values ?? settingsFormValues(settings), widgets, errors, ...(notice ? { notice } : {}) }),
      status,
    );
  }

  app.get('/admin/settings', async (request, reply) => settingsPage(request, reply, null, {}));

  app.post('/admin/settings', async (request, reply) => {
    const user = see(request, 'settings.edit');
    const body = request.body;
    const values: SettingsFormValues = {
      siteName: textField(body, 'siteName', 400),
      siteNameLatin: textField(body, 'siteNameLatin', 400),
      tagline: textField(body, 'tagline', 1000),
      dateStyle: textField(body, 'dateStyle', 10),
      commentsEnabled: checkbox(body, 'commentsEnabled'),
      reportersCanPublish: checkbox(body, 'reportersCanPublish'),
      sidebarWidget: textField(body, 'sidebarWidget', 100),
    };
    try {
      await services.settings.update(
        // The schema checks dateStyle; the cast only lets the typed text reach it.
        { ...values, dateStyle: values.dateStyle as SiteSettings['dateStyle'] },
        { widgetExists: async (key) => (await services.widgets.find(key)) !== null },
      );
    } catch (err) {
      return settingsPage(request, reply, values, fieldErrors(err, user), 400);
    }
    return reply.redirect('/admin/settings?saved=1', 303);
  });
};

/**
 * The rows of a widget form: fields `label.N`, `value.N`, `delta.N` and the checkbox
 * `remove.N`, in index order; removed rows are dropped, empty ones kept (the service skips them).
 */
function widgetForm(body: unknown): WidgetFormValues {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const rows: { label: string; value: string; delta: string; remove: boolean }[] = [];
  for (const name of Object.keys(fields)) {
    const m = /^(label|value|delta|remove)\.([0-9]{1,3})$/.exec(name);
    if (!m) continue;
    const i = Number(m[2]);
    if (i > MAX_ROW_INDEX) throw new DomainError('INVALID_INPUT', 'rows', 'too-many');
    for (let j = rows.length; j <= i; j++) rows.push({ label: '', value: '', delta: '', remove: false });
    const row = rows[i]!;
    if (m[1] === 'remove') row.remove = checkbox(fields, name);
    else row[m[1] as 'label' | 'value' | 'delta'] = textField(fields, name, 200);
  }
  return {
    title: textField(fields, 'title', 400),
    rows: rows.filter((r) => !r.remove).map(({ label, value, delta }) => ({ label, value, delta })),
    source: textField(fields, 'source', 1000),
    asOf: textField(fields, 'asOf', 40),
  };
}
