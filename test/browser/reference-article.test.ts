/**
 * A reader opens the reference article in chromium, on a phone-sized screen and on
 * a desktop one: headline, captions, Updates, the widget and the comment form are
 * visible, the Devanagari webfont is in use, and no request leaves this host.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { referenceArticle } from '../../src/demo/content/index.ts';
import { openReferenceSite, type ReferenceSite, RESULTS_DIR } from '../helpers/browser.ts';

describe('the reference article in a browser', () => {
  let browser: Browser;
  let origin: string;
  let refPath: string;

  let site: ReferenceSite | undefined;

  before(async () => {
    site = await openReferenceSite();
    ({ browser, origin, refPath } = site);
  });
  after(() => site?.close());

  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1366, height: 900 }],
  ] as const) {
    test(`everything the reference shows is visible (${name})`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const res = await page.goto(origin + refPath, { waitUntil: 'load' });
      assert.equal(res?.status(), 200);

      await page.getByRole('heading', { level: 1, name: referenceArticle.headline }).waitFor({ state: 'visible' });
      assert.equal(await page.locator('html').getAttribute('lang'), 'hi');
      assert.ok(await page.getByText(referenceArticle.dek, { exact: true }).isVisible());
      for (const block of referenceArticle.body) {
        if (!('photo' in block)) continue;
        const caption = page.locator('figcaption', { hasText: block.photo.caption });
        await caption.scrollIntoViewIfNeeded();
        assert.ok(await caption.isVisible(), block.photo.caption);
        const img = page.locator('figure', { has: caption }).locator('img');
        await img.scrollIntoViewIfNeeded();
        await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle());
      }
      for (const text of ['Updates', 'COVID-19 CASES', 'Leave a Reply']) {
        const heading = page.getByRole('heading', { name: text, exact: true });
        await heading.scrollIntoViewIfNeeded();
        assert.ok(await heading.isVisible(), text);
      }
      assert.ok(await page.getByText('March 21, 2023', { exact: true }).first().isVisible());
      for (const label of ['Comment', 'Name', 'Email', 'Website']) {
        assert.ok(await page.getByLabel(label).first().isVisible(), `field ${label}`);
      }
      assert.ok(await page.getByRole('button', { name: 'Post Comment' }).isVisible());

      // The Devanagari webfont from our own host is what the headline is drawn with.
      const fontReady = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('700 32px "Noto Sans Devanagari"', 'जिनपिंग');
      });
      assert.ok(fontReady, 'Noto Sans Devanagari is loaded');
      assert.ok(requests.some((u) => u.endsWith('.woff2')), 'the font file was requested');

      // Nothing wider than the screen on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);

      const foreign = requests.filter((u) => new URL(u).origin !== origin);
      assert.deepEqual(foreign, [], 'no request leaves this host');

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(RESULTS_DIR, `reference-article-${name}.png`), fullPage: true });
      await page.screenshot({ path: path.join(RESULTS_DIR, `reference-article-${name}-first-screen.png`) });
      await context.close();
    });
  }
});
