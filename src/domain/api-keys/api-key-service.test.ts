/**
 * API keys on every database: made by admins only, shown once and stored as a hash,
 * recognised by the bearer header, refused when malformed, unknown or revoked, and
 * limited per key.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices, TEST_NOW } from '../../../test/helpers/databases.ts';
import { DomainError } from '../../errors.ts';
import type { User } from '../users/user.ts';
import { hashKey, RateWindow } from './api-key.ts';

const code = (e: unknown) => (e instanceof DomainError ? e.code : String(e));

test('a rate window lets N requests through per window, then says how long to wait', () => {
  const w = new RateWindow({ requests: 3, windowMs: 60_000 });
  assert.equal(w.take(1, 0), null);
  assert.equal(w.take(1, 1000), null);
  assert.equal(w.take(1, 2000), null);
  assert.equal(w.take(1, 2500), 58);
  assert.equal(w.take(2, 2500), null, 'another key has its own window');
  assert.equal(w.take(1, 60_000), null, 'a new window');
});

for (const dialect of DIALECTS) {
  describe(`API keys (${dialect})`, () => {
    let t: TestServices;
    let admin: User;
    let editor: User;
    before(async () => {
      t = await openTestServices(dialect);
      admin = (await t.services.users.create({ email: 'admin@example.test', name: 'Admin', role: 'admin' })).user;
      editor = (await t.services.users.create({ email: 'editor@example.test', name: 'Editor', role: 'editor' })).user;
    });
    after(() => t.close());

    test('an admin makes a key: the secret is shown once, only its hash and prefix are kept, it acts as an account with its role', async () => {
      const { key, secret } = await t.services.apiKeys.create(admin, { name: 'PTI feed', role: 'reporter' });
      assert.match(secret, /^sk_[A-Za-z0-9_-]{43}$/);
      assert.equal(key.prefix, secret.slice(0, 9));
      assert.equal(key.role, 'reporter');
      assert.equal(key.createdBy, 'Admin');
      const rows = await t.services.storage.db.selectFrom('api_keys').selectAll().execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.key_hash, hashKey(secret));
      assert.ok(!JSON.stringify(rows).includes(secret.slice(9)), 'the secret is not stored');
      const found = await t.services.apiKeys.authenticate(`Bearer ${secret}`);
      assert.equal(found.user.role, 'reporter');
      assert.equal(found.user.name, 'API: PTI feed');
      assert.equal(found.key.id, key.id);
      // Nobody can sign in as the key's account.
      const signIn = await t.services.users.signIn(found.user.email, 'api-key$no-password', '203.0.113.9');
      assert.notEqual(signIn.ok, true);
      const listed = await t.services.apiKeys.list(admin);
      assert.ok(listed[0]!.lastUsedAt, 'the last use is recorded');
      assert.equal(listed[0]!.lastUsedAt!.getTime(), TEST_NOW.getTime());
    });

    test("an admin key's account never counts as the admin who keeps the site administrable", async () => {
      await t.services.apiKeys.create(admin, { name: 'Desk tool', role: 'admin' });
      // Demoting the only person who is an admin is refused, whatever keys exist.
      await assert.rejects(t.services.users.updateAccount(admin, admin.id, { role: 'editor' }), (e) => code(e) === 'INVALID_INPUT');
      assert.equal((await t.services.users.findById(admin.id))?.role, 'admin');
    });

    test('only admins manage keys; bad names and roles are refused and nothing is written', async () => {
      const before = (await t.services.apiKeys.list(admin)).length;
      await assert.rejects(t.services.apiKeys.create(editor, { name: 'x', role: 'editor' }), (e) => code(e) === 'FORBIDDEN');
      await assert.rejects(t.services.apiKeys.list(editor), (e) => code(e) === 'FORBIDDEN');
      await assert.rejects(t.services.apiKeys.create(admin, { name: '', role: 'editor' }), (e) => e instanceof DomainError && e.field === 'name');
      await assert.rejects(t.services.apiKeys.create(admin, { name: 'x'.repeat(81), role: 'editor' }), (e) => e instanceof DomainError && e.field === 'name');
      await assert.rejects(t.services.apiKeys.create(admin, { name: 'ok', role: 'contributor' }), (e) => e instanceof DomainError && e.field === 'role');
      await assert.rejects(t.services.apiKeys.create(admin, { name: 'ok', role: 'root' }), (e) => e instanceof DomainError && e.field === 'role');
      assert.equal((await t.services.apiKeys.list(admin)).length, before);
    });

    test('missing, malformed, unknown and revoked keys are refused; revoking disables the account', async () => {
      const { key, secret } = await t.services.apiKeys.create(admin, { name: 'Desk tool', role: 'editor' });
      await assert.rejects(t.services.apiKeys.authenticate(undefined), (e) => code(e) === 'API_KEY_REQUIRED');
      await assert.rejects(t.services.apiKeys.authenticate('Basic abc'), (e) => code(e) === 'API_KEY_REQUIRED');
      await assert.rejects(t.services.apiKeys.authenticate('Bearer sk_short'), (e) => code(e) === 'API_KEY_INVALID');
      await assert.rejects(t.services.apiKeys.authenticate(`Bearer sk_${'A'.repeat(43)}`), (e) => code(e) === 'API_KEY_INVALID');
      await t.services.apiKeys.revoke(admin, key.id);
      await assert.rejects(t.services.apiKeys.authenticate(`Bearer ${secret}`), (e) => code(e) === 'API_KEY_INVALID');
      await assert.rejects(t.services.apiKeys.revoke(admin, key.id), (e) => code(e) === 'NOT_FOUND');
      const revoked = (await t.services.apiKeys.list(admin)).find((k) => k.id === key.id)!;
      assert.ok(revoked.revokedAt);
      assert.equal(revoked.revokedBy, 'Admin');
      assert.equal((await t.services.users.findById(revoked.userId))?.disabled, true);
    });
  });
}
