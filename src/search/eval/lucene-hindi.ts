/**
 * Baseline: the rules of Lucene's HindiAnalyzer, as /work/shared/notes/hindi-search.md
 * describes them (written here in TypeScript; no Lucene code), with Lucene's default
 * ranking (BM25, k1 1.2, b 0.75) and query parser (the query's terms joined by OR):
 *
 *   standard tokenizer (Unicode word segmentation) → lowercase → Devanagari digits to ASCII
 *   → Indic normalization (two-part vowels and base + nukta to one code point)
 *   → Hindi normalization (Pingali & Varma, Larkey et al.: न् → ं, ँ → ं, nukta removed,
 *     ZWJ/ZWNJ removed, every virama removed, chandra and short vowels folded, long vowels
 *     folded to short) → stopwords (Jacques Savoy's list, the one Lucene ships)
 *   → light stemmer (Ramanathan & Rao: the longest of about 65 suffixes, only when the word
 *     stays at least two characters longer than the suffix).
 *
 * The stopword list is applied as written after normalization, as in Lucene (so a listed
 * word with a long vowel no longer matches once its vowel is folded: a quirk kept on purpose).
 */

const SEGMENTER = new Intl.Segmenter('hi', { granularity: 'word' });

/** Standard tokenizer: UAX #29 words (Intl.Segmenter implements the same rules). */
function standardTokens(text: string): string[] {
  const out: string[] = [];
  for (const s of SEGMENTER.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Decimal digits of any script as ASCII (Lucene's DecimalDigitFilter). */
function asciiDigits(token: string): string {
  return token.replace(/\p{Nd}/gu, (d) => {
    const cp = d.codePointAt(0) ?? 0;
    for (const zero of [0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0xff10]) {
      if (cp >= zero && cp <= zero + 9) return String(cp - zero);
    }
    return d;
  });
}

// Indic normalization for Devanagari: pairs written as two code points → one.
const COMPOSE: Readonly<Record<string, string>> = {
  'अा': 'आ', 'अॅ': 'ॲ', 'अॉ': 'ऑ', 'अॊ': 'ऒ', 'अो': 'ओ', 'अौ': 'औ',
  'आॅ': 'ऑ', 'आॉ': 'ऑ', 'आे': 'ओ', 'आै': 'औ',
  'एॅ': 'ऍ', 'एॆ': 'ऎ', 'एे': 'ऐ',
  'ाॅ': 'ॉ', 'ाॆ': 'ॊ', 'ाे': 'ो', 'ाै': 'ौ',
  '\u0928\u093C': '\u0929', '\u0930\u093C': '\u0931', '\u0933\u093C': '\u0934', '\u0915\u093C': '\u0958', '\u0916\u093C': '\u0959',
  '\u0917\u093C': '\u095A', '\u091C\u093C': '\u095B', '\u0921\u093C': '\u095C', '\u0922\u093C': '\u095D', '\u092B\u093C': '\u095E', '\u092F\u093C': '\u095F',
};

function indicNormalize(token: string): string {
  let out = '';
  const chars = Array.from(token);
  for (let i = 0; i < chars.length; i++) {
    const pair = (chars[i] ?? '') + (chars[i + 1] ?? '');
    const composed = COMPOSE[pair];
    if (composed !== undefined) {
      out += composed;
      i++;
    } else out += chars[i];
  }
  return out;
}

// Hindi normalization, one code point at a time.
const HINDI_MAP: Readonly<Record<string, string>> = {
  'ँ': 'ं',
  '\u0929': 'न', '\u0931': 'र', '\u0934': 'ळ', '\u0958': 'क', '\u0959': 'ख', '\u095A': 'ग', '\u095B': 'ज', '\u095C': 'ड', '\u095D': 'ढ', '\u095E': 'फ', '\u095F': 'य',
  'ॅ': 'े', 'ॆ': 'े', 'ॉ': 'ो', 'ॊ': 'ो', 'ऍ': 'ए', 'ऎ': 'ए', 'ऑ': 'ओ', 'ऒ': 'ओ', 'ॲ': 'अ',
  'आ': 'अ', 'ई': 'इ', 'ऊ': 'उ', 'ॠ': 'ऋ', 'ॡ': 'ऌ', 'ऐ': 'ए', 'औ': 'ओ',
  'ी': 'ि', 'ू': 'ु', 'ॄ': 'ृ', 'ॣ': 'ॢ', 'ै': 'े', 'ौ': 'ो',
};

function hindiNormalize(token: string): string {
  let out = '';
  const chars = Array.from(token);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === 'न' && chars[i + 1] === '\u094D') {
      out += 'ं';
      i++;
    } else if (c === '\u093C' || c === '\u200D' || c === '\u200C' || c === '\u094D') {
      // nukta, joiners and every virama: removed
    } else out += HINDI_MAP[c] ?? c;
  }
  return out;
}

/** Jacques Savoy's Hindi stopwords, the list Lucene's HindiAnalyzer uses by default. */
const STOPWORDS = new Set(
  `अंदर अत अदि अप अपना अपनि अपनी अपने अभि अभी आदि आप इंहिं इंहें इंहों इतयादि इत्यादि इन इनका इन्हीं इन्हें इन्हों इस
  इसका इसकि इसकी इसके इसमें इसि इसी इसे उंहिं उंहें उंहों उन उनका उनकि उनकी उनके उनको उन्हीं उन्हें उन्हों उस उसके उसि उसी
  उसे एक एवं एस एसे ऐसे ओर और कइ कई कर करता करते करना करने करें कहते कहा का काफि काफ़ी कि किंहें किंहों कितना किन्हें
  किन्हों किया किर किस किसि किसी किसे की कुछ कुल के को कोइ कोई कोन कोनसा कौन कौनसा गया घर जब जहाँ जहां जा जिंहें जिंहों
  जितना जिधर जिन जिन्हें जिन्हों जिस जिसे जीधर जेसा जेसे जैसा जैसे जो तक तब तरह तिंहें तिंहों तिन तिन्हें तिन्हों तिस तिसे तो
  था थि थी थे दबारा दवारा दिया दुसरा दुसरे दूसरे दो द्वारा न नहिं नहीं ना निचे निहायत नीचे ने पर पहले पुरा पूरा पे फिर बनि
  बनी बहि बही बहुत बाद बाला बिलकुल भि भितर भी भीतर मगर मानो मे में यदि यह यहाँ यहां यहि यही या यिह ये रखें रवासा रहा रहे
  ऱ्वासा लिए लिये लेकिन व वगेरह वरग वर्ग वह वहाँ वहां वहिं वहीं वाले वुह वे वग़ैरह संग सकता सकते सबसे सभि सभी साथ साबुत साभ
  सारा से सो हि ही हुअ हुआ हुइ हुई हुए हे हें है हैं हो होता होति होती होते होना होने`
    .split(/\s+/)
    .filter(Boolean),
);

// Ramanathan & Rao's suffixes by length, longest first, as Lucene's HindiStemmer has them.
const SUFFIXES: readonly (readonly string[])[] = [
  ['ाएंगी', 'ाएंगे', 'ाऊंगी', 'ाऊंगा', 'ाइयाँ', 'ाइयों', 'ाइयां'],
  ['ाएगी', 'ाएगा', 'ाओगी', 'ाओगे', 'एंगी', 'ेंगी', 'एंगे', 'ेंगे', 'ूंगी', 'ूंगा', 'ातीं', 'नाओं', 'नाएं', 'ताओं', 'ताएं', 'ियाँ', 'ियों', 'ियां'],
  ['ाकर', 'ाइए', 'ाईं', 'ाया', 'ेगी', 'ेगा', 'ोगी', 'ोगे', 'ाने', 'ाना', 'ाते', 'ाती', 'ाता', 'तीं', 'ाओं', 'ाएं', 'ुओं', 'ुएं', 'ुआं'],
  ['कर', 'ाओ', 'िए', 'ाई', 'ाए', 'ने', 'नी', 'ना', 'ते', 'ीं', 'ती', 'ता', 'ाँ', 'ां', 'ों', 'ें'],
  ['ो', 'े', 'ू', 'ु', 'ी', 'ि', 'ा'],
];

function hindiStem(token: string): string {
  const length = token.length;
  for (const group of SUFFIXES) {
    const suffixLength = group[0]?.length ?? 0;
    if (length <= suffixLength + 1) continue;
    if (group.some((s) => token.endsWith(s))) return token.slice(0, length - suffixLength);
  }
  return token;
}

/** The terms Lucene's Hindi analyzer makes of a text, in order. */
export function luceneHindiAnalyze(text: string): string[] {
  const out: string[] = [];
  for (const raw of standardTokens(text)) {
    const token = hindiNormalize(indicNormalize(asciiDigits(raw.toLowerCase())));
    if (token === '' || STOPWORDS.has(token)) continue;
    out.push(hindiStem(token));
  }
  return out;
}

/** A document with named fields of text. */
export interface FieldedDoc {
  readonly key: string;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * BM25 over analysed fields (Lucene's defaults: k1 1.2, b 0.75, idf ln(1 + (N − df + 0.5)/(df + 0.5))),
 * per field with a boost, summed, as a multi-field OR query scores.
 */
export class Bm25Index {
  private readonly docs: { key: string; fields: Map<string, Map<string, number>>; lengths: Map<string, number> }[] = [];
  private readonly df = new Map<string, Map<string, number>>();
  private readonly totalLength = new Map<string, number>();

  constructor(
    docs: readonly FieldedDoc[],
    private readonly analyze: (text: string) => string[],
    private readonly boosts: Readonly<Record<string, number>>,
  ) {
    for (const doc of docs) {
      const fields = new Map<string, Map<string, number>>();
      const lengths = new Map<string, number>();
      for (const [name, text] of Object.entries(doc.fields)) {
        const terms = analyze(text);
        const tf = new Map<string, number>();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        fields.set(name, tf);
        lengths.set(name, terms.length);
        this.totalLength.set(name, (this.totalLength.get(name) ?? 0) + terms.length);
        let dfs = this.df.get(name);
        if (!dfs) this.df.set(name, (dfs = new Map()));
        for (const t of tf.keys()) dfs.set(t, (dfs.get(t) ?? 0) + 1);
      }
      this.docs.push({ key: doc.key, fields, lengths });
    }
  }

  search(query: string, limit = 10): string[] {
    const terms = [...new Set(this.analyze(query))];
    if (terms.length === 0) return [];
    const n = this.docs.length;
    const scored: { key: string; score: number }[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const [name, boost] of Object.entries(this.boosts)) {
        const tf = doc.fields.get(name);
        if (!tf) continue;
        const avg = (this.totalLength.get(name) ?? 0) / n || 1;
        const length = doc.lengths.get(name) ?? 0;
        for (const t of terms) {
          const f = tf.get(t) ?? 0;
          if (f === 0) continue;
          const df = this.df.get(name)?.get(t) ?? 0;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += boost * idf * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * length) / avg)));
        }
      }
      if (score > 0) scored.push({ key: doc.key, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    return scored.slice(0, limit).map((s) => s.key);
  }
}
