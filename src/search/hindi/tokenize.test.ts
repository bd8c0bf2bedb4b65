import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoArticles } from '../../demo/content/index.ts';
import { cleanText } from './normalize.ts';
import { needsSegmenter, tokenize } from './tokenize.ts';

const words = (text: string) => tokenize(cleanText(text)).map((t) => t.text);

describe('tokenize', () => {
  it('keeps Devanagari words whole (vowel signs, virama, nukta, anusvara)', () => {
    assert.deepEqual(words('जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड'), ['जिनपिंग', 'से', 'बोले', 'पुतिन', 'वेलकम', 'डियर', 'फ्रेंड']);
    assert.deepEqual(words('मुलाक़ात हुई।'), ['मुलाक़ात', 'हुई']);
  });

  it('gives offsets into the cleaned text', () => {
    const text = cleanText('पुतिन (क्रेमलिन) में');
    for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
    assert.deepEqual(tokenize(text).map((t) => t.text), ['पुतिन', 'क्रेमलिन', 'में']);
  });

  it('numbers positions, skipping one at a sentence end', () => {
    const tokens = tokenize(cleanText('पुतिन आए। जिनपिंग गए, फिर लौटे'));
    assert.deepEqual(tokens.map((t) => t.position), [0, 1, 3, 4, 5, 6]);
  });

  it('splits mixed punctuation and scripts with the segmenter', () => {
    assert.deepEqual(words('फ्रेंड:मुलाकात'), ['फ्रेंड', 'मुलाकात']);
    assert.deepEqual(words('putin:jinping पुतिन.जिनपिंग'), ['putin', 'jinping', 'पुतिन', 'जिनपिंग']);
    // A colon after a word's first syllable is visarga typed on a keyboard without it.
    assert.deepEqual(words('दु:ख'), ['दु:ख']);
    assert.deepEqual(words('COVID-19 के केस'), ['COVID', '19', 'के', 'केस']);
    assert.deepEqual(words('iPhone 15 लॉन्च'), ['iPhone', '15', 'लॉन्च']);
  });

  it('finds no words in punctuation, symbols and spaces', () => {
    assert.deepEqual(words(`" * - ( ) : ^ ! & | । ॥ … 🙂`), []);
    assert.deepEqual(words(''), []);
  });

  it('gives the segmenter’s words for every chunk of the demo corpus, fast path or not', () => {
    const segmenter = new Intl.Segmenter('hi', { granularity: 'word' });
    let checked = 0;
    for (const a of demoArticles) {
      const text = cleanText([a.headline, a.dek, ...a.body.map((b) => ('p' in b ? b.p : 'h' in b ? b.h : 'photo' in b ? b.photo.caption : 'quote' in b ? b.quote : b.list.join(' ')))].join(' '));
      for (const chunk of text.split(/\s+/)) {
        // Chunks with a colon or a stop between Devanagari letters are split on purpose (tested above).
        if (chunk === '' || /[:.]/.test(chunk.slice(1, -1))) continue;
        const expected = [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment);
        assert.deepEqual(tokenize(chunk).map((t) => t.text), expected, chunk);
        checked++;
      }
    }
    assert.ok(checked > 5000, `checked ${checked} chunks`);
  });

  it('takes the fast path only where the segmenter agrees (whole demo corpus)', () => {
    const segmenter = new Intl.Segmenter('hi', { granularity: 'word' });
    let checked = 0;
    for (const a of demoArticles) {
      const text = [a.headline, a.dek, ...a.body.map((b) => ('p' in b ? b.p : 'h' in b ? b.h : 'photo' in b ? b.photo.caption : 'quote' in b ? b.quote : b.list.join(' ')))].join(' ');
      for (const chunk of cleanText(text).split(/\s+/)) {
        if (chunk === '' || needsSegmenter(chunk)) continue;
        const segments = [...segmenter.segment(chunk)].filter((s) => s.isWordLike).map((s) => s.segment);
        assert.deepEqual(segments, [chunk], chunk);
        checked++;
      }
    }
    assert.ok(checked > 5000, `checked ${checked} chunks`);
  });
});
