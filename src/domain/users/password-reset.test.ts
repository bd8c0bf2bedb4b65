/** Password reset links and account bylines in the domain, on every database. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, TEST_NOW, type TestServices } from '../../../test/helpers/databases.ts';
import { DomainError } from '../../errors.ts';
import type { User } from './user.ts';
import { bylineFromAccount } from './user-service.ts';

const tokenOf = (url: string) => url.split('/').pop()!;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

test('a byline from an account: the name, and a Latin name transliterated from it', () => {
  assert.deepEqual(bylineFromAccount({ name: ' आशा  वर्मा ', email: 'asha@example.test' }), { name: 'आशा  वर्मा', nameLatin: 'Asha Varma', bio: '', photoMediaId: null });
  assert.equal(bylineFromAccount({ name: 'Ravi Kumar', email: 'r@example.test' }).nameLatin, 'Ravi Kumar');
  assert.equal(bylineFromAccount({ name: '🙂', email: 'desk.one@example.test' }).nameLatin, 'Desk One');
  const long = bylineFromAccount({ name: 'क'.repeat(100), email: 'k@example.test' });
  assert.ok(long.name.length <= 80 && long.nameLatin.length <= 80);
});

for (const dialect of DIALECTS) {
  describe(`password reset links (${dialect})`, () => {
    let t: TestServices;
    let admin: User, editor: User;
    let ipCount = 0;
    // Each test its own address, so failures counted in one do not throttle another.
    const ip = () => `203.0.113.${++ipCount}`;
    before(async () => {
      t = await openTestServices(dialect, { siteUrl: 'https://news.example.test' });
      admin = (await t.services.users.create({ email: 'admin@example.test', name: 'एडमिन', role: 'admin', password: 'admin password' })).user;
      editor = (await t.services.users.create({ email: 'editor@example.test', name: 'एडिटर', role: 'editor', password: 'editor password' })).user;
    });
    after(() => t.close());

    const newReporter = async () =>
      (await t.services.users.create({ email: `r${Math.random().toString(36).slice(2)}@example.test`, name: 'रिपोर्टर', role: 'reporter', password: 'old password' })).user;

    test('only an admin issues a link; it is absolute, lasts an hour, and only its hash is stored', async () => {
      const user = await newReporter();
      await assert.rejects(t.services.passwordResets.issue(editor, user.id), (e: unknown) => e instanceof DomainError && e.code === 'FORBIDDEN');
      await assert.rejects(t.services.passwordResets.issue(admin, 999_999), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
      const issued = await t.services.passwordResets.issue(admin, user.id);
      assert.match(issued.url, /^https:\/\/news\.example\.test\/admin\/reset-password\/[A-Za-z0-9_-]{43}$/);
      assert.equal(issued.expiresAt.getTime() - TEST_NOW.getTime(), 60 * 60 * 1000);
      const rows = await t.services.storage.db.selectFrom('password_resets').selectAll().where('user_id', '=', user.id).execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.token_hash, sha256(tokenOf(issued.url)));
      assert.equal(rows[0]!.created_by, admin.id);
      assert.ok(!JSON.stringify(rows).includes(tokenOf(issued.url)), 'the token itself is nowhere in the table');
    });

    test('a new link voids the older unused one; the link works until its hour is up', async () => {
      const user = await newReporter();
      const first = await t.services.passwordResets.issue(admin, user.id);
      const second = await t.services.passwordResets.issueForEmail(user.email.toUpperCase());
      assert.equal((await t.services.passwordResets.check(tokenOf(first.url), ip())).ok, false);
      assert.equal((await t.services.passwordResets.check(tokenOf(second.url), ip())).ok, true);
      try {
        t.setNow(new Date(TEST_NOW.getTime() + 60 * 60 * 1000 - 1));
        assert.equal((await t.services.passwordResets.check(tokenOf(second.url), ip())).ok, true);
        t.setNow(new Date(TEST_NOW.getTime() + 60 * 60 * 1000));
        assert.deepEqual(await t.services.passwordResets.check(tokenOf(second.url), ip()), { ok: false, reason: 'invalid' });
        assert.deepEqual(await t.services.passwordResets.complete(tokenOf(second.url), 'a new password', ip()), { ok: false, reason: 'invalid' });
      } finally {
        t.setNow(TEST_NOW);
      }
      assert.equal(await t.services.users.signIn(user.email, 'old password', ip()).then((r) => r.ok), true, 'the password is unchanged');
    });

    test('using a link sets the password, ends every session of the account and works once', async () => {
      const user = await newReporter();
      const other = await newReporter();
      const s1 = await t.services.sessions.start(user.id);
      const s2 = await t.services.sessions.start(user.id);
      const otherSession = await t.services.sessions.start(other.id);
      const { url } = await t.services.passwordResets.issue(admin, user.id);
      await assert.rejects(t.services.passwordResets.complete(tokenOf(url), 'short', ip()), (e: unknown) => e instanceof DomainError && e.field === 'newPassword');
      assert.notEqual(await t.services.sessions.resume(s1.token), null, 'a refused password changes nothing');
      const done = await t.services.passwordResets.complete(tokenOf(url), 'नया पासवर्ड 2023', ip());
      assert.equal(done.ok, true);
      assert.equal(await t.services.sessions.resume(s1.token), null);
      assert.equal(await t.services.sessions.resume(s2.token), null);
      assert.notEqual(await t.services.sessions.resume(otherSession.token), null, 'other accounts keep their sessions');
      assert.equal((await t.services.users.signIn(user.email, 'नया पासवर्ड 2023', ip())).ok, true);
      assert.equal((await t.services.users.signIn(user.email, 'old password', ip())).ok, false);
      assert.deepEqual(await t.services.passwordResets.complete(tokenOf(url), 'a third password', ip()), { ok: false, reason: 'invalid' });
      assert.equal((await t.services.users.signIn(user.email, 'नया पासवर्ड 2023', ip())).ok, true, 'a used link changes nothing');
    });

    test('a reset lifts the account’s sign-in lockout from its own wrong guesses', async () => {
      const user = await newReporter();
      // The owner's own address is the one locked out (another address would still get in).
      const home = ip();
      for (let i = 0; i < 6; i++) await t.services.users.signIn(user.email, 'wrong guess', home);
      assert.equal((await t.services.users.signIn(user.email, 'old password', home)).ok, false, 'locked out');
      const { url } = await t.services.passwordResets.issue(admin, user.id);
      assert.equal((await t.services.passwordResets.complete(tokenOf(url), 'fresh password', ip())).ok, true);
      assert.equal((await t.services.users.signIn(user.email, 'fresh password', home)).ok, true);
    });

    test('two uses of one link at the same moment: exactly one succeeds', async () => {
      const user = await newReporter();
      const { url } = await t.services.passwordResets.issue(admin, user.id);
      const results = await Promise.all([
        t.services.passwordResets.complete(tokenOf(url), 'first password', ip()),
        t.services.passwordResets.complete(tokenOf(url), 'second password', ip()),
      ]);
      assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
      const winner = results[0]!.ok ? 'first password' : 'second password';
      const loser = results[0]!.ok ? 'second password' : 'first password';
      assert.equal((await t.services.users.signIn(user.email, winner, ip())).ok, true);
      assert.equal((await t.services.users.signIn(user.email, loser, ip())).ok, false);
    });

    test('a disabled account gets no link, and a link issued before it was disabled does not work', async () => {
      const user = await newReporter();
      const { url } = await t.services.passwordResets.issue(admin, user.id);
      await t.services.users.updateAccount(admin, user.id, { disabled: true });
      assert.equal((await t.services.passwordResets.check(tokenOf(url), ip())).ok, false);
      assert.equal((await t.services.passwordResets.complete(tokenOf(url), 'sneaky password', ip())).ok, false);
      await assert.rejects(t.services.passwordResets.issue(admin, user.id), (e: unknown) => e instanceof DomainError && e.field === 'disabled');
      await t.services.users.updateAccount(admin, user.id, { disabled: false });
      assert.equal((await t.services.users.signIn(user.email, 'old password', ip())).ok, true, 'the password was never changed');
    });

    test('forged and malformed tokens are refused alike, and too many tries from one address are throttled', async () => {
      const from = ip();
      for (const bad of ['', 'x', 'A'.repeat(43), '../../etc/passwd', 'अ'.repeat(43)]) {
        assert.deepEqual(await t.services.passwordResets.check(bad, from), { ok: false, reason: 'invalid' }, bad);
      }
      const user = await newReporter();
      const { url } = await t.services.passwordResets.issue(admin, user.id);
      const blocked = await t.services.passwordResets.check(tokenOf(url), from);
      assert.equal(blocked.ok, false);
      assert.ok(!blocked.ok && blocked.reason === 'throttled' && blocked.retryAfterMs > 0, 'even a good link waits after 5 failures');
      assert.equal((await t.services.passwordResets.check(tokenOf(url), ip())).ok, true, 'another address is not affected');
    });
  });

  describe(`account bylines (${dialect})`, () => {
    let t: TestServices;
    let admin: User, editor: User, reporter: User;
    before(async () => {
      t = await openTestServices(dialect);
      admin = (await t.services.users.create({ email: 'admin@example.test', name: 'एडमिन', role: 'admin', password: 'admin password' })).user;
      editor = (await t.services.users.create({ email: 'editor@example.test', name: 'एडिटर', role: 'editor', password: 'editor password' })).user;
      reporter = (await t.services.users.create({ email: 'rep@example.test', name: 'रिपोर्टर', role: 'reporter', password: 'reporter password' })).user;
    });
    after(() => t.close());

    test('an admin links and unlinks; a byline is one account’s; unknown bylines and non-admins are refused', async () => {
      const author = await t.services.authors.add(bylineFromAccount(reporter));
      await assert.rejects(t.services.users.linkAuthor(editor, reporter.id, author.id), (e: unknown) => e instanceof DomainError && e.code === 'FORBIDDEN');
      assert.equal((await t.services.users.linkAuthor(admin, reporter.id, author.id)).authorId, author.id);
      assert.equal((await t.services.users.linkAuthor(admin, reporter.id, author.id)).authorId, author.id, 'linking again is fine');
      await assert.rejects(t.services.users.linkAuthor(admin, editor.id, author.id), (e: unknown) => e instanceof DomainError && e.code === 'CONFLICT');
      assert.equal((await t.services.users.findById(editor.id))?.authorId, null);
      await assert.rejects(t.services.users.linkAuthor(admin, editor.id, 999_999), (e: unknown) => e instanceof DomainError && e.code === 'INVALID_INPUT');
      await assert.rejects(t.services.users.linkAuthor(admin, 999_999, author.id), (e: unknown) => e instanceof DomainError && e.code === 'NOT_FOUND');
      assert.equal((await t.services.users.linkAuthor(admin, reporter.id, null)).authorId, null);
      assert.equal((await t.services.users.linkAuthor(admin, editor.id, author.id)).authorId, author.id, 'once free, another account may take it');
    });
  });
}
