import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { buildCachedPage, chooseEncoding, etagMatches, etagOf, refine, variant } from './cached-page.ts';

const HTML = `<!doctype html><html lang="hi"><head><meta charset="utf-8"><title>समाचार</title></head><body>${'<p>जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड</p>\n'.repeat(200)}</body></html>`;
const PAGE_HEADERS = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0, s-maxage=60', 'x-frame-options': 'DENY' };

describe('buildCachedPage', () => {
  it('brotli and gzip bodies decompress to the input', async () => {
    const page = await buildCachedPage(HTML, PAGE_HEADERS, ['article:1']);
    assert.equal(zlib.brotliDecompressSync(page.br!.body).toString(), HTML);
    assert.equal(zlib.gunzipSync(page.gzip!.body).toString(), HTML);
    assert.ok(page.br!.body.length < Buffer.byteLength(HTML), 'brotli actually compresses');
    assert.ok(page.gzip!.body.length < Buffer.byteLength(HTML), 'gzip actually compresses');
  });

  it('takes a Buffer as well as a string, byte for byte', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0xe0, 0xa4, 0xb8, ...Buffer.from(HTML)]);
    const page = await buildCachedPage(bytes, PAGE_HEADERS, []);
    assert.deepEqual(zlib.brotliDecompressSync(page.br!.body), bytes);
    assert.deepEqual(zlib.gunzipSync(page.gzip!.body), bytes);
    assert.deepEqual(variant(page, 'identity').body, bytes);
  });

  it('identity is the original bytes, with no content-encoding', async () => {
    const page = await buildCachedPage(HTML, PAGE_HEADERS, []);
    const identity = variant(page, 'identity');
    assert.deepEqual(identity.body, Buffer.from(HTML));
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.equal('content-encoding' in identity.headers, false);
    assert.equal(identity.headers['content-length'], String(Buffer.byteLength(HTML)));
  });

  it('br and gzip variants are the stored bodies with their content-encoding', async () => {
    const page = await buildCachedPage(HTML, PAGE_HEADERS, []);
    assert.equal(variant(page, 'br'), page.br);
    assert.equal(variant(page, 'gzip'), page.gzip);
    assert.equal(page.br!.headers['content-encoding'], 'br');
    assert.equal(page.gzip!.headers['content-encoding'], 'gzip');
  });

  it('every variant carries the page headers, the etag, vary and its own content-length', async () => {
    const page = await buildCachedPage(HTML, PAGE_HEADERS, []);
    for (const encoding of ['br', 'gzip', 'identity'] as const) {
      const v = variant(page, encoding);
      assert.equal(v.headers['content-length'], String(v.body.length), encoding);
      assert.equal(v.headers.etag, page.etag, encoding);
      assert.equal(v.headers.vary, 'accept-encoding', encoding);
      for (const [name, value] of Object.entries(PAGE_HEADERS)) assert.equal(v.headers[name], value, `${encoding}: ${name}`);
    }
    assert.notEqual(page.br!.headers['content-length'], page.identityHeaders['content-length']);
  });

  it('counts the bytes of the bodies it keeps, and keeps the tags', async () => {
    const tags = ['article:1', 'section:3', 'latest'];
    const page = await buildCachedPage(HTML, PAGE_HEADERS, tags);
    // The bodies, and what the headers, tags and index around them cost.
    const bodies = page.br!.body.length + page.gzip!.body.length;
    assert.ok(page.bytes > bodies + tags.join('').length, `${page.bytes} counts more than the bodies (${bodies})`);
    assert.ok(page.bytes < bodies + 4096 + tags.length * 256, 'and not wildly more');
    assert.deepEqual(page.tags, tags);
  });

  it('the same input gives the same weak etag; different input a different one', async () => {
    const a = await buildCachedPage(HTML, PAGE_HEADERS, []);
    const b = await buildCachedPage(Buffer.from(HTML), { other: 'headers' }, ['x']);
    const c = await buildCachedPage(`${HTML} `, PAGE_HEADERS, []);
    const d = await buildCachedPage(HTML.replace('पुतिन', 'पुतीन'), PAGE_HEADERS, []);
    assert.equal(a.etag, b.etag, 'the etag depends on the body alone');
    assert.notEqual(a.etag, c.etag);
    assert.notEqual(a.etag, d.etag);
    assert.match(a.etag, /^W\/"[A-Za-z0-9_-]{22}"$/);
    assert.equal(a.etag, etagOf(Buffer.from(HTML)));
  });

  it('handles an empty page', async () => {
    const page = await buildCachedPage('', PAGE_HEADERS, []);
    assert.equal(zlib.brotliDecompressSync(page.br!.body).length, 0);
    assert.equal(variant(page, 'identity').body.length, 0);
    assert.equal(page.identityHeaders['content-length'], '0');
  });
});

