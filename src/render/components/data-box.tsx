/**
 * A data box of any kind, as readers see it: figures (the COVID box, unchanged), election
 * results with a seat bar, a cricket scorecard with the last balls, or a table with bars for
 * a column of numbers. Every chart is an accessible inline SVG followed by a table of the
 * same numbers; nothing needs client JavaScript. Numbers use Indian grouping (4,46,99,418)
 * and, when the site chooses, Devanagari digits. `place` keeps element ids unique when the
 * same box shows twice on a page (in the sidebar and inside a story).
 */
import type { Cricket, Election, TableData, Widget } from '../../domain/widgets/widget.ts';
import { parseFigure } from '../../domain/widgets/widget.ts';
import { render } from 'preact-render-to-string';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { BallStrip } from '../charts/ball-strip.tsx';
import { BarChart } from '../charts/bar-chart.tsx';
import { SeatBar } from '../charts/seat-bar.tsx';
import { digits, type ReaderLocale, readerDateTime } from '../reader-locale.ts';
import { dataBoxStrings, type DataBoxStrings } from './data-box-strings.ts';
import { FiguresBox } from './figures-box.tsx';

const grouping = new Intl.NumberFormat('en-IN');

/** The script that swaps a box for its newly saved version over the live stream (src/reader/data-box.ts). */
export const DATA_BOX_SCRIPT_PATH = '/live/data-box.js';
const latin = (s: string) => (/^[\x20-\x7e]+$/.test(s) ? 'en' : undefined);

interface KindProps<T> {
  widget: Widget;
  data: T;
  id: string;
  locale: ReaderLocale;
  s: DataBoxStrings;
}

/** The HTML of a box for the live stream: `__place__` where the page's copy has its place (the script fills it in). */
export function renderLiveBoxHtml(widget: Widget, locale: ReaderLocale): string {
  return render(<DataBox widget={widget} locale={locale} place="__place__" />);
}

/** Any kind of box. */
export function DataBox({ widget, locale, place = 'side' }: { widget: Widget; locale: ReaderLocale; place?: string }) {
  const box = widget.box;
  if (box.kind === 'figures') return <FiguresBox widget={{ ...widget, box }} locale={locale} />;
  const id = `box-${widget.key}-${place}`;
  const s = dataBoxStrings(locale.lang);
  return (
    <section class={`box data-box ${box.kind}`} aria-labelledby={id} data-box={widget.key} data-box-live={`box:${widget.key}`} data-place={place}>
      <h2 id={id} class="box-title" lang={latin(widget.title)}>
        {widget.title}
      </h2>
      {box.kind === 'election' && <ElectionBody widget={widget} data={box} id={id} locale={locale} s={s} />}
      {box.kind === 'cricket' && <CricketBody widget={widget} data={box} id={id} locale={locale} s={s} />}
      {box.kind === 'table' && <TableBody widget={widget} data={box} id={id} locale={locale} s={s} />}
      <p class="figures-meta">
        {box.source && (
          <>
            {locale.t.source}: {box.source} ·{' '}
          </>
        )}
        {locale.t.asOf}: <time dateTime={toIsoWithOffset(new Date(box.asOf))}>{readerDateTime(locale, new Date(box.asOf))}</time>
      </p>
      {/* Same origin, deferred, run once per page however many boxes name it. */}
      <script src={DATA_BOX_SCRIPT_PATH} defer />
    </section>
  );
}

