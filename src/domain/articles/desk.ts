/**
 * The newsroom's story list (the desk): what can be asked of it, read from a query string
 * strictly (an unknown value is a 400, never ignored: a newsroom must not think a filter
 * applies when it does not), and the headline keys it searches by. Pure: no I/O.
 *
 * Headline search runs on the reader search's pipeline (search/hindi/): every headline
 * word's phonetic keys are stored per story (desk-store.ts), and a query word matches a
 * story when one of its keys is among them, so `पुतिन`, `putin` and `Putin` meet, and
 * `mulakat` finds `मुलाक़ात`. The last word may be unfinished (a prefix of a key).
 */
import { DomainError } from '../../errors.ts';
import { analyze, analyzeQuery } from '../../search/hindi/analyze.ts';
import type { ArticleStatus } from './article.ts';
import { ARTICLE_STATUSES } from './article-workflow.ts';

export const DESK_SORTS = ['headline', 'section', 'status', 'updated', 'published'] as const;
export type DeskSort = (typeof DESK_SORTS)[number];
export type SortDirection = 'asc' | 'desc';
export type DeskDateField = 'updated' | 'published';

/** What the desk's bulk buttons do; 'trash' only where the trash exists (see DeskService). */
export const BULK_ACTIONS = ['review', 'published', 'unpublished', 'trash'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Most stories one bulk action takes (a page is at most this many). */
export const MAX_BULK = 100;
export const DESK_PAGE_SIZE = 30;
/** Longest search read, in characters (as the reader search). */
export const MAX_DESK_QUERY = 200;

export interface DeskQuery {
  /** Words searched in headlines, as typed; '' for none. */
  readonly q: string;
  readonly status?: ArticleStatus;
  readonly sectionId?: number;
  readonly authorId?: number;
  /** Which time `from` and `to` apply to. */
  readonly dateField: DeskDateField;
  /** IST calendar days, `YYYY-MM-DD`, both included. */
  readonly from?: string;
  readonly to?: string;
  readonly sort: DeskSort;
  readonly dir: SortDirection;
  readonly page: number;
}

export const DEFAULT_DESK_QUERY: DeskQuery = { q: '', dateField: 'updated', sort: 'updated', dir: 'desc', page: 1 };

/** Each column's natural first direction: newest first for times, A to Z for words. */
export function defaultDirection(sort: DeskSort): SortDirection {
  return sort === 'updated' || sort === 'published' ? 'desc' : 'asc';
}

const ID = /^[1-9][0-9]{0,9}$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function one(raw: Readonly<Record<string, unknown>>, name: string, max: number): string | undefined {
  const v = raw[name];
  if (v === undefined || v === '') return undefined;
  // A repeated parameter (?status=a&status=b) is a mistake, not a choice.
  if (typeof v !== 'string' || v.length > max) throw new DomainError('BAD_REQUEST', name);
  return v;
}

function id(raw: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const v = one(raw, name, 10);
  if (v === undefined) return undefined;
  if (!ID.test(v) || Number(v) > 2_147_483_647) throw new DomainError('BAD_REQUEST', name);
  return Number(v);
}

/** A real calendar day (not 2023-02-30), from year 1900 to 9999. */
export function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function day(raw: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const v = one(raw, name, 10);
  if (v === undefined) return undefined;
  if (!isCalendarDay(v)) throw new DomainError('BAD_REQUEST', name);
  return v;
}

/** Reads the desk's query string; 400 (BAD_REQUEST on the parameter) for anything it does not know. */
export function parseDeskQuery(raw: Readonly<Record<string, unknown>>): DeskQuery {
  const q = (one(raw, 'q', MAX_DESK_QUERY * 4) ?? '').normalize('NFC').trim();
  if ([...q].length > MAX_DESK_QUERY) throw new DomainError('BAD_REQUEST', 'q');
  const status = one(raw, 'status', 20);
  if (status !== undefined && !ARTICLE_STATUSES.includes(status as ArticleStatus)) throw new DomainError('BAD_REQUEST', 'status');
  const dateField = one(raw, 'date', 10) ?? 'updated';
  if (dateField !== 'updated' && dateField !== 'published') throw new DomainError('BAD_REQUEST', 'date');
  const from = day(raw, 'from');
  const to = day(raw, 'to');
  if (from && to && from > to) throw new DomainError('BAD_REQUEST', 'to');
  const sort = one(raw, 'sort', 10) ?? 'updated';
  if (!DESK_SORTS.includes(sort as DeskSort)) throw new DomainError('BAD_REQUEST', 'sort');
  const dir = one(raw, 'dir', 4) ?? defaultDirection(sort as DeskSort);
  if (dir !== 'asc' && dir !== 'desc') throw new DomainError('BAD_REQUEST', 'dir');
  const pageText = one(raw, 'page', 5);
  if (pageText !== undefined && !/^[1-9][0-9]{0,3}$/.test(pageText)) throw new DomainError('BAD_REQUEST', 'page');
  const sectionId = id(raw, 'section');
  const authorId = id(raw, 'author');
  return {
    q,
    ...(status ? { status: status as ArticleStatus } : {}),
    ...(sectionId !== undefined ? { sectionId } : {}),
    ...(authorId !== undefined ? { authorId } : {}),
    dateField,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    sort: sort as DeskSort,
    dir,
    page: pageText ? Number(pageText) : 1,
  };
}

/** The query string of a desk query (defaults left out), for links that keep the filters. */
export function deskQueryString(query: DeskQuery, changes: Partial<DeskQuery> = {}): string {
  const d = { ...query, ...changes };
  const params = new URLSearchParams();
  if (d.q) params.set('q', d.q);
  if (d.status) params.set('status', d.status);
  if (d.sectionId !== undefined) params.set('section', String(d.sectionId));
  if (d.authorId !== undefined) params.set('author', String(d.authorId));
  if ((d.from || d.to) && d.dateField !== 'updated') params.set('date', d.dateField);
  if (d.from) params.set('from', d.from);
  if (d.to) params.set('to', d.to);
  if (d.sort !== 'updated') params.set('sort', d.sort);
  if (d.dir !== defaultDirection(d.sort)) params.set('dir', d.dir);
  if (d.page > 1) params.set('page', String(d.page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The start of an IST calendar day, and the start of the next (for "to", which includes its day). */
export function istDayStart(value: string, plusDays = 0): Date {
  const start = new Date(`${value}T00:00:00+05:30`);
  return new Date(start.getTime() + plusDays * 86_400_000);
}

/**
 * Skeletons this short collide (`पुतिन` and `पटना` are both ptn), so they are also stored
 * and searched with the class of the word's first vowel in front (`u:ptn`, `a:ptn`): the
 * reader search tells such words apart by their vowels when ranking; the desk, which lists
 * rather than ranks, does it in the match. Checked on 59 Devanagari/Latin pairs, the first
 * vowel agreed on all but one (dilli/दिल्ली, read as delhi), which is why e and i are one class.
 */
const SHORT_KEY = 3;
const VOWEL_CLASSES = ['a', 'i', 'o', 'u'] as const;

/** The class of a word's first vowel, from its vowel key ('' when it has none). */
function vowelClass(vowelKey: string): string {
  const v = /[aeiou]/.exec(vowelKey)?.[0] ?? '';
  return v === 'e' ? 'i' : v;
}

/** The keys stored for a headline: each word's skeletons, and the short ones again with their vowel class. */
export function headlineKeys(headline: string): string[] {
  const keys = new Set<string>();
  for (const t of analyze(headline).tokens) {
    for (const k of t.keys) {
      keys.add(k);
      if (k.length > SHORT_KEY) continue;
      const v = vowelClass(t.vowel);
      // A word with no vowel at all (an abbreviation) is found whatever vowel the query has.
      for (const c of v ? [v] : VOWEL_CLASSES) keys.add(`${c}:${k}`);
    }
  }
  return [...keys];
}

/** One searched word: any of `keys` matches; or, for an unfinished last word, any longer key starting with a prefix. */
export interface HeadlineTerm {
  readonly keys: readonly string[];
  readonly prefixes: readonly string[];
}

/** Prefixes shorter than this match too much to help (a two-letter skeleton is half the site). */
const MIN_PREFIX = 3;

/**
 * The words of a headline search. Each must match (AND). The last word, unless the query
 * ends with a space, may also be the start of a longer word (`mulak` finds `मुलाकात`).
 */
export function headlineTerms(q: string): HeadlineTerm[] {
  const query = analyzeQuery(q);
  const typing = !/\s$/.test(q);
  return query.terms.map((t, i) => {
    const last = i === query.terms.length - 1;
    const v = vowelClass(t.vowel);
    const keys = t.keys.map((k) => (k.length <= SHORT_KEY && v ? `${v}:${k}` : k));
    const prefixes = last && typing ? t.keys.filter((k) => k.length >= MIN_PREFIX) : [];
    return { keys, prefixes };
  });
}

/** A query that is only a story number (`123`, `#123`) also finds that story. */
export function storyNumber(q: string): number | undefined {
  const m = /^#?([1-9][0-9]{0,9})$/.exec(q.trim());
  return m && Number(m[1]) <= 2_147_483_647 ? Number(m[1]) : undefined;
}

/** Why one story of a bulk action was not changed (shown beside its headline). */
export type BulkFailure = 'forbidden' | 'transition' | 'headline' | 'photo' | 'conflict' | 'missing' | 'invalid';

export interface BulkResult {
  readonly action: BulkAction;
  readonly done: readonly number[];
  readonly failed: readonly { readonly id: number; readonly reason: BulkFailure }[];
}

/** One row of the desk. */
export interface DeskItem {
  readonly id: number;
  readonly headline: string;
  readonly status: ArticleStatus;
  readonly sectionId: number;
  readonly sectionName: string;
  readonly updatedAt: Date;
  /** Scheduled time for a scheduled story; first publishing time for a published or unpublished one. */
  readonly publishedAt: Date | null;
  readonly createdBy: number | null;
  /** Bylines in order. */
  readonly authors: readonly { readonly id: number; readonly name: string }[];
  /** A live story's unpublished changes: 'submitted' when a reporter sent them for review. */
  readonly pending: 'changes' | 'submitted' | null;
}

/** A public story found by headline (for pinning on the home page or the Updates list). */
export interface HeadlineHit {
  readonly id: number;
  readonly headline: string;
  readonly sectionName: string;
  readonly publishedAt: Date;
}
