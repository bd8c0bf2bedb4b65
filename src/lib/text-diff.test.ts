import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_DIFF_STEPS, diffBlocks, type DiffPart, diffText, type SideBySide } from './text-diff.ts';

const text = (parts: readonly DiffPart[]) => parts.map((p) => p.text).join('');
const marked = (parts: readonly DiffPart[]) => parts.filter((p) => p.changed).map((p) => p.text);
const budget = (steps = DEFAULT_DIFF_STEPS) => ({ remaining: steps });

/** Both sides must give back exactly the texts compared, whatever was marked. */
function assertFaithful(d: SideBySide, before: readonly string[], after: readonly string[]) {
  assert.equal(text(d.old), before.join('\n\n'));
  assert.equal(text(d.new), after.join('\n\n'));
}

/** Length of the longest common subsequence, by the textbook table (small inputs only). */
function lcs(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

/** A seeded random generator, so a failure can be replayed. */
function rng(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('text diff', () => {
  test('marks the changed words of a Hindi sentence, and nothing else', () => {
    const d = diffText('पुतिन ने जिनपिंग को डियर फ्रेंड कहा।', 'पुतिन ने जिनपिंग को प्रिय मित्र कहा।', budget());
    assert.ok(d.complete);
    assert.deepEqual(marked(d.old), ['डियर फ्रेंड']);
    assert.deepEqual(marked(d.new), ['प्रिय मित्र']);
  });

  test('equal texts have no marks; an empty side is all added or all removed', () => {
    const same = diffText('एक दो तीन', 'एक दो तीन', budget());
    assert.deepEqual(same.old, [{ text: 'एक दो तीन', changed: false }]);
    assert.deepEqual(same.new, [{ text: 'एक दो तीन', changed: false }]);
    const added = diffText('', 'नई बात', budget());
    assert.deepEqual(added.old, []);
    assert.deepEqual(added.new, [{ text: 'नई बात', changed: true }]);
    const removed = diffText('पुरानी बात', '', budget());
    assert.deepEqual(removed.old, [{ text: 'पुरानी बात', changed: true }]);
    assert.deepEqual(removed.new, []);
  });

  test('an inserted paragraph is marked whole; the paragraphs around it are not', () => {
    const before = ['पहला पैरा', 'दूसरा पैरा', 'तीसरा पैरा'];
    const after = ['पहला पैरा', 'नया पैरा', 'दूसरा पैरा', 'तीसरा पैरा'];
    const d = diffBlocks(before, after, budget());
    assertFaithful(d, before, after);
    assert.deepEqual(marked(d.old), []);
    assert.deepEqual(marked(d.new), ['\n\nनया पैरा']);
  });

  test('a split paragraph is compared word by word across the split', () => {
    const before = ['रूस और चीन के बीच बातचीत हुई और शांति योजना पर चर्चा हुई'];
    const after = ['रूस और चीन के बीच बातचीत हुई', 'शांति योजना पर चर्चा हुई'];
    const d = diffBlocks(before, after, budget());
    assertFaithful(d, before, after);
    assert.ok(d.complete);
    assert.deepEqual(marked(d.old), [' और ']);
    assert.deepEqual(marked(d.new), ['\n\n']);
  });

  test('random edits: both sides are given back exactly', () => {
    const words = 'क ख ग घ च छ ज झ a b c , । \u200c'.split(' ');
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const make = (n: number) => Array.from({ length: n }, () => words[Math.floor(r() * words.length)]!).join(r() < 0.5 ? ' ' : '');
      const a = make(Math.floor(r() * 40));
      const b = r() < 0.3 ? make(Math.floor(r() * 40)) : a.replace(/[कख]/g, () => words[Math.floor(r() * words.length)]!);
      const d = diffText(a, b, budget());
      assert.equal(text(d.old), a, `seed ${seed}`);
      assert.equal(text(d.new), b, `seed ${seed}`);
      const kept = (parts: readonly DiffPart[]) => parts.filter((p) => !p.changed).map((p) => p.text).join('');
      assert.equal(kept(d.old), kept(d.new), `seed ${seed}: the unmarked text is the same on both sides`);
    }
  });

  test('random edits: as little is marked as possible (the unmarked tokens are a longest common subsequence)', () => {
    // Punctuation only: each character is one token, so counting characters counts tokens.
    const marks = ['.', ',', '!', '?', '।', ';'];
    for (let seed = 1; seed <= 300; seed++) {
      const r = rng(seed);
      const make = (n: number) => Array.from({ length: n }, () => marks[Math.floor(r() * marks.length)]!);
      const a = make(Math.floor(r() * 50));
      const b = r() < 0.5 ? make(Math.floor(r() * 50)) : a.map((c) => (r() < 0.2 ? marks[Math.floor(r() * marks.length)]! : c));
      const d = diffText(a.join(''), b.join(''), budget());
      const kept = d.old.filter((p) => !p.changed).map((p) => p.text).join('');
      assert.equal(kept.length, lcs(a, b), `seed ${seed}`);
    }
  });

  test('bounded: two ~1 MB texts with every paragraph different finish quickly, marked whole, both sides in full', () => {
    const r = rng(7);
    const word = () => ['रूस', 'चीन', 'शांति', 'बातचीत', 'पुतिन', 'जिनपिंग', 'जंग', 'योजना'][Math.floor(r() * 8)]!;
    const para = () => Array.from({ length: 60 }, word).join(' ');
    const before = Array.from({ length: 2000 }, para);
    const after = Array.from({ length: 2000 }, para);
    assert.ok(Buffer.byteLength(before.join('\n\n')) > 1_000_000);
    const steps = budget();
    const t0 = performance.now();
    const d = diffBlocks(before, after, steps);
    const ms = performance.now() - t0;
    assertFaithful(d, before, after);
    assert.equal(d.complete, false, 'too many changes to mark every word');
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    // The work stops within one step of the budget (one Myers row or one paragraph's tokens past it).
    assert.ok(steps.remaining > -200_000, `overdrawn by ${-steps.remaining} steps`);
  });

  test('bounded: a long story with scattered edits is marked word by word', () => {
    const r = rng(11);
    const word = () => ['रूस', 'चीन', 'शांति', 'बातचीत', 'पुतिन', 'जिनपिंग', 'जंग', 'योजना'][Math.floor(r() * 8)]!;
    const before = Array.from({ length: 2000 }, () => Array.from({ length: 60 }, word).join(' '));
    const after = before.map((p, i) => (i % 10 === 0 ? p.replace(/ \S+ /, ' बदला ') : p));
    after.splice(500, 0, 'एक नया पैरा');
    after.splice(1500, 3);
    const t0 = performance.now();
    const steps = budget();
    const d = diffBlocks(before, after, steps);
    const ms = performance.now() - t0;
    console.log('DEBUG', d.complete, ms, marked(d.new).slice(0,3), before.length, after.length, before.join('').length);
    assertFaithful(d, before, after);
    assert.ok(d.complete);
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.ok(marked(d.new).includes('बदला'));
    assert.ok(marked(d.new).some((m) => m.includes('एक नया पैरा')));
  });

  test('a tiny budget still shows both sides, with the changes marked whole and the result incomplete', () => {
    const before = ['एक दो तीन चार', 'पांच छह'];
    const after = ['एक दो तीन पांच', 'पांच छह'];
    const d = diffBlocks(before, after, budget(5));
    assertFaithful(d, before, after);
    assert.equal(d.complete, false);
    assert.deepEqual(marked(d.old), ['एक दो तीन चार']);
    assert.deepEqual(marked(d.new), ['एक दो तीन पांच']);
  });
});
