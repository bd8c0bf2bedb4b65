/**
 * The reader site for keyboards, paper and dark screens, in chromium: every tab stop on
 * the reference article shows a focus ring with at least 3:1 against what is behind it
 * (the red section bar included), light and dark; printing shows the story alone
 * (headline, byline, text, photos, captions and its address); with a dark colour scheme
 * every piece of text on the article page keeps at least 4.5:1 against its background.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openReferenceSite, type ReferenceSite, RESULTS_DIR } from '../helpers/browser.ts';

/** WCAG relative luminance and contrast, from `rgb()`/`rgba()` strings; runs in the page too. */
const colourCode = `
  const parse = (c) => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null; const [r, g, b, a = 1] = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return { r, g, b, a }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const contrast = (x, y) => { const [hi, lo] = [lum(x), lum(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
  const backgroundOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) return c; } return parse(getComputedStyle(document.documentElement).backgroundColor) ?? { r: 255, g: 255, b: 255, a: 1 }; };
`;

interface FocusReport {
  tag: string;
  text: string;
  inNav: boolean;
  outline: string;
  width: number;
  ratio: number;
}

/** What has focus now, its ring, and the ring's contrast with what is behind it. */
async function focusRing(page: Page): Promise<FocusReport | null> {
  return page.evaluate(`(() => {
    ${colourCode}
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const ring = parse(s.outlineColor);
    // A ring drawn outside sits on the parent's background; one drawn inside, on the element's own.
    const behind = parseFloat(s.outlineOffset) < 0 ? backgroundOf(el) : backgroundOf(el.parentElement);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent || el.getAttribute('aria-label') || el.getAttribute('name') || '').trim().slice(0, 40),
      inNav: Boolean(el.closest('.site-nav')),
      outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + ' offset ' + s.outlineOffset,
      width: s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth),
      ratio: ring && ring.a > 0 ? contrast(ring, behind) : 0,
    };
  })()`);
}

describe('reader pages for keyboards, print and dark screens', () => {
  let site: ReferenceSite;

  before(async () => {
    site = await openReferenceSite();
  });
  after(() => site?.close());

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every tab stop shows a focus ring with at least 3:1 contrast, the red section bar too (${colorScheme})`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(site.origin + site.refPath, { waitUntil: 'load' });
        const seen: FocusReport[] = [];
        for (let i = 0; i < 80; i++) {
          await page.keyboard.press('Tab');
          const ring = await focusRing(page);
          if (ring) seen.push(ring);
        }
        const nav = seen.filter((r) => r.inNav);
        assert.ok(nav.length >= 3, `tabbing reaches the section bar's links (${nav.length})`);
        assert.ok(seen.length >= 40, `tab stops: ${seen.length}`);
        const weak = seen.filter((r) => r.width < 2 || r.ratio < 3).map((r) => `${r.tag} “${r.text}”: ${r.outline}, ${r.ratio.toFixed(2)}:1`);
        assert.deepEqual(weak, [], 'focus rings too thin or too faint');
        // The screenshot shows a focused link on the red bar.
        await page.goto(site.origin + site.refPath, { waitUntil: 'load' });
        for (let i = 0; i < 20 && !(await focusRing(page))?.inNav; i++) await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        const focused = await focusRing(page);
        assert.ok(focused?.inNav && focused.ratio >= 3, `a section link: ${JSON.stringify(focused)}`);
        await page.screenshot({ path: path.join(RESULTS_DIR, `focus-nav-${colorScheme}.png`), clip: { x: 0, y: 0, width: 1366, height: 160 } });
      } finally {
        await context.close();
      }
    });
  }

  test('printing shows the story alone: headline, byline, text, photos, captions and its address', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(site.origin + site.refPath, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const visible = (selector: string) =>
        page.evaluate((sel) => {
          const els = [...document.querySelectorAll(sel)];
          return els.length > 0 && els.every((el) => {
            const r = el.getBoundingClientRect();
            return el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && r.width > 1 && r.height > 1;
          });
        }, selector);
      const hidden = (selector: string) =>
        page.evaluate((sel) => {
          const els = [...document.querySelectorAll(sel)];
          return els.length > 0 && els.every((el) => !el.checkVisibility({ visibilityProperty: true, opacityProperty: true }));
        }, selector);
      for (const sel of ['h1.headline', '.story > .dek', '.byline .authors', '.byline .times', '.article-body p', '.hero-photo img', '.article-body figure img', '.article-body figcaption', '.print-url']) {
        assert.ok(await visible(sel), `printed: ${sel}`);
      }
      for (const sel of ['.site-header', '.site-nav', '.header-search', '.sidebar', '#comments', '#respond', '#commentform', '.related', '.tags', '.site-footer']) {
        assert.ok(await hidden(sel), `not printed: ${sel}`);
      }
      const url = (await page.locator('.print-url').textContent())?.trim() ?? '';
      assert.match(url, /^https?:\/\/[^/]+\//, 'an absolute address');
      assert.ok(url.endsWith(site.refPath), `the story's own address: ${url}`);
      // Nothing else on the page shows: every visible piece of text is inside the story.
      const stray = await page.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && el.checkVisibility({ visibilityProperty: true }))
          .filter((el) => !el.closest('article.story'))
          .map((el) => `${el.tagName}: ${el.textContent!.trim().slice(0, 40)}`),
      );
      assert.deepEqual(stray, []);
      await page.pdf({ path: path.join(RESULTS_DIR, 'article-print.pdf'), format: 'A4' });
    } finally {
      await context.close();
    }
  });

  for (const colorScheme of ['dark', 'light'] as const) {
    test(`every piece of text on the article page has at least 4.5:1 contrast (${colorScheme})`, async () => {
      const context = await site.browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(site.origin + site.refPath, { waitUntil: 'load' });
        const report = (await page.evaluate(`(() => {
          ${colourCode}
          const out = { checked: 0, bodyBg: getComputedStyle(document.body).backgroundColor, low: [] };
          for (const el of document.body.querySelectorAll('*')) {
            if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
            const r = el.getBoundingClientRect();
            if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true }) || r.width <= 1 || r.height <= 1) continue;
            const colour = parse(getComputedStyle(el).color);
            const ratio = contrast(colour, backgroundOf(el));
            out.checked++;
            if (ratio < 4.5) out.low.push(el.tagName.toLowerCase() + '.' + el.className + ' “' + el.textContent.trim().slice(0, 30) + '” ' + getComputedStyle(el).color + ' on ' + JSON.stringify(backgroundOf(el)) + ': ' + ratio.toFixed(2));
          }
          return out;
        })()`)) as { checked: number; bodyBg: string; low: string[] };
        assert.ok(report.checked > 50, `text elements checked: ${report.checked}`);
        if (colorScheme === 'dark') assert.equal(report.bodyBg, 'rgb(18, 20, 22)', 'the dark background is in use');
        assert.deepEqual(report.low, []);
        await page.screenshot({ path: path.join(RESULTS_DIR, `article-${colorScheme}.png`), fullPage: false });
      } finally {
        await context.close();
      }
    });
  }
});
