/**
 * The hostile suite's base: a started site answers, the real sign-in form works, and
 * malformed requests of every common kind get a 4xx with the site's own page, never a
 * 500 or a stack trace, while the site keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/databases.ts';
import { type StartedSite, startSite } from '../helpers/server-process.ts';

for (const dialect of DIALECTS) {
  describe(`a started site under malformed requests (${dialect})`, () => {
    let site: StartedSite;
    before(async () => {
      site = await startSite(dialect);
    });
    after(() => site?.stop());

    test('the real sign-in form signs the printed admin in', async () => {
      const admin = await site.signIn();
      const res = await site.fetch('/admin', { headers: { cookie: admin.cookie } });
      assert.equal(res.status, 200);
      const wrong = await site.fetch('/admin/sign-in', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site.server.origin }, body: 'email=x&password=y' });
      assert.equal(wrong.status, 403, 'no CSRF token: refused');
    });

    test('malformed requests get a 4xx, never a 500 or a stack trace', async () => {
      const admin = await site.signIn();
      const json = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin, 'content-type': 'application/json' };
      const cases: [string, RequestInit][] = [
        ['/%E0%A4', {}],
        ['/search?q=%ZZ', {}],
        ['/admin/api/articles/1', { method: 'PUT', headers: json, body: '{"headline":' }],
        ['/admin/api/articles/1', { method: 'PUT', headers: json, body: '[]' }],
        ['/admin/api/articles/1', { method: 'PUT', headers: json, body: JSON.stringify({ body: { version: 1, blocks: [{ type: 'script' }] } }) }],
        ['/admin/api/articles/1', { method: 'PUT', headers: json, body: JSON.stringify({ baseVersion: 1e300 }) }],
        ['/admin/api/articles/1/update', { method: 'POST', headers: json, body: '{"baseVersion":"x"}' }],
        ['/admin/api/articles/1/preview-links/abc/revoke', { method: 'POST', headers: json, body: '{}' }],
        ['/preview/' + 'A'.repeat(43), {}],
        ['/preview/..%2F..%2Fadmin', {}],
        ['/admin/articles/1/preview', {}],
      ];
      for (const [url, init] of cases) {
        const res = await site.fetch(url, init);
        const body = await res.text();
        // A search for broken text is still a search (a normal page); everything else is refused.
        if (url.startsWith('/search')) assert.equal(res.status, 200, url);
        else assert.ok(res.status >= 300 && res.status < 500, `${init.method ?? 'GET'} ${url}: ${res.status} ${body.slice(0, 200)}`);
        assert.doesNotMatch(body, /\n\s+at .+\(.+:\d+:\d+\)|node:internal|ERR_[A-Z_]{4,}/, `${url}: a stack trace or internal code leaked`);
      }
      assert.equal((await site.fetch('/')).status, 200, 'and the site still serves');
    });
  });
}
