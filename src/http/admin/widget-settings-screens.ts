/**
 * The newsroom's screens for data boxes (figures such as COVID-19 CASES, election results,
 * cricket scorecards, tables: one form a kind) and site settings. Same form conventions as
 * the other screens: plain forms, 400 with the field's message, nothing half-saved.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { SiteSettings } from '../../domain/settings/settings.ts';
import { MAX_ADS_TXT, MAX_ROBOTS_TXT, normalizeLines } from '../../domain/settings/site-files.ts';
import type { Action } from '../../domain/users/user.ts';
import type { BoxInput } from '../../domain/widgets/box-forms.ts';
import { BOX_KINDS, type BoxKind, type Placement, PLACEMENTS, WIDGET_KEY } from '../../domain/widgets/widget.ts';
import { blankBoxForm, boxFormValues, renderDataBoxEditPage } from '../../render/admin/data-box-page.tsx';
import { dataBoxAdminStrings, dataBoxFieldMessage } from '../../render/admin/data-box-admin-strings.ts';
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
      const kind = (request.query as Record<string, unknown>).kind;
      const k = typeof kind === 'string' && kind !== 'figures' && (BOX_KINDS as readonly string[]).includes(kind) ? `?kind=${kind}` : '';
      if (WIDGET_KEY.test(typed)) return reply.redirect(`/admin/widgets/${typed}${k}`, 303);
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
    const [saved, chrome, history] = await Promise.all([services.widgets.find(key), chromeFor(request), services.widgets.history(key)]);
    const notice = savedNotice(request, user);
    // A saved box keeps its kind; a new one takes the kind the "open or create" form chose.
    const asked = (request.query as Record<string, unknown>).kind;
    const kind: BoxKind = saved?.box.kind ?? (typeof asked === 'string' && (BOX_KINDS as readonly string[]).includes(asked) ? (asked as BoxKind) : 'figures');
    if (kind !== 'figures') {
      const values = saved && saved.box.kind !== 'figures' ? boxFormValues(saved.title, saved.box) : blankBoxForm(kind, istLocalValue(services.now()));
      return html(reply, renderDataBoxEditPage({ chrome, widgetKey: key, saved, values, placement: saved?.placement ?? '', history, errors: {}, ...(notice ? { notice } : {}) }));
    }
    const values: WidgetFormValues = saved && saved.box.kind === 'figures' ? widgetFormValues({ ...saved, box: saved.box }) : { title: '', rows: [], source: '', asOf: istLocalValue(services.now()) };
    return html(reply, renderWidgetEditPage({ chrome, widgetKey: key, saved, values, blankRows: BLANK_ROWS, errors: {}, history, ...(notice ? { notice } : {}) }));
  });

  app.post<{ Params: { key: string } }>('/admin/widgets/:key', async (request, reply) => {
    const user = see(request, 'widgets.edit');
    const key = widgetKey(request.params.key);
    const body = request.body;
    const op = textField(body, 'op', 20);
    const kind = textField(body, 'kind', 20) || 'figures';
    if (kind !== 'figures') return saveDataBox(request, reply, key, kind);
    let values: WidgetFormValues = { title: '', rows: [], source: '', asOf: '' };
    let errors: FieldErrors = {};
    try {
      values = widgetForm(body);
      if (op === 'add-rows') {
        values = { ...values, rows: values.rows.filter((r) => r.label.trim() || r.value.trim() || r.delta.trim()) };
        const saved = await services.widgets.find(key);
        return html(reply, renderWidgetEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values, blankRows: BLANK_ROWS * 2, errors: {} }));
      }
      await services.widgets.update(key, values, { placement: placementField(body), userId: user.id });
      return reply.redirect(`/admin/widgets/${key}?saved=1`, 303);
    } catch (err) {
      // `rows.3.value` from the service is the field named `value.3` in the form.
      errors = fieldErrors(err, user, (f) => f.replace(/^rows\.(\d+)\.(\w+)$/, '$2.$1'));
    }
    // Trailing empty rows are dropped (no error can point at one); fresh blank rows follow.
    const rows = [...values.rows];
    while (rows.length > 0 && !rows.at(-1)!.label.trim() && !rows.at(-1)!.value.trim() && !rows.at(-1)!.delta.trim()) rows.pop();
    const [saved, history] = await Promise.all([services.widgets.find(key), services.widgets.history(key)]);
    const placement = textField(body, 'placement', 20);
    const shownValues = { ...values, rows, ...((PLACEMENTS as readonly string[]).includes(placement) ? { placement: placement as Placement } : {}) };
    return html(reply, renderWidgetEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values: shownValues, blankRows: BLANK_ROWS, errors, history }), 400);
  });

  /** An election, cricket or table box's form: saved whole, or shown again with the first error beside its field. */
  async function saveDataBox(request: FastifyRequest, reply: FastifyReply, key: string, kind: string) {
    const user = see(request, 'widgets.edit');
    const body = request.body;
    const saved = await services.widgets.find(key);
    // A kind the form cannot have sent, or another than the saved box's: the form is stale or forged.
    if (!(BOX_KINDS as readonly string[]).includes(kind) || (saved && saved.box.kind !== kind)) {
      const errors = { kind: dataBoxAdminStrings(user).errors['kind:changed']! };
      const history = await services.widgets.history(key);
      if (saved?.box.kind === 'figures') {
        const values = widgetFormValues({ ...saved, box: saved.box });
        return html(reply, renderWidgetEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values, blankRows: BLANK_ROWS, errors, history }), 400);
      }
      const values = saved ? boxFormValues(saved.title, saved.box) : blankBoxForm('table', istLocalValue(services.now()));
      return html(reply, renderDataBoxEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values, placement: saved?.placement ?? '', history, errors }), 400);
    }
    const values = dataBoxForm(body, kind as Exclude<BoxKind, 'figures'>);
    const placement = textField(body, 'placement', 20);
    let errors: FieldErrors;
    try {
      await services.widgets.updateBox(key, values, { placement: placementField(body), userId: user.id });
      return reply.redirect(`/admin/widgets/${key}?saved=1`, 303);
    } catch (err) {
      errors = dataBoxErrors(err, user);
    }
    const shown: Placement = (PLACEMENTS as readonly string[]).includes(placement) ? (placement as Placement) : (saved?.placement ?? '');
    const history = await services.widgets.history(key);
    return html(reply, renderDataBoxEditPage({ chrome: await chromeFor(request), widgetKey: key, saved, values, placement: shown, history, errors }), 400);
  }

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