describe('chooseEncoding', () => {
  const cases: [string | string[] | undefined, string][] = [
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['deflate', 'identity'],
    ['gzip;q=0, br;q=0', 'identity'],
    ['br;q=0', 'identity'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0.000', 'identity'],
    ['gzip;q=1.0, br;q=0.1', 'br'],
    ['gzip ; q=0.5 , br ; q = 0.001', 'br'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['br;q=0, *', 'gzip'],
    ['br;q=0, gzip;q=0, *', 'identity'],
    ['gzip;q=0, *;q=0.5', 'br'],
    ['identity', 'identity'],
    ['identity;q=1, *;q=0', 'identity'],
    ['', 'identity'],
    ['   ', 'identity'],
    [',,, ;;; ,', 'identity'],
    [';q=1', 'identity'],
    ['q=1', 'identity'],
    ['"br"', 'identity'],
    ['b r', 'identity'],
    ['brotli', 'identity'],
    ['\u0000\u0001gzip\u00ff', 'identity'],
    ['gzip;q=1.2.3', 'identity'],
    ['BR', 'br'],
    ['GZip, Deflate', 'gzip'],
    ['Br;Q=0, GZIP', 'gzip'],
    [['gzip', 'br'], 'br'],
    [['gzip'], 'gzip'],
    [['br;q=0', 'gzip;q=0'], 'identity'],
    [[], 'identity'],
    [undefined, 'identity'],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => {
      assert.equal(chooseEncoding(header), expected);
    });
  }

  it('a header of 2 KB gets no compression, without an error', () => {
    const header = `${'x-custom;q=0.5, '.repeat(128)}gzip, br`;
    assert.ok(header.length > 2000);
    assert.equal(chooseEncoding(header), 'identity');
    assert.equal(chooseEncoding([header]), 'identity');
  });

  it('a long but reasonable header is still read', () => {
    const header = `${'x-custom;q=0.5, '.repeat(60)}gzip, br`;
    assert.ok(header.length > 900 && header.length <= 1024);
    assert.equal(chooseEncoding(header), 'br');
  });
});

describe('etagMatches', () => {
  const etag = 'W/"abcDEF123_-"';
  const cases: [string | undefined, boolean][] = [
    [undefined, false],
    ['', false],
    ['W/"abcDEF123_-"', true],
    ['"abcDEF123_-"', true], // weak comparison: a strong tag with the same opaque value matches
    ['  W/"abcDEF123_-"  ', true],
    ['"other", W/"abcDEF123_-"', true],
    ['W/"other","abcDEF123_-"', true],
    ['"other", W/"another"', false],
    ['W/"abcdef123_-"', false],
    ['W/"abcDEF123_"', false],
    ['abcDEF123_-', false],
    ['*', true],
    [' * ', true],
    ['W/', false],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${expected}`, () => {
      assert.equal(etagMatches(header, etag), expected);
    });
  }

  it('a strong etag is matched by its weak form', () => {
    assert.equal(etagMatches('W/"xyz"', '"xyz"'), true);
    assert.equal(etagMatches('"xyz"', '"xyz"'), true);
    assert.equal(etagMatches('"xy"', '"xyz"'), false);
  });

  it('matches the etag of a built page', async () => {
    const page = await buildCachedPage(HTML, PAGE_HEADERS, []);
    assert.equal(etagMatches(page.etag, page.etag), true);
    assert.equal(etagMatches(`"nope", ${page.etag}`, page.etag), true);
    assert.equal(etagMatches(etagOf(Buffer.from('other')), page.etag), false);
  });
});

describe('quick pages and refine', () => {
  // A page with the variety of a real one: repetition alone compresses too well to tell levels apart.
  const varied = Array.from({ length: 400 }, (_, i) => `<p data-i="${i}">${'पुतिन जिनपिंग मुलाकात मॉस्को'.slice(i % 7)} ${(i * 7919) % 1000}</p>`).join('\n');

  it('a new page is quick; refine recompresses every body it holds, same ETag, same bytes inflated, fewer bytes kept', async () => {
    const quick = buildCachedPage(varied, PAGE_HEADERS, ['t']);
    assert.equal(quick.quick, true);
    const refined = await refine(quick);
    assert.equal(refined.quick, false);
    assert.equal(refined.etag, quick.etag);
    assert.equal(zlib.brotliDecompressSync(refined.br!.body).toString(), varied);
    assert.equal(zlib.gunzipSync(refined.gzip!.body).toString(), varied);
    assert.ok(refined.br!.body.length < quick.br!.body.length, `br ${refined.br!.body.length} < ${quick.br!.body.length}`);
    assert.ok(refined.gzip!.body.length < quick.gzip!.body.length, `gzip ${refined.gzip!.body.length} < ${quick.gzip!.body.length}`);
    assert.equal(refined.br!.headers['content-length'], String(refined.br!.body.length));
    assert.equal(refined.bytes - quick.bytes, refined.br!.body.length + refined.gzip!.body.length - quick.br!.body.length - quick.gzip!.body.length);
    assert.equal(await refine(refined), refined, 'refining twice is a no-op');
  });

  it('only the encodings it holds are refined, and the raw header lists match the header records', async () => {
    const refined = await refine(buildCachedPage(varied, PAGE_HEADERS, [], ['br']));
    assert.equal(refined.gzip, undefined);
    const raw = refined.br!.raw;
    const fromRaw: Record<string, string> = {};
    for (let i = 0; i < raw.length; i += 2) fromRaw[raw[i]!] = raw[i + 1]!;
    assert.deepEqual(fromRaw, { ...refined.br!.headers, 'x-cache': 'HIT' });
  });
});
