/**
 * An election's seat bar: one bar the width of the house, each party's seats won in its
 * colour and its leads beside them in the same colour, lighter; a line at the majority
 * mark. Drawn in seat units (viewBox width = total seats), so no rounding moves a party.
 */
import { ChartFrame } from './chart-frame.tsx';

export interface SeatBarParty {
  name: string;
  colour: string;
  won: number;
  leading: number;
}

export interface SeatBarProps {
  id: string;
  title: string;
  /** What the bar says in words, e.g. "भाजपा 240 जीती, 2 पर आगे; …; बहुमत 272". */
  desc: string;
  totalSeats: number;
  majority: number;
  parties: readonly SeatBarParty[];
}

const HEIGHT = 40;
const BAR_Y = 8;
const BAR_H = 24;

export function SeatBar({ id, title, desc, totalSeats, majority, parties }: SeatBarProps) {
  let x = 0;
  const segments = parties.flatMap((p) => {
    const won = { x, w: p.won, fill: p.colour, opacity: 1, key: `${p.name}-won` };
    x += p.won;
    const leading = { x, w: p.leading, fill: p.colour, opacity: 0.45, key: `${p.name}-leading` };
    x += p.leading;
    return [won, leading].filter((s) => s.w > 0);
  });
  return (
    <ChartFrame id={id} title={title} desc={desc} width={totalSeats} height={HEIGHT} class="seat-bar">
      <rect x={0} y={BAR_Y} width={totalSeats} height={BAR_H} fill="#e6e6e6" />
      {segments.map((s) => (
        <rect key={s.key} x={s.x} y={BAR_Y} width={s.w} height={BAR_H} fill={s.fill} fill-opacity={s.opacity} />
      ))}
      <line x1={majority} x2={majority} y1={2} y2={HEIGHT - 2} stroke="#111" stroke-width={Math.max(totalSeats / 200, 1)} vector-effect="non-scaling-stroke" />
    </ChartFrame>
  );
}
