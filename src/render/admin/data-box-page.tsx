/**
 * The newsroom's form for an election, cricket or table box, one form a kind, plain HTML
 * (works without JavaScript), with where the box shows, a preview as readers see it, and
 * the box's earlier versions. The figures box keeps its own form (widget-page.tsx), which
 * uses `PlacementField` and `HistoryList` from here.
 */
import type { BoxInput, CricketInput, ElectionInput, TableInput } from '../../domain/widgets/box-forms.ts';
import { type BoxData, type BoxKind, MAX_PARTIES, type Placement, PLACEMENTS, type Widget, type WidgetVersion } from '../../domain/widgets/widget.ts';
import { formatDateTime, toIsoWithOffset } from '../../lib/dates.ts';
import { DataBox } from '../components/data-box.tsx';
import { readerLocale } from '../reader-locale.ts';
import { type AdminChrome, renderAdminPage, stringsFor } from './admin-layout.tsx';
import { type DataBoxAdminStrings, dataBoxAdminStrings } from './data-box-admin-strings.ts';
import { siteStringsFor } from './site-admin-strings.ts';
import { Csrf, ErrorSummary, Field, type FieldErrors, fieldId, Notice } from './site-form.tsx';

const str = (n: number) => String(n);
/** The `datetime-local` value (IST wall time) for an instant (as widget-page.tsx's). */
const istLocalValue = (date: Date): string => toIsoWithOffset(date).slice(0, 16);

/** A saved box's data as its form shows it (the reverse of box-forms.ts). */
export function boxFormValues(title: string, box: Exclude<BoxData, { kind: 'figures' }>): BoxInput {
  const common = { title, source: box.source, asOf: istLocalValue(new Date(box.asOf)) };
  switch (box.kind) {
    case 'election':
      return { kind: 'election', ...common, totalSeats: str(box.totalSeats), majority: str(box.majority), parties: box.parties.map((p) => ({ name: p.name, colour: p.colour, won: str(p.won), leading: str(p.leading) })) };
    case 'cricket':
      return {
        kind: 'cricket',
        ...common,
        innings: box.innings.map((i) => ({ team: i.team, runs: str(i.runs), wickets: str(i.wickets), overs: i.overs })),
        batsmen: box.batsmen.map((b) => ({ name: b.name, runs: str(b.runs), balls: str(b.balls) })),
        lastBalls: box.lastBalls.join(' '),
        status: box.status,
      };
    case 'table':
      return { kind: 'table', ...common, columns: box.columns.join(' | '), rows: box.rows.map((r) => r.join(' | ')).join('\n') };
  }
}

/** An empty form of a kind. */
export function blankBoxForm(kind: Exclude<BoxKind, 'figures'>, asOf: string): BoxInput {
  const common = { title: '', source: '', asOf };
  if (kind === 'election') return { kind, ...common, totalSeats: '', majority: '', parties: [] };
  if (kind === 'cricket') return { kind, ...common, innings: [], batsmen: [], lastBalls: '', status: '' };
  return { kind, ...common, columns: '', rows: '' };
}

/** One line about a version, for the history list. */
export function boxSummary(box: BoxData): string {
  const n = new Intl.NumberFormat('en-IN');
  switch (box.kind) {
    case 'figures':
      return box.rows.map((r) => `${r.label} ${n.format(r.value)}`).join(' · ');
    case 'election':
      return box.parties.map((p) => `${p.name} ${n.format(p.won)}+${n.format(p.leading)}`).join(' · ');
    case 'cricket':
      return box.innings.map((i) => `${i.team} ${i.runs}/${i.wickets} (${i.overs})`).join(' · ');
    case 'table':
      return `${box.columns.join(' | ')} (${box.rows.length})`;
  }
}

