/**
 * Search for readers: query → Hindi pipeline → index (candidates) → ranking (relevance,
 * phrases, recency, typo tolerance) → snippets. Also suggestions as the reader types,
 * "did you mean" when nothing matches, and rebuilding the index (`samachar reindex`).
 *
 * Candidates come from the index newest first (stories with every query word, then with
 * any, and headline matches when there are very many), at most MAX_CANDIDATES; the ranking
 * then orders them. On a small site that is every match; on a large one, the newest few
 * hundred of each kind, which is what a news reader looks for.
 */
import { type ArticleSummary, articlePath } from '../domain/articles/article.ts';
import type { ArticleService } from '../domain/articles/article-service.ts';
import type { ChangeFeed } from '../domain/changes/change-feed.ts';
import { contentTags } from '../domain/changes/content-tags.ts';
import { toPlainText } from '../richtext/to-plain-text.ts';
import { analyzeClean, analyzeQuery, type QueryTerm } from './hindi/analyze.ts';
import { compoundParts, wordFamily } from './hindi/derive.ts';
import { editVariants, vowelSimilarity } from './hindi/phonetic.ts';
import { findExpansions, preloadLexicon } from './lexicon/lexicon.ts';
import { idf, RANKING, type RankedDoc, type RankGroup, rankDocs, type RankThresholds } from './ranking.ts';
import { DENSE_SHARE, type IndexedDoc, type IndexFilter, type MatchGroup, type SearchIndexStore, type TermInfo } from './search-index-store.ts';
import { highlight, snippet, type TextPart } from './snippets.ts';

export interface SearchDeps {
  store: SearchIndexStore;
  articles: ArticleService;
  now: () => Date;
  changes: ChangeFeed;
}

export interface SearchRequest {
  readonly q: string;
  readonly sectionId?: number;
  /** Published at or after. */
  readonly from?: Date;
  /** Published before. */
  readonly to?: Date;
  /** 1-based; out of range gives an empty page, never an error. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SearchHit {
  readonly article: ArticleSummary;
  readonly headline: readonly TextPart[];
  readonly snippet: readonly TextPart[];
  readonly score: number;
  /**
   * Why the story matched, when it was not by the words as typed: a query word and the
   * word of the story it matched in the other script or through the lexicon
   * (`farmers` → किसानों, `mulakat` → मुलाकात). At most three.
   */
  readonly matchedAs: readonly { readonly typed: string; readonly found: string }[];
}

export interface SearchResults {
  /** The query as searched (cleaned and cut). */
  readonly query: string;
  /** False when the query had no searchable word (empty, punctuation, only stopwords). */
  readonly searched: boolean;
  readonly items: readonly SearchHit[];
  readonly total: number;
  /** The total stopped at MAX_CANDIDATES. */
  readonly totalCapped: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly pageCount: number;
  /** A respelled query that would find stories, when this one found none. */
  readonly didYouMean: string | null;
}

export interface Suggestion {
  readonly headline: string;
  readonly path: string;
}

/** Candidates fetched per kind of match, and ranked in all. */
const CANDIDATES = 100;
export const MAX_CANDIDATES = 200;
export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
/** Typo tolerance: words of this many letters or more, keys of at least this length, this many variants. */
const TYPO_MIN_LETTERS = 5;
/** Typo variants only of and to skeletons this long (collision rates: see RANKING.phoneticMinKey). */
const TYPO_MIN_KEY = 4;
const TYPO_VARIANTS = 8;
/** How much more common a variant must be than the typed word, when the typed word exists. */
const TYPO_MORE_COMMON = 20;
/** "Did you mean" offers a word only if its vowels are this close to the typed word's. */
const DID_YOU_MEAN_SIMILARITY = 0.5;

