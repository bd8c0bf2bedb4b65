/**
 * The sign-in limits on every database: parallel attempts never get more password checks
 * than the limit, an attacker cannot lock the owner out, and an attacker spread over many
 * addresses is still slowed per account.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { ACCOUNT_FREE_FAILURES, ADDRESS_FREE_FAILURES, blockFor, FORGET_AFTER_MS, FREE_FAILURES } from './sign-in-limits.ts';
import type { SignInResult } from './user-service.ts';

const PASSWORD = 'मालिक-का-पासवर्ड-1';

test('the wait: none within the free failures, then 1 s doubling up to the cap', () => {
  assert.equal(blockFor(FREE_FAILURES - 1), 0);
  assert.equal(blockFor(FREE_FAILURES), 1000);
  assert.equal(blockFor(FREE_FAILURES + 3), 8000);
  assert.equal(blockFor(1_000_000), 15 * 60 * 1000);
  assert.equal(blockFor(30, 10, 5 * 60 * 1000), 5 * 60 * 1000);
});

/** How many attempts reached the password check (each wrong one that did is 'invalid'; the others are refused before it). */
function checked(results: SignInResult[]): number {
  return results.filter((r) => !r.ok && r.reason === 'invalid').length;
}
function refused(results: SignInResult[]): number {
  return results.filter((r) => !r.ok && r.reason === 'throttled').length;
}

for (const dialect of DIALECTS) {
  describe(`sign-in limits (${dialect})`, () => {
    let t: TestServices;
    let n = 0;
    /** A fresh account (and fresh addresses below), so tests never share counters. */
    const account = async () => {
      const email = `owner${++n}@example.test`;
      await t.services.users.create({ email, name: 'मालिक', role: 'editor', password: PASSWORD });
      return email;
    };
    const address = () => `198.51.${Math.floor(++n / 250)}.${n % 250}`;
    before(async () => {
      t = await openTestServices(dialect);
    });
    after(() => t.close());

    test('50 parallel wrong tries on one account from one address: exactly the limit reach the password check', async () => {
      const email = await account();
      const ip = address();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.services.users.signIn(email, `wrong-${i}`, ip)));
      assert.equal(checked(results), FREE_FAILURES);
      assert.equal(refused(results), 50 - FREE_FAILURES);
      const wait = results.find((r): r is Extract<SignInResult, { reason: 'throttled' }> => !r.ok && r.reason === 'throttled');
      assert.ok(wait && wait.retryAfterMs > 0 && wait.retryAfterMs <= 1000);
      assert.equal((await t.services.users.signIn(email, PASSWORD, ip)).ok, false, 'this address waits, even with the right password');
      assert.equal((await t.services.users.signIn(email, PASSWORD, address())).ok, true, 'the owner elsewhere signs in at once');
    });

    test('50 parallel wrong tries from one address on 50 accounts: at most the address limit are checked', async () => {
      const ip = address();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => t.services.users.signIn(`nobody-${n}-${i}@example.test`, 'guess', ip)));
      assert.equal(checked(results), ADDRESS_FREE_FAILURES);
      assert.equal(refused(results), 50 - ADDRESS_FREE_FAILURES);
    });

    test('an attacker hammering the account cannot lock the owner out', async () => {
      const email = await account();
      const attacker = address();
      // More than the account's own limit, over time: the account's counter is hot as well.
      const start = t.services.now();
      try {
        for (let round = 0; round < 8; round++) {
          t.setNow(new Date(start.getTime() + round * 20 * 60 * 1000));
          await Promise.all(Array.from({ length: 10 }, () => t.services.users.signIn(email, 'guess', attacker)));
        }
        const blocked = await t.services.users.signIn(email, 'guess', attacker);
        assert.equal(blocked.ok, false);
        assert.equal(!blocked.ok && blocked.reason, 'throttled', 'the attacker waits');
        const owner = await t.services.users.signIn(email, PASSWORD, address());
        assert.equal(owner.ok, true, 'the owner, from an address with no failures, signs in at once');
      } finally {
        t.setNow(start);
      }
    });

    test('an attacker spread over many addresses gets one guess per address while the account waits', async () => {
      const email = await account();
      const addresses = Array.from({ length: 15 }, () => address());
      const rounds: SignInResult[][] = [];
      for (let round = 0; round < 3; round++) {
        rounds.push(await Promise.all(addresses.map((ip) => t.services.users.signIn(email, `guess-${round}`, ip))));
      }
      // Without the account's limit each address would get all 3 (under its own 5): 45 checks.
      assert.equal(checked(rounds[0]!), 15, 'a first try from a new address is checked');
      assert.equal(checked(rounds[1]!) + checked(rounds[2]!), 0, 'no address gets a second guess while the account waits');
      assert.ok(addresses.length > ACCOUNT_FREE_FAILURES, 'the first round alone makes the account wait');

      assert.equal((await t.services.users.signIn(email, PASSWORD, address())).ok, true, 'the owner from a new address still signs in');
      const mistyped = addresses[0]!;
      const wait = await t.services.users.signIn(email, PASSWORD, mistyped);
      assert.equal(!wait.ok && wait.reason, 'throttled', 'an address that failed waits out the account’s delay');
      assert.ok(!wait.ok && wait.reason === 'throttled' && wait.retryAfterMs <= 5 * 60 * 1000, 'which is 5 minutes at most');
      const start = t.services.now();
      try {
        t.setNow(new Date(start.getTime() + 5 * 60 * 1000 + 1));
        assert.equal((await t.services.users.signIn(email, PASSWORD, mistyped)).ok, true);
      } finally {
        t.setNow(start);
      }
    });

    test('a right password hands its reservation back: it is not counted as a failure', async () => {
      const ip = address();
      for (let i = 0; i < ADDRESS_FREE_FAILURES - 1; i++) assert.equal((await t.services.users.signIn(`x-${n}-${i}@example.test`, 'guess', ip)).ok, false);
      const email = await account();
      assert.equal((await t.services.users.signIn(email, PASSWORD, ip)).ok, true);
      const last = await t.services.users.signIn(`y-${n}@example.test`, 'guess', ip);
      assert.equal(!last.ok && last.reason, 'invalid', 'the address had one failure left');
      const over = await t.services.users.signIn(`z-${n}@example.test`, 'guess', ip);
      assert.equal(!over.ok && over.reason, 'throttled');
    });

    test('failures are forgotten after a day without one; pruning removes them', async () => {
      const email = await account();
      const ip = address();
      for (let i = 0; i < FREE_FAILURES; i++) await t.services.users.signIn(email, 'guess', ip);
      assert.equal((await t.services.users.signIn(email, PASSWORD, ip)).ok, false);
      const start = t.services.now();
      try {
        t.setNow(new Date(start.getTime() + FORGET_AFTER_MS + 60_000));
        assert.ok((await t.services.users.pruneSignInLimits()) >= 2);
        // One failure now is the first of a new count, not the sixth.
        assert.equal((await t.services.users.signIn(email, 'guess', ip)).ok, false);
        assert.equal((await t.services.users.signIn(email, PASSWORD, ip)).ok, true);
      } finally {
        t.setNow(start);
      }
    });
  });
}
