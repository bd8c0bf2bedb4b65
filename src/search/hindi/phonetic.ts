/**
 * The cross-script phonetic keys. Every word, in Devanagari, in romanized Hindi or in
 * English, becomes a consonant skeleton in one alphabet, so that पुतिन, putin; मुलाकात,
 * mulakat, mulaqaat; मीटिंग, meeting all meet:
 *
 *   symbols  b c d g h j k l m n p r s t v y, digits, and 'a' for a word-initial vowel
 *
 * A second, vowel-aware key (`vowelKey`) tells apart words with the same skeleton (पीस
 * peace / पास paas: both `ps`; `pis` / `pas`) when results are ranked. README.md lists
 * every rule with examples; phonetic.test.ts has a test for each.
 *
 * Devanagari words also get the skeleton of their Latin spelling from the slug
 * transliterator (`lib/slug.ts` with its loanword and proper-noun lexicon), so that
 * यूक्रेन is found by `yukren` (its own sounds) and by `ukraine` (its English spelling).
 */
import { ANUSVARA, CONSONANT_LATIN, MATRA_LATIN, skeletonTable, VIRAMA, VOWEL_LATIN } from '../../lib/devanagari-latin.ts';
import { transliterateWord } from '../../lib/slug.ts';
import { stemHindi } from './stem.ts';
import type { Script } from './normalize.ts';

// ---------------------------------------------------------------------------------------
// Devanagari → skeleton

// Each letter's skeleton is the first Latin letter of its slug spelling (lib/devanagari-latin.ts):
// ख kh → k, श sh → s, छ chh → c, ऋ ri → r.
const DEVANAGARI_CONSONANTS = skeletonTable(CONSONANT_LATIN);
const VOCALIC = { ...skeletonTable(VOWEL_LATIN, ['ऋ', 'ॠ', 'ऌ', 'ॡ']), ...skeletonTable(MATRA_LATIN, ['ृ', 'ॄ', 'ॢ', 'ॣ']) };
const INDEPENDENT_VOWEL = /[\u0904-\u0914\u0972-\u0977]/;

/**
 * Skeleton of a folded (and usually stemmed) Devanagari word: aspirates as plain stops
 * (ख k, भ b), sibilants as s, anusvara as n, vowels dropped but a word-initial vowel kept
 * as 'a', य only at the start of a word, ह dropped right after a virama (न्ह as nh → n),
 * ज्ञ as g, doubled letters once.
 */
export function devanagariKey(word: string): string {
  let out = '';
  const chars = Array.from(word);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const consonant = DEVANAGARI_CONSONANTS[ch];
    if (consonant !== undefined) {
      if (ch === 'ज' && chars[i + 1] === VIRAMA && chars[i + 2] === 'ञ') {
        out += 'g';
        i += 2;
        continue;
      }
      if (consonant === 'y' && out !== '') continue;
      if (consonant === 'h' && chars[i - 1] === VIRAMA) continue;
      out += consonant;
      continue;
    }
    const vocalic = VOCALIC[ch];
    if (vocalic !== undefined) out += vocalic;
    else if (ch === 'ॐ') out += out === '' ? 'am' : 'm';
    else if (INDEPENDENT_VOWEL.test(ch)) out += out === '' ? 'a' : '';
    else if (ch === ANUSVARA) out += 'n';
    else if (/[0-9]/.test(ch)) out += ch;
  }
  return collapse(out);
}

// ---------------------------------------------------------------------------------------
// Latin → symbols (consonant skeleton letters and vowel classes)

const LATIN_VOWEL = /[aeiou]/;
const STOP = /[bpkgcjtdq]/;

