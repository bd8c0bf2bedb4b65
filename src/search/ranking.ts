/**
 * Ranking: BM25F over the index's position streams (field weights, length
 * normalisation), a phrase bonus for query words found next to each other, a coverage
 * factor that puts stories with every query word first, the vowel-aware key to tell
 * apart words that share a skeleton, and recency blended in as news readers expect.
 * Pure: the same groups and documents give the same order on either database.
 */
import { vowelSimilarity } from './hindi/phonetic.ts';
import { FIELD_ORDER, type SearchField } from './search-document.ts';

/** One query word as the ranking sees it. */
export interface RankGroup {
  /** Position of the word in the query (stopwords count), for phrases. */
  readonly position: number;
  /**
   * Keys that match, with their weight: 1 for the word's own keys, less for typo variants,
   * the joined form of a compound, and the lexicon's translations and synonyms.
   */
  readonly keys: ReadonlyMap<string, number>;
  /** The vowel key to compare with, for keys that stand for another word (an expansion); others use `vowel`. */
  readonly vowels?: ReadonlyMap<string, string>;
  /** A key prefix (the word being typed, in suggestions). */
  readonly prefix?: string;
  /** The query word's vowel key. */
  readonly vowel: string;
  /** Inverse document frequency of the word. */
  readonly idf: number;
}

export interface RankableDoc {
  readonly articleId: number;
  readonly publishedAt: Date;
  readonly words: string;
  readonly streams: string;
}

export interface RankedDoc {
  readonly articleId: number;
  readonly publishedAt: Date;
  /** The final score: relevance (0–1 after normalising) blended with recency. */
  readonly score: number;
  /** Relevance before normalising. */
  readonly relevance: number;
  /** How many query words the story contains. */
  readonly matched: number;
}

/** What `rankDocs` drops (the reader's search; suggestions rank everything they find). */
export interface RankThresholds {
  /** Least share of the query's informative words (idf-weighted, match quality counted) a story must have. */
  readonly minCoverage: number;
  /** Least relevance as a share of the best possible match's (every word in the headline, in order). */
  readonly minShareOfIdeal: number;
}

interface FieldParams {
  readonly weight: number;
  /** Typical length in words (BM25's average length). */
  readonly length: number;
  /** How much a long field is discounted (BM25's b). */
  readonly b: number;
  /** Weight of a phrase found in this field. */
  readonly phrase: number;
}

export const FIELDS: Readonly<Record<SearchField, FieldParams>> = {
  headline: { weight: 3, length: 10, b: 0.3, phrase: 3 },
  dek: { weight: 1.5, length: 20, b: 0.3, phrase: 2 },
  tags: { weight: 2, length: 8, b: 0.2, phrase: 2 },
  authors: { weight: 1.5, length: 4, b: 0.2, phrase: 2 },
  captions: { weight: 1, length: 30, b: 0.5, phrase: 1.5 },
  body: { weight: 1, length: 400, b: 0.6, phrase: 1.5 },
};

export const RANKING = {
  /** BM25's k1: how fast repeated words stop adding. */
  k1: 1.2,
  /**
   * Share of a match that stands even when the vowels differ (same skeleton only), by the
   * skeleton's length: a two-letter skeleton (ps: पीस, पास, पैसा) says little on its own.
   */
  vowelFloor: [0.1, 0.1, 0.15, 0.3, 0.5] as readonly number[],
  /** Weight of a typo variant's match, and of a typed prefix. */
  typoWeight: 0.6,
  /** A typo variant matches only words whose vowel key is at least this close to the query word's. */
  typoMinSimilarity: 0.7,
  prefixWeight: 0.8,
  /**
   * Skeletons shorter than this collide too often to match on sound alone: in the evaluation
   * corpus 85 % of the words with a two-letter skeleton share it with another word, 58 % at
   * three, 30 % at four, 17 % at five (scripts/eval-search.ts --collisions prints the table).
   * Below it, a word matches only if its vowel key is this close too (मीडिया is no match
   * for `modi`: 0.75; भाव for `bhav`: 1).
   */
  phoneticMinKey: 4,
  shortKeyMinSimilarity: 0.8,
  /** Under this skeleton length (7 % collisions at six letters), a match needs at least this vowel similarity. */
  soundAloneKey: 6,
  phoneticMinSimilarity: 0.5,
  /** Bonus of a phrase (two query words next to each other), times their idf. */
  phrase: 0.6,
  /** Bonus when the headline has every query word. */
  headlineAll: 0.5,
  /** Share of the final score that is recency, and its half-life in days. */
  recencyWeight: 0.12,
  recencyHalfLifeDays: 30,
} as const;

