import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.ts';

test('scrypt hashes verify the right password only, with a fresh salt each time', async () => {
  const h1 = await hashPassword('पासवर्ड-बहुत-मज़बूत');
  const h2 = await hashPassword('पासवर्ड-बहुत-मज़बूत');
  assert.match(h1, /^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
  assert.notEqual(h1, h2);
  assert.ok(await verifyPassword('पासवर्ड-बहुत-मज़बूत', h1));
  // The same text in another Unicode form is the same password.
  assert.ok(await verifyPassword('पासवर्ड-बहुत-मज़बूत'.normalize('NFD'), h1));
  assert.ok(!(await verifyPassword('पासवर्ड-बहुत-मजबूत', h1)));
  assert.ok(!(await verifyPassword('x', 'not-a-hash')));
});

test('length rules count characters as people see them', () => {
  assert.equal(passwordProblem('1234567'), 'too-short');
  assert.equal(passwordProblem('12345678'), null);
  assert.equal(passwordProblem('ज़'.repeat(64)), null);
  assert.equal(passwordProblem('a'.repeat(129)), 'too-long');
  const g = generatePassword();
  assert.match(g, /^[a-zA-Z2-9]{20}$/);
  assert.notEqual(g, generatePassword());
});
