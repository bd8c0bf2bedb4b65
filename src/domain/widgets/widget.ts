import { z } from 'zod';

/** Most rows a figures box may have. */
export const MAX_FIGURE_ROWS = 20;

/** A box of figures (COVID-19 cases, election results, a score) editors keep up to date. */
export const FiguresSchema = z.strictObject({
  rows: z
    .array(
      z.strictObject({
        label: z.string().min(1).max(80),
        value: z.number().finite(),
        delta: z.number().finite().optional(),
      }),
    )
    .min(1)
    .max(MAX_FIGURE_ROWS),
  source: z.string().max(120),
  asOf: z.iso.datetime({ offset: true }),
});

export type Figures = z.infer<typeof FiguresSchema>;

export interface FiguresWidget {
  readonly key: string;
  readonly title: string;
  readonly figures: Figures;
  readonly updatedAt: Date;
}

/** A widget as the newsroom's form sends it: text as typed. */
export interface FiguresInput {
  title: string;
  /** In form order; rows with every field empty are left out. */
  rows: readonly { label: string; value: string; delta: string }[];
  source: string;
  /** A `datetime-local` value, read as IST. */
  asOf: string;
}

export const WIDGET_KEY = /^[a-z0-9-]{1,40}$/;

const DEVANAGARI_DIGITS = /[\u0966-\u096f]/g;
/** A plain number, or one grouped the Indian (4,46,99,418) or international (44,699,418) way. */
const FIGURE = /^[+\-\u2212]?(\d+|\d{1,2}(,\d{2})*,\d{3}|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * Reads a figure as a person types it: `44699418`, `4,46,99,418`, `44,699,418`,
 * `+699`, `−2` (a typographic minus), `1.5`, Devanagari digits (`७६०५`). Spaces are
 * ignored. Null for anything else, including a badly grouped `4,4699,418`.
 */
export function parseFigure(text: string): number | null {
  const s = text
    .replace(DEVANAGARI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0966))
    .replace(/[\s\u00a0\u202f]/g, '');
  if (s.length > 30 || !FIGURE.test(s)) return null;
  const n = Number(s.replace(/,/g, '').replace('\u2212', '-'));
  return Number.isFinite(n) && Math.abs(n) <= 1e15 ? n : null;
}
