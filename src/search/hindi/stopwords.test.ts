import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldWord } from './normalize.ts';
import { isStopword, STOPWORD_COUNT } from './stopwords.ts';

const stop = (w: string) => isStopword(foldWord(w));

describe('stopwords', () => {
  it('knows Hindi postpositions, auxiliaries and pronouns, in any spelling', () => {
    for (const w of ['की', 'के', 'में', 'से', 'ने', 'है', 'हैं', 'और', 'गये', 'गए', 'यहाँ', 'उन्होंने']) assert.ok(stop(w), w);
  });

  it('knows the same words in Latin letters, and English function words', () => {
    for (const w of ['ki', 'ke', 'mein', 'se', 'aur', 'hai', 'The', 'of', 'and']) assert.ok(stop(w), w);
  });

  it('keeps content words, numbers and ambiguous Latin words', () => {
    for (const w of ['पुतिन', 'मुलाकात', 'दो', 'पहली', 'putin', 'us', 'up', 'main', 'peace']) assert.ok(!stop(w), w);
  });

  it('is a list of a useful size', () => {
    assert.ok(STOPWORD_COUNT > 200 && STOPWORD_COUNT < 500, String(STOPWORD_COUNT));
  });
});
