/**
 * Word families and compounds, at query time only (the index keeps the light stemmer's
 * keys, so no reindex is needed): a query word also searches, at a lower weight, the other
 * forms of its verb (बढ़ना, बढ़ा, बढ़ती, बढ़ने, बढ़ोतरी all meet), and a compound from the list
 * is also searched written apart (प्रधानमंत्री = प्रधान मंत्री). The search service keeps only
 * the forms the index holds.
 *
 * Rules (each with a test in derive.test.ts), on a folded Devanagari word:
 * 1. Root: one derivational ending is removed, longest first: `ोतरी` (बढ़ोतरी), `ाई` (पढ़ाई,
 *    लड़ाई), `ना ने नी` (infinitive: बढ़ना, बढ़ने), `ती ते` (present participle: बढ़ती), else the
 *    light stemmer's `ा ी े` (बढ़ा); only the longest ending that fits is tried. A word ending
 *    in `-ता` has no root here (जनता, क्षमता, सफलता, नेता are nouns), nor does `-पन`.
 * 2. Not over-stripping: the root keeps at least two consonants and does not end in a virama
 *    or a vowel sign: सेना, भाई, ताना stay whole (one consonant left); नेता is no verb.
 * 3. Family: the root with `ा ी े ना ने नी ती ते ोतरी ाई` (and itself).
 */

const CONSONANT = /[\u0915-\u0939\u0958-\u095F]/g;
const VIRAMA = '\u094D';
const VOWEL_SIGN = /[\u093E-\u094C]$/;

/** Longest first. */
const DERIVATIONAL = ['ोतरी', 'ाई', 'ना', 'ने', 'नी', 'ती', 'ते', 'ा', 'ी', 'े'] as const;
const FAMILY = ['', 'ा', 'ी', 'े', 'ना', 'ने', 'नी', 'ती', 'ते', 'ोतरी', 'ाई'] as const;

function consonants(s: string): number {
  return s.match(CONSONANT)?.length ?? 0;
}

/** The verb root of a folded Devanagari word, or null when none can be taken safely. */
export function verbRoot(word: string): string | null {
  if (!/^[\u0900-\u097F]+$/.test(word) || word.endsWith('ता')) return null;
  // Only the longest ending that fits is tried: if its root is unsafe, the word has none
  // (सेना is not सेन + ा).
  const ending = DERIVATIONAL.find((e) => word.endsWith(e));
  if (ending === undefined) return null;
  const root = word.slice(0, -ending.length);
  return consonants(root) >= 2 && !root.endsWith(VIRAMA) && !VOWEL_SIGN.test(root) ? root : null;
}

/** The other forms of a word's family (without the word itself); empty when it has no safe root. */
export function wordFamily(word: string): string[] {
  const root = verbRoot(word);
  if (root === null) return [];
  return FAMILY.map((e) => root + e).filter((f) => f !== word);
}

/**
 * Compounds a story may write joined or apart (folded spelling). A short list of the
 * commonest in news; joining adjacent query words covers the rest in one direction.
 */
const COMPOUNDS: ReadonlyMap<string, readonly [string, string]> = new Map(
  (
    [
      ['प्रधानमंत्री', 'प्रधान', 'मंत्री'],
      ['मुख्यमंत्री', 'मुख्य', 'मंत्री'],
      ['उपमुख्यमंत्री', 'उपमुख्य', 'मंत्री'],
      ['विधानसभा', 'विधान', 'सभा'],
      ['लोकसभा', 'लोक', 'सभा'],
      ['राज्यसभा', 'राज्य', 'सभा'],
      ['रेलमंत्री', 'रेल', 'मंत्री'],
      ['गृहमंत्री', 'गृह', 'मंत्री'],
      ['वित्तमंत्री', 'वित्त', 'मंत्री'],
      ['विदेशमंत्री', 'विदेश', 'मंत्री'],
      ['राष्ट्रपति', 'राष्ट्र', 'पति'],
      ['उपराष्ट्रपति', 'उप', 'राष्ट्रपति'],
      ['जिलाधिकारी', 'जिला', 'अधिकारी'],
      ['पुलिसकर्मी', 'पुलिस', 'कर्मी'],
      ['सफाईकर्मी', 'सफाई', 'कर्मी'],
      ['हाईकोर्ट', 'हाई', 'कोर्ट'],
      ['सुप्रीमकोर्ट', 'सुप्रीम', 'कोर्ट'],
      ['नगरनिगम', 'नगर', 'निगम'],
      ['बसस्टैंड', 'बस', 'स्टैंड'],
      ['बॉक्सऑफिस', 'बॉक्स', 'ऑफिस'],
    ] as const
  ).map(([joined, a, b]) => [joined, [a, b] as const]),
);

/** The two parts of a listed compound (folded spelling), or null. */
export function compoundParts(word: string): readonly [string, string] | null {
  return COMPOUNDS.get(word) ?? null;
}
