/**
 * Horizontal bars, one a row, for a column of numbers (a table box whose last column is all
 * numbers). Labels and values are drawn as text beside the bars; negative values are drawn
 * from zero like positive ones, in another colour.
 */
import { ChartFrame } from './chart-frame.tsx';

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader sees it (Indian grouping, perhaps Devanagari digits). */
  shown: string;
}

const ROW = 22;
const WIDTH = 320;
const LABEL_W = 110;
const VALUE_W = 70;

export function BarChart({ id, title, desc, bars }: { id: string; title: string; desc: string; bars: readonly Bar[] }) {
  const max = Math.max(...bars.map((b) => Math.abs(b.value)), 1);
  const span = WIDTH - LABEL_W - VALUE_W;
  return (
    <ChartFrame id={id} title={title} desc={desc} width={WIDTH} height={bars.length * ROW + 4} class="bar-chart">
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = (Math.abs(b.value) / max) * span;
        return (
          <g key={i}>
            <text x={LABEL_W - 6} y={y + 15} text-anchor="end" font-size="12">
              {b.label.length > 16 ? `${b.label.slice(0, 15)}…` : b.label}
            </text>
            <rect x={LABEL_W} y={y + 3} width={Math.max(w, 1)} height={ROW - 6} fill={b.value < 0 ? '#c01c28' : '#1a5fb4'} />
            <text x={LABEL_W + w + 4} y={y + 15} font-size="12">
              {b.shown}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
