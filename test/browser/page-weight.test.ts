/**
 * Light pages for slow phones: the reference article, first load with an empty cache, in
 * chromium at a phone's screen (360×740, 2× pixels), against the real app listening on a
 * port (so compression, headers and every asset are as served). Budgets, with what was
 * measured when they were set (the demo's photos are small placeholders):
 *
 * - the HTML document transferred (headers included): under 30 KB (measured 8.4 KB, br);
 *   compressed bodies checked by inject too (raw 30.7 KB, gzip 7.6 KB, br 6.8 KB);
 * - everything fetched until the network is idle: under 200 KB (measured 156 KB: four
 *   font files 129 KB — Devanagari and Latin, regular and bold —, HTML 8.5, CSS 5.5, the
 *   comment script 2.3, the hero and one body photo 9.3, the form token and favicon 1.7).
 *   One more font weight (+54 KB) or a second copy of a font breaks it;
 * - at most 13 requests (measured 11);
 * - no request to another host, no console error, no failed request;
 * - no render-blocking script, one stylesheet;
 * - every <img> with width and height; the hero eager at high priority, the rest lazy, and
 *   photos far below the fold not fetched at all; cumulative layout shift under 0.1
 *   (measured 0.003: the navigation when the webfont swaps in);
 * - the preloaded fonts fetched once each, used by the page, and no "preloaded but not
 *   used" or credentials-mismatch warning.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, ConsoleMessage } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import { openReferenceSite, type ReferenceSite, RESULTS_DIR } from '../helpers/browser.ts';

const KB = 1024;
const HTML_BUDGET = 30 * KB;
const TOTAL_BUDGET = 200 * KB;
const MAX_REQUESTS = 13;
/** Web Vitals' "good" cumulative layout shift. */
const CLS_BUDGET = 0.1;
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
/** Chromium starts fetching a lazy image this far below the screen on the slowest connections (1250 px on fast ones). */
const LAZY_DISTANCE_PX = 2500;
/** Chromium warns about an unused preload 3 s after the load event. */
const UNUSED_PRELOAD_WARNING_MS = 3000;

interface NetworkEntry {
  url: string;
  type: string;
  priority: string;
  bytes: number;
  failed?: string;
  encoding?: string;
}

