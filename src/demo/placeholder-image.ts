/**
 * Draws the demo site's photos locally: a gradient and a simple motif (skyline,
 * crowd, flag, field …) as SVG, which sharp turns into pixels. No network, no stock
 * photos, deterministic: the same DemoPhoto always gives the same bytes.
 */
import type { DemoMotif, DemoPhoto } from './demo-content.ts';

export const PLACEHOLDER_WIDTH = 1440;
export const PLACEHOLDER_HEIGHT = 810;

/** A small deterministic generator, seeded from the photo key, so shapes vary per photo. */
function seeded(key: string): () => number {
  let h = 2166136261;
  for (const ch of key) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return (h >>> 0) / 4294967296;
  };
}

const W = PLACEHOLDER_WIDTH;
const H = PLACEHOLDER_HEIGHT;
const ink = 'rgba(255,255,255,0.82)';
const shade = 'rgba(0,0,0,0.28)';

function motif(kind: DemoMotif, rnd: () => number): string {
  const r = (min: number, max: number) => min + rnd() * (max - min);
  switch (kind) {
    case 'building': {
      const base = H * 0.78;
      const cols = Array.from({ length: 7 }, (_, i) => `<rect x="${430 + i * 85}" y="${base - 300}" width="34" height="300" fill="${ink}"/>`);
      return `<rect x="380" y="${base}" width="680" height="40" fill="${ink}"/><polygon points="380,${base - 300} 720,${base - 470} 1060,${base - 300}" fill="${ink}"/>${cols.join('')}<circle cx="720" cy="${base - 380}" r="${r(28, 40)}" fill="${shade}"/>`;
    }
    case 'city':
    case 'screen': {
      let x = 0;
      const parts: string[] = [];
      while (x < W) {
        const w = r(70, 160);
        const h = r(180, 520);
        parts.push(`<rect x="${x}" y="${H - h}" width="${w - 10}" height="${h}" fill="${ink}" opacity="${r(0.4, 0.9).toFixed(2)}"/>`);
        x += w;
      }
      if (kind === 'screen') parts.push(`<rect x="420" y="180" width="600" height="360" rx="18" fill="${shade}" stroke="${ink}" stroke-width="14"/>`);
      return parts.join('');
    }
    case 'people': {
      const parts: string[] = [];
      for (let i = 0; i < 9; i++) {
        const cx = 140 + i * 145 + r(-20, 20);
        const s = r(0.8, 1.15);
        parts.push(`<circle cx="${cx}" cy="${H - 330 * s}" r="${52 * s}" fill="${ink}"/><rect x="${cx - 75 * s}" y="${H - 260 * s}" width="${150 * s}" height="${260 * s}" rx="${60 * s}" fill="${ink}"/>`);
      }
      return parts.join('');
    }
    case 'flag':
      return `<rect x="380" y="120" width="14" height="600" fill="${ink}"/><path d="M394 130 C 560 90, 700 210, 900 150 L 900 420 C 700 480, 560 360, 394 400 Z" fill="${ink}"/><circle cx="650" cy="280" r="${r(34, 48)}" fill="${shade}"/>`;
    case 'field':
    case 'stadium':
      return `<ellipse cx="720" cy="${H * 0.72}" rx="640" ry="180" fill="${ink}" opacity="0.55"/><ellipse cx="720" cy="${H * 0.72}" rx="420" ry="110" fill="none" stroke="${ink}" stroke-width="10"/><line x1="720" y1="${H * 0.72 - 110}" x2="720" y2="${H * 0.72 + 110}" stroke="${ink}" stroke-width="8"/>${kind === 'stadium' ? `<rect x="60" y="110" width="16" height="330" fill="${ink}"/><rect x="1364" y="110" width="16" height="330" fill="${ink}"/>` : ''}`;
    case 'chart': {
      const bars = Array.from({ length: 8 }, (_, i) => {
        const h = r(120, 520);
        return `<rect x="${260 + i * 120}" y="${H - 110 - h}" width="80" height="${h}" fill="${ink}"/>`;
      });
      return `${bars.join('')}<line x1="220" y1="${H - 108}" x2="1240" y2="${H - 108}" stroke="${ink}" stroke-width="8"/>`;
    }
    case 'mountain':
      return `<polygon points="0,${H} ${r(300, 420)},${r(200, 300)} ${r(650, 760)},${H}" fill="${ink}" opacity="0.7"/><polygon points="500,${H} ${r(880, 1000)},${r(140, 240)} 1440,${H}" fill="${ink}"/><circle cx="${r(1100, 1300)}" cy="150" r="60" fill="${ink}"/>`;
    case 'river':
      return `<path d="M0 ${H * 0.6} C 360 ${H * 0.5}, 720 ${H * 0.8}, 1440 ${H * 0.62} L 1440 ${H} L 0 ${H} Z" fill="${ink}" opacity="0.55"/><path d="M0 ${H * 0.75} C 420 ${H * 0.66}, 900 ${H * 0.92}, 1440 ${H * 0.78}" stroke="${ink}" stroke-width="10" fill="none"/>`;
  }
}

const HEX = /^#[0-9a-fA-F]{6}$/;

export function placeholderSvg(photo: Pick<DemoPhoto, 'key' | 'motif' | 'palette'>): string {
  const [a, b] = photo.palette.map((c) => (HEX.test(c) ? c : '#555555'));
  const rnd = seeded(photo.key);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="1" stop-color="${b}"/></linearGradient></defs>
<rect width="${W}" height="${H}" fill="url(#g)"/>
<circle cx="${200 + rnd() * 1000}" cy="${100 + rnd() * 200}" r="${180 + rnd() * 160}" fill="rgba(255,255,255,0.10)"/>
${motif(photo.motif, rnd)}
</svg>`;
}
