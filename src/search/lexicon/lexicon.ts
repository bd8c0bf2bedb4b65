/**
 * The cross-lingual news vocabulary at query time: a reader types `court`, `farmers`,
 * `high court` or `हादसा`, and the search also looks for अदालत/न्यायालय/कोर्ट, किसान,
 * उच्च न्यायालय/हाईकोर्ट or दुर्घटना, each at a weight below the word itself.
 *
 * The data (`words/*.ts`, one module per domain, plus `words/synonyms.ts`) is parsed once, at
 * module load, synchronously, into two Maps: exact keys (words folded as the search analyser
 * folds them, so nukta and chandrabindu spellings meet) and inflection keys (Hindi words
 * through the analyser's stemmer, English through `englishKey`), tried in that order.
 * Format, source, weights and why: README.md beside this file and docs/decisions/030.
 *
 * Guarantees: `findExpansions` never throws and never returns a query word's own spelling;
 * a stopword alone is never expanded; each phrase gets at most MAX_EXPANSIONS expansions,
 * every weight in (0, 1).
 */
import { cleanText, foldDevanagari, foldWord } from '../hindi/normalize.ts';
import { stemHindi } from '../hindi/stem.ts';
import { isStopword } from '../hindi/stopwords.ts';
import { DOMAINS, SYNONYM_GROUPS } from './words/index.ts';
import { englishKey } from './english.ts';
import { parseEntries, parseSynonymGroups } from './parse.ts';

export type ExpansionKind = 'translation' | 'synonym';
/** text: a word or phrase as written (Devanagari or Latin), for the search analyser; weight in (0, 1). */
export interface Expansion {
  readonly text: string;
  readonly weight: number;
  readonly kind: ExpansionKind;
}
/** Expansions for the query words [start, end). */
export interface PhraseExpansion {
  readonly start: number;
  readonly end: number;
  readonly expansions: readonly Expansion[];
}

/** English query word → a Hindi form of the entry. */
export const TRANSLATION_WEIGHT = 0.7;
/** Hindi query word → another Hindi form of the same entry or synonym group (same language, same sense). */
export const SYNONYM_WEIGHT = 0.8;
/** Hindi query word → the entry's English headword (for stories in English; a loanword already meets its Devanagari spelling through the phonetic keys). */
export const REVERSE_TRANSLATION_WEIGHT = 0.6;
/** Most expansions one phrase gets (the query stays bounded). */
export const MAX_EXPANSIONS = 10;
/** Longest phrase in the data, in words (checked by the data test). */
export const MAX_PHRASE_WORDS = 5;

interface Keys {
  readonly exact: string;
  readonly inflected: string;
}
const NO_KEYS: Keys = { exact: '', inflected: '' };
const LATIN = /^[a-z0-9]+$/;

/** One query word's keys; empty for a word that cannot match. */
function wordKeys(word: string): Keys {
  const folded = foldWord(cleanText(word));
  if (folded === '') return NO_KEYS;
  if (LATIN.test(folded)) return { exact: folded, inflected: englishKey(folded) };
  return { exact: folded, inflected: stemHindi(folded) };
}

// What `foldDevanagari` changes: nukta, chandrabindu, visarga, a nasal + virama, the glide य + े/ी.
// A word with none of these folds to itself, and most data words have none.
const FOLDABLE = /[\u0900\u0901\u0903\u093C]|[ङञणनम]्|य[ेी]/;

/**
 * One data word's keys. The data is clean already (the data test checks that every
 * Devanagari form is NFC Devanagari and every headword lowercase ASCII, and that this gives
 * what `wordKeys` gives), so the load skips `cleanText` and `foldWord`, which cost ten times
 * more, folds only words that have something to fold, and works each word out once (a word
 * recurs in many phrases; the memo is dropped after the load).
 */
function dataWordKeys(word: string): Keys {
  let keys = DATA_WORDS.get(word);
  if (keys === undefined) {
    if (LATIN.test(word)) keys = { exact: word, inflected: englishKey(word) };
    else {
      const folded = FOLDABLE.test(word) ? foldDevanagari(word) : word;
      keys = { exact: folded, inflected: stemHindi(folded) };
    }
    DATA_WORDS.set(word, keys);
  }
  return keys;
}
const DATA_WORDS = new Map<string, Keys>();

/** A data phrase's keys, word by word. */
function phraseKeys(text: string): Keys {
  if (!text.includes(' ')) return dataWordKeys(text);
  const words = text.split(' ').map(dataWordKeys);
  return { exact: words.map((w) => w.exact).join(' '), inflected: words.map((w) => w.inflected).join(' ') };
}

/** For the data test: a data word's keys as the load computes them and as a query computes them. */
export function keysForTest(word: string): { data: Keys; query: Keys } {
  return { data: dataWordKeys(word), query: wordKeys(word) };
}

/** Words that mean the same: an entry (English headword and Hindi forms) or a synonym group (no headword). */
interface MeaningSet {
  readonly english: string | null;
  readonly hindi: readonly string[];
}

/*
 * What the load builds: for each key, the sets it belongs to, as `set * 2 + side` (side 0:
 * the key is the set's English headword; 1: one of its Hindi forms). Only integers are
 * stored at load; a key's expansions are worked out the first time a query asks for them
 * (and remembered), so the load is string folding and Map inserts, nothing more.
 */
const SETS: MeaningSet[] = [];
const EXACT = new Map<string, number[]>();
const INFLECTED = new Map<string, number[]>();

function put(map: Map<string, number[]>, key: string, ref: number): void {
  const refs = map.get(key);
  if (refs === undefined) map.set(key, [ref]);
  else if (!refs.includes(ref)) refs.push(ref);
}

