import { BOX_KINDS, type FiguresWidget, MAX_FIGURE_ROWS, type Placement, type Widget, type WidgetVersion } from '../../domain/widgets/widget.ts';
import { dataBoxAdminStrings } from './data-box-admin-strings.ts';
import { HistoryList, PlacementField } from './data-box-page.tsx';
import { formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, Notice } from './site-form.tsx';

/** A figures widget's form as typed. Row fields are named `label.N`, `value.N`, `delta.N`, `remove.N`. */
export interface WidgetFormValues {
  title: string;
  rows: readonly { label: string; value: string; delta: string }[];
  source: string;
  /** `datetime-local` text, IST. */
  asOf: string;
  /** Where the box shows by itself (absent: as saved). */
  placement?: Placement;
}

/** The `datetime-local` value (IST wall time) for an instant. */
export const istLocalValue = (date: Date): string => toIsoWithOffset(date).slice(0, 16);

export const widgetFormValues = (w: FiguresWidget): WidgetFormValues => ({
  placement: w.placement,
  title: w.title,
  rows: w.box.rows.map((r) => ({ label: r.label, value: String(r.value), delta: r.delta === undefined ? '' : String(r.delta) })),
  source: w.box.source,
  asOf: istLocalValue(new Date(w.box.asOf)),
});

export interface WidgetsPageProps {
  chrome: AdminChrome;
  widgets: readonly Widget[];
  /** The "open or create by key" field as typed. */
  keyValue?: string;
  errors: FieldErrors;
}

export function renderWidgetsPage({ chrome, widgets, keyValue = '', errors }: WidgetsPageProps): string {
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  const d = dataBoxAdminStrings(chrome.user);
  const style = chrome.user?.locale === 'en' ? 'en' : 'hi';
  return renderAdminPage(
    { ...chrome, current: 'widgets' },
    a.widgets,
    <>
      <h1>{a.widgets}</h1>
      <p class="muted">{t.widgetsHelp}</p>
      {widgets.length === 0 ? (
        <p class="muted">{t.noWidgets}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.widgetKey}</th>
              <th>{t.widgetTitle}</th>
              <th>{d.kind}</th>
              <th>{d.placement}</th>
              <th>{t.asOf}</th>
            </tr>
          </thead>
          <tbody>
            {widgets.map((w) => (
              <tr key={w.key}>
                <td>
                  <a href={`/admin/widgets/${w.key}`} lang="en">
                    {w.key}
                  </a>
                </td>
                <td>{w.title}</td>
                <td>{d.kinds[w.box.kind]}</td>
                <td>{w.placement ? d.placements[w.placement] : '—'}</td>
                <td>{formatDateTime(new Date(w.box.asOf), style)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="get" action="/admin/widgets" class="card-form">
        <h2>{t.newWidget}</h2>
        <Field name="key" label={t.widgetKey} value={keyValue} errors={errors} maxLength={40} required lang="en" pattern="[a-z0-9-]{1,40}" help={t.widgetKeyHelp} />
        <p class="field">
          <label for="f-kind">{d.kind}</label>
          <select id="f-kind" name="kind">
            {BOX_KINDS.map((k) => (
              <option key={k} value={k}>
                {d.kinds[k]}
              </option>
            ))}
          </select>
        </p>
        <button type="submit">{t.openWidget}</button>
      </form>
    </>,
  );
}

export interface WidgetEditPageProps {
  chrome: AdminChrome;
  widgetKey: string;
  /** The saved widget; null while it is new. */
  saved: Widget | null;
  values: WidgetFormValues;
  /** Empty rows offered below the filled ones. */
  blankRows: number;
  errors: FieldErrors;
  notice?: string;
  /** Earlier versions, newest first. */
  history?: readonly WidgetVersion[];
}

/** A figures box's title, rows (label, value, change), source and time, as a plain form. */
export function renderWidgetEditPage({ chrome, widgetKey, saved, values, blankRows, errors, notice, history = [] }: WidgetEditPageProps): string {
  const d = dataBoxAdminStrings(chrome.user);
  const a = stringsFor(chrome.user);
  const t = siteStringsFor(chrome.user);
  const style = chrome.user?.locale === 'en' ? 'en' : 'hi';
  // Blank rows never take the form past the most rows a widget may have; typed rows are always shown.
  const count = Math.max(Math.min(values.rows.length + blankRows, Math.max(values.rows.length, MAX_FIGURE_ROWS)), 1);
  const rows = Array.from({ length: count }, (_, i) => values.rows[i] ?? { label: '', value: '', delta: '' });
  const title = t.editWidget(widgetKey);
  return renderAdminPage(
    { ...chrome, current: 'widgets' },
    title,
    <>
      <p>
        <a href="/admin/widgets">{t.back}</a>
      </p>
      <h1>{title}</h1>
      <Notice text={notice} />
      {errors.kind && (
        <p class="field-error" role="alert">
          {errors.kind}
        </p>
      )}
      <ErrorSummary errors={errors} t={t} />
      {saved && (
        <p class="muted">
          {t.lastSaved} {formatDateTime(saved.updatedAt, style)}
        </p>
      )}
      <form method="post" action={`/admin/widgets/${widgetKey}`} class="card-form widget-form">
        <Csrf token={chrome.csrfToken} />
        {/* Enter in a field submits with the form's first button: make that one "save". */}
        <button type="submit" name="op" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {a.save}
        </button>
        <Field name="title" label={t.widgetTitle} value={values.title} errors={errors} maxLength={80} required />
        <fieldset>
          <legend>{t.rows}</legend>
          <p class="help" id="rows-help">
            {t.rowsHelp}
          </p>
          {errors.rows && (
            <p class="field-error" id="rows-error" role="alert">
              {errors.rows}
            </p>
          )}
          <table class="admin-table figures-rows">
            <thead>
              <tr>
                <th>#</th>
                <th>{t.label}</th>
                <th>{t.value}</th>
                <th>{t.delta}</th>
                <th>{t.removeRow}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>
                    <Field name={`label.${i}`} label={`${t.row(i + 1)}: ${t.label}`} hiddenLabel value={row.label} errors={errors} maxLength={80} />
                  </td>
                  <td>
                    <Field name={`value.${i}`} label={`${t.row(i + 1)}: ${t.value}`} hiddenLabel value={row.value} errors={errors} maxLength={30} inputMode="decimal" />
                  </td>
                  <td>
                    <Field name={`delta.${i}`} label={`${t.row(i + 1)}: ${t.delta}`} hiddenLabel value={row.delta} errors={errors} maxLength={30} />
                  </td>
                  <td>
                    <label>
                      <input type="checkbox" name={`remove.${i}`} value="1" />
                      <span class="visually-hidden">
                        {t.row(i + 1)}: {t.removeRow}
                      </span>
                    </label>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {count < MAX_FIGURE_ROWS && (
            <button type="submit" name="op" value="add-rows" class="secondary" formNoValidate>
              {t.addRows}
            </button>
          )}
        </fieldset>
        <Field name="source" label={t.source} value={values.source} errors={errors} maxLength={120} />
        <Field name="asOf" label={t.asOf} value={values.asOf} errors={errors} type="datetime-local" required />
        <PlacementField value={values.placement ?? saved?.placement ?? ''} errors={errors} t={d} />
        <button type="submit" name="op" value="save" class="primary">
          {a.save}
        </button>
      </form>
      {saved && <HistoryList history={history} t={d} style={style} />}
    </>,
  );
}
