/**
 * URL slugs from Hindi, English or mixed headlines.
 *
 * The goal is the slug a Hindi reader would type, not a reversible scheme: no diacritics,
 * long and short vowels spelt alike (आ → a, ई → i, ऊ → u), English loanwords in their
 * English spelling (`transliterate-lexicon.ts`), and Hindi's unwritten-but-silent inherent
 * 'a' (schwa) dropped the way speakers drop it: कमल kamal, सोमवार somvar, बदलना badalna.
 *
 * Conventions (kept deliberately few, so editors can predict the result):
 * - Long vowels are not doubled; a short table (`HINDI_WORDS`) fixes the handful of
 *   common words where that would read as another word (साल saal, बाद baad, में mein).
 * - व is 'v', but 'w' after a consonant in a cluster (स्वागत swagat, विश्व vishwa).
 * - Anusvara/chandrabindu are 'n', 'm' before प फ ब भ म (संबंध sambandh) and in सं- before व
 *   (संवाद samvad); a nasal आ before a final व is 'ao' (गांव gaon).
 * - Nukta letters take their borrowed sound: ज़ z, फ़ f, क़ k, ड़ d, ढ़ dh; फ closing a syllable
 *   is 'f' even without nukta (मुफ्त muft). Visarga is silent.
 * - ए after a vowel is 'ye' (गए gaye, लिए liye). ज्ञ is 'gy' (ज्ञान gyan).
 */
import {
  ABBREVIATIONS,
  HINDI_WORDS,
  LETTER_NAMES,
  LOANWORDS,
  PROPER_NOUNS,
} from './transliterate-lexicon.ts';
import { CONSONANT_LATIN, MATRA_LATIN, NUKTA, NUKTA_CONSONANT_LATIN, VIRAMA, VOWEL_LATIN } from './devanagari-latin.ts';

export interface SlugOptions {
  /** Longest slug allowed (default 80); cut at a word boundary. */
  maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 80;

export function slugify(text: string, options?: SlugOptions): string {
  const maxLength = options?.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!(maxLength >= 1)) throw new RangeError(`slugify: maxLength must be at least 1, got ${maxLength}`);
  return truncate(slugWords(text), Math.floor(maxLength));
}

/**
 * Romanizes one Devanagari word (lexicon first, then the phonetic rules). Anything else in
 * the input is treated as `slugify` treats it, so the result is always lowercase ASCII
 * letters and digits, with '-' only between words.
 */
export function transliterateWord(word: string): string {
  return slugWords(word).join('-');
}

// ---------------------------------------------------------------------------------------
// Tokenizing

function truncate(words: readonly string[], max: number): string {
  let out = '';
  for (const word of words) {
    const next = out === '' ? word : `${out}-${word}`;
    if (next.length > max) return out === '' ? word.slice(0, max) : out;
    out = next;
  }
  return out;
}


// NFC keeps these as base + nukta (they are composition exclusions) but older text and some
// keyboards still produce the precomposed forms, so both must reach the parser alike.
const PRECOMPOSED_NUKTA: Readonly<Record<string, string>> = {
  '\u0929': 'न' + NUKTA,
  '\u0931': 'र' + NUKTA,
  '\u0934': 'ळ' + NUKTA,
  '\u0958': 'क' + NUKTA,
  '\u0959': 'ख' + NUKTA,
  '\u095A': 'ग' + NUKTA,
  '\u095B': 'ज' + NUKTA,
  '\u095C': 'ड' + NUKTA,
  '\u095D': 'ढ' + NUKTA,
  '\u095E': 'फ' + NUKTA,
  '\u095F': 'य' + NUKTA,
};

