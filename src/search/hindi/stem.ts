/**
 * A light Hindi stemmer: removes one inflectional ending (plural and oblique case of
 * nouns, gender and number of adjectives and participles, the English plural written
 * in Devanagari), so that खबर/खबरें, लड़का/लड़की/लड़कों, नेता/नेताओं, कंपनी/कंपनियां,
 * पहुंचा/पहुंचे and लीडर/लीडर्स meet. It never derives (no -ता, -ना, -पन), because those
 * endings are also the ends of common nouns (जनता, घटना, सेना).
 *
 * Guard against over-stripping: an ending is removed only when at least two letters
 * (consonants or independent vowels) remain and the stem does not end in a virama,
 * so short words stay whole: बड़ा → बड़ (two letters left), but ना, ने, की stay as they are and
 * सत्ता is not cut to सत्.
 */

// Longest first; each is tried in this order and the first that fits wins.
const SUFFIXES = [
  'ाइयों', 'ाइयां',
  'ियों', 'ियां', 'ाओं', 'ाएं', 'ुओं', 'ुएं',
  'ओं', 'एं', 'ों', 'ें', 'ीं', 'ां', '्स',
  'ा', 'ी', 'े',
] as const;

const LETTER = /[\u0904-\u0939\u0958-\u0961\u0972-\u097F]/g;
const VIRAMA = '\u094D';

function letterCount(s: string): number {
  return s.match(LETTER)?.length ?? 0;
}

/** The stem of a folded Devanagari word (see `foldDevanagari`); other words are returned as they are. */
export function stemHindi(word: string): string {
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (letterCount(stem) >= 2 && !stem.endsWith(VIRAMA)) return stem;
  }
  return word;
}
