import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText, foldDevanagari, foldWord, scriptOf } from './normalize.ts';

/** Asserts that every spelling folds to the first one's form. */
function same(...spellings: string[]) {
  const first = foldWord(cleanText(spellings[0] ?? ''));
  for (const s of spellings) assert.equal(foldWord(cleanText(s)), first, `${s} ≠ ${spellings[0]}`);
}

describe('cleanText', () => {
  it('applies NFC (precomposed and decomposed letters are one text)', () => {
    assert.equal(cleanText('न\u093C'), cleanText('\u0929'));
    assert.equal(cleanText('Cafe\u0301'), 'Café');
  });

  it('removes ZWJ, ZWNJ, zero-width spaces, soft hyphens and the BOM', () => {
    assert.equal(cleanText('स्\u200Dवच्\u200Cछ'), 'स्वच्छ');
    assert.equal(cleanText('प्रधान\u00ADमंत्री'), 'प्रधानमंत्री');
    assert.equal(cleanText('मुला\u200Bकात\uFEFF'), 'मुलाकात');
  });

  it('removes bidi marks, embeddings, overrides and isolates', () => {
    assert.equal(cleanText('\u202Eपुतिन\u202C \u2067putin\u2069\u200F'), 'पुतिन putin');
  });

  it('turns control characters, lone surrogates and U+FFFD into spaces', () => {
    assert.equal(cleanText('a\u0000b\u0007c'), 'a b c');
    assert.equal(cleanText('x\uD800y\uDC00z'), 'x y z');
    assert.equal(cleanText('ab\uFFFDcd'), 'ab cd');
    assert.equal(cleanText('😀'), '😀', 'a well-formed surrogate pair stays');
  });

  it('writes precomposed nukta letters as base + nukta, whatever NFC does with them', () => {
    assert.equal(cleanText('\u0958'), 'क\u093C');
    assert.equal(cleanText('\u0929'), 'न\u093C');
  });

  it('writes Devanagari digits as ASCII digits', () => {
    assert.equal(cleanText('२०२३ में ५'), '2023 में 5');
  });
});

describe('foldDevanagari', () => {
  it('folds nukta: मुलाक़ात = मुलाकात, ज़मीन = जमीन, precomposed or not', () => {
    same('मुलाकात', 'मुलाक़ात', 'मुला\u0958ात');
    same('जमीन', 'ज़मीन', '\u095Bमीन');
    same('पढ़ाई', 'पढाई');
  });

  it('folds chandrabindu (and the inverted one) into anusvara: पहुँचे = पहुंचे', () => {
    same('पहुंचे', 'पहुँचे', 'पहु\u0900चे');
    same('हंसी', 'हँसी');
  });

  it('reads a nasal consonant + virama before a stop or nasal as anusvara: सम्बन्ध = संबंध', () => {
    same('संबंध', 'सम्बन्ध', 'सम्बंध');
    same('हिंदी', 'हिन्दी');
    same('ठंडा', 'ठण्डा');
    same('गंगा', 'गङ्गा');
    same('चंचल', 'चञ्चल');
    // Before य, र, ल, व, श, ष, स, ह the half nasal is a real consonant: it stays.
    assert.equal(foldDevanagari('अन्य'), 'अन्य');
    assert.equal(foldDevanagari('तुम्हारा'), 'तुम्हारा');
  });

  it('folds the glide inside a word: गये = गए, नयी = नई, लिये = लिए, आये = आए', () => {
    same('गए', 'गये');
    same('नई', 'नयी');
    same('लिए', 'लिये');
    same('आए', 'आये');
    same('जाएं', 'जायें');
    // At the start of a word ये is the pronoun and stays.
    assert.equal(foldDevanagari('ये'), 'ये');
    // Other य are consonants.
    assert.equal(foldDevanagari('समय'), 'समय');
    assert.equal(foldDevanagari('राज्य'), 'राज्य');
  });

  it('removes visarga: दुःख = दुख', () => {
    same('दुख', 'दुःख', 'दु:ख');
    same('अत', 'अतः');
  });
});

describe('foldWord', () => {
  it('lowercases Latin and removes accents and apostrophes', () => {
    assert.equal(foldWord('Putin'), 'putin');
    assert.equal(foldWord('Café'), 'cafe');
    assert.equal(foldWord("India's"), 'indias');
  });

  it('folds each script run of a mixed word by its own rules', () => {
    assert.equal(foldWord('जी20'), 'जी20');
    assert.equal(foldWord('5वीं'), '5वीं');
  });

  it('lowercases other scripts with NFKC', () => {
    assert.equal(foldWord('ＡＢＣ'), 'abc');
    assert.equal(foldWord('Москва'), 'москва');
  });

  it('knows each script', () => {
    assert.equal(scriptOf('मुलाकात'), 'devanagari');
    assert.equal(scriptOf('putin'), 'latin');
    assert.equal(scriptOf('2023'), 'number');
    assert.equal(scriptOf('जी20'), 'mixed');
    assert.equal(scriptOf('москва'), 'other');
  });
});