/** A Latin run as phonetic symbols: consonants lowercase, vowel classes uppercase (A E I O U). */
function latinSymbols(w: string): string[] {
  const out: string[] = [];
  const isVowel = (c: string | undefined) => c !== undefined && LATIN_VOWEL.test(c);
  let i = 0;
  while (i < w.length) {
    const c = w[i] ?? '';
    const next = w[i + 1];
    if (/[0-9]/.test(c)) {
      out.push(c);
      i++;
      continue;
    }
    if (c === 'y') {
      if (i === 0 && isVowel(next)) out.push('y');
      else if (!isVowel(next)) out.push('I'); // policy, type: y is a vowel
      // between vowels (gaye, priya, kiya) it is a glide, and nothing is written
      i++;
      continue;
    }
    if (isVowel(c)) {
      let j = i;
      while (j < w.length && isVowel(w[j])) j++;
      out.push(vowelClass(w.slice(i, j)));
      i = j;
      continue;
    }
    i++;
    switch (c) {
      case 'c':
        if (next === 'h') {
          i++;
          if (w[i] === 'h') i++; // chh
          out.push('c');
        } else if (next === 'k') {
          i++;
          out.push('k');
        } else out.push(next === 'e' || next === 'i' || next === 'y' ? 's' : 'k');
        break;
      case 's':
      case 'p':
        if (next === 'h') i++;
        out.push(c);
        break;
      case 't':
        out.push(w.startsWith('ion', i) ? 's' : 't');
        break;
      case 'q':
        out.push('k');
        break;
      case 'x':
        out.push('k', 's');
        break;
      case 'z':
        out.push('j');
        break;
      case 'f':
        out.push('p');
        break;
      case 'w':
        out.push('v');
        break;
      case 'h': {
        // after a consonant, h only marks aspiration (kh, bh, dh, th): dropped
        const prev = w[i - 2];
        if (prev === undefined || isVowel(prev) || /[0-9]/.test(prev)) out.push('h');
        break;
      }
      case 'm':
        out.push(next !== undefined && STOP.test(next) ? 'n' : 'm');
        break;
      default:
        out.push(c);
    }
  }
  return out;
}

function vowelClass(run: string): string {
  if (/^a+$/.test(run)) return 'A';
  if (/^(?:ee|ea|ie|iy|i+)$/.test(run)) return 'I';
  if (/^(?:oo|ou|u+|uu)$/.test(run)) return 'U';
  if (/^(?:au|aw|o+|oa)$/.test(run)) return 'O';
  if (/^(?:ai|ae|e+|ei|ay)$/.test(run)) return 'E';
  // anything longer (iou, eau…): its first vowel
  return vowelClass(run[0] ?? 'a');
}

/**
 * Skeleton of a folded Latin word: kh gh ch jh th dh ph bh sh as k g c j t d p b s; q k,
 * z j, f p, w v, x ks; c before e i y as s, else k; -tion as sn; m before a stop as n;
 * y only at the start of a word; vowels dropped but a word-initial vowel kept as 'a';
 * doubled letters once; a final plural s dropped from keys of four or more letters.
 */
export function latinKey(word: string): string {
  const symbols = latinSymbols(word);
  let out = '';
  for (const [i, s] of symbols.entries()) {
    if (/[AEIOU]/.test(s)) {
      if (i === 0) out += 'a';
    } else out += s;
  }
  const key = collapse(out);
  return key.length >= 4 && key.endsWith('s') && !/[0-9]/.test(key) ? key.slice(0, -1) : key;
}

/**
 * The vowel-aware key of a Latin spelling: the skeleton's consonants with vowel classes
 * between them (a; e for e/ai/ay; i for i/ee/ea/y; o for o/au; u for u/oo/ou), so that
 * `mulaqaat`, `mulakat` and मुलाकात (read as mulakat) agree, while peace (`pise`) and
 * paas (`pas`) do not.
 */