/** BM25's idf. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

const DAY_MS = 86_400_000;

/** Matches of each group in each field: positions and their quality. */
type Hits = { positions: number[]; qualities: number[] }[][];

/**
 * The word-table entries (see search-document.ts) that hold a key of some group, or a key
 * starting with a group's prefix, found with indexOf rather than by parsing the whole table:
 * entry index → its keys and vowel key.
 */
function candidateEntries(words: string, groups: readonly RankGroup[]): Map<number, { keys: string[]; vowel: string }> {
  const probes = new Set<string>();
  for (const g of groups) {
    for (const k of g.keys.keys()) probes.add(k);
    if (g.prefix !== undefined) probes.add(g.prefix);
  }
  // Start offsets of entries that hold a probe at the start of one of their keys.
  const starts = new Set<number>();
  for (const probe of probes) {
    for (let at = words.indexOf(probe); at >= 0; at = words.indexOf(probe, at + 1)) {
      const before = at === 0 ? 32 : words.charCodeAt(at - 1);
      if (before === 32 /* ' ' */ || before === 44 /* ',' */) starts.add(words.lastIndexOf(' ', at) + 1);
    }
  }
  const out = new Map<number, { keys: string[]; vowel: string }>();
  if (starts.size === 0) return out;
  // Entry index = spaces before the entry: counted in one pass over the sorted offsets.
  let index = 0;
  let scanned = 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    for (; scanned < start; scanned++) if (words.charCodeAt(scanned) === 32) index++;
    const end = words.indexOf(' ', start);
    const entry = words.slice(start, end < 0 ? words.length : end);
    const colon = entry.lastIndexOf(':');
    out.set(index, { keys: entry.slice(0, colon).split(','), vowel: entry.slice(colon + 1) });
  }
  return out;
}

/**
 * For short skeletons: the similarity of the query word's vowel key to the start of the
 * story word's (an inflected story word has more sounds: `bus` and बसों bason), with `u`
 * read as `a`, or 1 when they differ only in their final vowels (English `bus`, `cut` have the sound Devanagari writes with no vowel sign).
 */
function shortKeySimilarity(query: string, word: string): number {
  const fold = (v: string) => v.replace(/u/g, 'a');
  const start = word.slice(0, query.length);
  // And without the final vowels (an inflection: सस्ता sasta, सस्ते saste).
  const bare = (v: string) => v.replace(/[aeiou]+$/, '');
  return Math.max(vowelSimilarity(query, start), vowelSimilarity(fold(query), fold(start)), bare(query) === bare(word) ? 1 : 0);
}

/**
 * How well a word (its vowel key) matches a group through one of its keys of weight `weight`:
 * 0 when it must not count. A word with the same vowel key scores the key's full weight, so
 * an exact Devanagari or Latin match always outranks a phonetic one.
 */
function keyQuality(group: RankGroup, key: string, weight: number, keyLength: number, vowel: string): number {
  const own = group.vowels?.get(key) ?? group.vowel;
  const sim = vowelSimilarity(own, vowel);
  // How alike they sound, for the gates below (the score uses `sim`).
  const alike = sim === 1 || keyLength >= RANKING.soundAloneKey ? sim : Math.max(sim, shortKeySimilarity(own, vowel));
  // A short skeleton says little: only a word that also sounds the same counts.
  if (keyLength < RANKING.phoneticMinKey && alike < RANKING.shortKeyMinSimilarity) return 0;
  // A typo variant's or an expansion's skeleton is only a guess: the word must also sound close.
  if (weight < 1 && sim < RANKING.typoMinSimilarity) return 0;
  // Another word's short skeleton (an expansion, a family form) must meet its own sounds
  // exactly: बढ़ा (badha) for बढ़ोतरी, never बड़ा (bada).
  if (weight < 1 && keyLength < RANKING.phoneticMinKey && alike < 1) return 0;
  // A longer skeleton still collides (30 % of words at four letters): the vowels must not be far off
  // (आर्थिक is no match for `earthquake`).
  if (keyLength < RANKING.soundAloneKey && alike < RANKING.phoneticMinSimilarity) return 0;
  const floor = RANKING.vowelFloor[Math.min(keyLength, RANKING.vowelFloor.length - 1)] ?? 0.5;
  return weight * (floor + (1 - floor) * sim * sim);
}

