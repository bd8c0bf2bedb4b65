/**
 * An article as the search index stores it, made by the Hindi pipeline (pure: the store
 * reads the article, this turns it into index rows, the store writes them).
 *
 * - `head` / `rest`: the distinct keys of the headline and of every other field, what
 *   FTS5 (columns head, rest) and PostgreSQL (tsv_head, tsv) match against;
 * - `words`: the article's word table, one entry per distinct (keys, vowel key) pair,
 *   written `key[,key]:vowel` and separated by spaces;
 * - `streams`: per field, one entry per word position: the word's index in the table
 *   (base 36), or '.' for a stopword or a gap (sentence end, between two tags). Fields
 *   are in FIELD_ORDER, separated by '\n'. The ranking reads positions from here.
 */
import { analyzeClean, type AnalyzedToken } from './hindi/analyze.ts';
import { cleanText } from './hindi/normalize.ts';

/** Fields in the order their streams are stored. */
export const FIELD_ORDER = ['headline', 'dek', 'tags', 'authors', 'captions', 'body'] as const;
export type SearchField = (typeof FIELD_ORDER)[number];

/** The text of an article, as the index reads it. */
export interface ArticleText {
  readonly headline: string;
  readonly dek: string;
  /** Tag names. */
  readonly tags: readonly string[];
  /** Author names (Hindi and Latin spellings both searchable). */
  readonly authors: readonly string[];
  /** Photo captions (the hero's and the body's). */
  readonly captions: readonly string[];
  /** The body as plain text, captions left out. */
  readonly body: string;
}

export interface SearchDocument {
  readonly head: readonly string[];
  readonly rest: readonly string[];
  /** Every distinct key (head and rest). */
  readonly terms: readonly string[];
  /** A surface word for each key (the first seen, headline first). */
  readonly surfaces: ReadonlyMap<string, string>;
  readonly words: string;
  readonly streams: string;
}

/** Positions kept per field for ranking (a very long body is matched whole but scored on its start). */
export const MAX_STREAM_POSITIONS = 3000;

// A word's table entry, made once per distinct word (the pipeline shares one keys array per word).
const ENTRIES = new WeakMap<readonly string[], string>();

function entryOf(t: AnalyzedToken): string {
  let entry = ENTRIES.get(t.keys);
  if (entry === undefined) {
    entry = `${t.keys.join(',')}:${t.vowel}`;
    ENTRIES.set(t.keys, entry);
  }
  return entry;
}

/** Several short texts (tags, captions) as one field, with a gap between them. */
function analyzeParts(parts: readonly string[]): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  let offset = 0;
  for (const part of parts) {
    const tokens = analyzeClean(cleanText(part));
    for (const t of tokens) {
      out.push({ text: t.text, start: t.start, end: t.end, position: t.position + offset, folded: t.folded, script: t.script, stop: t.stop, keys: t.keys, vowel: t.vowel, letters: t.letters });
    }
    const last = tokens.at(-1);
    if (last) offset += last.position + 2;
  }
  return out;
}

export function buildSearchDocument(article: ArticleText): SearchDocument {
  const fields: Record<SearchField, AnalyzedToken[]> = {
    headline: analyzeClean(cleanText(article.headline)),
    dek: analyzeClean(cleanText(article.dek)),
    tags: analyzeParts(article.tags),
    authors: analyzeParts(article.authors),
    captions: analyzeParts(article.captions),
    body: analyzeClean(cleanText(article.body)),
  };
  const table = new Map<string, number>();
  const entries: string[] = [];
  const head = new Set<string>();
  const rest = new Set<string>();
  const surfaces = new Map<string, string>();
  const streams: string[] = [];
  for (const field of FIELD_ORDER) {
    const keysOut = field === 'headline' ? head : rest;
    const stream: string[] = [];
    let next = 0;
    for (const t of fields[field]) {
      if (t.stop) continue;
      for (const k of t.keys) {
        keysOut.add(k);
        if (!surfaces.has(k)) surfaces.set(k, t.folded);
      }
      if (t.position >= MAX_STREAM_POSITIONS) continue;
      const entry = entryOf(t);
      let index = table.get(entry);
      if (index === undefined) {
        index = entries.length;
        entries.push(entry);
        table.set(entry, index);
      }
      while (next < t.position) {
        stream.push('.');
        next++;
      }
      stream.push(index.toString(36));
      next++;
    }
    streams.push(stream.join(' '));
  }
  const terms = new Set([...head, ...rest]);
  return {
    head: [...head],
    rest: [...rest],
    terms: [...terms],
    surfaces,
    words: entries.join(' '),
    streams: streams.join('\n'),
  };
}
