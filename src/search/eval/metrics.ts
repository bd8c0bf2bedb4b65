/**
 * Ranking metrics at a cutoff of 10, over graded judgments (see judgments.ts):
 * - MRR@10: 1 / rank of the first relevant story (grade 2 or 3) in the top 10, else 0;
 * - nDCG@10: discounted cumulative gain (gain 2^grade − 1, discount log2(rank + 1)) over
 *   the ideal ordering of all judged stories;
 * - recall@10: share of the relevant stories (grade 2 or 3) in the top 10;
 * - precision@5: share of the results shown in the top five (up to five) that are judged at
 *   all (grade 1 or more): how much of what a reader sees first is on topic. A query that
 *   returns nothing scores 0 here (its miss shows in MRR); for a negative query (no
 *   grades) precision is 1 when nothing comes back, else 0;
 * - empty: the query returned nothing (the share of negative queries that do is reported).
 */

export const CUTOFF = 10;
/** The lowest grade that counts as relevant for MRR and recall. */
export const RELEVANT_GRADE = 2;

export interface QueryScores {
  readonly mrr: number;
  readonly ndcg: number;
  readonly recall: number;
  readonly p5: number;
  /** 1 when nothing was returned, else 0 (a number, so it averages into a share). */
  readonly empty: number;
}

export const PRECISION_CUTOFF = 5;

export function scoreRanking(ranked: readonly string[], grades: Readonly<Record<string, number>>): QueryScores {
  const top = ranked.slice(0, CUTOFF);
  const first = top.findIndex((k) => (grades[k] ?? 0) >= RELEVANT_GRADE);
  const dcg = top.reduce((sum, k, i) => sum + (2 ** (grades[k] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, CUTOFF)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const relevant = Object.entries(grades).filter(([, g]) => g >= RELEVANT_GRADE).map(([k]) => k);
  const found = relevant.filter((k) => top.includes(k)).length;
  return {
    mrr: first < 0 ? 0 : 1 / (first + 1),
    ndcg: ideal > 0 ? dcg / ideal : 0,
    recall: relevant.length > 0 ? found / relevant.length : 0,
    p5: precisionAt5(ranked, grades),
    empty: ranked.length === 0 ? 1 : 0,
  };
}

function precisionAt5(ranked: readonly string[], grades: Readonly<Record<string, number>>): number {
  const shown = ranked.slice(0, PRECISION_CUTOFF);
  if (Object.keys(grades).length === 0) return shown.length === 0 ? 1 : 0;
  if (shown.length === 0) return 0;
  return shown.filter((k) => (grades[k] ?? 0) >= 1).length / shown.length;
}

/** The mean of each score. */
export function mean(scores: readonly QueryScores[]): QueryScores {
  const n = scores.length || 1;
  return {
    mrr: scores.reduce((s, x) => s + x.mrr, 0) / n,
    ndcg: scores.reduce((s, x) => s + x.ndcg, 0) / n,
    recall: scores.reduce((s, x) => s + x.recall, 0) / n,
    p5: scores.reduce((s, x) => s + x.p5, 0) / n,
    empty: scores.reduce((s, x) => s + x.empty, 0) / n,
  };
}