/** Each word-table entry that matches a group: entry index (base 36, as streams write it) → quality per group. */
function matchEntries(words: string, groups: readonly RankGroup[]): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  if (words === '') return out;
  for (const [i, { keys, vowel }] of candidateEntries(words, groups)) {
    let best: Map<number, number> | undefined;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      let quality = 0;
      for (const key of keys) {
        const w = group.keys.get(key);
        if (w !== undefined) quality = Math.max(quality, keyQuality(group, key, w, key.length, vowel));
        if (group.prefix !== undefined && key.startsWith(group.prefix)) {
          const sim = vowelSimilarity(group.vowel, vowel.slice(0, group.vowel.length));
          const floor = RANKING.vowelFloor[Math.min(group.prefix.length, RANKING.vowelFloor.length - 1)] ?? 0.5;
          quality = Math.max(quality, RANKING.prefixWeight * (floor + (1 - floor) * sim * sim));
        }
      }
      if (quality === 0) continue;
      best ??= new Map();
      best.set(g, Math.max(best.get(g) ?? 0, quality));
    }
    if (best) out.set(i.toString(36), best);
  }
  return out;
}

/**
 * Positions of the matched entries in each field's stream, and each field's length, in one
 * pass over the characters (no splitting: most of a long body matches nothing).
 */
function collectHits(doc: RankableDoc, groups: readonly RankGroup[]): { hits: Hits; lengths: number[] } {
  const entries = matchEntries(doc.words, groups);
  const hits: Hits = groups.map(() => FIELD_ORDER.map(() => ({ positions: [], qualities: [] })));
  const lengths: number[] = [];
  const tokens = [...entries.entries()];
  const s = doc.streams;
  let fieldStart = 0;
  for (let f = 0; f < FIELD_ORDER.length; f++) {
    const newline = s.indexOf('\n', fieldStart);
    const fieldEnd = newline < 0 ? s.length : newline;
    let position = 0;
    if (fieldEnd > fieldStart) {
      let start = fieldStart;
      for (let i = fieldStart; i <= fieldEnd; i++) {
        if (i < fieldEnd && s.charCodeAt(i) !== 32) continue;
        for (const [token, m] of tokens) {
          if (token.length !== i - start || !s.startsWith(token, start)) continue;
          for (const [g, quality] of m) {
            const h = hits[g]![f]!;
            h.positions.push(position);
            h.qualities.push(quality);
          }
        }
        position++;
        start = i + 1;
      }
    }
    lengths.push(position);
    fieldStart = fieldEnd + 1;
  }
  return { hits, lengths };
}

/** The best ordered closeness of two position lists: the largest product of qualities within `gap`. */
function phraseQuality(a: { positions: number[]; qualities: number[] }, b: { positions: number[]; qualities: number[] }, gap: number): number {
  let best = 0;
  let j = 0;
  for (let i = 0; i < a.positions.length; i++) {
    const pa = a.positions[i]!;
    while (j < b.positions.length && b.positions[j]! <= pa) j++;
    for (let k = j; k < b.positions.length && b.positions[k]! - pa <= gap; k++) {
      best = Math.max(best, a.qualities[i]! * b.qualities[k]!);
    }
  }
  return best;
}