function addKey(text: string, ref: number): void {
  const keys = phraseKeys(text);
  if (keys.exact === '' || isStopword(keys.exact)) return;
  put(EXACT, keys.exact, ref);
  put(INFLECTED, keys.inflected, ref);
}

function addSet(set: MeaningSet): void {
  const id = SETS.length;
  SETS.push(set);
  if (set.english !== null) addKey(set.english, id * 2);
  for (const form of set.hindi) addKey(form, id * 2 + 1);
}

const BY_DOMAIN: Record<string, number> = {};
let entryCount = 0;
let loaded = false;

/**
 * Milliseconds (wall clock) the data took to parse and index; 0 until the first lookup. The
 * data is indexed on first use, not at import: every process imports search (the CLI, each
 * test file, a server that may never be searched), and the index costs tens of milliseconds
 * and about 3 MB of heap.
 */
export let LEXICON_LOAD_MS = 0;

function ensureLoaded(): void {
  if (loaded) return;
  loaded = true;
  const loadStart = performance.now();
  for (const [domain, text] of Object.entries(DOMAINS)) {
    const entries = parseEntries(domain, text);
    for (const e of entries) addSet({ english: e.english, hindi: e.forms.map((f) => f.text) });
    BY_DOMAIN[domain] = entries.length;
    entryCount += entries.length;
  }
  for (const g of parseSynonymGroups(SYNONYM_GROUPS)) addSet({ english: null, hindi: g.forms.map((f) => f.text) });
  DATA_WORDS.clear();
  LEXICON_LOAD_MS = performance.now() - loadStart;
}

/**
 * Indexes the data now, if no lookup has yet: a server calls it once it listens, so the
 * first reader's search does not pay for it.
 */
export function preloadLexicon(): void {
  ensureLoaded();
}

/** Entries in the data, in all and by domain (indexing the data first if no lookup has). */
export const LEXICON_STATS: { readonly entries: number; readonly byDomain: Readonly<Record<string, number>> } = Object.freeze({
  get entries() {
    ensureLoaded();
    return entryCount;
  },
  get byDomain() {
    ensureLoaded();
    return Object.freeze({ ...BY_DOMAIN });
  },
});

/** The expansions of the sets a key belongs to: best first, the key's own spellings left out. */
function expansionsOf(refs: readonly number[], level: keyof Keys, key: string): Expansion[] {
  const best = new Map<string, Expansion>();
  const offer = (text: string, weight: number, kind: ExpansionKind) => {
    const k = phraseKeys(text);
    if (k[level] === key || k.exact === key) return;
    const seen = best.get(k.exact);
    if (seen === undefined || seen.weight < weight) best.set(k.exact, Object.freeze({ text, weight, kind }));
  };
  for (const ref of refs) {
    const set = SETS[ref >> 1];
    if (set === undefined) continue;
    if ((ref & 1) === 0) {
      for (const form of set.hindi) offer(form, TRANSLATION_WEIGHT, 'translation');
    } else {
      for (const form of set.hindi) offer(form, SYNONYM_WEIGHT, 'synonym');
      if (set.english !== null) offer(set.english, REVERSE_TRANSLATION_WEIGHT, 'translation');
    }
  }
  // Array sort is stable: equal weights keep the data's order (the usual form first).
  return [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_EXPANSIONS);
}

// Answers already worked out, by level and key. Bounded: only keys present in the data get in.
const ANSWERS = new Map<string, readonly Expansion[]>();

function answer(level: keyof Keys, key: string): readonly Expansion[] | undefined {
  const memoKey = `${level}:${key}`;
  const memo = ANSWERS.get(memoKey);
  if (memo !== undefined) return memo;
  const refs = (level === 'exact' ? EXACT : INFLECTED).get(key);
  if (refs === undefined) return undefined;
  const found = Object.freeze(expansionsOf(refs, level, key));
  ANSWERS.set(memoKey, found);
  return found;
}

function lookup(words: readonly Keys[], start: number, end: number): readonly Expansion[] | undefined {
  const slice = words.slice(start, end);
  if (slice.some((w) => w.exact === '')) return undefined;
  if (end - start === 1 && isStopword(slice[0]?.exact ?? '')) return undefined;
  const found = answer('exact', slice.map((w) => w.exact).join(' ')) ?? answer('inflected', slice.map((w) => w.inflected).join(' '));
  return found !== undefined && found.length > 0 ? found : undefined;
}

/** Longest query word looked up, in UTF-16 units (a longer "word" is no vocabulary). */
const MAX_WORD_LENGTH = 64;

/**
 * words: the query's words as typed, lower-cased, NFC. Finds multi-word entries first
 * (longest match, left to right; the words of a matched phrase are not looked up again
 * alone), then single words. Never throws; unknown words yield nothing.
 */
export function findExpansions(words: readonly string[]): readonly PhraseExpansion[] {
  try {
    ensureLoaded();
    const keys = words.map((w) => (typeof w === 'string' && w.length <= MAX_WORD_LENGTH ? wordKeys(w) : NO_KEYS));
    const out: PhraseExpansion[] = [];
    let i = 0;
    while (i < keys.length) {
      let next = i + 1;
      for (let end = Math.min(keys.length, i + MAX_PHRASE_WORDS); end > i; end--) {
        const expansions = lookup(keys, i, end);
        if (expansions === undefined) continue;
        out.push({ start: i, end, expansions });
        next = end;
        break;
      }
      i = next;
    }
    return out;
  } catch {
    return [];
  }
}
