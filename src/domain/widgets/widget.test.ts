import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFigure } from './widget.ts';

test('parseFigure reads figures as a newsroom types them', () => {
  const ok: [string, number][] = [
    ['44699418', 44699418],
    ['4,46,99,418', 44699418],
    ['44,699,418', 44699418],
    ['7,605', 7605],
    ['  7605 ', 7605],
    ['+699', 699],
    ['-2', -2],
    ['−2', -2],
    ['1.5', 1.5],
    ['0', 0],
    ['४,४६,९९,४१८', 44699418],
    ['7 605', 7605],
  ];
  for (const [text, n] of ok) assert.equal(parseFigure(text), n, text);
});

test('parseFigure refuses what is not a number or is badly grouped', () => {
  for (const text of ['', 'abc', '12abc', 'सात', '4,4699,418', '1,2,3', ',123', '123,', '1e5', 'NaN', 'Infinity', '--2', '1.2.3', '0x10', '9'.repeat(31)]) {
    assert.equal(parseFigure(text), null, text);
  }
});
