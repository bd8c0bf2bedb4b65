import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldWord } from './normalize.ts';
import { stemHindi } from './stem.ts';

const stem = (w: string) => stemHindi(foldWord(w));

function sameStem(...forms: string[]) {
  const first = stem(forms[0] ?? '');
  for (const f of forms) assert.equal(stem(f), first, `${f} → ${stem(f)}, ${forms[0]} → ${first}`);
}

describe('stemHindi', () => {
  it('removes plural and oblique endings of nouns', () => {
    sameStem('खबर', 'खबरें', 'खबरों');
    sameStem('देश', 'देशों');
    sameStem('नेता', 'नेताओं');
    sameStem('महिला', 'महिलाएं', 'महिलाओं');
    sameStem('कंपनी', 'कंपनियां', 'कंपनियों');
  });

  it('removes gender and number endings of adjectives and participles', () => {
    sameStem('लड़का', 'लड़की', 'लड़के', 'लड़कों', 'लड़कियों');
    sameStem('पहुंचा', 'पहुंचे', 'पहुंची');
    sameStem('रूस', 'रूसी');
  });

  it('removes the English plural written in Devanagari', () => {
    sameStem('लीडर', 'लीडर्स');
    sameStem('चैनल', 'चैनल्स');
  });

  it('does not over-strip short words: at least two letters stay', () => {
    assert.equal(stem('ना'), 'ना');
    assert.equal(stem('की'), 'की');
    assert.equal(stem('बड़ा'), 'बड');
    assert.equal(stem('सत्ता'), 'सत्त');
    assert.equal(stem('दो'), 'दो');
  });

  it('does not derive: only a final vowel goes, never -ता or -ना (जनता, घटना, सेना are nouns)', () => {
    assert.equal(stem('जनता'), 'जनत');
    assert.equal(stem('घटना'), 'घटन');
    assert.equal(stem('सेना'), 'सेन');
    assert.equal(stem('पुतिन'), 'पुतिन');
  });

  it('leaves other scripts alone', () => {
    assert.equal(stemHindi('meetings'), 'meetings');
  });
});
