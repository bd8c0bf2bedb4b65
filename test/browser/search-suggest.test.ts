/**
 * The search box in chromium (issue 16): typing a romanized query offers its Devanagari
 * spelling first (a link to search for it), then matching headlines; a result found through
 * a translation says which word it matched.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openReferenceSite, type ReferenceSite } from '../helpers/browser.ts';

describe('search box suggestions (chromium)', () => {
  let site: ReferenceSite;
  before(async () => {
    site = await openReferenceSite();
  });
  after(async () => {
    await site?.close();
  });

  test('a romanized query gets its Devanagari spelling first, then headlines', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.origin}/search`);
      const input = page.locator('#search-q');
      await input.pressSequentially('putin mulakat');
      const spelling = page.locator('li.search-spelling a');
      await spelling.waitFor({ state: 'visible', timeout: 15_000 });
      assert.equal(await spelling.textContent(), 'पुतिन मुलाकात');
      assert.equal(await spelling.getAttribute('href'), `/search?q=${encodeURIComponent('पुतिन मुलाकात')}`);
      await page.locator('.search-suggestions li:nth-child(2) a').waitFor({ state: 'visible' });
      await spelling.click();
      await page.waitForURL(/\/search\?q=/);
      assert.match(await page.locator('h1').textContent() ?? '', /पुतिन मुलाकात/);
    } finally {
      await page.close();
    }
  });

  test('a result found through a translation names the matched word', async () => {
    const page = await site.browser.newPage();
    try {
      await page.goto(`${site.origin}/search?q=farmers`);
      const why = page.locator('.search-why').first();
      await why.waitFor({ state: 'visible' });
      assert.match((await why.textContent()) ?? '', /farmers → किसान/);
    } finally {
      await page.close();
    }
  });
});
