/**
 * A cricket innings' last balls, oldest first: a circle a ball, boundaries and wickets in
 * colour, the ball's score inside.
 */
import { ChartFrame } from './chart-frame.tsx';

const R = 13;
const GAP = 4;

function fill(ball: string): string {
  if (ball === 'W') return '#c01c28';
  if (ball === '6') return '#26a269';
  if (ball === '4') return '#1a5fb4';
  return '#77767b';
}

export function BallStrip({ id, title, desc, balls, shown }: { id: string; title: string; desc: string; balls: readonly string[]; shown: (ball: string) => string }) {
  const width = Math.max(balls.length, 1) * (2 * R + GAP);
  return (
    <ChartFrame id={id} title={title} desc={desc} width={width} height={2 * R + 4} class="ball-strip">
      {balls.map((b, i) => {
        const cx = i * (2 * R + GAP) + R + GAP / 2;
        return (
          <g key={i}>
            <circle cx={cx} cy={R + 2} r={R} fill={fill(b)} />
            <text x={cx} y={R + 6} text-anchor="middle" font-size={b.length > 1 ? 9 : 12} fill="#fff" font-weight="bold">
              {shown(b)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
