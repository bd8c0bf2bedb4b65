/**
 * The cross-lingual news vocabulary at query time: a reader types `court`, `farmers`,
 * `high court` or `हादसा`, and the search also looks for अदालत/न्यायालय/कोर्ट, किसान,
 * उच्च न्यायालय/हाईकोर्ट or दुर्घटना, each at a weight below the word itself.
 *
 * The data (`data/*.ts`, one module per domain, plus `data/synonyms.ts`) is parsed once, at
 * module load, synchronously, into two Maps: exact keys (the words folded by the search
 * analyser's `foldWord`, so nukta and chandrabindu spellings meet) and inflection keys (Hindi
 * words through the analyser's stemmer, English through `englishKey`), tried in that order.
 * Format, sources, weights and why: README.md beside this file and docs/decisions/030.
 *
 * Guarantees: `findExpansions` never throws and never returns a query word's own spelling;
 * a stopword alone is never expanded; each phrase gets at most MAX_EXPANSIONS expansions;
 * every weight is in (0, 1).
 */
import { cleanText, foldDevanagari, foldWord } from '../hindi/normalize.ts';
import { stemHindi } from '../hindi/stem.ts';
import { isStopword } from '../hindi/stopwords.ts';
import { englishKey } from './english.ts';
import { DOMAINS, SYNONYM_GROUPS } from './data/index.ts';
import { parseEntries, parseSynonymGroups, type LexiconEntry } from './parse.ts';

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

/** One word's exact and inflection keys; empty strings for a word that cannot match. */
function wordKeys(word: string): { exact: string; inflected: string } {
  const folded = foldWord(cleanText(word));
  if (folded === '') return { exact: '', inflected: '' };
  if (/^[a-z0-9]+$/.test(folded)) return { exact: folded, inflected: englishKey(folded) };
  return { exact: folded, inflected: stemHindi(folded) };
}

/**
 * The keys of a data word. The data is clean already (the data test checks that every
 * Devanagari word is NFC Devanagari letters and every English word lowercase ASCII, and that
 * this gives what `wordKeys` gives), so the load skips `cleanText` and `foldWord`, which cost
 * ten times more and would make the load slow.
 */
function dataWordKeys(word: string): { exact: string; inflected: string } {
  if (/^[a-z0-9]+$/.test(word)) return { exact: word, inflected: englishKey(word) };
  const folded = foldDevanagari(word);
  return { exact: folded, inflected: stemHindi(folded) };
}

interface Keys {
  readonly exact: string;
  readonly inflected: string;
  readonly stop: boolean;
}
const PHRASE_KEYS = new Map<string, Keys>();

/** The keys of a data phrase (memoized: each form appears in several entries and targets). */
function phraseKeys(text: string): Keys {
  let keys = PHRASE_KEYS.get(text);
  if (keys === undefined) {
    const words = text.split(' ').map(dataWordKeys);
    keys = {
      exact: words.map((w) => w.exact).join(' '),
      inflected: words.map((w) => w.inflected).join(' '),
      stop: words.length === 1 && isStopword(words[0]?.exact ?? ''),
    };
    PHRASE_KEYS.set(text, keys);
  }
  return keys;
}

/** For the data test: a data word's keys as the load computes them and as a query computes them. */
export function keysForTest(word: string): { data: { exact: string; inflected: string }; query: { exact: string; inflected: string } } {
  return { data: dataWordKeys(word), query: wordKeys(word) };
}

interface Pending {
  readonly text: string;
  readonly weight: number;
  readonly kind: ExpansionKind;
}

/** Built at load: key → expansions (best first), with the key's own spellings left out. */
class Index {
  readonly exact = new Map<string, Expansion[]>();
  readonly inflected = new Map<string, Expansion[]>();
  private readonly pending = { exact: new Map<string, Pending[]>(), inflected: new Map<string, Pending[]>() };

  add(keyText: string, targets: readonly Pending[]): void {
    const keys = phraseKeys(keyText);
    if (keys.stop || keys.exact === '') return;
    for (const level of ['exact', 'inflected'] as const) {
      const map = this.pending[level];
      const list = map.get(keys[level]);
      if (list === undefined) map.set(keys[level], [...targets]);
      else list.push(...targets);
    }
  }

