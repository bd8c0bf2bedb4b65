/**
 * The ranking, on documents built by the real pipeline: each rule of ranking.ts alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeQuery } from './hindi/analyze.ts';
import { idf, type RankableDoc, type RankGroup, rankDocs, relevance } from './ranking.ts';
import { type ArticleText, buildSearchDocument } from './search-document.ts';

const NOW = new Date('2023-03-22T00:00:00Z');

function doc(id: number, text: Partial<ArticleText>, publishedAt = NOW): RankableDoc {
  const d = buildSearchDocument({ headline: '', dek: '', tags: [], authors: [], captions: [], body: '', ...text });
  return { articleId: id, publishedAt, words: d.words, streams: d.streams };
}

function groups(q: string, extra: Record<string, number> = {}): RankGroup[] {
  return analyzeQuery(q).terms.map((t) => ({ position: t.position, keys: new Map([...t.keys.map((k) => [k, 1] as const), ...Object.entries(extra)]), vowel: t.vowel, idf: 1 }));
}

const order = (docs: RankableDoc[], q: string) => rankDocs(docs, groups(q), NOW).map((r) => r.articleId);

describe('ranking', () => {
  it('puts a headline match above a body match', () => {
    assert.deepEqual(order([doc(1, { body: 'सरकार ने आज पुतिन से बात की।' }), doc(2, { headline: 'पुतिन का बयान' })], 'putin'), [2, 1]);
  });

  it('puts a phrase above the same words scattered', () => {
    const scattered = doc(1, { body: 'पीस पर चर्चा हुई। बाद में अगले साल का प्लान बना।' });
    const phrase = doc(2, { body: 'चर्चा हुई। दोनों ने पीस प्लान पढ़ा।' });
    assert.deepEqual(order([scattered, phrase], 'peace plan'), [2, 1]);
  });

  it('puts stories with every query word first (coverage)', () => {
    const one = doc(1, { headline: 'जिनपिंग जिनपिंग जिनपिंग' });
    const both = doc(2, { body: 'पुतिन और जिनपिंग मिले।' });
    assert.deepEqual(order([one, both], 'putin jinping'), [2, 1]);
  });

  it('tells apart words with one skeleton by their vowels (peace: पीस before पास)', () => {
    assert.deepEqual(order([doc(1, { headline: 'बिल पास' }), doc(2, { headline: 'पीस की बात' })], 'peace'), [2, 1]);
    const [peace] = groups('peace');
    const pas = relevance(doc(1, { headline: 'पास' }), [peace!]).relevance;
    const pis = relevance(doc(2, { headline: 'पीस' }), [peace!]).relevance;
    assert.ok(pis > 2 * pas, `${pis} vs ${pas}`);
  });

  it('weighs a typo variant less, and only for words that sound close', () => {
    const [typed] = groups('jinpign');
    const withVariant: RankGroup = { ...typed!, keys: new Map([...typed!.keys, ['jnpng', 0.6]]) };
    assert.ok(relevance(doc(1, { headline: 'जिनपिंग' }), [withVariant]).relevance > 0);
    const [far] = groups('jungle');
    const farVariant: RankGroup = { ...far!, keys: new Map([...far!.keys, ['jnpng', 0.6]]) };
    assert.equal(relevance(doc(1, { headline: 'जिनपिंग' }), [farVariant]).relevance, 0);
  });

  it('blends in recency: of two equal stories the newer comes first', () => {
    const old = doc(1, { headline: 'पुतिन' }, new Date('2022-01-01T00:00:00Z'));
    const recent = doc(2, { headline: 'पुतिन' }, new Date('2023-03-20T00:00:00Z'));
    const ranked = rankDocs([old, recent], groups('putin'), NOW);
    assert.deepEqual(ranked.map((r) => r.articleId), [2, 1]);
    assert.ok(ranked[0]!.score > ranked[1]!.score);
  });

  it('leaves out stories that match nothing and uses BM25 idf', () => {
    assert.deepEqual(order([doc(1, { headline: 'मौसम' })], 'putin'), []);
    assert.ok(idf(1, 100) > idf(50, 100));
  });
});
