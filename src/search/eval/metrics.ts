/**
 * Ranking metrics at a cutoff of 10, over graded judgments (see judgments.ts):
 * - MRR@10: 1 / rank of the first relevant story (grade 2 or 3) in the top 10, else 0;
 * - nDCG@10: discounted cumulative gain (gain 2^grade − 1, discount log2(rank + 1)) over
 *   the ideal ordering of all judged stories;
 * - recall@10: share of the relevant stories (grade 2 or 3) in the top 10.
 */

export const CUTOFF = 10;
/** The lowest grade that counts as relevant for MRR and recall. */
export const RELEVANT_GRADE = 2;

export interface QueryScores {
  readonly mrr: number;
  readonly ndcg: number;
  readonly recall: number;
}

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
  };
}

/** The mean of each score. */
export function mean(scores: readonly QueryScores[]): QueryScores {
  const n = scores.length || 1;
  return {
    mrr: scores.reduce((s, x) => s + x.mrr, 0) / n,
    ndcg: scores.reduce((s, x) => s + x.ndcg, 0) / n,
    recall: scores.reduce((s, x) => s + x.recall, 0) / n,
  };
}