  /** Merges each key's targets: its own spellings out, one per spelling, highest weight first. */
  finish(): void {
    for (const level of ['exact', 'inflected'] as const) {
      for (const [key, targets] of this.pending[level]) {
        const best = new Map<string, Pending>();
        for (const t of targets) {
          const k = phraseKeys(t.text);
          if (k[level] === key || k.exact === key) continue;
          const seen = best.get(k.exact);
          if (seen === undefined || seen.weight < t.weight) best.set(k.exact, t);
        }
        if (best.size === 0) continue;
        const list = [...best.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_EXPANSIONS);
        this[level].set(key, list.map((t) => Object.freeze({ text: t.text, weight: t.weight, kind: t.kind })));
      }
      this.pending[level].clear();
    }
  }
}

function build(entries: readonly LexiconEntry[], groups: readonly (readonly string[])[]): Index {
  const index = new Index();
  for (const e of entries) {
    const hindi = e.forms.map((f) => f.text);
    index.add(e.english, hindi.map((text) => ({ text, weight: TRANSLATION_WEIGHT, kind: 'translation' as const })));
    for (const form of hindi) {
      index.add(form, [
        ...hindi.map((text) => ({ text, weight: SYNONYM_WEIGHT, kind: 'synonym' as const })),
        { text: e.english, weight: REVERSE_TRANSLATION_WEIGHT, kind: 'translation' as const },
      ]);
    }
  }
  for (const group of groups) {
    for (const form of group) index.add(form, group.map((text) => ({ text, weight: SYNONYM_WEIGHT, kind: 'synonym' as const })));
  }
  index.finish();
  return index;
}

const loadStart = performance.now();
const ENTRIES: LexiconEntry[] = [];
const BY_DOMAIN: Record<string, number> = {};
for (const [domain, text] of Object.entries(DOMAINS)) {
  const parsed = parseEntries(domain, text);
  ENTRIES.push(...parsed);
  BY_DOMAIN[domain] = parsed.length;
}
const INDEX = build(ENTRIES, parseSynonymGroups(SYNONYM_GROUPS).map((g) => g.forms.map((f) => f.text)));
PHRASE_KEYS.clear();

export const LEXICON_STATS: { entries: number; byDomain: Readonly<Record<string, number>> } = Object.freeze({
  entries: ENTRIES.length,
  byDomain: Object.freeze(BY_DOMAIN),
});
/** Milliseconds the data took to parse and index at module load (the README reports it). */
export const LEXICON_LOAD_MS = performance.now() - loadStart;

function lookup(words: readonly { exact: string; inflected: string }[], start: number, end: number): Expansion[] | undefined {
  const slice = words.slice(start, end);
  if (slice.some((w) => w.exact === '')) return undefined;
  if (end - start === 1 && isStopword(slice[0]?.exact ?? '')) return undefined;
  return INDEX.exact.get(slice.map((w) => w.exact).join(' ')) ?? INDEX.inflected.get(slice.map((w) => w.inflected).join(' '));
}

/**
 * words: the query's words as typed, lower-cased, NFC. Finds multi-word entries first
 * (longest match, left to right; the words of a matched phrase are not looked up again
 * alone), then single words. Never throws; unknown words yield nothing.
 */
export function findExpansions(words: readonly string[]): readonly PhraseExpansion[] {
  try {
    const keys = words.map((w) => (typeof w === 'string' && w.length <= 100 ? wordKeys(w) : { exact: '', inflected: '' }));
    const out: PhraseExpansion[] = [];
    let i = 0;
    while (i < keys.length) {
      let matched = false;
      for (let end = Math.min(keys.length, i + MAX_PHRASE_WORDS); end > i; end--) {
        const expansions = lookup(keys, i, end);
        if (expansions === undefined) continue;
        out.push({ start: i, end, expansions });
        i = end;
        matched = true;
        break;
      }
      if (!matched) i++;
    }
    return out;
  } catch {
    return [];
  }
}
