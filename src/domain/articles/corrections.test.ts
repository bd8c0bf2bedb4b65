/**
 * Corrections as data (decision 025), the pure parts: what a save may send, how stored
 * lists are read back (old or odd rows never break a page), and how two revisions'
 * corrections compare on the revisions screen.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DomainError } from '../../errors.ts';
import { CORRECTION_LIMITS, parseCorrections } from './article.ts';
import { parseCorrectionsPatch } from './article-edit-service.ts';
import type { ArticleSnapshot } from './article-history.ts';
import { compareRevisions } from './revision-diff.ts';

const now = new Date('2026-03-21T05:00:00Z');
const fieldOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof DomainError);
    assert.equal(err.code, 'INVALID_INPUT');
    return err.field;
  }
  assert.fail('expected a refusal');
};

describe('corrections', () => {
  test('a new correction is dated when saved; a given date is kept; text is trimmed and NFC (क़ as two code points)', () => {
    const out = parseCorrectionsPatch([{ text: ' पहले ', date: '2026-03-20T10:00:00.000Z' }, { text: 'नई\u0958' }], now);
    assert.deepEqual(out, [
      { date: '2026-03-20T10:00:00.000Z', text: 'पहले' },
      { date: now.toISOString(), text: 'नई\u0915\u093c' },
    ]);
    assert.deepEqual(parseCorrectionsPatch([], now), []);
  });

  test('each bad entry is refused naming itself and its field', () => {
    assert.equal(fieldOf(() => parseCorrectionsPatch({}, now)), 'corrections');
    assert.equal(fieldOf(() => parseCorrectionsPatch(Array.from({ length: CORRECTION_LIMITS.count + 1 }, () => ({ text: 'x' })), now)), 'corrections');
    assert.equal(fieldOf(() => parseCorrectionsPatch([null], now)), 'corrections.0');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'ठीक' }, { text: '' }], now)), 'corrections.1.text');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 5 }], now)), 'corrections.0.text');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'क'.repeat(CORRECTION_LIMITS.text + 1) }], now)), 'corrections.0.text');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'a\u0007b' }], now)), 'corrections.0.text');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'ठीक', date: 'not a date' }], now)), 'corrections.0.date');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'ठीक', date: '2026-03-22T00:00:00Z' }], now)), 'corrections.0.date');
    assert.equal(fieldOf(() => parseCorrectionsPatch([{ text: 'ठीक', author: 'x' }], now)), 'corrections.0.author');
    // Exactly at the limit is fine.
    assert.equal(parseCorrectionsPatch([{ text: 'क'.repeat(CORRECTION_LIMITS.text) }], now).length, 1);
  });

  test('stored lists are read leniently: broken JSON or entries are left out, never thrown', () => {
    assert.deepEqual(parseCorrections('[{"date":"2026-03-20T10:00:00.000Z","text":"ठीक"}]'), [{ date: '2026-03-20T10:00:00.000Z', text: 'ठीक' }]);
    assert.deepEqual(parseCorrections('{'), []);
    assert.deepEqual(parseCorrections('{"a":1}'), []);
    assert.deepEqual(parseCorrections(undefined), []);
    assert.deepEqual(parseCorrections([{ date: 'x', text: 'y' }, { text: 'no date' }, 7]), []);
  });

  test('the revisions screen compares corrections and language', () => {
    const base: ArticleSnapshot = { headline: 'h', dek: '', slug: 'h', sectionId: 1, tagNames: [], authorIds: [], heroMediaId: null, body: { version: 1, blocks: [] }, seoTitle: '', seoDescription: '', correctionNote: '' };
    const withOne = { ...base, corrections: [{ date: '2026-03-20T10:00:00.000Z', text: 'ठीक किया' }], lang: 'hi' };
    const fields = new Map(compareRevisions(base, withOne, new Map()).fields.map((f) => [f.field, f.changed]));
    assert.equal(fields.get('corrections'), true, 'an old snapshot without corrections compares as none');
    assert.equal(fields.get('lang'), false, 'and as Hindi');
    assert.equal(fields.get('headline'), false);
    const english = new Map(compareRevisions(withOne, { ...withOne, lang: 'en' }, new Map()).fields.map((f) => [f.field, f.changed]));
    assert.equal(english.get('lang'), true);
    assert.equal(english.get('corrections'), false);
  });
});
