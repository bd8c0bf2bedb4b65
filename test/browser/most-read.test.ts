/**
 * Most read in chromium against the real app (decision 029): a story page's script posts one
 * beacon per load to this site, under the strict CSP, with no cookie; a reload sends the
 * same token and counts once; another tab (its own sessionStorage) counts again; the
 * headless browser's own user agent is a bot and is not counted. The breaking-news banner
 * shows with JavaScript off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { articlePath } from '../../src/domain/articles/article.ts';
import { openDemoApp, type TestApp } from '../helpers/app.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { TEST_NOW } from '../helpers/databases.ts';

const DESKTOP_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

describe('most read in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let storyPath: string;
  let storyId: number;
  const contexts: BrowserContext[] = [];

  before(async () => {
    t = await openDemoApp('sqlite');
    origin = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const [story] = await t.services.articles.latest(TEST_NOW, 1);
    storyPath = articlePath(story!);
    storyId = story!.id;
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await t?.close();
  });

  async function context(options: { userAgent?: string; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const c = await browser.newContext(options);
    contexts.push(c);
    return c;
  }

  /** Fails on any console error (CSP violations are reported there) or page error. */
  function watch(page: Page): string[] {
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    return problems;
  }

  /** Opens (or reloads) the story and returns the beacon the page sent. */
  async function loadAndBeacon(page: Page, reload = false): Promise<Request> {
    const beacon = page.waitForRequest((r) => r.url().startsWith(`${origin}/_view?`) && r.method() === 'POST');
    if (reload) await page.reload();
    else await page.goto(`${origin}${storyPath}`);
    return beacon;
  }

  async function views(): Promise<number> {
    await t.services.mostRead.flush();
    const rows = await t.services.storage.db.selectFrom('article_views').select('views').where('article_id', '=', storyId).execute();
    return rows.reduce((n, r) => n + r.views, 0);
  }

  test('one count per reader: a reload counts once, another tab again, the headless agent never', async () => {
    const reader = await (await context({ userAgent: DESKTOP_CHROME })).newPage();
    const problems = watch(reader);
    const first = await loadAndBeacon(reader);
    const params = new URL(first.url()).searchParams;
    assert.equal(params.get('a'), String(storyId));
    assert.match(params.get('t') ?? '', /^[A-Za-z0-9_-]{22}$/);
    assert.equal((await first.response())?.status(), 204);
    assert.equal(await first.headerValue('cookie'), null, 'no cookie goes with it');
    const again = await loadAndBeacon(reader, true);
    assert.equal(new URL(again.url()).searchParams.get('t'), params.get('t'), 'the reload repeats the token');
    await again.response();
    assert.equal(await views(), 1, 'the reload counted once');

    const otherTab = await (await context({ userAgent: DESKTOP_CHROME })).newPage();
    const other = await loadAndBeacon(otherTab);
    assert.notEqual(new URL(other.url()).searchParams.get('t'), params.get('t'));
    await other.response();
    assert.equal(await views(), 2, 'another tab is another read');

    const headless = await (await context()).newPage();
    const bot = await loadAndBeacon(headless);
    assert.equal((await bot.response())?.status(), 204);
    assert.equal(await views(), 2, 'HeadlessChrome is not a reader');
    assert.deepEqual(problems, [], 'no console error, no CSP violation');
    assert.deepEqual(await reader.context().cookies(), [], 'no cookie was set');
  });

  test('the breaking-news banner shows without JavaScript', async () => {
    await t.services.breaking.set({ text: 'ब्रेकिंग: परीक्षा की तारीख बदली', link: storyPath });
    const page = await (await context({ javaScriptEnabled: false })).newPage();
    await page.goto(`${origin}/`);
    const region = page.getByRole('region', { name: 'ब्रेकिंग न्यूज़' });
    assert.equal(await region.getByRole('link').textContent(), 'ब्रेकिंग: परीक्षा की तारीख बदली');
    assert.equal(await region.getByRole('link').getAttribute('href'), storyPath);
  });
});
