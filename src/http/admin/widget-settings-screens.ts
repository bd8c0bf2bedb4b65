/**
 * The newsroom's screens for figures widgets (COVID-19 CASES and the like) and site
 * settings. Same form conventions as the other screens.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteSettings } from '../../domain/settings/settings.ts';
import { MAX_ADS_TXT, MAX_ROBOTS_TXT, normalizeLines } from '../../domain/settings/site-files.ts';
import type { Action } from '../../domain/users/user.ts';
import { WIDGET_KEY } from '../../domain/widgets/widget.ts';
import { DomainError } from '../../errors.ts';
import { renderSettingsPage, type SettingsFormValues, settingsFormValues } from '../../render/admin/settings-page.tsx';
import { fieldMessage, siteStringsFor } from '../../render/admin/site-admin-strings.ts';
import type { FieldErrors } from '../../render/admin/site-form.tsx';
import { istLocalValue, renderWidgetEditPage, renderWidgetsPage, type WidgetFormValues, widgetFormValues } from '../../render/admin/widget-page.tsx';
import { type AdminContext, adminChrome } from './admin-context.ts';
import { authorize } from './auth.ts';
import { textField } from './params.ts';
import { html } from './session-routes.ts';
import { fieldErrors, checkbox, savedNotice } from './screen-helpers.ts';

/** Empty widget rows offered below the filled ones, and added by "add more rows". */
const BLANK_ROWS = 3;
/** Highest row index a widget form may send (the service allows 20 filled rows). */
const MAX_ROW_INDEX = 199;

export const widgetSettingsScreens: FastifyPluginAsync<AdminContext> = async (app, ctx) => {
  const { services } = ctx;
  const chromeFor = (request: FastifyRequest) => adminChrome(ctx, request);
  const see = (request: FastifyRequest, action: Action) => authorize(request, action);

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
      readerLanguage: textField(body, 'readerLanguage', 10),
      devanagariDigits: checkbox(body, 'devanagariDigits'),
      commentsEnabled: checkbox(body, 'commentsEnabled'),
      reportersCanPublish: checkbox(body, 'reportersCanPublish'),
      sidebarWidget: textField(body, 'sidebarWidget', 100),
      // Line ends as LF, no trailing blanks: what robots.txt and ads.txt serve (domain/settings/site-files.ts).
      robotsTxt: normalizeLines(textField(body, 'robotsTxt', MAX_ROBOTS_TXT * 2)),
      adsTxt: normalizeLines(textField(body, 'adsTxt', MAX_ADS_TXT * 2)),
    };
    try {
      await services.settings.update(
        // The schema checks readerLanguage; the cast only lets the typed text reach it.
        { ...values, readerLanguage: values.readerLanguage as SiteSettings['readerLanguage'] },
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

