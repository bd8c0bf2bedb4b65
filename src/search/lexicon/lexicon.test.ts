import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findExpansions, LEXICON_STATS, MAX_EXPANSIONS, type PhraseExpansion } from './lexicon.ts';

const q = (query: string): readonly PhraseExpansion[] => findExpansions(query.toLowerCase().normalize('NFC').split(' '));
/** The expansion texts of the query's phrase starting at word `start`. */
const texts = (query: string, start = 0): string[] => (q(query).find((p) => p.start === start)?.expansions ?? []).map((e) => e.text);

describe('findExpansions', () => {
  it('translates the words readers type in English into Hindi', () => {
    assert.ok(texts('court').includes('अदालत'));
    assert.ok(texts('court').includes('न्यायालय'));
    assert.ok(texts('bail').includes('जमानत'));
  });

  it("answers the issue's examples: court, farmers, accident, teacher, and the register pairs", () => {
    assert.ok(texts('farmers').includes('किसान'));
    assert.ok(texts('accident').includes('हादसा') && texts('accident').includes('दुर्घटना'));
    assert.ok(texts('teacher').includes('शिक्षक'));
    assert.ok(texts('arrested').includes('गिरफ्तार'));
    assert.ok(texts('विद्यालय').includes('स्कूल') && texts('स्कूल').includes('विद्यालय'));
    for (const [english, hindi] of [['supreme court', 'सर्वोच्च न्यायालय'], ['chief minister', 'मुख्यमंत्री'], ['stock market', 'शेयर बाजार'], ['world cup', 'विश्व कप'], ['heavy rain', 'भारी बारिश']]) {
      const found = q(english ?? '');
      assert.deepEqual(found.map((p) => [p.start, p.end]), [[0, 2]], english);
      assert.ok(found[0]?.expansions.some((e) => e.text === hindi), `${english} → ${hindi}`);
    }
  });

  it('finds English inflections readers type (farmers, arrested, elections)', () => {
    assert.deepEqual(texts('elections').sort(), texts('election').sort());
    assert.ok(texts('courts').includes('अदालत'));
    assert.ok(texts('chief ministers').includes('मुख्यमंत्री'));
  });

  it('matches the longest multi-word entry first, then single words', () => {
    const found = q('high court ruling');
    assert.deepEqual(found.map((p) => [p.start, p.end]), [[0, 2], [2, 3]]);
    assert.ok(found[0]?.expansions.some((e) => e.text === 'उच्च न्यायालय'));
    assert.ok(found[1]?.expansions.some((e) => e.text === 'फैसला'));
  });

  it('meets Hindi register pairs both ways, inflected and in nukta or chandrabindu spellings', () => {
    assert.ok(texts('अदालत').includes('न्यायालय'));
    assert.ok(texts('न्यायालय').includes('अदालत'));
    assert.ok(texts('अदालतों').includes('न्यायालय'));
    assert.ok(texts('उच्च न्यायालय').includes('हाईकोर्ट'));
    assert.ok(texts('हाई कोर्ट').includes('उच्च न्यायालय'));
    assert.ok(texts('ज़मानत').includes('बेल'));
    assert.ok(texts('हादसा').includes('दुर्घटना'));
    assert.ok(texts('दुर्घटना').includes('हादसा'));
  });

  it('weighs every expansion below the word itself: synonyms 0.8, translations 0.7 (0.6 back to English)', () => {
    for (const query of ['court', 'अदालत', 'high court', 'हादसा']) {
      for (const p of q(query)) {
        for (const e of p.expansions) {
          assert.ok(e.weight > 0 && e.weight < 1, `${query} → ${e.text}`);
          assert.equal(e.weight, e.kind === 'synonym' ? 0.8 : /^[a-z ]+$/.test(e.text) ? 0.6 : 0.7, `${query} → ${e.text}`);
        }
      }
    }
    assert.equal(q('अदालत')[0]?.expansions.find((e) => e.text === 'court')?.kind, 'translation');
    assert.equal(q('अदालत')[0]?.expansions.find((e) => e.text === 'न्यायालय')?.kind, 'synonym');
  });

  it('never returns the query word itself, nor more than MAX_EXPANSIONS a phrase', () => {
    for (const query of ['अदालत', 'अदालतों', 'court', 'मामला', 'सरकार', 'चुनाव']) {
      for (const p of q(query)) {
        assert.ok(!p.expansions.some((e) => e.text === query), query);
        assert.ok(p.expansions.length <= MAX_EXPANSIONS, query);
      }
    }
  });

  it('does not expand stopwords or unknown words, and keeps word positions', () => {
    assert.deepEqual(q('the'), []);
    assert.deepEqual(q('का'), []);
    assert.deepEqual(q('putin'), []);
    assert.deepEqual(q('the court').map((p) => [p.start, p.end]), [[1, 2]]);
  });

  it('never throws on hostile input', () => {
    const hostile = ['', ' ', '\u0000', '\uD800', '‮court', 'a'.repeat(10_000), '🙂', '़', '्', 'court\u200D', '__proto__', 'constructor', 'toString'];
    // Bidi marks and joiners are cleaned away as the analyser does, so those two still find `court`.
    assert.deepEqual(findExpansions(hostile).map((p) => [p.start, p.end]), [[4, 5], [9, 10]]);
    assert.deepEqual(findExpansions([]), []);
    assert.deepEqual(findExpansions([undefined as unknown as string, null as unknown as string, 'court']).map((p) => p.start), [2]);
  });

  it('reports its size by domain', () => {
    const sum = Object.values(LEXICON_STATS.byDomain).reduce((a, b) => a + b, 0);
    assert.equal(sum, LEXICON_STATS.entries);
  });
});
