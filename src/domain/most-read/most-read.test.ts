/** Which requests count as views, and the in-memory counter's dedup and bounds. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEDUP_WINDOW_MS, hourOf, isBot, isPrefetch, isViewToken } from './most-read.ts';
import { ViewCounter } from './view-counter.ts';

const CHROME = 'Mozilla/5.0 (Linux; Android 13; SM-A536E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0';
const SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

describe('most read: what counts', () => {
  test('browsers count; bots, previewers, tools and headless browsers do not', () => {
    for (const ua of [CHROME, FIREFOX, SAFARI]) assert.equal(isBot(ua), false, ua);
    for (const ua of [
      undefined,
      '',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'WhatsApp/2.23.20.0',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      'curl/8.4.0',
      'python-requests/2.31.0',
      'Go-http-client/1.1',
      'Mozilla/5.0 (compatible; GPTBot/1.0; +https://openai.com/gptbot)',
      'Mozilla/5.0 (compatible; YandexBot/3.0)',
    ]) {
      assert.equal(isBot(ua), true, String(ua));
    }
  });

  test('prefetches and prerenders do not count', () => {
    assert.equal(isPrefetch({}), false);
    assert.equal(isPrefetch({ 'sec-purpose': 'prefetch' }), true);
    assert.equal(isPrefetch({ 'sec-purpose': 'prefetch;prerender' }), true);
    assert.equal(isPrefetch({ purpose: 'prefetch' }), true);
    assert.equal(isPrefetch({ 'x-purpose': 'preview' }), true);
    assert.equal(isPrefetch({ 'x-moz': 'prefetch' }), true);
  });

  test('tokens and hours', () => {
    assert.equal(isViewToken('abcdefghijklmnop_-12AB'), true);
    for (const bad of ['short', 'x'.repeat(65), 'has space in it here!', 42, undefined]) assert.equal(isViewToken(bad), false, String(bad));
    assert.equal(hourOf(new Date('1970-01-01T02:59:59Z')), 2);
  });
});

describe('view counter', () => {
  test('a repeated token counts once within the window, again after it', () => {
    let now = 0;
    const counter = new ViewCounter(() => now);
    assert.equal(counter.record(7, 100, 'token-aaaaaaaaaaaaaa'), true);
    assert.equal(counter.record(7, 100, 'token-aaaaaaaaaaaaaa'), false, 'a reload');
    assert.equal(counter.record(7, 100, 'token-bbbbbbbbbbbbbb'), true, 'another reader');
    now += DEDUP_WINDOW_MS;
    assert.equal(counter.record(7, 101, 'token-aaaaaaaaaaaaaa'), true, 'after the window');
    assert.deepEqual(
      counter.take().sort((a, b) => a.hour - b.hour),
      [
        { hour: 100, articleId: 7, views: 2 },
        { hour: 101, articleId: 7, views: 1 },
      ],
    );
    assert.deepEqual(counter.take(), [], 'take starts afresh');
    assert.equal(counter.tokenCount, 1, 'expired tokens were forgotten (only the one recorded again is kept)');
  });

  test('memory is bounded: the oldest tokens go first, new stories wait when full; a failed batch comes back', () => {
    const counter = new ViewCounter(() => 0, { maxTokens: 3, maxStories: 2 });
    for (const t of ['t1', 't2', 't3', 't4']) assert.equal(counter.record(1, 5, t), true);
    assert.equal(counter.tokenCount, 3);
    assert.equal(counter.record(1, 5, 't1'), true, 't1 was forgotten first');
    assert.equal(counter.record(1, 5, 't4'), false, 't4 is still remembered');
    assert.equal(counter.record(2, 5, 't5'), true);
    assert.equal(counter.record(3, 5, 't6'), false, 'a third story waits for the flush');
    const batch = counter.take();
    assert.equal(batch.reduce((n, b) => n + b.views, 0), 6);
    counter.giveBack(batch);
    counter.giveBack([{ hour: 5, articleId: 9, views: 4 }]);
    assert.deepEqual(
      counter.take().sort((a, b) => a.articleId - b.articleId),
      [
        { hour: 5, articleId: 1, views: 5 },
        { hour: 5, articleId: 2, views: 1 },
      ],
    );
  });
});
