/**
 * Reads each kind's newsroom form, as typed, into a box's data. Numbers may be typed with
 * Indian or international grouping or Devanagari digits; the time is IST. Every error is
 * DomainError INVALID_INPUT naming the field (`parties.2.won`, N the row's index in the
 * input) and, where useful, a reason; nothing is saved unless the whole form is good.
 */
import { DomainError } from '../../errors.ts';
import { parseIstLocal, toIsoWithOffset } from '../../lib/dates.ts';
import { type Cricket, type Election, MAX_LAST_BALLS, MAX_PARTIES, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, parseCount, type TableData } from './widget.ts';

/** What every kind's form has besides its own fields. */
export interface CommonInput {
  title: string;
  source: string;
  /** A `datetime-local` value, read as IST. */
  asOf: string;
}

export interface ElectionInput extends CommonInput {
  kind: 'election';
  totalSeats: string;
  majority: string;
  /** In form order; rows with every field empty are left out. */
  parties: readonly { name: string; colour: string; won: string; leading: string }[];
}

export interface CricketInput extends CommonInput {
  kind: 'cricket';
  /** Two rows; the second may be empty (the first innings is still on). */
  innings: readonly { team: string; runs: string; wickets: string; overs: string }[];
  /** Up to two rows; empty rows are left out. */
  batsmen: readonly { name: string; runs: string; balls: string }[];
  /** Balls separated by spaces or commas, oldest first: `1 4 W 0 6 wd`. */
  lastBalls: string;
  status: string;
}

export interface TableInput extends CommonInput {
  kind: 'table';
  /** Column headings separated by `|`. */
  columns: string;
  /** One row a line, cells separated by `|`. */
  rows: string;
}

export type BoxInput = ElectionInput | CricketInput | TableInput;

/** Colours for parties typed without one, in order (readable on white, distinct for colour-blind readers as far as 8 go). */
export const PARTY_COLOURS = ['#e66100', '#1a5fb4', '#26a269', '#c01c28', '#813d9c', '#986a44', '#f5c211', '#5e5c64'];

const line = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function text(value: string, field: string, max: number, required = true): string {
  const s = line(value);
  if ((required && !s) || s.length > max) throw new DomainError('INVALID_INPUT', field);
  return s;
}

function countOf(value: string, field: string): number {
  const n = parseCount(value);
  if (n === null) throw new DomainError('INVALID_INPUT', field, 'not-a-count');
  return n;
}

/** Title, source and time, checked the same way for every kind. */
export function readCommon(input: CommonInput): { title: string; source: string; asOf: string } {
  const title = text(input.title, 'title', 80);
  const source = text(input.source, 'source', 120, false);
  const asOf = parseIstLocal(input.asOf.trim());
  if (!asOf) throw new DomainError('INVALID_INPUT', 'asOf');
  return { title, source, asOf: toIsoWithOffset(asOf) };
}

