/**
 * The ranking, on documents built by the real pipeline: each rule of ranking.ts alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeQuery } from './hindi/analyze.ts';
import { idealRelevance, idf, type RankableDoc, type RankGroup, rankDocs, relevance } from './ranking.ts';
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

  it('tells apart words with one skeleton by their vowels (peace: पीस, never पास)', () => {
    // A two-letter skeleton matches only a word that also sounds alike (issue 16).
    assert.deepEqual(order([doc(1, { headline: 'बिल पास' }), doc(2, { headline: 'पीस की बात' })], 'peace'), [2]);
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

describe('precision (issue 16)', () => {
  const strict = { minCoverage: 0.55, minShareOfIdeal: 0.12 };
  const ranked = (docs: RankableDoc[], q: string, g = groups(q)) => rankDocs(docs, g, NOW, strict).map((r) => r.articleId);

  it('a short skeleton matches only a word that sounds alike: `modi` is not मीडिया, `bhav` is भाव', () => {
    assert.equal(relevance(doc(1, { headline: 'मीडिया की खबर' }), groups('modi')).relevance, 0);
    assert.ok(relevance(doc(1, { headline: 'सोने का भाव' }), groups('bhav')).relevance > 0);
    // An inflected story word and English u for the schwa: `bus` finds बसों.
    assert.ok(relevance(doc(1, { headline: 'इलेक्ट्रिक बसों के रूट' }), groups('bus')).relevance > 0);
  });

  it('a four-letter skeleton with far-off vowels is no match (`earthquake` is not आर्थिक)', () => {
    assert.equal(relevance(doc(1, { headline: 'आर्थिक संकट' }), groups('earthquake')).relevance, 0);
    assert.ok(relevance(doc(1, { headline: 'मुलाकात' }), groups('mulkat')).relevance > 0);
  });

  it('an exact match outranks a phonetic one', () => {
    const exact = relevance(doc(1, { headline: 'मुलाकात' }), groups('मुलाकात')).relevance;
    const phonetic = relevance(doc(2, { headline: 'मुलाकात' }), groups('mulkat')).relevance;
    assert.ok(exact > phonetic, `${exact} vs ${phonetic}`);
  });

  it('minimum-should-match: both of two words; of three, two that carry most of the rarity', () => {
    const g = groups('पुतिन मौसम').map((x, i) => ({ ...x, idf: i === 0 ? 3 : 1 }));
    assert.deepEqual(ranked([doc(1, { headline: 'मौसम की खबर' }), doc(2, { headline: 'पुतिन और मौसम' }), doc(3, { headline: 'पुतिन की खबर' })], '', g), [2]);
    const g3 = groups('पुतिन मौसम बारिश').map((x, i) => ({ ...x, idf: i === 0 ? 3 : 1 }));
    // पुतिन and मौसम: 4 of 5 by idf, kept; मौसम and बारिश: 2 of 5, dropped.
    assert.deepEqual(ranked([doc(4, { headline: 'पुतिन और मौसम' }), doc(5, { headline: 'मौसम और बारिश' })], '', g3), [4]);
  });

  it('a weak match far below the best possible one is dropped; without thresholds it is kept', () => {
    const longBody = `${'सरकार ने बात की। '.repeat(300)} पुतिन`;
    // A weak key (weight 0.3, like a distant expansion) found once deep in a long body.
    const [putin] = groups('पुतिन');
    const weak: RankGroup[] = [{ ...putin!, keys: new Map([...putin!.keys.keys()].map((k) => [k, 0.3] as const)) }];
    assert.ok(idealRelevance(weak) > 0);
    assert.deepEqual(ranked([doc(1, { body: longBody })], '', weak), []);
    assert.deepEqual(ranked([doc(1, { body: longBody }), doc(2, { headline: 'पुतिन' })], 'पुतिन'), [2, 1]);
    assert.deepEqual(rankDocs([doc(1, { body: longBody })], weak, NOW).map((r) => r.articleId), [1]);
  });

  it('an expansion key counts with its own vowel key and below the word itself', () => {
    const [court] = groups('court');
    const adalat = analyzeQuery('अदालत').terms[0]!;
    const expanded: RankGroup = { ...court!, keys: new Map([...court!.keys, ...adalat.keys.map((k) => [k, 0.7] as const)]), vowels: new Map(adalat.keys.map((k) => [k, adalat.vowel])) };
    const viaExpansion = relevance(doc(1, { headline: 'अदालत का फैसला' }), [expanded]).relevance;
    const own = relevance(doc(2, { headline: 'अदालत का फैसला' }), groups('अदालत')).relevance;
    assert.ok(viaExpansion > 0 && viaExpansion < own, `${viaExpansion} vs ${own}`);
  });
});
