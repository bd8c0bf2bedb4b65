/**
 * Search over HTTP on every database: the page, the JSON API, suggestions, and the
 * answers to bad input (each a normal page with results or without, never an error).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { referenceArticle } from '../../demo/content/index.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';

const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inputs that must never be an error: [name, raw query string value (already %-encoded where it must be)]. */
const BAD_INPUT: [string, string][] = [
  ['empty', ''],
  ['spaces', encodeURIComponent('   ')],
  ['only punctuation', encodeURIComponent(`.,;:!?…।॥-—()[]{}"'«»`)],
  ['FTS and tsquery syntax', encodeURIComponent(`" * - ( ) NEAR OR AND : ^ ! & |`)],
  ['FTS expression', encodeURIComponent('putin AND "jinping"* NEAR(putin jinping) {head}: xi')],
  ['tsquery expression', encodeURIComponent("!putin & (jinping | xi) <-> 'mlkt':* <2> a:A")],
  ['SQL: drop table', encodeURIComponent("'; DROP TABLE articles; --")],
  ['SQL: always true', encodeURIComponent("1' OR '1'='1")],
  ['SQL: union', encodeURIComponent("%' UNION SELECT password_hash FROM users --")],
  ['invalid UTF-8', '%FF%FE%FD'],
  ['truncated UTF-8', '%E0%A4'],
  ['overlong UTF-8', '%C0%AF'],
  ['UTF-8 surrogate', '%ED%A0%80'],
  ['broken escape', '%ZZ%'],
  ['bidi overrides', encodeURIComponent('\u202Eपुतिन\u202C \u2066putin\u2069 \u200F')],
  ['zero-width characters', encodeURIComponent('पु\u200Bतिन \u200D\u200C\uFEFF\u00AD')],
  ['control characters', encodeURIComponent('putin\u0000\u0007\u001B[31m')],
  ['emoji', encodeURIComponent('😀🇮🇳👨‍👩‍👧')],
  ['long query at the address limit', encodeURIComponent('putin jinping mulakat '.repeat(60))],
];