/** Unicode normalization and the script-independent clean-up shared by every entry point. */
function prepare(text: string): string {
  return (
    text
      .normalize('NFC')
      // A zero-width space marks a word break; the joiners only shape glyphs (half forms,
      // emoji sequences) and would otherwise split or glue words unpredictably.
      .replace(/\u200B/g, ' ')
      .replace(/[\u00AD\u200C\u200D\u2060\uFEFF]/g, '')
      .replace(/[\u0929\u0931\u0934\u0958-\u095F]/g, (c) => PRECOMPOSED_NUKTA[c] ?? c)
      .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
      // जी is the honorific "ji", except glued to a number: जी20, जी-20, 5जी.
      .replace(/(?<![\u0900-\u097F])जी(?=-?[0-9])/g, 'G')
      .replace(/(?<=[0-9])जी(?![\u0900-\u097F])/g, 'G')
      // U.S. → us rather than u-s; India's → indias rather than india-s.
      .replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
      .replace(/(?<=[A-Za-z\u00C0-\u024F])['’ʼ](?=[A-Za-z\u00C0-\u024F])/g, '')
  );
}

function isDevanagari(cp: number): boolean {
  // Danda, double danda and the abbreviation sign are punctuation, hence separators.
  if (cp === 0x0964 || cp === 0x0965 || cp === 0x0970) return false;
  return (cp >= 0x0900 && cp <= 0x097f) || (cp >= 0xa8e0 && cp <= 0xa8ff) || (cp >= 0x1cd0 && cp <= 0x1cff);
}

// Latin letters that NFKD does not decompose into an ASCII base.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h',
};

/** ASCII for a letter or digit, or '' when it has none (another script). */
function asciiFold(ch: string): string {
  const special = LATIN_SPECIAL[ch];
  if (special !== undefined) return special;
  return ch
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

interface Run {
  devanagari: boolean;
  text: string;
}

/** The slug's words: lowercase ASCII letters and digits, in order. */
function slugWords(text: string): string[] {
  const tokens: Run[][] = [];
  let token: Run[] = [];
  const flush = (): void => {
    if (token.length > 0) tokens.push(token);
    token = [];
  };
  const append = (devanagari: boolean, s: string): void => {
    const last = token.at(-1);
    if (last !== undefined && last.devanagari === devanagari) last.text += s;
    else token.push({ devanagari, text: s });
  };

  for (const ch of prepare(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isDevanagari(cp)) {
      append(true, ch);
    } else if (/\p{M}/u.test(ch)) {
      // A stray combining mark (e.g. an accent NFC could not compose) belongs to its letter.
      continue;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      const folded = asciiFold(ch);
      // Letters of scripts we cannot romanize (Urdu, Chinese…) separate words, like spaces.
      if (folded === '') flush();
      else append(false, folded);
    } else {
      flush();
    }
  }
  flush();

  const words: string[] = [];
  for (const runs of tokens) {
    const joined = runs.map((r) => (r.devanagari ? transliterateDevanagari(r.text) : r.text)).join('');
    for (const w of joined.split(/[^a-z0-9]+/)) if (w !== '') words.push(w);
  }
  return words;
}

// ---------------------------------------------------------------------------------------
// Lexicon

/**
 * The spelling-insensitive form used for lexicon lookups: nukta dropped (फ़ोन = फोन),
 * chandrabindu as anusvara (माँ = मां), and a half nasal before a stop as anusvara
 * (फ्रेण्ड = फ्रेंड, कम्पनी = कंपनी), the three variations common in news copy.
 */
function lexiconKey(word: string): string {
  return word
    .replace(/\u093C/g, '')
    .replace(/\u0901/g, '\u0902')
    .replace(/(?<=.)[ङञणनम]्(?=[\u0915-\u092E])/gu, '\u0902');
}

function keyedMap(...tables: Readonly<Record<string, string>>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const table of tables) {
    for (const [word, latin] of Object.entries(table)) map.set(lexiconKey(prepare(word)), latin);
  }
  return map;
}

const LEXICON = keyedMap(LOANWORDS, PROPER_NOUNS, ABBREVIATIONS);
const COMMON = keyedMap(HINDI_WORDS);
const LETTERS = keyedMap(LETTER_NAMES);

// Hindi plural endings on English nouns: लीडर्स, फैंस, टीमों, फिल्में, कंपनियां, फोटोज़.
// Each ending lists what to put back to find the singular in the lexicon.
const PLURAL_ENDINGS: readonly (readonly [string, readonly string[]])[] = [
  ['्स', ['']],
  ['ंस', ['न']],
  ['ियों', ['ी']],
  ['ियां', ['ी']],
  ['ों', ['', 'ा']],
  ['ें', ['']],
  ['ोज', ['ो']],
  ['ीज', ['ी']],
];

function englishPlural(latin: string): string {
  if (/s$/.test(latin)) return latin; // news, series, tips: already plural or invariable
  if (/(x|z|ch|sh)$/.test(latin)) return `${latin}es`;
  if (/[^aeiou]y$/.test(latin)) return `${latin.slice(0, -1)}ies`;
  return `${latin}s`;
}

function lookup(key: string): string | undefined {
  const known = COMMON.get(key) ?? LEXICON.get(key);
  if (known !== undefined) return known;
  for (const [ending, restores] of PLURAL_ENDINGS) {
    if (key.length <= ending.length || !key.endsWith(ending)) continue;
    for (const restore of restores) {
      const singular = LEXICON.get(key.slice(0, -ending.length) + restore);
      if (singular !== undefined) return englishPlural(singular);
    }
  }
  return undefined;
}

/** बीजेपी → bjp: a word made entirely of three or more English letter names. */
function spellAbbreviation(key: string): string | undefined {
  const memo = new Map<number, string[] | null>();
  const from = (i: number): string[] | null => {
    if (i === key.length) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let found: string[] | null = null;
    for (const [name, letter] of LETTERS) {
      if (!key.startsWith(name, i)) continue;
      const rest = from(i + name.length);
      if (rest !== null) {
        found = [letter, ...rest];
        break;
      }
    }
    memo.set(i, found);
    return found;
  };
  const letters = from(0);
  // Two letter names are too often a Hindi word as well (बीवी, सीटी); those are listed.
  return letters !== null && letters.length >= 3 ? letters.join('') : undefined;
}

// Second halves of compounds whose boundary the schwa rule cannot see: लोकसभा would
// otherwise come out "lokasbha", लखपति "lakhapti", रामनगर "ramangar".
const COMPOUND_TAILS = ['सभा', 'पति', 'नगर'] as const;

function transliterateDevanagari(word: string): string {
  const key = lexiconKey(word);
  const known = lookup(key) ?? spellAbbreviation(key);
  if (known !== undefined) return known;
  for (const tail of COMPOUND_TAILS) {
    const head = word.slice(0, -tail.length);
    if (word.endsWith(tail) && head !== '' && !head.endsWith(VIRAMA)) {
      return transliterateDevanagari(head) + phonetic(tail);
    }
  }
  return phonetic(word);
}

// ---------------------------------------------------------------------------------------
// Phonetic rules

// The letters' spellings are shared with search's phonetic keys (devanagari-latin.ts).
const CONSONANTS = CONSONANT_LATIN;
const NUKTA_CONSONANTS = NUKTA_CONSONANT_LATIN;
const VOWELS = VOWEL_LATIN;
const MATRAS = MATRA_LATIN;

const NASALS = new Set(['\u0900', '\u0901', '\u0902']);
const SHORT_SIGNS = new Set(['अ', 'इ', 'उ', 'ऋ', 'ऌ', 'ि', 'ु', 'ृ', 'ॢ']);
const LABIALS = new Set(['प', 'फ', 'ब', 'भ', 'म', 'व']);
// A word-final cluster keeps its 'a' when it ends in a semivowel or nasal: मित्र mitra,
// राज्य rajya, विश्व vishwa, रत्न ratna, यज्ञ yagya; but धर्म dharm, शब्द shabd.
const FINAL_CLUSTER_KEEPS_A = new Set(['र', 'य', 'व', 'ल', 'ण', 'न', 'ञ']);

interface Unit {
  /** Devanagari base letter (consonant or independent vowel). */
  letter: string;
  consonant: boolean;
  roman: string;
  /** Romanized vowel; null for a consonant with virama (first half of a cluster). */
  vowel: string | null;
  /** The vowel is the inherent 'a', a candidate for deletion. */
  schwa: boolean;
  /** The vowel is written long (आ ई ऊ ए ऐ ओ औ ऑ), which the romanization hides. */
  long: boolean;
  deleted: boolean;
  nasal: boolean;
  /** A consonant directly after a virama: the second half of a cluster. */
  clustered: boolean;
}

function parse(word: string): Unit[] {
  const units: Unit[] = [];
  const chars = Array.from(word);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const last = units.at(-1);
    const consonant = CONSONANTS[ch];
    if (consonant !== undefined) {
      let roman = consonant;
      if (chars[i + 1] === NUKTA) {
        roman = NUKTA_CONSONANTS[ch] ?? roman;
        i++;
      }
      units.push({
        letter: ch, consonant: true, roman, vowel: 'a', schwa: true, long: false, deleted: false, nasal: false,
        clustered: last !== undefined && last.consonant && last.vowel === null,
      });
      continue;
    }
    const matra = MATRAS[ch];
    if (matra !== undefined) {
      if (last !== undefined && last.consonant && last.schwa) {
        last.vowel = matra;
        last.schwa = false;
        last.long = !SHORT_SIGNS.has(ch);
      } else {
        units.push(vowelUnit(ch, matra));
      }
      continue;
    }
    const vowel = VOWELS[ch];
    if (vowel !== undefined) {
      units.push(vowelUnit(ch, vowel));
    } else if (ch === VIRAMA) {
      if (last !== undefined && last.consonant && last.schwa) {
        last.vowel = null;
        last.schwa = false;
      }
    } else if (NASALS.has(ch)) {
      if (last !== undefined && last.vowel !== null) last.nasal = true;
    }
    // Visarga, avagraha, Vedic accents and stray nuktas are silent in a slug.
  }
  return units;
}

