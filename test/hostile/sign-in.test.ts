/**
 * The audit's sign-in attacks against a started site (issue 11, points 2, 3 and 5), on
 * every database. The site runs behind a pretend proxy (TRUST_PROXY=1), so each request
 * can come from an address of the test's choosing through X-Forwarded-For.
 *
 * - 50 parallel wrong passwords from one address: at most the limit (5) are checked
 *   (401), the rest are refused before the check (429 with Retry-After).
 * - Whoever hammers the printed admin account cannot lock its owner out: the right
 *   password from another address signs in at once, also after an attack spread over
 *   many addresses, which gets one guess per address while the account waits.
 * - Crafted `next` values after signing in, and a raw `/\host/` request line: a redirect
 *   that stays on the site, or the site's own 4xx page; never a 500 or Fastify's JSON.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/databases.ts';
import { type StartedSite, startSite } from '../helpers/server-process.ts';

const LIMIT = 5;

for (const dialect of DIALECTS) {
  describe(`sign-in under attack, on a started site (${dialect})`, () => {
    let site: StartedSite;
    let form: { cookie: string; csrf: string };
    before(async () => {
      site = await startSite(dialect, { TRUST_PROXY: '1' });
      const page = await site.fetch('/admin/sign-in');
      const pre = page.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
      assert.ok(csrf);
      form = { cookie: pre, csrf };
    });
    after(() => site?.stop());

    /** Posts the real sign-in form from `address`. */
    function signIn(address: string, password: string, next?: string): Promise<Response> {
      return site.fetch('/admin/sign-in', {
        method: 'POST',
        headers: { cookie: form.cookie, origin: site.server.origin, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
        body: new URLSearchParams({ _csrf: form.csrf, email: site.adminEmail, password, ...(next === undefined ? {} : { next }) }).toString(),
      });
    }

    /** Sends the requests together and reads every answer: its status, Retry-After and body. */
    async function answers(responses: Promise<Response>[]): Promise<{ status: number; retryAfter: string | null; body: string }[]> {
      return Promise.all(responses.map(async (p) => {
        const res = await p;
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
      }));
    }
    const statuses = async (responses: Promise<Response>[]) => (await answers(responses)).map((a) => a.status);

    test('50 parallel wrong passwords from one address: at most the limit are checked, the rest get 429; the owner elsewhere signs in', async () => {
      const started = Date.now();
      const burst = await answers(Array.from({ length: 50 }, (_, i) => signIn('203.0.113.66', `wrong-${i}`)));
      const seconds = (Date.now() - started) / 1000;
      const checked = burst.filter((a) => a.status === 401).length;
      // The limit, plus the tries a real clock lets through after the waits of 1 s, 2 s, 4 s …
      // ran out while the burst was still arriving (none when it takes under a second).
      const allowed = LIMIT + Math.floor(Math.log2(seconds + 1));
      assert.ok(checked <= allowed, `${checked} tries reached the password check in ${seconds.toFixed(1)} s (at most ${allowed})`);
      const refused = burst.filter((a) => a.status === 429);
      assert.equal(checked + refused.length, 50, `only 401 and 429: ${burst.map((a) => a.status).join(',')}`);
      for (const answer of refused) {
        assert.ok(Number(answer.retryAfter) >= 1, 'with Retry-After');
        assert.match(answer.body, /बहुत ज़्यादा गलत कोशिशें/);
      }
      // The attacker's address waits (the domain tests check it with a fixed clock; here a
      // real second may have passed). The owner from another address is never held up.
      const owner = await signIn('198.51.100.200', site.adminPassword);
      assert.equal(owner.status, 303, 'the owner from another address signs in at once');
    });

    test('an attack spread over many addresses gets one guess per address; the owner still signs in', async () => {
      const addresses = Array.from({ length: 15 }, (_, i) => `192.0.2.${i + 10}`);
      const first = await statuses(addresses.map((a) => signIn(a, 'guess-1')));
      assert.deepEqual(first, addresses.map(() => 401));
      const later = await statuses([...addresses.map((a) => signIn(a, 'guess-2')), ...addresses.map((a) => signIn(a, 'guess-3'))]);
      assert.deepEqual(later, later.map(() => 429), 'no address gets a second guess while the account waits');
      assert.equal((await signIn('198.51.100.201', site.adminPassword)).status, 303, 'the owner from a new address signs in');
    });

    test('crafted next values: a redirect on this site or a 4xx page, never 500, never off-site', async () => {
      const crafted = [
        '/admin/ए',
        '/admin/x\r\nSet-Cookie: x=1',
        '/admin?\u0001',
        '/admin/\\evil.example',
        '/\\evil.example',
        '\\\\evil.example',
        '/\\\\evil.example',
        '//evil.example',
        '/admin/\t/evil.example',
        '/admin/%2e%2e//evil.example',
        '/admin/%0d%0aLocation:%20//evil.example',
        '/admin/\u202e\u200b',
        'https://evil.example',
        `/admin/${'x'.repeat(1500)}`,
        `/admin/${'x'.repeat(3000)}`,
      ];
      for (const next of crafted) {
        const res = await signIn('198.51.100.202', site.adminPassword, next);
        const body = await res.text();
        assert.ok(res.status < 500, `${JSON.stringify(next.slice(0, 40))} → ${res.status} ${body.slice(0, 200)}`);
        assert.doesNotMatch(body, /"statusCode"|ERR_[A-Z_]{4,}/, 'not Fastify’s own JSON');
        if (res.status === 303) {
          const location = res.headers.get('location')!;
          assert.match(location, /^\/admin(?:[/?#][\x21-\x7e]*)?$/, `${JSON.stringify(next.slice(0, 40))} → ${location}`);
          assert.doesNotMatch(location, /\\/);
          assert.equal(new URL(location, site.server.origin).origin, site.server.origin);
        } else {
          assert.equal(res.status, 400, JSON.stringify(next.slice(0, 40)));
          assert.match(res.headers.get('content-type') ?? '', /text\/html/);
          assert.match(body, /जानकारी सही नहीं है/, 'the catalogue’s page, in Hindi');
        }
      }
    });

    test('a raw /\\host/ request line is not redirected to the other host', async () => {
      const { port } = new URL(site.server.origin);
      for (const target of ['/\\evil.example/', '/\\\\evil.example/', '//evil.example/', '/.//evil.example/']) {
        const head = await new Promise<string>((resolve, reject) => {
          const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
          let out = '';
          socket.on('data', (d) => (out += String(d)));
          socket.on('end', () => resolve(out.split('\r\n\r\n')[0]!));
          socket.on('error', reject);
        });
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
        assert.ok(status >= 300 && status < 500, `${target} → ${head.split('\r\n')[0]}`);
        const location = /\r\nlocation: ([^\r]*)/i.exec(head)?.[1];
        if (location !== undefined) {
          assert.doesNotMatch(location, /^\/\/|\\|^\/\.?\/\//, `${target} → ${location}`);
          assert.equal(new URL(location, site.server.origin).origin, site.server.origin, `${target} → ${location}`);
        }
      }
    });
  });
}
