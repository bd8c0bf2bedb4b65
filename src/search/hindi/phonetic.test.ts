import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from './analyze.ts';
import { devanagariKey, editDistance, editVariants, latinKey, vowelKey, vowelSimilarity } from './phonetic.ts';

/** Every key the pipeline gives each word of `text`. */
const keysOf = (text: string) => analyze(text).tokens.filter((t) => !t.stop).map((t) => t.keys);

/** Asserts that each spelling shares a key with the first. */
function meet(...spellings: string[]) {
  const [first, ...rest] = spellings.map((s) => keysOf(s));
  for (const [i, keys] of rest.entries()) {
    assert.equal(keys.length, first?.length, spellings[i + 1]);
    keys.forEach((k, j) => assert.ok(k.some((x) => first?.[j]?.includes(x)), `${spellings[i + 1]} ${k.join('|')} vs ${spellings[0]} ${first?.[j]?.join('|')}`));
  }
}

describe('devanagariKey', () => {
  it('writes aspirates as plain stops and all sibilants as s', () => {
    assert.equal(devanagariKey('खबर'), 'kbr');
    assert.equal(devanagariKey('भारत'), 'brt');
    assert.equal(devanagariKey('शासन'), 'sn');
    assert.equal(devanagariKey('भाषा'), 'bs');
  });

  it('drops vowels, keeps a word-initial vowel as a', () => {
    assert.equal(devanagariKey('मुलाकात'), 'mlkt');
    assert.equal(devanagariKey('इंफॉर्मल'), 'anprml');
    assert.equal(devanagariKey('ऑफिशियल'), 'apsl');
  });

  it('writes anusvara as n', () => {
    assert.equal(devanagariKey('संबंध'), 'snbnd');
    assert.equal(devanagariKey('जिनपिंग'), 'jnpng');
  });

  it('keeps य only at the start of a word', () => {
    assert.equal(devanagariKey('यूक्रेन'), 'ykrn');
    assert.equal(devanagariKey('राज्य'), 'rj');
    assert.equal(devanagariKey('डियर'), 'dr');
  });

  it('drops ह after a virama, reads ज्ञ as g and ऋ as r, and writes doubled letters once', () => {
    assert.equal(devanagariKey('तुम्हारा'), 'tmr');
    assert.equal(devanagariKey('ज्ञान'), 'gn');
    assert.equal(devanagariKey('कृषि'), 'krs');
    assert.equal(devanagariKey('दिल्ली'), 'dl');
  });
});

describe('latinKey', () => {
  it('reads digraphs as one sound: kh gh ch chh jh th dh ph bh sh', () => {
    assert.equal(latinKey('khabar'), 'kbr');
    assert.equal(latinKey('bharat'), 'brt');
    assert.equal(latinKey('chhota'), 'ct');
    assert.equal(latinKey('phone'), 'pn');
    assert.equal(latinKey('shasan'), 'sn');
  });

  it('maps q→k, z→j, f→p, w→v, x→ks, c→s before e i y and k otherwise', () => {
    assert.equal(latinKey('mulaqaat'), 'mlkt');
    assert.equal(latinKey('zameen'), 'jmn');
    assert.equal(latinKey('friend'), 'prnd');
    assert.equal(latinKey('welcome'), 'vlkm');
    assert.equal(latinKey('xi'), 'ks');
    assert.equal(latinKey('policy'), 'pls');
    assert.equal(latinKey('cricket'), 'krkt');
  });

  it('reads -tion as sn and m before a stop as n', () => {
    assert.equal(latinKey('election'), 'alksn');
    assert.equal(latinKey('sambandh'), 'snbnd');
  });

  it('keeps y only at the start before a vowel, a word-initial vowel as a, doubled letters once', () => {
    assert.equal(latinKey('yukren'), 'ykrn');
    assert.equal(latinKey('priya'), 'pr');
    assert.equal(latinKey('informal'), 'anprml');
    assert.equal(latinKey('dilli'), 'dl');
  });

  it('drops a plural s from keys of four letters or more', () => {
    assert.equal(latinKey('leaders'), 'ldr');
    assert.equal(latinKey('meetings'), 'mtng');
    assert.equal(latinKey('bus'), 'bs');
  });
});

describe('cross-script keys', () => {
  it('Devanagari and romanized Hindi meet', () => {
    meet('पुतिन जिनपिंग मुलाकात', 'putin jinping mulakat');
    meet('रूस यूक्रेन जंग', 'rus yukren jang');
    meet('मुलाकात', 'mulaqaat');
    meet('पहुंचे', 'pahunche');
    meet('संबंध', 'sambandh');
  });

  it('English loanwords meet their Devanagari spelling', () => {
    meet('इंफॉर्मल मीटिंग', 'informal meeting');
    meet('पीस प्लान', 'peace plan');
    meet('वेलकम डियर फ्रेंड', 'welcome dear friend');
    meet('प्रेसिडेंट', 'president');
    meet('लीडर्स', 'leader');
  });

  it('Devanagari words also carry the key of their lexicon spelling', () => {
    meet('यूक्रेन', 'ukraine');
    meet('रूस', 'russia');
    meet('शी', 'xi');
    meet('मॉस्को', 'moscow');
    meet('सीजफायर', 'ceasefire');
  });
});

describe('vowelKey', () => {
  it('tells apart words with one skeleton', () => {
    assert.equal(latinKey('peace'), latinKey('paas'));
    assert.notEqual(vowelKey('peace'), vowelKey('paas'));
    const [peace, paas] = analyze('पीस पास').tokens;
    assert.equal(peace?.vowel, vowelKey('peace'));
    assert.ok(vowelSimilarity(vowelKey('pees'), peace?.vowel ?? '') > vowelSimilarity(vowelKey('pees'), paas?.vowel ?? ''));
  });

  it('folds long and short spellings of one vowel', () => {
    assert.equal(vowelKey('mulaqaat'), vowelKey('mulakat'));
    assert.equal(vowelKey('meeting'), vowelKey('miting'));
    assert.equal(vowelKey('hain'), vowelKey('hen'));
  });
});

describe('typo tools', () => {
  it('lists the skeletons one edit away', () => {
    const v = editVariants('jnpng');
    for (const k of ['jnpg', 'jnpgn', 'jnpmg', 'ajnpng', 'jnpngs']) assert.ok(v.includes(k), k);
    assert.ok(!v.includes('jnpng'));
    assert.ok(!v.some((k) => /.a/.test(k)), "'a' only starts a key");
    assert.deepEqual(editVariants('москва'), []);
  });

  it('measures edit distance and vowel similarity', () => {
    assert.equal(editDistance('mulakat', 'mulkat'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('putin', 'ptuin'), 1, 'a swap of neighbours is one edit');
    assert.equal(vowelSimilarity('pis', 'pis'), 1);
    assert.ok(vowelSimilarity('pis', 'pas') < 1);
  });
});