/** Relevance of one document; 0 when no group matches. */
export function relevance(doc: RankableDoc, groups: readonly RankGroup[]): { relevance: number; matched: number; coverage: number } {
  const { hits, lengths } = collectHits(doc, groups);
  let total = 0;
  let matchedIdf = 0;
  let foundIdf = 0;
  let allIdf = 0;
  let matched = 0;
  let inHeadline = 0;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    allIdf += group.idf;
    let tf = 0;
    let credit = 0;
    for (let f = 0; f < FIELD_ORDER.length; f++) {
      const h = hits[g]![f]!;
      if (h.qualities.length === 0) continue;
      const params = FIELDS[FIELD_ORDER[f]!];
      let sum = 0;
      for (const q of h.qualities) {
        sum += q;
        if (q > credit) credit = q;
      }
      tf += (params.weight * sum) / (1 - params.b + (params.b * (lengths[f] ?? 0)) / params.length);
      if (f === 0) inHeadline++;
    }
    if (tf === 0) continue;
    matched++;
    // A word found only through a weak (vowel-mismatched) match counts partly as found.
    matchedIdf += group.idf * credit;
    foundIdf += group.idf;
    total += (group.idf * tf * (RANKING.k1 + 1)) / (tf + RANKING.k1);
  }
  if (matched === 0) return { relevance: 0, matched: 0, coverage: 0 };
  // Phrases: neighbouring query words found in order, at most one word apart more than in the query.
  const order = groups.map((g, i) => ({ g, i })).sort((x, y) => x.g.position - y.g.position);
  for (let n = 0; n + 1 < order.length; n++) {
    const a = order[n]!;
    const b = order[n + 1]!;
    const gap = b.g.position - a.g.position + 1;
    let best = 0;
    for (let f = 0; f < FIELD_ORDER.length; f++) {
      const q = phraseQuality(hits[a.i]![f]!, hits[b.i]![f]!, gap);
      if (q > 0) best = Math.max(best, q * FIELDS[FIELD_ORDER[f]!].phrase);
    }
    total += RANKING.phrase * best * ((a.g.idf + b.g.idf) / 2);
  }
  if (groups.length > 1 && inHeadline === groups.length) total += RANKING.headlineAll * allIdf;
  const coverage = allIdf > 0 ? matchedIdf / allIdf : matched / groups.length;
  // Minimum-should-match counts a word as found however well it matched (its quality is in the score).
  return { relevance: total * coverage * coverage, matched, coverage: allIdf > 0 ? foundIdf / allIdf : matched / groups.length };
}

/**
 * The best possible match for the groups, phrases aside: a story whose headline has each of
 * the query's words once, matched exactly. Thresholds are shares of its relevance, so they mean the same
 * for a one-word and a five-word query.
 */
export function idealRelevance(groups: readonly RankGroup[]): number {
  if (groups.length === 0) return 0;
  const entries: string[] = [];
  const stream: string[] = [];
  groups.forEach((g, i) => {
    const key = [...g.keys.entries()].find(([, w]) => w === 1)?.[0] ?? g.prefix ?? [...g.keys.keys()][0] ?? '';
    entries.push(`${key}:${g.vowel}`);
    // Two gaps between the words: no phrase bonus (a phrase is extra, not the bar to clear).
    stream.push(i.toString(36), '.', '.');
  });
  const doc = { articleId: 0, publishedAt: new Date(0), words: entries.join(' '), streams: [stream.join(' '), '', '', '', '', ''].join('\n') };
  // Each word as itself, at full weight.
  const exact = groups.map((g, i) => ({ position: g.position, vowel: g.vowel, idf: g.idf, keys: new Map([[entries[i]!.slice(0, entries[i]!.lastIndexOf(':')), 1]]) }));
  return relevance(doc, exact).relevance;
}

/** Ranks documents: relevance normalised to the best, blended with recency; ties newest first. */
export function rankDocs(docs: readonly RankableDoc[], groups: readonly RankGroup[], now: Date, thresholds?: RankThresholds): RankedDoc[] {
  let scored = docs.map((doc) => ({ doc, ...relevance(doc, groups) })).filter((s) => s.relevance > 0);
  if (thresholds) {
    // A result must be earned: most of the query's informative words, and a score not far
    // below what a story about exactly this would get. Otherwise nothing, and "did you mean".
    const floor = thresholds.minShareOfIdeal * idealRelevance(groups);
    // Most words: at least 60 % of them by count (both of two, two of three, three of four),
    // and by rarity (idf) at least `minCoverage`.
    const needed = Math.ceil(0.6 * groups.length);
    scored = scored.filter((s) => s.relevance >= floor && (groups.length === 1 || (s.matched >= needed && s.coverage >= thresholds.minCoverage)));
  }
  const top = scored.reduce((m, s) => Math.max(m, s.relevance), 0);
  const ranked = scored.map(({ doc, relevance: rel, matched }) => {
    const ageDays = Math.max(0, (now.getTime() - doc.publishedAt.getTime()) / DAY_MS);
    const recency = 0.5 ** (ageDays / RANKING.recencyHalfLifeDays);
    const score = (1 - RANKING.recencyWeight) * (rel / top) + RANKING.recencyWeight * recency;
    return { articleId: doc.articleId, publishedAt: doc.publishedAt, score, relevance: rel, matched };
  });
  ranked.sort((x, y) => y.score - x.score || y.publishedAt.getTime() - x.publishedAt.getTime() || y.articleId - x.articleId);
  return ranked;
}
