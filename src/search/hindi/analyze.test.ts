import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, analyzeQuery, MAX_QUERY_TERMS } from './analyze.ts';

describe('analyze', () => {
  it('gives each word its position, offsets, fold and keys; stopwords keep their place', () => {
    const { clean, tokens } = analyze('जिनपिंग से बोले पुतिन');
    assert.deepEqual(tokens.map((t) => [t.text, t.position, t.stop]), [
      ['जिनपिंग', 0, false],
      ['से', 1, true],
      ['बोले', 2, false],
      ['पुतिन', 3, false],
    ]);
    for (const t of tokens) assert.equal(clean.slice(t.start, t.end), t.text);
    assert.deepEqual(tokens[1]?.keys, []);
    assert.deepEqual(tokens[3]?.keys, ['ptn']);
  });

  it('gives the same keys to the spellings the issue lists', () => {
    const keys = (s: string) => analyze(s).tokens.map((t) => t.keys[0]);
    assert.deepEqual(keys('मुलाक़ात पहुँचे सम्बन्ध'), keys('मुलाकात पहुंचे संबंध'));
  });
});

describe('analyzeQuery', () => {
  it('drops stopwords and repeated words, keeps query positions', () => {
    const q = analyzeQuery('पुतिन की मुलाकात putin');
    assert.deepEqual(q.terms.map((t) => [t.text, t.position]), [['पुतिन', 0], ['मुलाकात', 2]]);
  });

  it('accepts anything: search syntax, SQL, punctuation, huge and broken input', () => {
    const inputs = [
      '',
      '   ',
      `" * - ( ) NEAR OR AND : ^ ! & |`,
      "'; DROP TABLE articles; --",
      '1 OR 1=1',
      'x'.repeat(10_240),
      'मुलाकात '.repeat(2000),
      '\uD800\uDFFF\uFFFD\u0000',
      '\u202Eपुतिन\u202C\u200B\u200D',
      '....!!!???',
      '😀🇮🇳',
    ];
    for (const input of inputs) {
      const q = analyzeQuery(input);
      assert.ok(q.text.length <= 256 * 2, 'cut to a bounded length');
      assert.ok(q.terms.length <= MAX_QUERY_TERMS);
      for (const t of q.terms) for (const k of t.keys) assert.match(k, /^[\p{L}\p{M}\p{N}]+$/u, JSON.stringify(input.slice(0, 20)));
    }
    assert.deepEqual(analyzeQuery(`" * - ( ) : ^ ! & |`).terms, []);
    assert.deepEqual(analyzeQuery('\u202Eपुतिन\u202C\u200B').terms.map((t) => t.keys), [['ptn']]);
  });
});