/** The placement select: one of PLACEMENTS (anything else reaches the service, which refuses it). */
function placementField(body: unknown): Placement {
  return textField(body, 'placement', 20) as Placement;
}

/** Row fields `name.N` and the like, as an array in index order (N at most MAX_ROW_INDEX). */
function rowsOf<F extends string>(fields: Record<string, unknown>, names: readonly F[], max: number): Record<F, string>[] {
  const rows: Record<F, string>[] = [];
  const pattern = new RegExp(`^(${names.join('|')})\\.([0-9]{1,3})$`);
  for (const name of Object.keys(fields)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const i = Number(m[2]);
    if (i >= max) continue;
    for (let j = rows.length; j <= i; j++) rows.push(Object.fromEntries(names.map((n) => [n, ''])) as Record<F, string>);
    rows[i]![m[1] as F] = textField(fields, name, 200);
  }
  return rows;
}

/** The form of an election, cricket or table box, as typed. */
function dataBoxForm(body: unknown, kind: Exclude<BoxKind, 'figures'>): BoxInput {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const common = { title: textField(fields, 'title', 400), source: textField(fields, 'source', 1000), asOf: textField(fields, 'asOf', 40) };
  switch (kind) {
    case 'election':
      return {
        kind,
        ...common,
        totalSeats: textField(fields, 'totalSeats', 40),
        majority: textField(fields, 'majority', 40),
        // Rows past the form's twelve are refused by the service as too many parties.
        parties: rowsOf(fields, ['name', 'colour', 'won', 'leading'], MAX_ROW_INDEX + 1),
      };
    case 'cricket':
      return {
        kind,
        ...common,
        innings: rowsOf(fields, ['team', 'runs', 'wickets', 'overs'], 2),
        batsmen: rowsOf(fields, ['batter', 'batterRuns', 'batterBalls'], 2).map((b) => ({ name: b.batter, runs: b.batterRuns, balls: b.batterBalls })),
        lastBalls: textField(fields, 'lastBalls', 400),
        status: textField(fields, 'status', 1000),
      };
    case 'table':
      return { kind, ...common, columns: textField(fields, 'columns', 2000), rows: textField(fields, 'rows', 20000) };
  }
}

/**
 * The service's field names as the form names them (`parties.2.won` → `won.2`,
 * `innings.0.team` → `team.0`, `batsmen.1.runs` → `batterRuns.1`), with its message.
 */
function dataBoxErrors(err: unknown, user: { locale: 'hi' | 'en' } | null): FieldErrors {
  if (!(err instanceof DomainError) || err.code !== 'INVALID_INPUT' || !err.field) throw err;
  const reason = err.message.startsWith('INVALID_INPUT') ? undefined : err.message;
  const name = err.field
    .replace(/^batsmen\.(\d+)\.name$/, 'batter.$1')
    .replace(/^batsmen\.(\d+)\.(runs|balls)$/, (_, i: string, f: string) => `batter${f[0]!.toUpperCase()}${f.slice(1)}.${i}`)
    .replace(/^(?:parties|innings)\.(\d+)\.(\w+)$/, '$2.$1');
  return { [name]: dataBoxFieldMessage(dataBoxAdminStrings(user), name, reason) };
}