function vowelUnit(letter: string, vowel: string): Unit {
  return {
    letter, consonant: false, roman: '', vowel, schwa: false, long: !SHORT_SIGNS.has(letter),
    deleted: false, nasal: false, clustered: false,
  };
}

function hasVowel(u: Unit): boolean {
  return u.vowel !== null && !u.deleted;
}

/**
 * After a short a or i the anusvara is a real consonant (सं-गठन, ज़िं-दगी), so dropping the
 * next schwa would stack three consonants. After a long vowel, or u, it only nasalizes the
 * vowel (जांचने janchne, पहुंचने pahunchne, कुंडली kundli) and does not count.
 */
function nasalConsonant(u: Unit): boolean {
  return u.nasal && !u.long && (u.vowel === 'a' || u.vowel === 'i');
}

/**
 * Hindi schwa deletion: a → ∅ in the context VC_CV, scanning right to left so that two
 * neighbouring schwas are never both dropped (बदलना badalna, not badlna), plus the
 * word-final schwa. Extra guards keep the 'a' where dropping it would stack three
 * consonants (after a nasal consonant: संगठन sangathan, ज़िंदगी zindagi) or break a compound
 * after a cluster (राष्ट्रपति rashtrapati, मित्रता mitrata).
 */
function deleteSchwas(units: Unit[]): void {
  const last = units.at(-1);
  const voweled = units.filter((u) => u.vowel !== null).length;
  if (last !== undefined && last.consonant && last.schwa && !last.nasal && voweled > 1) {
    const before = units.at(-2);
    const keep =
      (last.clustered && FINAL_CLUSTER_KEEPS_A.has(last.letter)) ||
      // भारतीय bhartiya, प्रिय priya: -iya is never clipped to -iy.
      (last.letter === 'य' && before !== undefined && before.vowel === 'i');
    if (!keep) last.deleted = true;
  }
  for (let i = units.length - 2; i >= 1; i--) {
    const u = units[i];
    const prev = units[i - 1];
    const next = units[i + 1];
    if (u === undefined || prev === undefined || next === undefined) continue;
    if (!u.consonant || !u.schwa || u.nasal || u.deleted || u.clustered) continue;
    if (!hasVowel(prev) || nasalConsonant(prev)) continue;
    if (prev.consonant && prev.schwa && prev.clustered) continue;
    if (!next.consonant || !hasVowel(next)) continue;
    u.deleted = true;
  }
}