/** The reader's search keeps only results that earn their place (see RankThresholds). */
export const THRESHOLDS: RankThresholds = { minCoverage: 0.55, minShareOfIdeal: 0.12 };
/** Weight of the joined form of two adjacent query words (`प्रधान मंत्री` → प्रधानमंत्री). */
const COMPOUND_WEIGHT = 0.9;
/** Weight of another form of the word's family (बढ़ोतरी for बढ़ा; see hindi/derive.ts). */
const FAMILY_WEIGHT = 0.75;

/** Keys a query word also matches, beyond its own and its typos: expansions and compounds. */
interface Extra {
  readonly keys: readonly string[];
  readonly vowel: string;
  readonly weight: number;
  /** The text that produced them, for the search page's "matched as" note. */
  readonly text: string;
}

/** One query word as searched: the term, and what else it matches. */
interface SearchedTerm {
  readonly term: QueryTerm;
  readonly extras: Extra[];
}

/** Marked words written otherwise than the query word they matched (another script, a translation, a synonym). */
function matchedAs(parts: readonly TextPart[], terms: readonly QueryTerm[]): { typed: string; found: string }[] {
  const out = new Map<string, { typed: string; found: string }>();
  for (const p of parts) {
    if (!p.mark || p.group === undefined) continue;
    const term = terms[p.group];
    const found = analyzeQuery(p.text).terms[0];
    if (!term || !found || found.folded === term.folded) continue;
    // The same word in another spelling or form (मुलाक़ात/मुलाकात, किसानों/किसान) needs no
    // explanation; another script or another word (a translation, a synonym) does.
    const latin = (s: string) => /[a-z]/i.test(s);
    if (latin(found.text) === latin(term.text) && found.keys.some((k) => term.keys.includes(k))) continue;
    const key = `${term.text} ${found.folded}`;
    if (!out.has(key)) out.set(key, { typed: term.text, found: p.text });
    if (out.size >= 3) break;
  }
  return [...out.values()];
}

/** An expansion's searched words, each with its keys and vowel key. */
function wordsOf(text: string): { keys: readonly string[]; vowel: string }[] {
  return analyzeQuery(text).terms.map((t) => ({ keys: t.keys, vowel: t.vowel }));
}

/** A phrase as one word: its only word, else its words joined (a compound: प्रधान मंत्री → प्रधानमंत्री) if that is one word, else its longest word. */
function asOneWord(text: string, words: readonly { keys: readonly string[]; vowel: string }[]): { keys: readonly string[]; vowel: string } | null {
  if (words.length <= 1) return words[0] ?? null;
  const joined = analyzeQuery(text.replace(/\s+/g, '')).terms;
  if (joined.length === 1 && joined[0]) return { keys: joined[0].keys, vowel: joined[0].vowel };
  return [...words].sort((a, b) => b.vowel.length - a.vowel.length)[0] ?? null;
}

/**
 * The query's words with the lexicon's translations and synonyms (each below the word
 * itself), and the joined form of adjacent Devanagari words as a possible compound. A
 * lexicon phrase over several query words gives each of them the word of the expansion in
 * the same place when both have as many words (`gold price` → सोने का भाव: gold → सोने,
 * price → भाव); otherwise every word of the phrase gets the expansion as one word
 * (`prime minister` → प्रधानमंत्री), so a story with it has them all.
 */
