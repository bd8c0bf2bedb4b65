import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toDevanagariDigits } from './digits.ts';

test('ASCII digits become Devanagari; separators and letters stay', () => {
  assert.equal(toDevanagariDigits('0123456789'), '०१२३४५६७८९');
  assert.equal(toDevanagariDigits('21 मार्च 2023, 10:30 AM IST'), '२१ मार्च २०२३, १०:३० AM IST');
  assert.equal(toDevanagariDigits('4,46,99,418'), '४,४६,९९,४१८');
  assert.equal(toDevanagariDigits('कोई अंक नहीं'), 'कोई अंक नहीं');
});
