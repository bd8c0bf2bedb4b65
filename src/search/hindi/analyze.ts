/**
 * The pipeline, whole: text → clean → words (with offsets and positions) → fold →
 * stopwords → stem → phonetic keys. Indexing and querying both come through here, so a
 * word and its query always get the same keys. Pure: no I/O, no clock.
 */
import { cleanText, foldWord, type Script, scriptOf } from './normalize.ts';
import { type WordKeys, wordKeys } from './phonetic.ts';
import { isStopword } from './stopwords.ts';
import { type Token, tokenize } from './tokenize.ts';

/** One word after the whole pipeline. */
export interface AnalyzedToken extends Token {
  readonly folded: string;
  readonly script: Script;
  /** A stopword: keeps its position, has no keys. */
  readonly stop: boolean;
  /** Skeleton keys (see phonetic.ts); empty for stopwords. */
  readonly keys: readonly string[];
  /** Vowel-aware key, for ranking and highlighting. */
  readonly vowel: string;
  /** Letters of the word's Latin form (typo tolerance applies from five). */
  readonly letters: number;
}

interface WordInfo {
  folded: string;
  script: Script;
  stop: boolean;
  keys: WordKeys | null;
}

// Words repeat a great deal (a site's vocabulary is bounded), so each is analysed once.
const WORDS = new Map<string, WordInfo>();
const MAX_MEMO = 200_000;

function analyzeWord(text: string): WordInfo {
  let info = WORDS.get(text);
  if (info === undefined) {
    const folded = foldWord(text);
    const script = scriptOf(folded);
    const stop = isStopword(folded);
    info = { folded, script, stop, keys: stop || folded === '' ? null : wordKeys(folded, script) };
    if (WORDS.size >= MAX_MEMO) WORDS.clear();
    WORDS.set(text, info);
  }
  return info;
}

/** The words of already cleaned text (see `cleanText`), with their keys. */
export function analyzeClean(clean: string): AnalyzedToken[] {
  const out: AnalyzedToken[] = [];
  for (const token of tokenize(clean)) {
    const info = analyzeWord(token.text);
    if (info.folded === '') continue;
    out.push({
      text: token.text,
      start: token.start,
      end: token.end,
      position: token.position,
      folded: info.folded,
      script: info.script,
      stop: info.stop || info.keys === null,
      keys: info.keys?.keys ?? [],
      vowel: info.keys?.vowel ?? '',
      letters: info.keys?.letters ?? 0,
    });
  }
  return out;
}

/** Cleans and analyses text; `clean` is what token offsets refer to. */
export function analyze(text: string): { clean: string; tokens: AnalyzedToken[] } {
  const clean = cleanText(text);
  return { clean, tokens: analyzeClean(clean) };
}

/** Longest query read, in code points; the rest is ignored (a 10 KB paste is not an error). */
export const MAX_QUERY_CHARS = 256;
/** Most words a query searches for (after stopwords). */
export const MAX_QUERY_TERMS = 12;

/** One searched word of a query. */
export interface QueryTerm {
  /** As typed (cleaned). */
  readonly text: string;
  readonly folded: string;
  /** Position in the query (stopwords count), for phrase matching. */
  readonly position: number;
  readonly keys: readonly string[];
  readonly vowel: string;
  readonly letters: number;
}

export interface AnalyzedQuery {
  /** The query as searched: cleaned, cut to MAX_QUERY_CHARS, spaces collapsed. */
  readonly text: string;
  readonly terms: readonly QueryTerm[];
}

/** A reader's query through the same pipeline. Anything at all is accepted. */
export function analyzeQuery(input: string): AnalyzedQuery {
  const cut = Array.from(cleanText(input)).slice(0, MAX_QUERY_CHARS).join('');
  const text = cut.replace(/\s+/g, ' ').trim();
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const t of analyzeClean(text)) {
    if (t.stop || t.keys.length === 0) continue;
    const id = `${t.keys.join(',')}/${t.vowel}`;
    if (seen.has(id)) continue;
    seen.add(id);
    terms.push({ text: t.text, folded: t.folded, position: t.position, keys: t.keys, vowel: t.vowel, letters: t.letters });
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return { text, terms };
}