export function expandTerms(query: { text: string; terms: readonly QueryTerm[] }): SearchedTerm[] {
  const tokens = analyzeClean(query.text);
  const byPosition = new Map(query.terms.map((t) => [t.position, t]));
  const out = new Map<QueryTerm, SearchedTerm>(query.terms.map((t) => [t, { term: t, extras: [] }]));
  // Other forms of each Devanagari word's family (बढ़ोतरी → बढ़ा, बढ़ना, …).
  for (const [t, searched] of out) {
    for (const form of wordFamily(t.folded)) {
      const word = analyzeQuery(form).terms[0];
      if (word) searched.extras.push({ keys: word.keys, vowel: word.vowel, weight: FAMILY_WEIGHT, text: form });
    }
  }
  const words = tokens.map((t) => t.text.toLowerCase());
  for (const phrase of findExpansions(words)) {
    const covered = tokens
      .slice(phrase.start, phrase.end)
      .map((t) => byPosition.get(t.position))
      .filter((t): t is QueryTerm => t !== undefined)
      .map((t) => out.get(t))
      .filter((t): t is SearchedTerm => t !== undefined);
    if (covered.length === 0) continue;
    for (const e of phrase.expansions) {
      if (!(e.weight > 0 && e.weight < 1)) continue;
      const expansion = wordsOf(e.text);
      if (expansion.length === covered.length) {
        covered.forEach((c, j) => c.extras.push({ ...expansion[j]!, weight: e.weight, text: e.text }));
        continue;
      }
      const one = asOneWord(e.text, expansion);
      if (one) for (const c of covered) c.extras.push({ ...one, weight: e.weight, text: e.text });
    }
  }
  // Adjacent Devanagari words, tried joined: a compound the story writes as one word.
  const terms = [...out.values()];
  for (let i = 0; i + 1 < terms.length; i++) {
    const a = terms[i]!.term;
    const b = terms[i + 1]!.term;
    if (b.position !== a.position + 1 || !/^[\u0900-\u097F]+$/.test(a.text + b.text)) continue;
    const joined = wordsOf(a.text + b.text);
    const word = joined.length === 1 ? joined[0] : undefined;
    if (!word) continue;
    const extra = { ...word, weight: COMPOUND_WEIGHT, text: a.text + b.text };
    terms[i]!.extras.push(extra);
    terms[i + 1]!.extras.push(extra);
  }
  // A listed compound typed joined is also searched apart: two words, each also matching the
  // joined form (so a story with either spelling has both).
  return terms.flatMap((searched) => {
    const parts = compoundParts(searched.term.folded);
    const a = parts && analyzeQuery(parts[0]).terms[0];
    const b = parts && analyzeQuery(parts[1]).terms[0];
    if (!a || !b) return [searched];
    const joined = { keys: searched.term.keys, vowel: searched.term.vowel, weight: 1, text: searched.term.text };
    const at = searched.term.position;
    return [
      { term: { ...a, position: at }, extras: [joined, ...searched.extras] },
      { term: { ...b, position: at + 0.5 }, extras: [joined, ...searched.extras] },
    ];
  });
}

interface Prepared {
  readonly groups: RankGroup[];
  readonly match: MatchGroup[];
  /** How many stories the lexicon's counts suggest match every word, and any word, of how many indexed. */
  readonly expected: { readonly all: number; readonly any: number; readonly indexed: number };
}

export class SearchService {
  constructor(private readonly deps: SearchDeps) {}

  /** Readies what the first query would otherwise build (the cross-lingual lexicon's index). */
  warm(): void {
    preloadLexicon();
  }

