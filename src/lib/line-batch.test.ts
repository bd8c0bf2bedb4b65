import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineBatch } from './line-batch.ts';

test('lines are held until a batch is full, then written whole and in order', () => {
  const writes: string[] = [];
  const batch = lineBatch({ write: (t: string) => void writes.push(t) }, { maxChars: 20, maxDelayMs: 60_000 });
  batch.write('one 1\n');
  batch.write('two 22\n');
  assert.deepEqual(writes, [], 'under maxChars: nothing written yet');
  batch.write('three 333\n');
  assert.deepEqual(writes, ['one 1\ntwo 22\nthree 333\n']);
  batch.write('four\n');
  batch.flush();
  assert.deepEqual(writes, ['one 1\ntwo 22\nthree 333\n', 'four\n']);
  batch.flush();
  assert.equal(writes.length, 2, 'an empty flush writes nothing');
});

test('a line waits at most maxDelayMs when traffic is light', async () => {
  const writes: string[] = [];
  const batch = lineBatch({ write: (t: string) => void writes.push(t) }, { maxChars: 1 << 20, maxDelayMs: 20 });
  batch.write('lonely\n');
  assert.deepEqual(writes, []);
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.deepEqual(writes, ['lonely\n']);
  batch.write('again\n');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.deepEqual(writes, ['lonely\n', 'again\n'], 'the timer is set again for the next line');
});