function phonetic(word: string): string {
  const units = parse(word);
  deleteSchwas(units);
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (u === undefined) continue;
    const prev = units[i - 1];
    const next = units[i + 1];
    if (u.consonant) {
      out += consonantRoman(u, prev, next);
      if (hasVowel(u)) out += u.vowel;
    } else if (u.letter === 'ए' && prev !== undefined && hasVowel(prev)) {
      out += 'ye';
    } else {
      out += u.vowel ?? '';
    }
    if (u.nasal) out += nasalRoman(u, next, units[i + 2]);
    if (u.nasal && isFinalNasalV(u, next, units[i + 2])) i++;
  }
  return out;
}

// गांव, छांव, पांव: a nasal ā before a final व is read "aon" (gaon), the usual spelling.
function isFinalNasalV(u: Unit, next: Unit | undefined, after: Unit | undefined): boolean {
  return u.long && u.vowel === 'a' && next?.letter === 'व' && !hasVowel(next) && after === undefined;
}

function nasalRoman(u: Unit, next: Unit | undefined, after: Unit | undefined): string {
  if (isFinalNasalV(u, next, after)) return 'on';
  if (next === undefined || !next.consonant || !LABIALS.has(next.letter)) return 'n';
  // Before व only the Sanskrit सं- reads 'm' (संवाद samvad); elsewhere व is not a labial stop.
  return next.letter !== 'व' || u.schwa ? 'm' : 'n';
}

function consonantRoman(u: Unit, prev: Unit | undefined, next: Unit | undefined): string {
  if (u.letter === 'व' && u.clustered) return 'w';
  // ज्ञ is pronounced "gy" in Hindi: ज्ञान gyan, विज्ञान vigyan.
  if (u.letter === 'ज' && u.vowel === null && next?.letter === 'ञ') return 'g';
  if (u.letter === 'ञ' && u.clustered && prev?.letter === 'ज') return 'y';
  // च्छ: स्वच्छ swachh, इच्छा ichha, rather than "swachchh".
  if (u.letter === 'च' && u.vowel === null && next?.letter === 'छ') return '';
  // फ closing a syllable is the Perso-Arabic f, nukta or not (मुफ्त muft, साफ saf, हफ्ता);
  // Sanskrit-Hindi has almost no फ there, while फल, फिर keep their 'ph'.
  if (u.letter === 'फ' && !hasVowel(u) && !u.clustered) return 'f';
  return u.roman;
}