  /** Turns query terms into ranking groups and index queries, with typo variants and idf. */
  private async prepare(searched: readonly SearchedTerm[], options: { typos: boolean; prefixLast?: boolean }): Promise<Prepared> {
    const terms = searched.map((s) => s.term);
    const variantsOf = terms.map((t) =>
      options.typos && t.letters >= TYPO_MIN_LETTERS ? t.keys.filter((k) => k.length >= TYPO_MIN_KEY).flatMap(editVariants) : [],
    );
    const extraKeys = searched.flatMap((s) => s.extras.flatMap((e) => e.keys));
    const lexicon = await this.deps.store.terms(['', ...terms.flatMap((t) => t.keys), ...variantsOf.flat(), ...extraKeys]);
    const docCount = lexicon.get('')?.df ?? 0;
    const groups: RankGroup[] = [];
    const match: MatchGroup[] = [];
    let all = docCount;
    let any = 0;
    terms.forEach((t, i) => {
      const keys = new Map<string, number>(t.keys.map((k) => [k, 1]));
      const vowels = new Map<string, string>();
      const ownDf = Math.max(0, ...t.keys.map((k) => lexicon.get(k)?.df ?? 0));
      // A word the site already uses is taken as typed unless a neighbour is far more common
      // (then it is probably a slip); short variants say too little.
      const typos = (variantsOf[i] ?? [])
        .map((k) => ({ k, df: lexicon.get(k)?.df ?? 0 }))
        .filter((v) => v.k.length >= TYPO_MIN_KEY && v.df > 0 && v.df >= TYPO_MORE_COMMON * ownDf && !keys.has(v.k))
        .sort((a, b) => b.df - a.df || (a.k < b.k ? -1 : 1))
        .slice(0, TYPO_VARIANTS);
      for (const v of typos) keys.set(v.k, RANKING.typoWeight);
      // Expansions and compounds the index holds, each with its own vowel key (it is another word).
      let extraDf = 0;
      for (const e of searched[i]?.extras ?? []) {
        for (const k of e.keys) {
          const df = lexicon.get(k)?.df ?? 0;
          if (df === 0 || (keys.get(k) ?? 0) >= e.weight) continue;
          keys.set(k, e.weight);
          vowels.set(k, e.vowel);
          extraDf = Math.max(extraDf, df);
        }
      }
      const df = Math.max(ownDf, extraDf, ...typos.map((v) => v.df));
      all *= docCount > 0 ? Math.min(1, df / docCount) : 0;
      any += df;
      const prefix = options.prefixLast && i === terms.length - 1 && t.keys[0] && t.keys[0].length >= 2 ? t.keys[0] : undefined;
      groups.push({ position: t.position, keys, vowel: t.vowel, ...(vowels.size > 0 ? { vowels } : {}), idf: docCount > 0 ? idf(Math.min(df, docCount), docCount) : 1, ...(prefix ? { prefix } : {}) });
      match.push({ keys: [...keys.keys()], ...(prefix ? { prefix } : {}) });
    });
    return { groups, match, expected: { all, any: Math.min(docCount, any), indexed: docCount } };
  }

  /**
   * Candidates, newest first: stories with every word; then, if those are many, headline
   * matches that are older; if they are few, stories with any of the words. The second
   * query is chosen by the lexicon's estimate and sent together with the first (PostgreSQL
   * runs them on two connections); if the estimate was wrong, the other one follows.
   */
  private async candidates(prepared: Prepared, filter: IndexFilter): Promise<IndexedDoc[]> {
    const { store } = this.deps;
    const { match, expected } = prepared;
    const andAny = () => store.match(match, { mode: 'and', field: 'any', filter, limit: CANDIDATES, expected: expected.all, indexed: expected.indexed });
    const andHeadline = () => store.match(match, { mode: 'and', field: 'headline', filter, limit: CANDIDATES, expected: 0 });
    const orAny = () => (match.length > 1 ? store.match(match, { mode: 'or', field: 'any', filter, limit: CANDIDATES, expected: expected.any, indexed: expected.indexed }) : Promise.resolve([]));
    // A word in a sixth of all stories or more ("पहली", "बढ़े") is no topic: its newest stories
    // are the answer, and older headline matches are not worth a second scan.
    const dense = expected.indexed > 0 && expected.all >= DENSE_SHARE * expected.indexed;
    const none = (): Promise<IndexedDoc[]> => Promise.resolve([]);
    const afterFull = dense ? none : andHeadline;
    const many = expected.all >= CANDIDATES;
    const [all, guessed] = await Promise.all([andAny(), many ? afterFull() : orAny()]);
    const full = all.length >= CANDIDATES;
    const second = full === many ? guessed : await (full ? afterFull() : orAny());
    const found = new Map(all.map((d) => [d.articleId, d]));
    for (const d of second) if (found.size < MAX_CANDIDATES && !found.has(d.articleId)) found.set(d.articleId, d);
    return [...found.values()];
  }

