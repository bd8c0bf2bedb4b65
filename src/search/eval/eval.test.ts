/**
 * The evaluation's parts (metrics, the Lucene baseline's rules, the FTS5 baseline) and the
 * evaluation itself: Samachar must meet its targets on the judged queries.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evalCorpus } from './corpus.ts';
import { Fts5Baseline } from './fts5-baseline-store.ts';
import { ALL_KINDS, JUDGMENTS, QUERY_KINDS } from './judgments.ts';
import { luceneHindiAnalyze } from './lucene-hindi.ts';
import { mean, scoreRanking } from './metrics.ts';
import { runEvaluation } from './run-eval.ts';

describe('metrics', () => {
  it('MRR counts the first story of grade 2 or more; recall the share of those in the top 10', () => {
    const grades = { a: 3, b: 1, c: 2 };
    const s = scoreRanking(['x', 'b', 'c', 'a'], grades);
    assert.equal(s.mrr, 1 / 3);
    assert.equal(s.recall, 1);
    assert.equal(scoreRanking(['x'], grades).recall, 0);
  });

  it('nDCG is 1 for the ideal order and less otherwise', () => {
    const grades = { a: 3, b: 2, c: 1 };
    assert.equal(scoreRanking(['a', 'b', 'c'], grades).ndcg, 1);
    assert.ok(scoreRanking(['c', 'b', 'a'], grades).ndcg < 1);
    assert.deepEqual(mean([{ mrr: 1, ndcg: 1, recall: 1, p5: 1, empty: 0 }, { mrr: 0, ndcg: 0.5, recall: 0, p5: 0, empty: 1 }]), { mrr: 0.5, ndcg: 0.75, recall: 0.5, p5: 0.5, empty: 0.5 });
  });

  it('precision@5 is the judged share of what is shown; a negative query scores 1 only when nothing is shown', () => {
    assert.equal(scoreRanking(['a', 'x', 'b', 'y'], { a: 3, b: 1 }).p5, 0.5);
    assert.equal(scoreRanking(['a', 'b', 'c', 'd', 'e', 'f'], { a: 3, f: 3 }).p5, 0.2);
    assert.equal(scoreRanking([], { a: 3 }).p5, 0);
    assert.equal(scoreRanking([], {}).p5, 1);
    assert.equal(scoreRanking([], {}).empty, 1);
    assert.equal(scoreRanking(['a'], {}).p5, 0);
  });
});

describe('Lucene Hindi baseline: the rules of the notes, with their known weaknesses', () => {
  const terms = (s: string) => luceneHindiAnalyze(s);
  it('folds nukta, chandrabindu and न् into one form', () => {
    assert.deepEqual(terms('मुलाक़ात मुलाकात'), ['मुलाकात', 'मुलाकात']);
    assert.deepEqual(terms('हिन्दी हिंदी'), terms('हिंदी हिंदी'));
  });
  it('removes every virama and folds long vowels, merging different words', () => {
    assert.deepEqual(terms('दिन दीन'), ['दिन', 'दिन']);
    assert.deepEqual(terms('छात्र'), ['छातर']);
  });
  it('keeps सम्बन्ध/संबंध, गये/गए and दुःख/दुख apart', () => {
    assert.notDeepEqual(terms('सम्बन्ध'), terms('संबंध'));
    assert.notDeepEqual(terms('गये'), terms('गए'));
    assert.notDeepEqual(terms('दुःख'), terms('दुख'));
  });
  it('drops stopwords and stems the longest suffix that leaves two more characters', () => {
    assert.deepEqual(terms('की में और'), []);
    assert.deepEqual(terms('लड़कियों'), ['लडक']);
  });
  it('has nothing for romanized or English queries', () => {
    assert.deepEqual(terms('mulakat'), ['mulakat']);
  });
});

describe('FTS5 unicode61 baseline', () => {
  it('splits Devanagari at vowel signs, so a word matches its letters anywhere in order', () => {
    const fts = new Fts5Baseline([{ key: 'a', headline: 'मुलाकात', rest: '' }, { key: 'b', headline: 'म ल क त', rest: '' }]);
    try {
      assert.deepEqual(fts.search('मुलाकात').sort(), ['a', 'b']);
      assert.deepEqual(fts.search('" * ( ) NEAR'), []);
    } finally {
      fts.close();
    }
  });
});

describe('the evaluation', () => {
  it('has at least 40 articles and 60 judged queries, 10 of every kind, 25 synonyms and 20 negatives', () => {
    assert.ok(evalCorpus().length >= 40);
    assert.ok(JUDGMENTS.length >= 60);
    for (const kind of ALL_KINDS) assert.ok(JUDGMENTS.filter((j) => j.kind === kind).length >= 10, kind);
    assert.ok(JUDGMENTS.filter((j) => j.kind === 'synonym').length >= 25);
    assert.ok(JUDGMENTS.filter((j) => j.kind === 'negative').length >= 20);
  });

  it('Samachar meets its targets: MRR@10 ≥ 0.9 overall and per kind (synonyms ≥ 0.8), 90 % of negatives empty; both baselines fall far behind', async () => {
    const report = await runEvaluation();
    const s = report.summary.samachar;
    assert.ok(s.all.mrr >= 0.9, `overall ${s.all.mrr}`);
    for (const kind of QUERY_KINDS) assert.ok(s[kind].mrr >= (kind === 'synonym' ? 0.8 : 0.9), `${kind} ${s[kind].mrr}`);
    assert.ok(s.negative.empty >= 0.9, `negative ${s.negative.empty}`);
    assert.ok(report.summary['fts5-unicode61'].all.mrr < s.all.mrr);
    assert.ok(report.summary['lucene-hindi'].all.mrr < s.all.mrr);
  });
});
