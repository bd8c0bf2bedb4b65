/**
 * Strict-Transport-Security goes out exactly when the site's public address is https:
 * on pages, cached pages, errors and assets; never on a site served over plain http.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../../app.ts';
import { DIALECTS, openTestServices } from '../../../test/helpers/databases.ts';

async function headersOf(siteUrl: string, urls: readonly string[]): Promise<(string | undefined)[]> {
  const t = await openTestServices(DIALECTS[0]!, { siteUrl });
  const app = await buildApp(t.services);
  try {
    const out: (string | undefined)[] = [];
    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url });
      const value = res.headers['strict-transport-security'];
      out.push(value === undefined ? undefined : String(value));
    }
    return out;
  } finally {
    await app.close();
    await t.close();
  }
}

const URLS = ['/', '/', '/nahin-hai/koi-khabar-999', '/admin/login', '/feed'];

test('an https site sends HSTS for a year, without includeSubDomains, on every response', async () => {
  const values = await headersOf('https://news.example', URLS);
  for (const [i, value] of values.entries()) {
    assert.ok(value, `${URLS[i]} (${i === 1 ? 'cached' : 'rendered'})`);
    const maxAge = Number(/max-age=(\d+)/.exec(value)?.[1]);
    assert.ok(maxAge >= 180 * 86_400, value);
    assert.ok(!/includesubdomains/i.test(value), value);
  }
});

test('a site on plain http sends no HSTS', async () => {
  assert.deepEqual(await headersOf('http://localhost:3000', URLS), URLS.map(() => undefined));
});
