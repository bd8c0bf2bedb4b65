import type { FiguresWidget } from '../../domain/widgets/widget.ts';
import { toIsoWithOffset } from '../../lib/dates.ts';
import { digits, type ReaderLocale, readerDateTime } from '../reader-locale.ts';

/** Indian digit grouping (4,46,99,418), as Hindi readers expect large figures. */
const number = new Intl.NumberFormat('en-IN');

function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : '±'}${number.format(Math.abs(n))}`;
}

/** A data box such as `COVID-19 CASES`: labelled figures, with the day's change. */
export function FiguresBox({ widget, locale }: { widget: FiguresWidget; locale: ReaderLocale }) {
  const id = `widget-${widget.key}`;
  const asOf = new Date(widget.box.asOf);
  return (
    <section class="box figures" aria-labelledby={id}>
      <h2 id={id} class="box-title" lang={/^[\x20-\x7e]+$/.test(widget.title) ? 'en' : undefined}>
        {widget.title}
      </h2>
      <dl>
        {widget.box.rows.map((row) => (
          <div class="figure" key={row.label}>
            <dt>{row.label}</dt>
            <dd>
              <data value={String(row.value)}>{digits(locale, number.format(row.value))}</data>
              {row.delta !== undefined && <span class={`delta ${row.delta > 0 ? 'up' : 'down'}`}>{digits(locale, signed(row.delta))}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p class="figures-meta">
        {widget.box.source && (
          <>
            {locale.t.source}: {widget.box.source} ·{' '}
          </>
        )}
        {locale.t.asOf}: <time dateTime={toIsoWithOffset(asOf)}>{readerDateTime(locale, asOf)}</time>
      </p>
    </section>
  );
}
