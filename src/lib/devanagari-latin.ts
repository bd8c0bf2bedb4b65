/**
 * The one Devanagari ↔ Latin letter table. Slugs (`slug.ts`) spell each letter with it, and
 * search's phonetic keys (`search/hindi/phonetic.ts`) take each letter's skeleton from the
 * same spelling, so a slug and a search key never disagree about a letter.
 *
 * Rules, once:
 * - Consonants: the Latin a Hindi reader would type, aspiration as a following h
 *   (ख kh, भ bh), retroflex and dental alike (ट/त t, ड/द d, ण/न n), श and ष both sh, च ch,
 *   छ chh; a nukta letter takes its borrowed sound (ज़ z, फ़ f, क़ k).
 * - Vowels (independent and signs): long and short alike (आ/अ a, ई/इ i, ऊ/उ u), ए e,
 *   ऐ ai, ओ o, औ au, ऑ o, ऋ ri, ऌ li.
 * - The skeleton of a letter (`skeletonOf`) is the first Latin letter of its spelling: kh → k,
 *   chh → c, sh → s, ri → r. So search keys are the slug spelling with aspiration, vowels
 *   and the rest of each digraph dropped.
 * What is spelled around the letters (the inherent 'a' and its deletion, anusvara, clusters,
 * the loanword lexicon) stays with each user: slug.ts for slugs, phonetic.ts for keys.
 */

export const NUKTA = '\u093C';
export const VIRAMA = '\u094D';
export const ANUSVARA = '\u0902';

export const CONSONANT_LATIN: Readonly<Record<string, string>> = {
  'क': 'k', 'ख': 'kh', 'ग': 'g', 'घ': 'gh', 'ङ': 'n',
  'च': 'ch', 'छ': 'chh', 'ज': 'j', 'झ': 'jh', 'ञ': 'n',
  'ट': 't', 'ठ': 'th', 'ड': 'd', 'ढ': 'dh', 'ण': 'n',
  'त': 't', 'थ': 'th', 'द': 'd', 'ध': 'dh', 'न': 'n',
  'प': 'p', 'फ': 'ph', 'ब': 'b', 'भ': 'bh', 'म': 'm',
  'य': 'y', 'र': 'r', 'ल': 'l', 'ळ': 'l', 'व': 'v',
  'श': 'sh', 'ष': 'sh', 'स': 's', 'ह': 'h',
};

/** A consonant followed by a nukta. */
export const NUKTA_CONSONANT_LATIN: Readonly<Record<string, string>> = {
  'क': 'k', 'ख': 'kh', 'ग': 'g', 'ज': 'z', 'ड': 'd', 'ढ': 'dh', 'फ': 'f', 'य': 'y',
};

export const VOWEL_LATIN: Readonly<Record<string, string>> = {
  'अ': 'a', 'आ': 'a', 'इ': 'i', 'ई': 'i', 'उ': 'u', 'ऊ': 'u', 'ऋ': 'ri', 'ॠ': 'ri',
  'ऌ': 'li', 'ॡ': 'li', 'ऍ': 'e', 'ऎ': 'e', 'ए': 'e', 'ऐ': 'ai', 'ऑ': 'o', 'ऒ': 'o',
  'ओ': 'o', 'औ': 'au', 'ॲ': 'e', 'ॐ': 'om',
};

export const MATRA_LATIN: Readonly<Record<string, string>> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'ॄ': 'ri', 'ॢ': 'li',
  'ॣ': 'li', 'ॅ': 'e', 'ॆ': 'e', 'े': 'e', 'ै': 'ai', 'ॉ': 'o', 'ॊ': 'o', 'ो': 'o',
  'ौ': 'au', 'ॏ': 'au',
};

/** The skeleton letter of a spelling: its first Latin letter (kh → k, sh → s, ri → r). */
export function skeletonOf(latin: string): string {
  return latin.charAt(0);
}

/** A table's spellings reduced to skeleton letters. */
export function skeletonTable(table: Readonly<Record<string, string>>, only?: readonly string[]): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [letter, latin] of Object.entries(table)) if (!only || only.includes(letter)) out[letter] = skeletonOf(latin);
  return out;
}