function ElectionBody({ widget, data, id, locale, s }: KindProps<Election>) {
  const n = (v: number) => digits(locale, grouping.format(v));
  const parts = data.parties.map((p) => s.partyDesc(p.name, n(p.won), n(p.leading))).join('; ');
  return (
    <div class="box-body">
      <SeatBar id={`${id}-chart`} title={s.seatBarTitle(widget.title)} desc={s.seatBarDesc(parts, n(data.majority))} totalSeats={data.totalSeats} majority={data.majority} parties={data.parties} />
      <p class="majority-note">
        {s.seatsOf(n(data.totalSeats))} · {s.majority}: {n(data.majority)}
      </p>
      <table class="box-table">
        <thead>
          <tr>
            <th scope="col">{s.party}</th>
            <th scope="col">{s.won}</th>
            <th scope="col">{s.leading}</th>
            <th scope="col">{s.total}</th>
          </tr>
        </thead>
        <tbody>
          {data.parties.map((p) => (
            <tr key={p.name}>
              <th scope="row">
                <span class="swatch" style={`background:${p.colour}`} aria-hidden="true" /> <span lang={latin(p.name)}>{p.name}</span>
              </th>
              <td>{n(p.won)}</td>
              <td>{n(p.leading)}</td>
              <td>{n(p.won + p.leading)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CricketBody({ widget, data, id, locale, s }: KindProps<Cricket>) {
  const n = (v: number) => digits(locale, grouping.format(v));
  const ball = (b: string) => digits(locale, b);
  return (
    <div class="box-body">
      <table class="box-table scorecard">
        <thead>
          <tr>
            <th scope="col">{s.team}</th>
            <th scope="col">{s.score}</th>
            <th scope="col">{s.overs}</th>
          </tr>
        </thead>
        <tbody>
          {data.innings.map((inn, i) => (
            <tr key={i}>
              <th scope="row" lang={latin(inn.team)}>
                {inn.team}
              </th>
              <td>
                {n(inn.runs)}/{n(inn.wickets)}
              </td>
              <td>{digits(locale, inn.overs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.status && <p class="match-status">{data.status}</p>}
      {data.batsmen.length > 0 && (
        <table class="box-table batsmen">
          <thead>
            <tr>
              <th scope="col">{s.batter}</th>
              <th scope="col">{s.runs}</th>
              <th scope="col">{s.balls}</th>
            </tr>
          </thead>
          <tbody>
            {data.batsmen.map((b, i) => (
              <tr key={i}>
                <th scope="row" lang={latin(b.name)}>
                  {b.name}
                </th>
                <td>{n(b.runs)}</td>
                <td>{n(b.balls)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data.lastBalls.length > 0 && (
        <div class="last-balls">
          <p class="chart-label">{s.lastBalls}</p>
          <BallStrip
            id={`${id}-chart`}
            title={s.ballsTitle(widget.title)}
            desc={s.ballsDesc(data.lastBalls.map((b) => (b === 'W' ? s.wicket : ball(b))).join(', '))}
            balls={data.lastBalls}
            shown={ball}
          />
        </div>
      )}
    </div>
  );
}

function TableBody({ widget, data, id, locale, s }: KindProps<TableData>) {
  // The last column, drawn as bars when every cell of it is a number (and there is a label column).
  const last = data.columns.length - 1;
  const values = data.rows.map((r) => parseFigure(r[last] ?? ''));
  const numeric = last > 0 && values.every((v) => v !== null);
  const shown = (cell: string, v: number | null) => (v === null ? cell : digits(locale, grouping.format(v)));
  const bars = numeric ? data.rows.map((r, i) => ({ label: r[0] ?? '', value: values[i]!, shown: shown(r[last]!, values[i]!) })) : [];
  return (
    <div class="box-body">
      {numeric && (
        <BarChart id={`${id}-chart`} title={s.barsTitle(widget.title, data.columns[last]!)} desc={s.barsDesc(bars.map((b) => `${b.label}: ${b.shown}`).join('; '))} bars={bars} />
      )}
      <table class="box-table">
        <thead>
          <tr>
            {data.columns.map((c, i) => (
              <th scope="col" key={i} lang={latin(c)}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => {
                const v = parseFigure(cell);
                const text = v === null ? cell : shown(cell, v);
                return j === 0 ? (
                  <th scope="row" key={j}>
                    {text}
                  </th>
                ) : (
                  <td key={j}>{text}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
