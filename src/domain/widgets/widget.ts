import { z } from 'zod';

/** Most rows a figures box may have. */
export const MAX_FIGURE_ROWS = 20;
/** Most parties an election box lists (the rest go into "others", a party like any other). */
export const MAX_PARTIES = 12;
/** Most columns and rows of a table box. */
export const MAX_TABLE_COLUMNS = 6;
export const MAX_TABLE_ROWS = 30;
/** Most balls a cricket box shows as "last balls". */
export const MAX_LAST_BALLS = 12;

const when = { source: z.string().max(120), asOf: z.iso.datetime({ offset: true }) };
const count = z.number().int().min(0).max(1_000_000_000);

/** A box of figures (COVID-19 cases and the like) editors keep up to date. */
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
  ...when,
});

/**
 * Election results: each party's seats won and leading, against the house's size and the
 * majority mark. Won plus leading never exceeds the seats of the house, in total.
 */
export const ElectionSchema = z
  .strictObject({
    kind: z.literal('election'),
    totalSeats: z.number().int().min(1).max(10_000),
    majority: z.number().int().min(1).max(10_000),
    parties: z
      .array(
        z.strictObject({
          name: z.string().min(1).max(60),
          /** `#rrggbb`, the party's colour in the seat bar. */
          colour: z.string().regex(/^#[0-9a-f]{6}$/),
          won: count,
          leading: count,
        }),
      )
      .min(1)
      .max(MAX_PARTIES),
    ...when,
  })
  .refine((e) => e.majority <= e.totalSeats, { path: ['majority'], message: 'above-total' })
  .refine((e) => e.parties.reduce((s, p) => s + p.won + p.leading, 0) <= e.totalSeats, { path: ['parties'], message: 'above-total' });

const innings = z.strictObject({
  team: z.string().min(1).max(60),
  runs: count,
  wickets: z.number().int().min(0).max(10),
  /** Overs as cricket writes them: 18.4 is 18 overs and 4 balls. */
  overs: z.string().regex(/^(0|[1-9][0-9]{0,2})(\.[0-5])?$/),
});

/** A cricket scorecard: one or two innings, the batsmen at the crease, the last balls. */
export const CricketSchema = z.strictObject({
  kind: z.literal('cricket'),
  innings: z.array(innings).min(1).max(2),
  batsmen: z
    .array(z.strictObject({ name: z.string().min(1).max(60), runs: count, balls: count }))
    .max(2),
  /** Each ball as scored: `0`–`6`, `W`, `wd`, `nb`, `lb`, `b` (a run count may follow extras: `wd1`). */
  lastBalls: z.array(z.string().regex(/^([0-6]|W|(wd|nb|lb|b)[0-6]?)$/)).max(MAX_LAST_BALLS),
  /** One line such as "भारत को 30 गेंदों में 45 रन चाहिए". */
  status: z.string().max(160),
  ...when,
});

/** A small table: a header row and rows of cells, all text (numbers are drawn as bars when a column is all numbers). */
export const TableSchema = z
  .strictObject({
    kind: z.literal('table'),
    columns: z.array(z.string().min(1).max(60)).min(1).max(MAX_TABLE_COLUMNS),
    rows: z.array(z.array(z.string().max(80))).min(1).max(MAX_TABLE_ROWS),
    ...when,
  })
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), { path: ['rows'], message: 'cells' });

export type Figures = z.infer<typeof FiguresSchema>;
export type Election = z.infer<typeof ElectionSchema>;
export type Cricket = z.infer<typeof CricketSchema>;
export type TableData = z.infer<typeof TableSchema>;

/** A box's kind and data. Figures stored before data boxes had kinds have no `kind`. */
export type BoxData = ({ kind: 'figures' } & Figures) | Election | Cricket | TableData;
export type BoxKind = BoxData['kind'];
export const BOX_KINDS: readonly BoxKind[] = ['figures', 'election', 'cricket', 'table'];

/**
 * The one schema of a box's stored JSON: a union by `kind`; JSON without a kind is figures
 * (every box saved before migration 018). Parsing gives back the data with its kind.
 */
export const BoxSchema: z.ZodType<BoxData, unknown> = z.preprocess(
  (v) => (v && typeof v === 'object' && !('kind' in v) ? { ...v, kind: 'figures' } : v),
  z.discriminatedUnion('kind', [FiguresSchema.extend({ kind: z.literal('figures') }), ElectionSchema, CricketSchema, TableSchema]),
) as z.ZodType<BoxData, unknown>;

/** Where a box shows by itself, besides where it is named (the sidebar setting, a story). */
export type Placement = '' | 'sidebar' | 'home';
export const PLACEMENTS: readonly Placement[] = ['', 'sidebar', 'home'];

export interface Widget {
  readonly key: string;
  readonly title: string;
  readonly box: BoxData;
  readonly placement: Placement;
  readonly updatedAt: Date;
}

/** A figures box (the COVID box). */
export type FiguresWidget = Widget & { readonly box: { kind: 'figures' } & Figures };

/** One saved version of a box, for its history. */
export interface WidgetVersion {
  readonly id: number;
  readonly title: string;
  readonly box: BoxData;
  readonly savedBy: number | null;
  readonly savedAt: Date;
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

/** A whole count as typed (`272`, `१,२००`); null for anything else, negatives and fractions included. */
export function parseCount(text: string): number | null {
  const n = parseFigure(text);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 1_000_000_000 && !/^\s*[+\-\u2212]/.test(text) ? n : null;
}