for (const dialect of DIALECTS) {
  describe(`search pages (${dialect})`, () => {
    let t: TestApp;
    before(async () => {
      t = await openDemoApp(dialect);
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });

    test('every page has a search box: a plain GET form to /search', async () => {
      const res = await get('/');
      assert.match(res.body, /<form class="header-search" role="search" action="\/search" method="get">/);
      assert.match(res.body, /<input id="site-search" type="search" name="q"/);
    });

    test('/search without a query shows the form and how to search', async () => {
      const res = await get('/search');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<meta name="robots" content="noindex"\/>/);
      assert.match(res.body, /<form class="search-form" role="search" action="\/search" method="get">/);
      assert.match(res.body, /putin jinping mulakat/);
    });

    test('a romanized query finds the reference article, with marked words and a snippet', async () => {
      const res = await get('/search?q=putin+jinping+mulakat');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['cache-control']), /s-maxage=60/);
      const first = res.body.indexOf('class="search-hit"');
      assert.ok(first > 0);
      const hit = res.body.slice(first, res.body.indexOf('</article>', first));
      assert.ok(hit.includes('<mark>जिनपिंग</mark>'), hit);
      assert.ok(hit.includes('<mark>पुतिन</mark>'));
      assert.match(hit, /class="search-snippet">[^]*<mark>मुलाकात<\/mark>/);
      assert.match(hit, /href="\/videsh\/jinping-se-bole-putin-welcome-dear-friend-\d+"/);
      assert.match(res.body, /value="putin jinping mulakat"/);
    });

    test('English loanwords and Devanagari spelling variants find the same story', async () => {
      for (const q of ['informal meeting', 'पीस प्लान', 'मुलाक़ात पुतिन', 'पहुँचे मॉस्को']) {
        const res = await get(`/search?q=${encodeURIComponent(q)}`);
        const first = res.body.indexOf('class="search-hit"');
        assert.match(res.body.slice(first, first + 600), /href="\/videsh\/jinping-se-bole-putin-welcome-dear-friend-\d+"/, q);
      }
    });

    test('filters by section and date, keeping them in the form and the page links', async () => {
      const res = await get('/search?q=putin&section=videsh&from=2023-03-21&to=2023-03-21');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<option value="videsh" selected>/);
      assert.match(res.body, /name="from" value="2023-03-21"/);
      const hits = res.body.match(/class="search-hit"/g) ?? [];
      assert.ok(hits.length >= 1);
      assert.ok(!/<a class="kicker" href="\/(desh|khel|business)">/.test(res.body));
      const none = await get('/search?q=putin&section=khel&from=2023-03-21&to=2023-03-21');
      assert.match(none.body, /इन फ़िल्टर के साथ कोई खबर नहीं मिली/);
    });

    test('paginates, keeping the query in the links; a page past the end is an empty page, not an error', async () => {
      const res = await get('/search?q=%E0%A4%B8%E0%A4%B0%E0%A4%95%E0%A4%BE%E0%A4%B0');
      const pages = /पेज 1 \/ (\d+)/.exec(res.body);
      if (pages && Number(pages[1]) > 1) {
        assert.match(res.body, /<a rel="next" href="\/search\?q=%E0%A4%B8%E0%A4%B0%E0%A4%95%E0%A4%BE%E0%A4%B0&amp;page=2">/);
        const second = await get('/search?q=%E0%A4%B8%E0%A4%B0%E0%A4%95%E0%A4%BE%E0%A4%B0&page=2');
        assert.equal(second.statusCode, 200);
        assert.match(second.body, /<a rel="prev"/);
      }
      const far = await get('/search?q=putin&page=999');
      assert.equal(far.statusCode, 200);
      assert.match(far.body, /इस पेज पर कोई नतीजा नहीं है/);
      const junk = await get('/search?q=putin&page=-1&section=%00&from=2023-02-31x&to=yesterday');
      assert.equal(junk.statusCode, 200);
      assert.match(junk.body, /class="search-hit"/);
    });

    test('did you mean: when nothing matches, a respelling from the site’s own words', async () => {
      const res = await get('/search?q=ptim');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /क्या आप यह खोज रहे थे: <a href="\/search\?q=%E0%A4%AA%E0%A5%81%E0%A4%A4%E0%A4%BF%E0%A4%A8">पुतिन<\/a>/);
      assert.match(res.body, /कोई खबर नहीं मिली/);
    });

    test('JSON API: results with marks, paging and did-you-mean', async () => {
      const res = await get('/api/search?q=putin+welcome&pageSize=3');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const body = res.json() as { total: number; pageSize: number; items: { headline: string; headlineMarks: [number, number][]; snippet: string; snippetMarks: [number, number][]; url: string; path: string; publishedAt: string }[] };
      assert.equal(body.pageSize, 3);
      assert.ok(body.items.length >= 1 && body.items.length <= 3);
      const first = body.items[0]!;
      assert.equal(first.headline, referenceArticle.headline);
      assert.deepEqual(first.headlineMarks.map(([s, e]) => first.headline.slice(s, e)), ['पुतिन', 'वेलकम']);
      for (const [s, e] of first.snippetMarks) assert.ok(e > s && first.snippet.slice(s, e).trim() !== '');
      assert.match(first.url, /^http:\/\/localhost:3000\/videsh\//);
      assert.match(first.publishedAt, /\+05:30$/);
      const dym = (await get('/api/search?q=ptim')).json() as { total: number; didYouMean: string };
      assert.deepEqual([dym.total, dym.didYouMean], [0, 'पुतिन']);
    });

    test('the search page loads the suggestions script, a module from this site', async () => {
      const page = await get('/search?q=putin');
      assert.match(page.body, /<script type="module" src="\/search\/suggest\.js"><\/script>/);
      const script = await get('/search/suggest.js');
      assert.equal(script.statusCode, 200);
      assert.match(String(script.headers['content-type']), /^text\/javascript/);
      assert.match(script.body, /\/api\/search\/suggest\?q=/);
      // Other pages carry scripts of their own (a live data box's), never the search's.
      assert.ok(!(await get('/')).body.includes('/search/suggest.js'), 'other pages load no script for search');
    });

    test('suggestions as the reader types', async () => {
      const res = await get(`/api/search/suggest?q=${encodeURIComponent('पुतिन जिनपि')}`);
      assert.equal(res.statusCode, 200);
      const body = res.json() as { suggestions: { headline: string; path: string }[] };
      assert.equal(body.suggestions[0]?.headline, referenceArticle.headline);
      assert.deepEqual((await get('/api/search/suggest?q=')).json(), { query: '', suggestions: [], spelling: null });
    });

    test('suggestions offer the Devanagari spelling of a romanized query; the page says why a result matched', async () => {
      const body = (await get('/api/search/suggest?q=mulakat')).json() as { spelling: string | null };
      assert.equal(body.spelling, 'मुलाकात');
      const page = await get('/search?q=farmers');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /class="search-why muted">इस शब्द से मिली: <span>farmers → <mark>किसान/);
      const none = await get('/search?q=qxzzkq');
      assert.match(none.body, /कोई खबर नहीं मिली/);
    });

    for (const [name, value] of BAD_INPUT) {
      test(`bad input never errors: ${name}`, async () => {
        const page = await get(`/search?q=${value}`);
        assert.equal(page.statusCode, 200, page.body.slice(0, 300));
        assert.match(String(page.headers['content-type']), /^text\/html/);
        assert.match(page.body, /<form class="search-form"/);
        const api = await get(`/api/search?q=${value}`);
        assert.equal(api.statusCode, 200, api.body.slice(0, 300));
        assert.ok(Array.isArray((api.json() as { items: unknown[] }).items));
        const suggest = await get(`/api/search/suggest?q=${value}`);
        assert.equal(suggest.statusCode, 200);
      });
    }

    test('bad input never errors: repeated and structured parameters', async () => {
      for (const url of ['/search?q=a&q=b', '/search?q[]=putin', '/search?q[a]=1', '/search?page=2', '/api/search?q=putin&pageSize=0', '/api/search?pageSize=abc']) {
        assert.equal((await get(url)).statusCode, 200, url);
      }
    });

    test('bad input never errors: a 10 KB query by POST (page and API) is read, cut, and searched', async () => {
      const long = 'पुतिन जिनपिंग मुलाकात '.repeat(480);
      assert.ok(Buffer.byteLength(long) > 10_240);
      const page = await t.app.inject({ method: 'POST', url: '/search', payload: `q=${encodeURIComponent(long)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.ok(page.body.includes(html(referenceArticle.headline)));
      const api = await t.app.inject({ method: 'POST', url: '/api/search', payload: { q: long } });
      assert.equal(api.statusCode, 200);
      assert.equal((api.json() as { items: { headline: string }[] }).items[0]?.headline, referenceArticle.headline);
      const junk = await t.app.inject({ method: 'POST', url: '/api/search', payload: { q: { $gt: '' }, page: [1], section: null } });
      assert.equal(junk.statusCode, 200);
    });

    test('bidi and zero-width characters inside a word are ignored', async () => {
      const res = (await get(`/api/search?q=${encodeURIComponent('पु\u200Bति\u200Dन \u202Eजिनपिंग\u202C')}`)).json() as { items: { headline: string }[] };
      assert.equal(res.items[0]?.headline, referenceArticle.headline);
    });

    test('after all the bad input the site and its data are intact', async () => {
      const res = (await get('/api/search?q=putin')).json() as { total: number };
      assert.ok(res.total >= 1);
      assert.equal((await get('/')).statusCode, 200);
    });
  });
}
