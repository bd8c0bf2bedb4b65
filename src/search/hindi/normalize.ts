/**
 * Normalization: what every piece of text goes through before it is split into words
 * (`cleanText`), and the per-word spelling folds (`foldWord`). Rules, with examples, are
 * in README.md; each has a test in normalize.test.ts. Pure: no I/O.
 */

const NUKTA = '\u093C';

// Characters that change nothing a reader sees (or only how letters join), so they must
// never decide whether two spellings match: soft hyphen, combining grapheme joiner,
// Arabic letter mark, Mongolian/Khmer fillers, zero-width space/joiner/non-joiner, the
// bidi marks, embeddings, overrides and isolates, word joiner and invisible operators,
// variation selectors, the byte order mark, halfwidth filler and interlinear annotation.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/g;

// Control characters become spaces (a tab or newline is already a space to us).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// A lone surrogate (a broken UTF-16 string, e.g. from a JSON body) and the replacement
// character (what a decoder makes of invalid UTF-8) carry no letter: a space.
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/g;

// NFC keeps ऩ ऱ ऴ precomposed while क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ are composition exclusions (NFC
// decomposes them). Both kinds are written as base + nukta, so one rule folds them all.
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

/**
 * The text as the pipeline reads it: broken code units and control characters as spaces,
 * invisible characters removed, NFC, nukta letters decomposed, Devanagari digits as ASCII.
 * Offsets of tokens refer to this string (snippets are cut from it).
 */
export function cleanText(text: string): string {
  return text
    .replace(BROKEN, ' ')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .normalize('NFC')
    .replace(/[\u0929\u0931\u0934\u0958-\u095F]/g, (c) => PRECOMPOSED_NUKTA[c] ?? c)
    .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

export type Script = 'devanagari' | 'latin' | 'number' | 'mixed' | 'other';

const DEVANAGARI_WORD = /^[\u0900-\u0963\u0971-\u097F\uA8E0-\uA8FF\u1CD0-\u1CFF]+$/;
const LATIN_WORD = /^[a-z]+$/;
const NUMBER_WORD = /^[0-9]+$/;

/** Which rules apply to a folded word. */
export function scriptOf(folded: string): Script {
  if (DEVANAGARI_WORD.test(folded)) return 'devanagari';
  if (LATIN_WORD.test(folded)) return 'latin';
  if (NUMBER_WORD.test(folded)) return 'number';
  if (/^[a-z0-9\u0900-\u0963\u0971-\u097F]+$/.test(folded)) return 'mixed';
  return 'other';
}

// Latin letters that NFKD does not decompose into an ASCII base.
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd',
  ð: 'd', Ð: 'd', ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h',
};

/** Latin: lowercase, accents off (Café → cafe), apostrophes and other marks dropped. */
function foldLatinRun(run: string): string {
  let out = '';
  for (const ch of run) {
    const special = LATIN_SPECIAL[ch];
    if (special !== undefined) out += special;
    else out += ch.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  }
  return out;
}

/**
 * Devanagari spelling folds, in order:
 * 1. nukta removed: मुलाक़ात → मुलाकात, ज़मीन → जमीन;
 * 2. chandrabindu (and inverted chandrabindu) → anusvara: पहुँचे → पहुंचे;
 * 3. a nasal consonant + virama before a stop or nasal → anusvara: सम्बन्ध → संबंध, हिन्दी → हिंदी;
 * 4. the glide inside a word: ये → ए, यी → ई after a letter or vowel sign (गये → गए,
 *    नयी → नई, लिये → लिए, आये → आए), never at the start (ये stays ये);
 * 5. visarga removed: दुःख → दुख.
 */
export function foldDevanagari(word: string): string {
  return word
    .replace(/\u093C/g, '')
    .replace(/[\u0900\u0901]/g, '\u0902')
    .replace(/(?<=.)[ङञणनम]्(?=[\u0915-\u092E])/gu, '\u0902')
    .replace(/(?<=[\u0915-\u0939\u093E-\u094C\u0905-\u0914])य([\u0947\u0940])/g, (_m, sign: string) => (sign === '\u0947' ? 'ए' : 'ई'))
    .replace(/\u0903/g, '');
}

function isDevanagariChar(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (cp >= 0x0900 && cp <= 0x097f) || (cp >= 0xa8e0 && cp <= 0xa8ff) || (cp >= 0x1cd0 && cp <= 0x1cff);
}

/**
 * One word (a token of cleaned text) in the form keys are made from: Devanagari runs
 * folded (see `foldDevanagari`), Latin runs lowercased without accents, other scripts
 * NFKC-lowercased. Punctuation inside the word (apostrophes, dots) is dropped.
 */
export function foldWord(word: string): string {
  let out = '';
  let run = '';
  let runDevanagari = false;
  const flush = () => {
    if (run === '') return;
    out += runDevanagari ? foldDevanagari(run) : foldOther(run);
    run = '';
  };
  for (const ch of word) {
    const dev = isDevanagariChar(ch);
    if (run !== '' && dev !== runDevanagari) flush();
    runDevanagari = dev;
    run += ch;
  }
  flush();
  return out;
}

function foldOther(run: string): string {
  // Latin with accents, digits and apostrophes: the ASCII fold.
  if (/^[\p{Script=Latin}\p{N}\p{M}'’ʼ.\-_]+$/u.test(run)) return foldLatinRun(run);
  // Any other script: compatibility-normalized and lowercased, letters, marks and digits only.
  return run.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}
