/** Password reset links through HTTP: issued on the users screen, used signed out, on every database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS, TEST_NOW } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import type { Locale } from '../../domain/users/user.ts';

const ORIGIN = { origin: 'http://localhost:80', host: 'localhost:80' };

for (const dialect of DIALECTS) {
  describe(`password reset links through HTTP (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor;
    let ipCount = 0;
    // Each use its own address, so the per-address throttle of one test never blocks another.
    const ip = () => `198.51.100.${++ipCount}`;
    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor')]);
    });
    after(() => t.close());

    const adminForm = (who: Actor, url: string, fields: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });

    const account = async (locale: Locale = 'hi') =>
      (await t.services.users.create({ email: `acct-${Math.random().toString(36).slice(2)}@example.test`, name: 'खाता', role: 'reporter', password: 'old password', locale })).user;

    /** Issues a link from the users screen and returns its path. */
    async function issue(userId: number): Promise<string> {
      const res = await adminForm(admin, `/admin/users/${userId}/reset-link`);
      assert.equal(res.statusCode, 200, res.body);
      const url = /id="reset-link" type="url" readonly value="([^"]+)"/i.exec(res.body)?.[1];
      assert.ok(url, 'the link is on the page');
      return new URL(url).pathname;
    }

    /** Opens a link signed out, as a browser would: the form, and its double-submit cookie. */
    async function open(path: string, remoteAddress = ip()) {
      const res = await t.app.inject({ method: 'GET', url: path, remoteAddress });
      const cookie = /samachar_pre=([^;]+)/.exec(String(res.headers['set-cookie'] ?? ''))?.[1];
      const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
      return { res, cookie, csrf };
    }

    async function submit(path: string, fields: { newPassword: string; repeatPassword?: string }, remoteAddress = ip()) {
      const { cookie, csrf } = await open(path, remoteAddress);
      assert.ok(cookie && csrf);
      return t.app.inject({
        method: 'POST',
        url: path,
        remoteAddress,
        headers: { cookie: `samachar_pre=${cookie}`, ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, newPassword: fields.newPassword, repeatPassword: fields.repeatPassword ?? fields.newPassword }).toString(),
      });
    }

    test('an admin makes a link on the users screen: absolute, shown once, for one hour; nobody else may', async () => {
      const user = await account();
      const res = await adminForm(admin, `/admin/users/${user.id}/reset-link`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /id="reset-link" type="url" readonly value="http:\/\/localhost:3000\/admin\/reset-password\/[A-Za-z0-9_-]{43}"/i);
      assert.match(res.body, new RegExp(`${user.email} के लिए पासवर्ड रीसेट लिंक: 21 मार्च 2023, 7:00 PM IST तक`));
      const token = /reset-password\/([A-Za-z0-9_-]{43})/.exec(res.body)![1]!;
      assert.ok(!(await t.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin.cookie } })).body.includes(token), 'never shown again');
      const refused = await adminForm(editor, `/admin/users/${user.id}/reset-link`);
      assert.equal(refused.statusCode, 403);
      assert.doesNotMatch(refused.body, /reset-password\//);
      assert.equal((await adminForm(admin, '/admin/users/999999/reset-link')).statusCode, 404);
      const noCsrf = await t.app.inject({ method: 'POST', url: `/admin/users/${user.id}/reset-link`, headers: { cookie: admin.cookie, ...ORIGIN } });
      assert.equal(noCsrf.statusCode, 403);
    });

    test('the link opens a form in the account’s language, uncached and with no referrer', async () => {
      const hindi = await open(await issue((await account('hi')).id));
      assert.equal(hindi.res.statusCode, 200);
      assert.match(hindi.res.body, /^<!doctype html><html lang="hi">/);
      assert.match(hindi.res.body, /<section class="sign-in"><h1>नया पासवर्ड बनाएं<\/h1>/);
      assert.match(hindi.res.body, /name="repeatPassword"/);
      assert.equal(hindi.res.headers['cache-control'], 'no-store');
      assert.equal(hindi.res.headers['referrer-policy'], 'no-referrer');
      const english = await open(await issue((await account('en')).id));
      assert.match(english.res.body, /^<!doctype html><html lang="en">/);
      assert.match(english.res.body, /<title>Set a new password · Newsroom · /);
      assert.match(english.res.body, /<section class="sign-in"><h1>Set a new password<\/h1>/);
      assert.match(english.res.body, /This link works until March 21, 2023, 7:00 PM IST/);
      // Only the site's own name may be in Devanagari on an English account's page.
      const siteName = (await t.services.settings.get()).siteName;
      assert.doesNotMatch(english.res.body.replaceAll(siteName, ''), /[\u0900-\u097F]/);
    });

    test('setting the password: rules and a typo are refused in place; success ends every session and the link', async () => {
      const user = await account('en');
      const session = await t.services.sessions.start(user.id);
      const path = await issue(user.id);

      const typo = await submit(path, { newPassword: 'a good password', repeatPassword: 'a good pasword' });
      assert.equal(typo.statusCode, 400);
      assert.match(typo.body, /class="field-error">The two passwords are not the same/);
      const short = await submit(path, { newPassword: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /class="field-error">The password must be 8 to 128 characters long/);
      const tooLong = await submit(path, { newPassword: 'x'.repeat(129) });
      assert.equal(tooLong.statusCode, 400);

      // Without the form's token nothing happens.
      const forgedForm = await t.app.inject({
        method: 'POST',
        url: path,
        headers: { ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ newPassword: 'attacker password', repeatPassword: 'attacker password' }).toString(),
      });
      assert.equal(forgedForm.statusCode, 403);
      assert.equal((await t.services.users.signIn(user.email, 'old password', ip())).ok, true, 'the password is still the old one');

      const done = await submit(path, { newPassword: 'मेरा नया पासवर्ड' });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /^<!doctype html><html lang="en">/);
      assert.match(done.body, /Every session of this account has been ended/);
      assert.doesNotMatch(String(done.headers['set-cookie'] ?? ''), /samachar_session=[A-Za-z0-9_-]{43}/, 'nobody is signed in by the link');
      const old = await t.app.inject({ method: 'GET', url: '/admin/api/media', headers: { cookie: `samachar_session=${session.token}` } });
      assert.equal(old.statusCode, 401, 'the session from before the reset is over');

      // Signing in with the new password, through the real form.
      const signInPage = await t.app.inject({ method: 'GET', url: '/admin/sign-in', remoteAddress: ip() });
      const pre = /samachar_pre=([^;]+)/.exec(String(signInPage.headers['set-cookie']))![1]!;
      const csrf = /name="_csrf" value="([^"]+)"/.exec(signInPage.body)![1]!;
      const signIn = await t.app.inject({
        method: 'POST',
        url: '/admin/sign-in',
        remoteAddress: ip(),
        headers: { cookie: `samachar_pre=${pre}`, ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrf, email: user.email, password: 'मेरा नया पासवर्ड' }).toString(),
      });
      assert.equal(signIn.statusCode, 303);
      assert.equal((await t.services.users.signIn(user.email, 'old password', ip())).ok, false);

      const reuse = await t.app.inject({
        method: 'POST',
        url: path,
        remoteAddress: ip(),
        headers: { cookie: 'samachar_pre=' + 'q'.repeat(43), ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: 'q'.repeat(43), newPassword: 'yet another one', repeatPassword: 'yet another one' }).toString(),
      });
      assert.equal(reuse.statusCode, 404, 'a link works once');
      assert.equal((await t.services.users.signIn(user.email, 'मेरा नया पासवर्ड', ip())).ok, true);
      const reopened = await open(path);
      assert.equal(reopened.res.statusCode, 404);
      assert.match(reopened.res.body, /यह लिंक मान्य नहीं है/);
      assert.match(reopened.res.body, /This link is not valid/);
    });

    test('used, replaced, expired, forged and unknown links all get the same 404 page', async () => {
      const pages: string[] = [];
      const pageOf = async (path: string) => {
        const res = await t.app.inject({ method: 'GET', url: path, remoteAddress: ip(), headers: { cookie: 'samachar_pre=' + 'p'.repeat(43) } });
        assert.equal(res.statusCode, 404, path);
        pages.push(res.body);
        // The form's wording is not there; nothing says which case it is.
        assert.doesNotMatch(res.body, /newPassword|expired|used already<\/|replaced<\//);
      };
      const replacedUser = await account();
      const replaced = await issue(replacedUser.id);
      await issue(replacedUser.id);
      await pageOf(replaced);

      const expiring = await issue((await account()).id);
      const deadPost = () =>
        t.app.inject({
          method: 'POST',
          url: expiring,
          remoteAddress: ip(),
          headers: { cookie: 'samachar_pre=' + 'p'.repeat(43), ...ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: 'p'.repeat(43), newPassword: 'late password', repeatPassword: 'late password' }).toString(),
        });
      t.setNow(new Date(TEST_NOW.getTime() + 60 * 60 * 1000));
      try {
        await pageOf(expiring);
        // Posting to a dead link is the same page, never a 500, and changes nothing.
        const post = await deadPost();
        assert.equal(post.statusCode, 404);
        assert.equal(post.body, pages[0]);
      } finally {
        t.setNow(TEST_NOW);
      }
      await pageOf(`/admin/reset-password/${'A'.repeat(43)}`);
      await pageOf('/admin/reset-password/not-a-token');
      await pageOf(`/admin/reset-password/${encodeURIComponent('अ<script>')}`);
      assert.equal(new Set(pages).size, 1, 'one page for every reason');
    });

    test('a disabled account’s link does not work, and disabling voids its links', async () => {
      const user = await account();
      const path = await issue(user.id);
      assert.equal((await adminForm(admin, `/admin/users/${user.id}`, { disabled: '1' })).statusCode, 303);
      assert.equal((await open(path)).res.statusCode, 404);
      const refused = await adminForm(admin, `/admin/users/${user.id}/reset-link`);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /बंद खाते का पासवर्ड रीसेट नहीं किया जा सकता/);
      await adminForm(admin, `/admin/users/${user.id}`, { disabled: '0' });
      assert.equal((await open(path)).res.statusCode, 404, 'enabling again does not bring the old link back');
    });

    test('two uses of one link at the same moment: one 200, one 404', async () => {
      const user = await account();
      const path = await issue(user.id);
      const [a, b] = await Promise.all([submit(path, { newPassword: 'parallel one' }), submit(path, { newPassword: 'parallel two' })]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 404]);
      const winner = a.statusCode === 200 ? 'parallel one' : 'parallel two';
      assert.equal((await t.services.users.signIn(user.email, winner, ip())).ok, true);
    });

    test('wrong links from one address are throttled like failed sign-ins (429 with Retry-After)', async () => {
      const from = ip();
      for (let i = 0; i < 5; i++) {
        assert.equal((await t.app.inject({ method: 'GET', url: `/admin/reset-password/${String(i).repeat(43)}`, remoteAddress: from })).statusCode, 404);
      }
      const good = await issue((await account()).id);
      const blocked = await t.app.inject({ method: 'GET', url: good, remoteAddress: from });
      assert.equal(blocked.statusCode, 429);
      assert.equal(blocked.headers['retry-after'], '1');
      assert.match(blocked.body, /बहुत ज़्यादा गलत लिंक आज़माए गए/);
      assert.equal((await t.app.inject({ method: 'GET', url: good, remoteAddress: ip() })).statusCode, 200, 'other addresses are not affected');
    });
  });
}
