/**
 * Signing in and out over HTTP, on every database: cookies, a fresh session id,
 * timeouts, password change, and the growing delay after failed attempts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../../domain/sessions/session.ts';
import { ADDRESS_FREE_FAILURES } from '../../domain/users/sign-in-limits.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';

const PASSWORD = 'सही-पासवर्ड-123';

function cookieValue(setCookie: string | string[] | undefined, name: string): string | null {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const line = all.find((c) => c.startsWith(`${name}=`));
  return line ? line.slice(name.length + 1).split(';')[0]! : null;
}

for (const dialect of DIALECTS) {
  describe(`signing in (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openDemoApp(dialect);
      await t.services.users.create({ email: 'Asha@Example.test', name: 'आशा', role: 'editor', password: PASSWORD });
    });
    after(() => t.close());

    /** Opens the sign-in form and posts it, as a browser would. */
    async function signIn(email: string, password: string, ip = '203.0.113.7', extraCookie = '', next = '/admin') {
      const form = await t.app.inject({ method: 'GET', url: '/admin/sign-in', remoteAddress: ip });
      assert.equal(form.statusCode, 200);
      assert.equal(form.headers['cache-control'], 'no-store');
      const pre = cookieValue(form.headers['set-cookie'], 'samachar_pre');
      assert.ok(pre);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
      assert.equal(csrf, pre, 'the form carries the double-submit token');
      return t.app.inject({
        method: 'POST',
        url: '/admin/sign-in',
        remoteAddress: ip,
        headers: { cookie: `samachar_pre=${pre}${extraCookie}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
        payload: new URLSearchParams({ _csrf: csrf!, email, password, next }).toString(),
      });
    }

    test('right password: a session cookie (HttpOnly, SameSite=Lax, Path=/) and a redirect', async () => {
      const res = await signIn('asha@example.test', PASSWORD);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin');
      const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('samachar_session='));
      assert.ok(line);
      assert.match(line, /HttpOnly/i);
      assert.match(line, /SameSite=Lax/i);
      assert.match(line, /Path=\//);
      const token = cookieValue(res.headers['set-cookie'], 'samachar_session')!;
      const desk = await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie: `samachar_session=${token}` } });
      assert.equal(desk.statusCode, 200);
      assert.equal(desk.headers['cache-control'], 'no-store');
      assert.match(desk.body, /आशा/);
    });

    test('wrong password: 401, a Hindi message, the email kept; no cookie', async () => {
      const res = await signIn('asha@example.test', 'गलत-पासवर्ड', '203.0.113.8');
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /ईमेल या पासवर्ड सही नहीं है/);
      assert.match(res.body, /value="asha@example.test"/);
      assert.equal(cookieValue(res.headers['set-cookie'], 'samachar_session'), null);
    });

    test('a new session id at every sign-in; sign-out ends the session on the server', async () => {
      const first = cookieValue((await signIn('asha@example.test', PASSWORD)).headers['set-cookie'], 'samachar_session')!;
      const second = cookieValue((await signIn('asha@example.test', PASSWORD, '203.0.113.7', `; samachar_session=${first}`)).headers['set-cookie'], 'samachar_session')!;
      assert.notEqual(first, second);
      assert.equal((await t.app.inject({ method: 'GET', url: '/admin/api/articles/1', headers: { cookie: `samachar_session=${first}` } })).statusCode, 401, 'the old session ended');
      const session = await t.services.sessions.resume(second);
      assert.ok(session);
      const out = await t.app.inject({
        method: 'POST',
        url: '/admin/sign-out',
        headers: { cookie: `samachar_session=${second}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
        payload: `_csrf=${session.csrfToken}`,
      });
      assert.equal(out.statusCode, 303);
      assert.equal(await t.services.sessions.resume(second), null, 'a copied cookie no longer works');
    });

    test('idle and absolute timeouts end sessions', async () => {
      const { user } = await t.services.users.create({ email: 'timeouts@example.test', name: 'T', role: 'reporter', password: PASSWORD });
      const start = t.services.now();
      try {
        const idle = await t.services.sessions.start(user.id);
        t.setNow(new Date(start.getTime() + SESSION_IDLE_MS + 1000));
        assert.equal(await t.services.sessions.resume(idle.token), null);
        t.setNow(start);
        const active = await t.services.sessions.start(user.id);
        // Active every hour, it still ends at the absolute limit.
        for (let h = 1; h * 3_600_000 < SESSION_ABSOLUTE_MS; h++) {
          t.setNow(new Date(start.getTime() + h * 3_600_000));
          assert.ok(await t.services.sessions.resume(active.token), `hour ${h}`);
        }
        t.setNow(new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000));
        assert.equal(await t.services.sessions.resume(active.token), null);
      } finally {
        t.setNow(start);
      }
    });

    test('changing the password ends the other sessions and keeps this one', async () => {
      const { user } = await t.services.users.create({ email: 'change@example.test', name: 'C', role: 'reporter', password: PASSWORD });
      const here = await t.services.sessions.start(user.id);
      const elsewhere = await t.services.sessions.start(user.id);
      const post = (current: string, next: string) =>
        t.app.inject({
          method: 'POST',
          url: '/admin/account/password',
          headers: { cookie: `samachar_session=${here.token}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
          payload: new URLSearchParams({ _csrf: here.csrfToken, currentPassword: current, newPassword: next }).toString(),
        });
      const wrong = await post('गलत', 'नया-पासवर्ड-456');
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /class="field-error">मौजूदा पासवर्ड सही नहीं है/);
      const short = await post(PASSWORD, 'छोटा');
      assert.equal(short.statusCode, 400);
      assert.ok(await t.services.sessions.resume(elsewhere.token), 'nothing changed yet');
      const ok = await post(PASSWORD, 'नया-पासवर्ड-456');
      assert.equal(ok.statusCode, 200);
      assert.ok(await t.services.sessions.resume(here.token));
      assert.equal(await t.services.sessions.resume(elsewhere.token), null);
      assert.equal((await t.services.users.signIn('change@example.test', 'नया-पासवर्ड-456', '198.51.100.1')).ok, true);
    });

    test('failed attempts: after five from one address, a growing delay with 429 and Retry-After there; the owner elsewhere signs in', async () => {
      await t.services.users.create({ email: 'target@example.test', name: 'T', role: 'editor', password: PASSWORD });
      const attacker = '198.51.100.10';
      for (let i = 0; i < 5; i++) assert.equal((await signIn('target@example.test', `wrong-${i}`, attacker)).statusCode, 401);
      // That address now waits, even with the right password.
      const blocked = await signIn('target@example.test', PASSWORD, attacker);
      assert.equal(blocked.statusCode, 429);
      assert.equal(blocked.headers['retry-after'], '1');
      assert.match(blocked.body, /बहुत ज़्यादा गलत कोशिशें/);
      // Whoever knows the email cannot lock the owner out: another address gets in at once.
      assert.equal((await signIn('target@example.test', PASSWORD, '198.51.100.99')).statusCode, 303);
      // Each further failure doubles the wait.
      const start = t.services.now();
      try {
        t.setNow(new Date(start.getTime() + 1500));
        assert.equal((await signIn('target@example.test', 'wrong-again', attacker)).statusCode, 401);
        const longer = await signIn('target@example.test', PASSWORD, attacker);
        assert.equal(longer.statusCode, 429);
        assert.equal(longer.headers['retry-after'], '2');
        t.setNow(new Date(start.getTime() + 60_000));
        assert.equal((await signIn('target@example.test', PASSWORD, attacker)).statusCode, 303, 'the right password works once the wait is over');
        // One address trying many accounts is limited too.
        for (let i = 0; i < ADDRESS_FREE_FAILURES; i++) assert.equal((await signIn(`nobody${i}@example.test`, 'x'.repeat(9), '192.0.2.50')).statusCode, 401);
        assert.equal((await signIn('asha@example.test', PASSWORD, '192.0.2.50')).statusCode, 429);
      } finally {
        t.setNow(start);
      }
    });

    test('crafted next: a redirect into the newsroom as plain ASCII, or a 4xx page; never off-site, never 500', async () => {
      const crafted = [
        '/admin/articles/1/edit',
        '/admin\r\nSet-Cookie: x=1',
        '/admin/x\nLocation: //evil.example',
        '/admin/\\evil.example',
        '/\\evil.example',
        '\\\\evil.example',
        '//evil.example',
        '/admin//evil.example',
        '/admin/\t/evil.example',
        '/admin/..//evil.example',
        '/admin/%2e%2e//evil.example',
        '/admin/%2F%2Fevil.example',
        '/admin/%0d%0aSet-Cookie:%20x=1',
        '/admin/खबर?q=पुतिन',
        '/admin?\u0001',
        '/admin/\u0085',
        '/admin/\ud800',
        'https://evil.example/admin',
        `/admin/${'ए'.repeat(600)}`,
      ];
      for (const next of crafted) {
        for (const res of [await signIn('asha@example.test', PASSWORD, '203.0.113.40', '', next), await signIn('asha@example.test', 'गलत', '203.0.113.41', '', next)]) {
          assert.ok(res.statusCode < 500, `${JSON.stringify(next)} → ${res.statusCode}`);
          if (res.statusCode !== 303) continue;
          const location = String(res.headers.location);
          assert.match(location, /^\/admin(?:[/?#][\x21-\x7e]*)?$/, `${JSON.stringify(next)} → ${location}`);
          assert.doesNotMatch(location, /\\/, `${location}: no backslash`);
          // Resolved like a browser would, it stays on this site.
          assert.equal(new URL(location, 'http://localhost').host, 'localhost', location);
        }
        // The form shows only a safe next (or none) for whatever was asked.
        const page = await t.app.inject({ method: 'GET', url: `/admin/sign-in?${new URLSearchParams({ next }).toString()}` });
        // An address too long for the site at all is its 414 page.
        assert.ok(page.statusCode === 200 || page.statusCode === 414, `${JSON.stringify(next)} → ${page.statusCode}`);
        const shown = /name="next" value="([^"]*)"/.exec(page.body)?.[1];
        if (shown !== undefined) assert.match(shown, /^\/admin(?:[/?#][\x21-\x7e]*)?$/, `${JSON.stringify(next)} shows ${shown}`);
      }
      // Over the limit: the catalogue's 400 page, in Hindi, not Fastify's JSON.
      const long = await signIn('asha@example.test', PASSWORD, '203.0.113.40', '', `/admin/${'x'.repeat(3000)}`);
      assert.equal(long.statusCode, 400);
      assert.match(String(long.headers['content-type']), /text\/html/);
      assert.match(long.body, /जानकारी सही नहीं है/);
    });

    test('a signed-out visit to a newsroom page comes back there after signing in; one too long to return to goes to the plain form', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/admin/articles/1/edit?x=%E0%A4%96' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/admin/sign-in?next=${encodeURIComponent('/admin/articles/1/edit?x=%E0%A4%96')}`);
      const long = await t.app.inject({ method: 'GET', url: `/admin?q=${'%E0%A4%96'.repeat(200)}` });
      assert.equal(long.statusCode, 303);
      assert.equal(long.headers.location, '/admin/sign-in');
    });

    test('https sites use __Host- cookies with Secure', async () => {
      const { cookieNames, cookieOptions } = await import('./auth.ts');
      const names = cookieNames('https://news.example');
      assert.equal(names.session, '__Host-samachar_session');
      assert.deepEqual(cookieOptions(names), { path: '/', httpOnly: true, sameSite: 'lax', secure: true });
    });

    test('bad sign-in input gets 4xx, never 500', async () => {
      const form = await t.app.inject({ method: 'GET', url: '/admin/sign-in' });
      const pre = cookieValue(form.headers['set-cookie'], 'samachar_pre')!;
      for (const payload of [`_csrf=${pre}&email=${'a'.repeat(5000)}`, `_csrf=${pre}&email[]=x&password=y`, `_csrf=${pre}&password=${'p'.repeat(2000)}`, 'garbage%%%']) {
        const res = await t.app.inject({ method: 'POST', url: '/admin/sign-in', headers: { cookie: `samachar_pre=${pre}`, 'content-type': 'application/x-www-form-urlencoded' }, payload });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${payload.slice(0, 30)} → ${res.statusCode}`);
      }
    });
  });
}
