/**
 * Issue 11, points 4 and 7, against a started site on each database:
 * - 10,000 junk addresses (parameters no page reads, repeated or ignored ones, odd path
 *   spellings, made-up searches) leave the warm pages in a small page cache: still HITs.
 * - The comment webhook cannot be aimed at the server or its network from the admin form.
 * - HSTS only when SITE_URL is https.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../helpers/databases.ts';
import { type StartedSite, startSite } from '../helpers/server-process.ts';

/** Requests `urls` with `parallel` at a time; returns how many answered with each status. */
async function flood(site: StartedSite, urls: () => string, count: number, parallel: number): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let sent = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (sent < count) {
        sent++;
        const res = await site.fetch(urls());
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

for (const dialect of DIALECTS) {
  describe(`a started site's page cache and comment webhook (${dialect})`, () => {
    let site: StartedSite;
    before(async () => {
      // A small cache: storing the junk would push the warm pages out many times over.
      site = await startSite(dialect, { PAGE_CACHE_MB: '2' });
    });
    after(() => site?.stop());

    test('10,000 junk addresses leave the warm pages cached', async () => {
      const home = await (await site.fetch('/')).text();
      const article = /href="(\/[a-z0-9-]+\/[a-z0-9-]+-\d+)"/.exec(home)?.[1];
      assert.ok(article, 'an article link on the home page');
      const section = `/${article.split('/')[1]}`;
      const warm = [article, '/', section, '/feed'];
      for (const url of warm) {
        assert.equal((await site.fetch(url)).status, 200, url);
        assert.equal((await site.fetch(url)).headers.get('x-cache'), 'HIT', url);
      }
      const rand = () => Math.random().toString(36).slice(2);
      const kinds = [
        () => `${article}?q=${rand()}`,
        () => `${article}?utm_source=${rand()}&utm_campaign=${rand()}`,
        () => article.replace(/[a-z]/g, (c) => (Math.random() < 0.3 ? `%${c.charCodeAt(0).toString(16).toUpperCase()}` : c)),
        () => `/?page=${rand()}`,
        () => `${section}?page=1&${rand()}=1`,
        () => `${section}?page=1&page=${rand()}`,
        () => `/search?q=${rand()}`,
        () => `/search?q=putin&section=${rand()}`,
        () => `/api/search/suggest?q=${rand()}`,
      ];
      let i = 0;
      const statuses = await flood(site, () => kinds[i++ % kinds.length]!(), 10_000, 8);
      assert.ok(!statuses.has(500) && !statuses.has(503), `no junk address is a server error: ${JSON.stringify([...statuses])}`);
      for (const url of warm) assert.equal((await site.fetch(url)).headers.get('x-cache'), 'HIT', `${url} was pushed out by junk`);
    });

    test('the admin form refuses a webhook aimed at the server or its network', async () => {
      const admin = await site.signIn();
      const page = await site.fetch('/admin/comments/settings', { headers: { cookie: admin.cookie } });
      assert.equal(page.status, 200);
      const save = (webhookUrl: string) =>
        site.fetch('/admin/comments/settings', {
          method: 'POST',
          headers: { cookie: admin.cookie, origin: site.server.origin, 'x-csrf-token': admin.csrf, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            _csrf: admin.csrf,
            commentsEnabled: '1',
            commentModeration: 'first',
            commentAutoCloseDays: '0',
            commentMaxLinks: '2',
            commentMinSeconds: '3',
            commentIpLimit: '20',
            commentEmailLimit: '5',
            webhookUrl,
          }).toString(),
        });
      const port = new URL(site.server.origin).port;
      for (const url of [
        `http://127.0.0.1:${port}/admin`,
        `http://localhost:${port}/`,
        `http://2130706433:${port}/`,
        `http://0x7f.1:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
        'http://[::1]/',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.1/',
        'http://192.168.1.1/',
      ]) {
        const res = await save(url);
        const body = await res.text();
        assert.equal(res.status, 400, `${url}: ${res.status}`);
        assert.match(body, /class="field-error"/, url);
      }
      assert.equal((await save('')).status, 303, 'the form itself saves');
      assert.equal(page.headers.get('strict-transport-security'), null, 'no HSTS on an http site');
    });

    test('an https SITE_URL sends HSTS', async () => {
      await site.restart('SIGTERM', { SITE_URL: 'https://news.example' });
      const res = await site.fetch('/');
      const hsts = res.headers.get('strict-transport-security') ?? '';
      assert.ok(Number(/max-age=(\d+)/.exec(hsts)?.[1]) >= 180 * 86_400, hsts);
    });
  });
}