export function vowelKey(word: string): string {
  return collapse(latinSymbols(word).join('').toLowerCase());
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

// ---------------------------------------------------------------------------------------
// Words → keys

/** What the pipeline indexes for one word. */
export interface WordKeys {
  /** Skeleton keys: the word's own, then its Latin spelling's when that differs. */
  readonly keys: readonly string[];
  /** The vowel-aware key, for ranking. */
  readonly vowel: string;
  /** Letters in the word's Latin form: typo tolerance applies from five. */
  readonly letters: number;
}

// transliterateWord is the costly step; a site's vocabulary is bounded, so it is memoized.
const TRANSLITERATIONS = new Map<string, string>();
const MAX_MEMO = 200_000;

function transliterate(word: string): string {
  let latin = TRANSLITERATIONS.get(word);
  if (latin === undefined) {
    latin = transliterateWord(word).replace(/-/g, '');
    if (TRANSLITERATIONS.size >= MAX_MEMO) TRANSLITERATIONS.clear();
    TRANSLITERATIONS.set(word, latin);
  }
  return latin;
}

/** Keys of one folded word of the given script (see `foldWord`, `scriptOf`). */
export function wordKeys(folded: string, script: Script): WordKeys | null {
  switch (script) {
    case 'devanagari': {
      const stem = stemHindi(folded);
      const own = devanagariKey(stem);
      const latin = transliterate(folded);
      const stemLatin = stem === folded ? latin : transliterate(stem);
      const spelt = stemLatin === '' ? '' : latinKey(stemLatin);
      const keys = [own, spelt].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
      return keys.length === 0 ? null : { keys, vowel: vowelKey(latin) || own, letters: latin.length };
    }
    case 'latin': {
      const key = latinKey(folded);
      return key === '' ? null : { keys: [key], vowel: vowelKey(folded), letters: folded.length };
    }
    case 'number':
      return { keys: [folded], vowel: folded, letters: folded.length };
    case 'mixed': {
      // जी20, 5वीं, covid19: each run by its own rules, joined.
      let key = '';
      let vowel = '';
      for (const run of folded.match(/[0-9]+|[a-z]+|[^0-9a-z]+/g) ?? []) {
        if (/^[0-9]/.test(run)) {
          key += run;
          vowel += run;
        } else if (/^[a-z]/.test(run)) {
          key += latinKey(run);
          vowel += vowelKey(run);
        } else {
          key += devanagariKey(run);
          vowel += vowelKey(transliterate(run));
        }
      }
      return key === '' ? null : { keys: [key], vowel, letters: vowel.length };
    }
    case 'other':
      return folded === '' ? null : { keys: [folded], vowel: folded, letters: [...folded].length };
  }
}

// ---------------------------------------------------------------------------------------
// Typos

const KEY_ALPHABET = 'abcdghjklmnprstvy';

/**
 * Every skeleton one edit away from `key` (a letter deleted, inserted, replaced, or two
 * neighbours swapped), for typo tolerance: the search looks these up in the index's
 * lexicon and keeps those that exist.
 */
export function editVariants(key: string): string[] {
  if (!/^[a-z0-9]+$/.test(key)) return [];
  const out = new Set<string>();
  for (let i = 0; i <= key.length; i++) {
    const head = key.slice(0, i);
    const tail = key.slice(i);
    if (tail !== '') out.add(head + tail.slice(1));
    if (tail.length >= 2) out.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of KEY_ALPHABET) {
      if (c === 'a' && i > 0) continue; // 'a' only starts a key
      out.add(head + c + tail);
      if (tail !== '') out.add(head + c + tail.slice(1));
    }
  }
  out.delete(key);
  return [...out].filter((k) => k !== '' && collapse(k) === k);
}

/** Edit distance with adjacent transpositions counted as one edit (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return b.length;
  if (b === '') return a.length;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((rows[i - 1]![j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]![j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]![j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]![b.length] ?? 0;
}

/** How alike two vowel keys are: 1 for equal, falling with the edit distance, 0 at worst. */
export function vowelSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : Math.max(0, 1 - editDistance(a, b) / longest);
}
