/**
 * Splitting cleaned text into words with `Intl.Segmenter('hi', { granularity: 'word' })`,
 * which keeps Devanagari words whole (vowel signs, virama and nukta included) and also
 * segments scripts written without spaces.
 *
 * Speed: the segmenter costs about 0.2 µs a character on short strings and grows worse
 * than linearly on long ones, which would make reindexing a large site slow. So text is
 * first cut at whitespace, and a chunk made only of Devanagari letters and signs, or only
 * of ASCII letters and digits, is taken as one word without asking the segmenter (it
 * would answer the same: tokenize.test.ts checks this on the whole demo corpus). Only
 * chunks with punctuation, mixed scripts or other scripts are segmented.
 */

export interface Token {
  /** The word as it appears in the (cleaned) text. */
  readonly text: string;
  /** UTF-16 offsets of the word in the cleaned text. */
  readonly start: number;
  readonly end: number;
  /**
   * Word position. Consecutive words differ by 1; across a sentence end (। ॥ . ? ! ; : or
   * a line break) the position skips one, so a phrase never matches across sentences.
   */
  readonly position: number;
}

const SEGMENTER = new Intl.Segmenter('hi', { granularity: 'word' });

// Devanagari letters, vowel signs, virama, nukta, anusvara… but not the danda (।, ॥),
// the abbreviation sign (॰) or Devanagari digits (cleanText made those ASCII).
const DEVANAGARI_CHUNK = /^[\u0900-\u0963\u0971-\u097F]+$/;
const ASCII_CHUNK = /^[A-Za-z0-9]+$/;

/** Whether the segmenter is needed for this whitespace-free chunk. */
export function needsSegmenter(chunk: string): boolean {
  // A chunk starting with a combining sign is not a word the segmenter would keep whole.
  if (DEVANAGARI_CHUNK.test(chunk)) return /^[\u0900-\u0903\u093A-\u094F\u0951-\u0957\u0962\u0963]/.test(chunk);
  return !ASCII_CHUNK.test(chunk);
}

// Unicode's word rules keep a colon inside a word (Swedish writes c:a) and a full stop
// between letters (U.S.). In Hindi text a colon between words joins a headline and its dek
// (फ्रेंड:मुलाकात) and a stop without a space ends a sentence, so both separate words, except
// a colon right after a word's first syllable, which stands for visarga (दु:ख = दुःख).
const SEPARATING_PUNCTUATION = /(?<!(?:^|[^\u0900-\u097F])[\u0915-\u0939][\u093E-\u094C]?):|(?<=[\u0900-\u0963])\.(?=[\u0900-\u0963])/g;

// Punctuation that only ever stands at the edge of a word (danda, comma, quotes, brackets,
// dashes…): peeled off a chunk so the word inside can take the fast path.
const EDGE_PUNCTUATION = /^([“‘"'(\[{«]*)(.*?)([।॥,;:!?.\-–—…'"’”)\]}»]*)$/s;

function isSentenceBreak(code: number): boolean {
  // । ॥ . ? ! ; : | and line breaks
  return code === 0x0964 || code === 0x0965 || code === 46 || code === 63 || code === 33 || code === 59 || code === 58 || code === 124 || code === 10 || code === 13;
}

/** The words of a cleaned text, in order, with offsets and positions. */
export function tokenize(text: string): Token[] {
  // Same length, so offsets still point into `text`.
  const split = text.replace(SEPARATING_PUNCTUATION, ' ');
  const tokens: Token[] = [];
  let position = -1;
  let lastEnd = 0;
  const push = (word: string, start: number) => {
    let step = 1;
    if (position >= 0) {
      for (let i = lastEnd; i < start; i++) {
        if (isSentenceBreak(text.charCodeAt(i))) {
          step = 2;
          break;
        }
      }
    }
    position += step;
    const end = start + word.length;
    tokens.push({ text: word, start, end, position });
    lastEnd = end;
  };
  for (const m of split.matchAll(/\S+/g)) {
    const chunk = m[0];
    const at = m.index;
    if (!needsSegmenter(chunk)) {
      push(chunk, at);
      continue;
    }
    const edges = EDGE_PUNCTUATION.exec(chunk);
    const core = edges?.[2] ?? '';
    if (edges && core !== '' && !needsSegmenter(core)) {
      push(core, at + (edges[1] ?? '').length);
      continue;
    }
    for (const s of SEGMENTER.segment(chunk)) {
      if (s.isWordLike) push(s.segment, at + s.index);
    }
  }
  return tokens;
}