export function readElection(input: ElectionInput): Election {
  const { source, asOf } = readCommon(input);
  const totalSeats = countOf(input.totalSeats, 'totalSeats');
  if (totalSeats < 1 || totalSeats > 10_000) throw new DomainError('INVALID_INPUT', 'totalSeats');
  const majority = countOf(input.majority, 'majority');
  if (majority < 1 || majority > totalSeats) throw new DomainError('INVALID_INPUT', 'majority', 'above-total');
  const parties: Election['parties'] = [];
  for (const [i, p] of input.parties.entries()) {
    if (!line(p.name) && !p.won.trim() && !p.leading.trim() && !p.colour.trim()) continue;
    if (parties.length === MAX_PARTIES) throw new DomainError('INVALID_INPUT', 'parties', 'too-many');
    const name = text(p.name, `parties.${i}.name`, 60);
    const colour = p.colour.trim().toLowerCase() || PARTY_COLOURS[parties.length % PARTY_COLOURS.length]!;
    if (!/^#[0-9a-f]{6}$/.test(colour)) throw new DomainError('INVALID_INPUT', `parties.${i}.colour`);
    const won = p.won.trim() ? countOf(p.won, `parties.${i}.won`) : 0;
    const leading = p.leading.trim() ? countOf(p.leading, `parties.${i}.leading`) : 0;
    parties.push({ name, colour, won, leading });
  }
  if (parties.length === 0) throw new DomainError('INVALID_INPUT', 'parties', 'empty');
  if (parties.reduce((s, p) => s + p.won + p.leading, 0) > totalSeats) throw new DomainError('INVALID_INPUT', 'parties', 'above-total');
  return { kind: 'election', totalSeats, majority, parties, source, asOf };
}

const BALL = /^([0-6]|W|(wd|nb|lb|b)[0-6]?)$/;

export function readCricket(input: CricketInput): Cricket {
  const { source, asOf } = readCommon(input);
  const innings: Cricket['innings'] = [];
  for (const [i, inn] of input.innings.slice(0, 2).entries()) {
    if (i > 0 && !line(inn.team) && !inn.runs.trim() && !inn.wickets.trim() && !inn.overs.trim()) continue;
    const team = text(inn.team, `innings.${i}.team`, 60);
    const runs = countOf(inn.runs || '0', `innings.${i}.runs`);
    const wickets = countOf(inn.wickets || '0', `innings.${i}.wickets`);
    if (wickets > 10) throw new DomainError('INVALID_INPUT', `innings.${i}.wickets`, 'not-a-count');
    const overs = (inn.overs.trim() || '0').replace(/[\u0966-\u096f]/g, (d) => String(d.charCodeAt(0) - 0x0966));
    if (!/^(0|[1-9][0-9]{0,2})(\.[0-5])?$/.test(overs)) throw new DomainError('INVALID_INPUT', `innings.${i}.overs`);
    innings.push({ team, runs, wickets, overs });
  }
  const batsmen: Cricket['batsmen'] = [];
  for (const [i, b] of input.batsmen.slice(0, 2).entries()) {
    if (!line(b.name) && !b.runs.trim() && !b.balls.trim()) continue;
    const name = text(b.name, `batsmen.${i}.name`, 60);
    batsmen.push({ name, runs: countOf(b.runs || '0', `batsmen.${i}.runs`), balls: countOf(b.balls || '0', `batsmen.${i}.balls`) });
  }
  const lastBalls = input.lastBalls
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((b) => (/^w$/i.test(b) ? 'W' : b.toLowerCase()));
  if (lastBalls.length > MAX_LAST_BALLS || !lastBalls.every((b) => BALL.test(b))) throw new DomainError('INVALID_INPUT', 'lastBalls');
  const status = text(input.status, 'status', 160, false);
  return { kind: 'cricket', innings, batsmen, lastBalls, status, source, asOf };
}

const cells = (row: string): string[] => row.split('|').map(line);

export function readTable(input: TableInput): TableData {
  const { source, asOf } = readCommon(input);
  const columns = cells(input.columns);
  if (columns.length > MAX_TABLE_COLUMNS) throw new DomainError('INVALID_INPUT', 'columns', 'too-many');
  if (columns.some((c) => !c || c.length > 60)) throw new DomainError('INVALID_INPUT', 'columns');
  const rows = input.rows
    .split(/\r?\n/)
    .filter((r) => r.trim())
    .map(cells);
  if (rows.length === 0) throw new DomainError('INVALID_INPUT', 'rows', 'empty');
  if (rows.length > MAX_TABLE_ROWS) throw new DomainError('INVALID_INPUT', 'rows', 'too-many');
  for (const [i, r] of rows.entries()) {
    if (r.length !== columns.length) throw new DomainError('INVALID_INPUT', 'rows', `cells:${i + 1}`);
    if (r.some((c) => c.length > 80)) throw new DomainError('INVALID_INPUT', 'rows', `long:${i + 1}`);
  }
  return { kind: 'table', columns, rows, source, asOf };
}

export function readBox(input: BoxInput): Election | Cricket | TableData {
  switch (input.kind) {
    case 'election':
      return readElection(input);
    case 'cricket':
      return readCricket(input);
    case 'table':
      return readTable(input);
  }
}
