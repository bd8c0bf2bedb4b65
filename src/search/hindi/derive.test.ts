/** Word families and compounds (derive.ts): each rule, and the words it must leave alone. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compoundParts, verbRoot, wordFamily } from './derive.ts';

describe('word families', () => {
  it('finds the verb root behind verbal nouns, infinitives, participles and past forms', () => {
    for (const w of ['बढ़ना', 'बढ़ने', 'बढ़ती', 'बढ़ते', 'बढ़ोतरी', 'बढ़ा', 'बढ़ी', 'बढ़े']) assert.equal(verbRoot(w), 'बढ़', w);
    assert.equal(verbRoot('पढ़ाई'), 'पढ़');
    assert.equal(verbRoot('लड़ाई'), 'लड़');
  });

  it('joins a family both ways: बढ़ोतरी searches बढ़ा and बढ़ना, and बढ़ा searches बढ़ोतरी', () => {
    assert.ok(wordFamily('बढ़ोतरी').includes('बढ़ा'));
    assert.ok(wordFamily('बढ़ोतरी').includes('बढ़ना'));
    assert.ok(wordFamily('बढ़ा').includes('बढ़ोतरी'));
    assert.ok(!wordFamily('बढ़ा').includes('बढ़ा'));
  });

  it('does not over-strip: one consonant left, a virama or a vowel sign at the end, or -ता nouns', () => {
    for (const w of ['सेना', 'भाई', 'ताना', 'ने', 'की', 'सत्ता', 'नेता', 'जनता', 'क्षमता', 'सफलता']) assert.deepEqual(wordFamily(w), [], w);
    assert.equal(verbRoot('putin'), null);
    assert.equal(verbRoot(''), null);
  });
});

describe('compounds', () => {
  it('knows the commonest joined compounds and their parts', () => {
    assert.deepEqual(compoundParts('प्रधानमंत्री'), ['प्रधान', 'मंत्री']);
    assert.deepEqual(compoundParts('विधानसभा'), ['विधान', 'सभा']);
    assert.equal(compoundParts('मंत्री'), null);
  });
});