  /** Every matching story, ranked (the search page shows a page of these). */
  async rank(q: string, filter: Omit<IndexFilter, 'now'> & { now?: Date } = {}): Promise<{ query: string; ranked: RankedDoc[]; groups: RankGroup[]; terms: readonly QueryTerm[] }> {
    const query = analyzeQuery(q);
    if (query.terms.length === 0) return { query: query.text, ranked: [], groups: [], terms: [] };
    const now = filter.now ?? this.deps.now();
    const searched = expandTerms(query);
    const prepared = await this.prepare(searched, { typos: true });
    const { groups } = prepared;
    // The index filters to the minute; here exactly.
    const docs = (await this.candidates(prepared, { ...filter, now })).filter(
      (d) => d.publishedAt <= now && (!filter.from || d.publishedAt >= filter.from) && (!filter.to || d.publishedAt < filter.to) && (filter.sectionId === undefined || d.sectionId === filter.sectionId),
    );
    return { query: query.text, ranked: rankDocs(docs, groups, now, THRESHOLDS), groups, terms: searched.map((s) => s.term) };
  }

  async search(request: SearchRequest): Promise<SearchResults> {
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.pageSize ?? DEFAULT_PAGE_SIZE)));
    const page = Number.isSafeInteger(request.page) && (request.page ?? 0) >= 1 ? (request.page as number) : 1;
    const now = this.deps.now();
    const filter = {
      now,
      ...(request.sectionId !== undefined ? { sectionId: request.sectionId } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
    };
    const { query, ranked, groups, terms } = await this.rank(request.q, filter);
    const total = ranked.length;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    const slice = ranked.slice((page - 1) * pageSize, page * pageSize);
    const ids = slice.map((r) => r.articleId);
    const [summaries, sources] = await Promise.all([this.deps.articles.publicByIds(now, ids), this.deps.store.snippetSources(ids)]);
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const items: SearchHit[] = [];
    for (const r of slice) {
      const article = byId.get(r.articleId);
      if (!article) continue;
      const source = sources.get(r.articleId);
      const headline = highlight(article.headline, groups);
      const snippetParts = this.snippetFor(source, groups);
      items.push({ article, headline, snippet: snippetParts, score: r.score, matchedAs: matchedAs([...headline, ...snippetParts], terms) });
    }
    const didYouMean = total === 0 && terms.length > 0 ? await this.didYouMean(terms) : null;
    return { query, searched: terms.length > 0, items, total, totalCapped: total >= MAX_CANDIDATES, page, pageSize, pageCount, didYouMean };
  }

  private snippetFor(source: { dek: string; body: Parameters<typeof toPlainText>[0] } | undefined, groups: readonly RankGroup[]): TextPart[] {
    if (!source) return [];
    const body = snippet(toPlainText(source.body), groups);
    if (body.some((p) => p.mark)) return body;
    const dek = snippet(source.dek, groups);
    if (dek.some((p) => p.mark) || body.length === 0) return dek;
    return body;
  }

  /** The query with each word that matches nothing replaced by the most common word one edit away. */
  private async didYouMean(terms: readonly QueryTerm[]): Promise<string | null> {
    const variants = terms.map((t) => t.keys.flatMap(editVariants));
    const lexicon = await this.deps.store.terms([...terms.flatMap((t) => t.keys), ...variants.flat()]);
    let changed = false;
    const words = terms.map((t, i) => {
      // A word the index knows: one of its keys exists, long enough to mean that word, or a
      // short one whose surface word also sounds like it (`modi` is not मीडिया).
      const known = t.keys.some((k) => {
        const info = lexicon.get(k);
        if (!info || info.df === 0) return false;
        return k.length >= RANKING.phoneticMinKey || vowelSimilarity(t.vowel, analyzeQuery(info.surface).terms[0]?.vowel ?? '') >= RANKING.shortKeyMinSimilarity;
      });
      if (known) return t.text;
      // The most common word one edit away whose vowels are also close to what was typed.
      const best = (variants[i] ?? [])
        .map((k) => lexicon.get(k))
        .filter((v): v is TermInfo => v !== undefined && v.df > 0)
        .map((v) => ({ v, sim: vowelSimilarity(t.vowel, analyzeQuery(v.surface).terms[0]?.vowel ?? '') }))
        .filter((c) => c.sim >= DID_YOU_MEAN_SIMILARITY)
        .map((c) => ({ ...c, score: c.sim * c.sim * Math.log(1 + c.v.df) }))
        .sort((a, b) => b.score - a.score || (a.v.term < b.v.term ? -1 : 1))[0]?.v;
      if (!best) return t.text;
      changed = true;
      return best.surface;
    });
    return changed ? words.join(' ') : null;
  }

  /** Headlines for the search box as the reader types (the last word may be unfinished). */
  async suggest(q: string, limit = 6): Promise<Suggestion[]> {
    const query = analyzeQuery(q);
    if (query.terms.length === 0) return [];
    const now = this.deps.now();
    const typing = !/\s$/.test(q);
    const { groups, match } = await this.prepare(query.terms.map((term) => ({ term, extras: [] })), { typos: false, prefixLast: typing });
    const expected = 0;
    const filter = { now };
    const found = new Map<number, IndexedDoc>();
    for (const d of await this.deps.store.match(match, { mode: 'and', field: 'headline', filter, limit: 50, expected })) found.set(d.articleId, d);
    if (found.size < limit) for (const d of await this.deps.store.match(match, { mode: 'and', field: 'any', filter, limit: 50, expected })) found.set(d.articleId, d);
    const docs = [...found.values()].filter((d) => d.publishedAt <= now);
    const top = rankDocs(docs, groups, now).slice(0, limit);
    const summaries = await this.deps.articles.publicByIds(now, top.map((r) => r.articleId));
    return summaries.map((s) => ({ headline: s.headline, path: articlePath(s) }));
  }

  /**
   * The Devanagari spelling of a romanized query, from the index's own words (`mulakat` →
   * मुलाकात), for the suggestions box; null when no Latin word has a Devanagari word that
   * sounds the same (skeleton and vowels) in the index.
   */
  async spelling(q: string): Promise<string | null> {
    const query = analyzeQuery(q);
    const latin = query.terms.filter((t) => /[a-z]/.test(t.folded));
    if (latin.length === 0) return null;
    const lexicon = await this.deps.store.terms(latin.flatMap((t) => t.keys));
    let changed = false;
    const spelled = new Map<QueryTerm, string>();
    for (const t of latin) {
      const best = t.keys
        .map((k) => lexicon.get(k))
        .filter((v): v is TermInfo => v !== undefined && v.df > 0 && /[\u0900-\u097F]/.test(v.surface))
        .map((v) => ({ v, sim: vowelSimilarity(t.vowel, analyzeQuery(v.surface).terms[0]?.vowel ?? '') }))
        .filter((c) => c.sim >= RANKING.shortKeyMinSimilarity)
        .sort((a, b) => b.sim - a.sim || b.v.df - a.v.df)[0];
      if (best) {
        spelled.set(t, best.v.surface);
        changed = true;
      }
    }
    if (!changed) return null;
    return query.terms.map((t) => spelled.get(t) ?? t.text).join(' ');
  }

  /** Rebuilds the whole index (the `samachar reindex` command). */
  async reindex(options: { fresh?: boolean; onProgress?: (done: number, total: number) => void } = {}): Promise<{ articles: number; indexed: number }> {
    const report = await this.deps.store.rebuild(options);
    this.deps.changes.emit([contentTags.search]);
    return report;
  }

  /** How many stories the index holds. */
  indexedCount(): Promise<number> {
    return this.deps.store.countDocs();
  }
}