export function PlacementField({ value, errors, t }: { value: Placement; errors: FieldErrors; t: DataBoxAdminStrings }) {
  const id = fieldId('placement');
  return (
    <p class={`field${errors.placement ? ' has-error' : ''}`}>
      <label for={id}>{t.placement}</label>
      <select id={id} name="placement" aria-describedby={`${id}-help${errors.placement ? ` ${id}-error` : ''}`}>
        {PLACEMENTS.map((p) => (
          <option key={p} value={p} selected={p === value}>
            {t.placements[p]}
          </option>
        ))}
      </select>
      <span class="help" id={`${id}-help`}>
        {t.placementHelp}
      </span>
      {errors.placement && (
        <span class="field-error" id={`${id}-error`}>
          {errors.placement}
        </span>
      )}
    </p>
  );
}

export function HistoryList({ history, t, style }: { history: readonly WidgetVersion[]; t: DataBoxAdminStrings; style: 'hi' | 'en' }) {
  return (
    <section class="box-history" aria-labelledby="box-history">
      <h2 id="box-history">{t.history}</h2>
      <p class="muted">{t.historyHelp}</p>
      {history.length === 0 ? (
        <p class="muted">{t.noHistory}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th>{t.savedAt}</th>
              <th>{t.summary}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((v) => (
              <tr key={v.id}>
                <td>{formatDateTime(v.savedAt, style)}</td>
                <td>
                  <strong>{v.title}</strong>: {boxSummary(v.box)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface DataBoxEditPageProps {
  chrome: AdminChrome;
  widgetKey: string;
  saved: Widget | null;
  values: BoxInput;
  placement: Placement;
  history: readonly WidgetVersion[];
  errors: FieldErrors;
  notice?: string;
}

function ElectionFields({ v, errors, t }: { v: ElectionInput; errors: FieldErrors; t: DataBoxAdminStrings }) {
  const rows = Array.from({ length: Math.min(Math.max(v.parties.length + 3, 5), MAX_PARTIES) }, (_, i) => v.parties[i] ?? { name: '', colour: '', won: '', leading: '' });
  return (
    <>
      <Field name="totalSeats" label={t.totalSeats} value={v.totalSeats} errors={errors} maxLength={10} required inputMode="numeric" />
      <Field name="majority" label={t.majority} value={v.majority} errors={errors} maxLength={10} required inputMode="numeric" />
      <fieldset>
        <legend>{t.parties}</legend>
        <p class="help">{t.partiesHelp}</p>
        {errors.parties && (
          <p class="field-error" role="alert">
            {errors.parties}
          </p>
        )}
        <table class="admin-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t.party}</th>
              <th>{t.won}</th>
              <th>{t.leading}</th>
              <th>{t.colour}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <Field name={`name.${i}`} label={`${i + 1}: ${t.party}`} hiddenLabel value={p.name} errors={errors} maxLength={60} />
                </td>
                <td>
                  <Field name={`won.${i}`} label={`${i + 1}: ${t.won}`} hiddenLabel value={p.won} errors={errors} maxLength={10} inputMode="numeric" />
                </td>
                <td>
                  <Field name={`leading.${i}`} label={`${i + 1}: ${t.leading}`} hiddenLabel value={p.leading} errors={errors} maxLength={10} inputMode="numeric" />
                </td>
                <td>
                  <Field name={`colour.${i}`} label={`${i + 1}: ${t.colour}`} hiddenLabel value={p.colour} errors={errors} maxLength={7} lang="en" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    </>
  );
}

function CricketFields({ v, errors, t }: { v: CricketInput; errors: FieldErrors; t: DataBoxAdminStrings }) {
  const innings = [0, 1].map((i) => v.innings[i] ?? { team: '', runs: '', wickets: '', overs: '' });
  const batsmen = [0, 1].map((i) => v.batsmen[i] ?? { name: '', runs: '', balls: '' });
  return (
    <>
      <fieldset>
        <legend>{t.innings}</legend>
        <p class="help">{t.inningsHelp}</p>
        {innings.map((inn, i) => (
          <div class="field-row" key={i}>
            <Field name={`team.${i}`} label={`${i + 1}: ${t.team}`} value={inn.team} errors={errors} maxLength={60} required={i === 0} />
            <Field name={`runs.${i}`} label={t.runs} value={inn.runs} errors={errors} maxLength={10} inputMode="numeric" />
            <Field name={`wickets.${i}`} label={t.wickets} value={inn.wickets} errors={errors} maxLength={4} inputMode="numeric" />
            <Field name={`overs.${i}`} label={t.overs} value={inn.overs} errors={errors} maxLength={6} inputMode="decimal" />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t.batsmen}</legend>
        {batsmen.map((b, i) => (
          <div class="field-row" key={i}>
            <Field name={`batter.${i}`} label={`${i + 1}: ${t.batter}`} value={b.name} errors={errors} maxLength={60} />
            <Field name={`batterRuns.${i}`} label={t.runs} value={b.runs} errors={errors} maxLength={10} inputMode="numeric" />
            <Field name={`batterBalls.${i}`} label={t.balls} value={b.balls} errors={errors} maxLength={10} inputMode="numeric" />
          </div>
        ))}
      </fieldset>
      <Field name="lastBalls" label={t.lastBalls} value={v.lastBalls} errors={errors} maxLength={100} help={t.lastBallsHelp} lang="en" />
      <Field name="status" label={t.status} value={v.status} errors={errors} maxLength={160} />
    </>
  );
}

function TableFields({ v, errors, t }: { v: TableInput; errors: FieldErrors; t: DataBoxAdminStrings }) {
  return (
    <>
      <Field name="columns" label={t.columns} value={v.columns} errors={errors} maxLength={400} required help={t.columnsHelp} />
      <Field name="rows" label={t.tableRows} value={v.rows} errors={errors} maxLength={8000} required multiline help={t.tableRowsHelp} />
    </>
  );
}

export function renderDataBoxEditPage({ chrome, widgetKey, saved, values, placement, history, errors, notice }: DataBoxEditPageProps): string {
  const a = stringsFor(chrome.user);
  const s = siteStringsFor(chrome.user);
  const t = dataBoxAdminStrings(chrome.user);
  const style = chrome.user?.locale === 'en' ? 'en' : 'hi';
  const title = s.editWidget(widgetKey);
  return renderAdminPage(
    { ...chrome, current: 'widgets' },
    title,
    <>
      <p>
        <a href="/admin/widgets">{s.back}</a>
      </p>
      <h1>{title}</h1>
      <p class="muted">
        {t.kind}: {t.kinds[values.kind]}
      </p>
      <Notice text={notice} />
      {errors.kind && (
        <p class="field-error" role="alert">
          {errors.kind}
        </p>
      )}
      <ErrorSummary errors={errors} t={s} />
      {saved && (
        <p class="muted">
          {s.lastSaved} {formatDateTime(saved.updatedAt, style)}
        </p>
      )}
      <form method="post" action={`/admin/widgets/${widgetKey}`} class="card-form widget-form">
        <Csrf token={chrome.csrfToken} />
        <input type="hidden" name="kind" value={values.kind} />
        <Field name="title" label={s.widgetTitle} value={values.title} errors={errors} maxLength={80} required />
        {values.kind === 'election' && <ElectionFields v={values} errors={errors} t={t} />}
        {values.kind === 'cricket' && <CricketFields v={values} errors={errors} t={t} />}
        {values.kind === 'table' && <TableFields v={values} errors={errors} t={t} />}
        <Field name="source" label={s.source} value={values.source} errors={errors} maxLength={120} />
        <Field name="asOf" label={s.asOf} value={values.asOf} errors={errors} type="datetime-local" required />
        <PlacementField value={placement} errors={errors} t={t} />
        <button type="submit" name="op" value="save" class="primary">
          {a.save}
        </button>
      </form>
      {saved && (
        <section class="box-preview" aria-label={t.preview}>
          <h2>{t.preview}</h2>
          <DataBox widget={saved} locale={readerLocale({ readerLanguage: style, devanagariDigits: false })} place="preview" />
        </section>
      )}
      <HistoryList history={history} t={t} style={style} />
    </>,
  );
}