describe('light pages for slow phones: the reference article', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let refPath: string;

  let site: ReferenceSite | undefined;

  before(async () => {
    site = await openReferenceSite();
    ({ t, browser, origin, refPath } = site);
  });
  after(() => site?.close());

  test('the HTML is under 30 KB compressed, with gzip and with brotli', async () => {
    const sizes: Record<string, number> = {};
    for (const encoding of ['identity', 'gzip', 'br']) {
      const res = await t.app.inject({ url: refPath, headers: { 'accept-encoding': encoding } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-encoding'], encoding === 'identity' ? undefined : encoding);
      sizes[encoding] = res.rawPayload.length;
    }
    console.log(`# article HTML: raw ${sizes.identity} B, gzip ${sizes.gzip} B, br ${sizes.br} B`);
    assert.ok(sizes.gzip! < HTML_BUDGET, `gzip ${sizes.gzip} B`);
    assert.ok(sizes.br! < HTML_BUDGET, `br ${sizes.br} B`);
  });

  test('first load on a phone stays within budget, all from this host', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const network = new Map<string, NetworkEntry>();
    cdp.on('Network.requestWillBeSent', (e) => {
      network.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', priority: e.request.initialPriority, bytes: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const entry = network.get(e.requestId);
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      if (entry) entry.encoding = headers['content-encoding'];
    });
    cdp.on('Network.loadingFinished', (e) => {
      const entry = network.get(e.requestId);
      if (entry) entry.bytes = e.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (e) => {
      const entry = network.get(e.requestId);
      if (entry) entry.failed = e.errorText;
    });
    await cdp.send('Network.enable');
    const problems: string[] = [];
    const warnings: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(m.text());
      if (m.type() === 'warning') warnings.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    // Layout shifts from the start (photos without a size, fonts swapping in).
    await page.addInitScript(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.layoutShift += (entry as unknown as { value: number }).value;
      }).observe({ type: 'layout-shift', buffered: true });
    });

    const res = await page.goto(origin + refPath, { waitUntil: 'load' });
    const loadedAt = Date.now();
    assert.equal(res?.status(), 200);
    await page.waitForLoadState('networkidle');
    // Everything fetched during the first load, before any scrolling.
    const entries = [...network.values()];
    const at = (u: string) => u.replace(origin, '');

    const report = entries.map((e) => `#   ${String(e.bytes).padStart(6)} B  ${e.type.padEnd(10)} ${e.priority.padEnd(8)} ${at(e.url)}`);
    const total = entries.reduce((sum, e) => sum + e.bytes, 0);
    console.log(`# first load: ${entries.length} requests, ${total} B\n${report.join('\n')}`);

    // Nothing leaves this host, and nothing failed.
    assert.deepEqual(entries.filter((e) => new URL(e.url).origin !== origin).map((e) => e.url), [], 'no request leaves this host');
    assert.deepEqual(entries.filter((e) => e.failed).map((e) => `${at(e.url)}: ${e.failed}`), [], 'no failed request');

    // The document: compressed, under 30 KB on the wire.
    const doc = entries.find((e) => e.type === 'Document');
    assert.ok(doc);
    assert.match(doc.encoding ?? '', /^(br|gzip)$/, 'the HTML is compressed');
    assert.ok(doc.bytes > 0 && doc.bytes < HTML_BUDGET, `HTML transferred ${doc.bytes} B`);

    // The whole first load.
    assert.ok(total < TOTAL_BUDGET, `total transferred ${total} B (budget ${TOTAL_BUDGET})`);
    assert.ok(entries.length <= MAX_REQUESTS, `${entries.length} requests (at most ${MAX_REQUESTS})`);
    const stylesheets = entries.filter((e) => e.type === 'Stylesheet');
    assert.equal(stylesheets.length, 1, 'one stylesheet');
    assert.ok(stylesheets[0]!.bytes < 10 * KB, `stylesheet ${stylesheets[0]!.bytes} B`);

    // Scripts: none blocks rendering, none is inline (the CSP forbids it anyway).
    const scripts = await page.evaluate(() =>
      [...document.scripts].map((s) => ({ src: s.getAttribute('src'), type: s.type, defer: s.defer, async: s.async, inHead: s.closest('head') !== null })),
    );
    // Structured data is a data block (application/ld+json): never run, so not a script here.
    for (const s of scripts.filter((x) => x.type !== 'application/ld+json')) {
      assert.ok(s.src, 'no inline script');
      assert.ok(s.type === 'module' || s.defer || s.async, `${s.src} does not block rendering`);
    }

    // Images: sizes known before they load; the hero first and eager, the rest lazy.
    const images = await page.evaluate(() =>
      [...document.images].map((img) => ({
        src: img.getAttribute('src') ?? '',
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        srcset: img.getAttribute('srcset'),
        sizes: img.getAttribute('sizes'),
        loading: img.getAttribute('loading'),
        decoding: img.getAttribute('decoding'),
        fetchpriority: img.getAttribute('fetchpriority'),
        top: img.getBoundingClientRect().top + window.scrollY,
      })),
    );
    assert.ok(images.length >= 4, `${images.length} images (hero, body photos, related stories)`);
    for (const img of images) {
      assert.match(img.width ?? '', /^[1-9]\d*$/, `${img.src} has width`);
      assert.match(img.height ?? '', /^[1-9]\d*$/, `${img.src} has height`);
      assert.ok(img.srcset && img.sizes, `${img.src} has srcset and sizes`);
    }
    const [hero, ...rest] = images;
    assert.ok(hero);
    assert.equal(hero.loading, 'eager');
    assert.equal(hero.fetchpriority, 'high');
    assert.ok(hero.top < PHONE.viewport.height, `the hero starts on the first screen (at ${hero.top}px)`);
    for (const img of rest) {
      assert.equal(img.loading, 'lazy', `${img.src} is lazy`);
      assert.equal(img.decoding, 'async', `${img.src} decodes off the main thread`);
    }
    const photoId = (src: string) => /^\/media\/([0-9a-f]+)-/.exec(src)?.[1] ?? src;
    const fetched = (img: { src: string }) => entries.filter((e) => e.type === 'Image' && at(e.url).startsWith(`/media/${photoId(img.src)}-`));
    const heroFetches = fetched(hero);
    assert.equal(heroFetches.length, 1, 'the hero is fetched once');
    assert.equal(heroFetches[0]!.priority, 'High', 'the hero is fetched at high priority');
    const farBelow = rest.filter((img) => img.top > PHONE.viewport.height + LAZY_DISTANCE_PX);
    assert.ok(farBelow.length > 0, 'the related stories are far below the fold');
    for (const img of farBelow) assert.deepEqual(fetched(img).map((e) => at(e.url)), [], `${img.src} (at ${Math.round(img.top)}px) waits`);

    // Fonts: the preloaded files are fetched once (the stylesheet's use shares the
    // preload's request) and are in use once the page has drawn.
    const preloads = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel=preload][as=font]')].map((l) => ({
        href: l.getAttribute('href') ?? '',
        type: l.type,
        crossOrigin: l.crossOrigin,
      })),
    );
    assert.equal(preloads.length, 2, 'two fonts preloaded: Devanagari and Latin, regular');
    for (const p of preloads) {
      assert.equal(p.type, 'font/woff2');
      assert.equal(p.crossOrigin, 'anonymous');
      assert.equal(entries.filter((e) => at(e.url) === p.href).length, 1, `${p.href} fetched once`);
    }
    const fontsInUse = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => ({ weight: f.weight, range: f.unicodeRange, status: f.status }));
    });
    const regular = (cp: string) => fontsInUse.find((f) => f.weight === '400' && f.range.split(/,\s*/)[0]?.toUpperCase() === cp);
    assert.equal(regular('U+900-97F')?.status, 'loaded', 'the regular Devanagari face is in use');
    assert.equal(regular('U+0-FF')?.status, 'loaded', 'the regular Latin face is in use');
    // Nothing moves once drawn: photos have their size, and the swap to the webfont barely shifts a line.
    const layoutShift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    assert.ok(layoutShift < CLS_BUDGET, `cumulative layout shift ${layoutShift.toFixed(4)} (budget ${CLS_BUDGET})`);
    assert.ok(entries.filter((e) => e.type === 'Font').every((e) => /\/assets\/fonts\/noto-sans-devanagari-[a-z-]+-(400|700)-normal\.[0-9a-f]{12}\.woff2$/.test(e.url)));

    // Chromium reports an unused preload a few seconds after the load event.
    await page.waitForTimeout(Math.max(0, loadedAt + UNUSED_PRELOAD_WARNING_MS + 500 - Date.now()));
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'no preload warning');
    assert.deepEqual(problems, [], 'no console error');

    await page.screenshot({ path: path.join(RESULTS_DIR, 'page-weight-phone-first-screen.png') });
    await context.close();
  });
});
