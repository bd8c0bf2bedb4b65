/**
 * The webfont as the stylesheet declares it: every Devanagari code point is claimed by a
 * normal-weight face (so no Hindi character is drawn in another font), the Devanagari file
 * wins where subsets overlap, faces swap, and the preloads are the first screen's two files.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildAssetBundle } from './asset-bundle.ts';
import { type CodePointRanges, coversCodePoint, formatUnicodeRange, parseUnicodeRange } from './unicode-range.ts';

interface Face {
  weight: number;
  style: string;
  display: string;
  url: string;
  ranges: CodePointRanges;
}

/** The @font-face rules of a stylesheet, in the order they are defined. */
function parseFaces(css: string): Face[] {
  return (css.match(/@font-face\s*{[^}]*}/g) ?? []).map((block) => {
    const prop = (name: string) => new RegExp(`${name}:\\s*([^;}]+)`).exec(block)?.[1]?.trim() ?? '';
    return {
      weight: Number(prop('font-weight')),
      style: prop('font-style'),
      display: prop('font-display'),
      url: /url\(([^)]+)\)/.exec(block)?.[1] ?? '',
      ranges: parseUnicodeRange(prop('unicode-range')),
    };
  });
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

/** What Hindi text may contain, by name (every code point of each block, assigned or not). */
const DEVANAGARI_CODE_POINTS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['Devanagari U+0900–097F', range(0x0900, 0x097f)],
  ['Devanagari Extended U+A8E0–A8FF', range(0xa8e0, 0xa8ff)],
  ['Vedic Extensions U+1CD0–1CFF', range(0x1cd0, 0x1cff)],
  ['ZWNJ and ZWJ U+200C–200D', range(0x200c, 0x200d)],
  ['dotted circle U+25CC', [0x25cc]],
  ['rupee sign U+20B9', [0x20b9]],
  ['danda and double danda U+0964–0965', range(0x0964, 0x0965)],
];

const cp = (n: number) => `U+${n.toString(16).toUpperCase().padStart(4, '0')}`;

describe('the webfont in the reader stylesheet', () => {
  const bundle = buildAssetBundle();
  const faces = parseFaces(bundle.fontFaceCss);
  const siteCss = bundle.files.get(bundle.urls.css)?.body.toString('utf8') ?? '';

  test('the stylesheet carries the faces, each pointing at a served woff2 file', () => {
    assert.ok(faces.length >= 6, `${faces.length} faces`);
    assert.ok(siteCss.startsWith(bundle.fontFaceCss), 'the faces open the site stylesheet');
    for (const face of faces) {
      assert.equal(bundle.files.get(face.url)?.contentType, 'font/woff2', face.url);
      assert.equal(face.style, 'normal');
      assert.equal(face.display, 'swap', `${face.url} swaps instead of hiding text`);
    }
  });

  for (const weight of [400, 700]) {
    test(`every Devanagari code point is covered at weight ${weight}, by the Devanagari file`, () => {
      const atWeight = faces.filter((f) => f.weight === weight && f.style === 'normal');
      assert.ok(atWeight.length > 0, `faces at weight ${weight}`);
      for (const [name, codePoints] of DEVANAGARI_CODE_POINTS) {
        const missing = codePoints.filter((c) => !atWeight.some((f) => coversCodePoint(f.ranges, c)));
        assert.deepEqual(missing.map(cp), [], `${name}: not covered by any face at weight ${weight}`);
        // Where ranges overlap, browsers try the face defined last first.
        const notDevanagari = codePoints.filter((c) => {
          const chosen = atWeight.findLast((f) => coversCodePoint(f.ranges, c));
          return !chosen?.url.includes(`-devanagari-${weight}-normal`);
        });
        assert.deepEqual(notDevanagari.map(cp), [], `${name}: drawn by another subset first`);
      }
    });
  }

  test('Latin letters, digits and spaces have a normal-weight face too', () => {
    const normal = faces.filter((f) => f.weight === 400);
    for (const c of [0x20, 0x30, 0x39, 0x41, 0x7a, 0xa0, 0x2013, 0x20ac]) {
      assert.ok(normal.some((f) => coversCodePoint(f.ranges, c)), cp(c));
    }
  });

  test('preloads are the Devanagari and Latin files at the normal weight, nothing more', () => {
    const preload = bundle.urls.preloadFonts;
    assert.equal(preload.length, 2);
    assert.match(preload[0] ?? '', /^\/assets\/fonts\/noto-sans-devanagari-devanagari-400-normal\.[0-9a-f]{12}\.woff2$/);
    assert.match(preload[1] ?? '', /^\/assets\/fonts\/noto-sans-devanagari-latin-400-normal\.[0-9a-f]{12}\.woff2$/);
    for (const url of preload) {
      // A preload the stylesheet does not use again is fetched twice, or wasted.
      assert.ok(faces.some((f) => f.url === url && f.weight === 400), `${url} is a face of the stylesheet`);
    }
  });
});

describe('unicode-range values', () => {
  test('parse, merge and format', () => {
    assert.equal(formatUnicodeRange(parseUnicodeRange('U+0900-097F, U+0964,U+0980-09FF,U+20B9')), 'U+0900-09FF,U+20B9');
    assert.equal(formatUnicodeRange(parseUnicodeRange('U+4??')), 'U+0400-04FF');
    assert.equal(formatUnicodeRange(parseUnicodeRange('U+11B00-11B09,u+25cc')), 'U+25CC,U+11B00-11B09');
    assert.throws(() => parseUnicodeRange('0900-097F'), /not a unicode-range/);
    assert.ok(coversCodePoint(parseUnicodeRange('U+1CD0-1CFF'), 0x1cfa));
    assert.ok(!coversCodePoint(parseUnicodeRange('U+1CD0-1CF9'), 0x1cfa));
  });
});
