/**
 * The reader site's static files, prepared once at start: the stylesheet (with the
 * Devanagari webfont's @font-face rules from @fontsource, pointed at our own URLs),
 * the font files, and the favicon. Every URL carries a content hash, so browsers and
 * CDNs may keep them forever. Nothing is fetched from another host.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AssetUrls } from '../../render/chrome.ts';
import { packageRoot } from './package-root.ts';
import { formatUnicodeRange, mergeRanges, parseUnicodeRange } from './unicode-range.ts';

export interface StaticAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

export interface AssetBundle {
  readonly urls: AssetUrls;
  /** The webfont's @font-face rules, for other stylesheets (the newsroom's) to reuse. */
  readonly fontFaceCss: string;
  /** Served files by URL path. */
  readonly files: ReadonlyMap<string, StaticAsset>;
}

const FONT_PACKAGE = '@fontsource/noto-sans-devanagari';
const FONT_WEIGHTS = [400, 700] as const;
/** Subsets kept: Devanagari for Hindi, Latin and Latin-extended for English words and digits. */
const FONT_SUBSETS = ['devanagari', 'latin', 'latin-ext'] as const;
type FontSubset = (typeof FONT_SUBSETS)[number];
/**
 * Preloaded: what the first screen of any page draws with, at the normal weight only. Hindi
 * text needs the Devanagari file, and its spaces, digits and punctuation come from Latin.
 * The bold files (headlines) are found through the stylesheet; with `font-display: swap`
 * the text shows at once in a fallback font meanwhile.
 */
const PRELOAD: ReadonlyArray<{ subset: FontSubset; weight: (typeof FONT_WEIGHTS)[number] }> = [
  { subset: 'devanagari', weight: 400 },
  { subset: 'latin', weight: 400 },
];

/**
 * Every code point Hindi text may use, claimed by the Devanagari face whatever @fontsource's
 * own range says (its range stops at U+1CF9): the Devanagari block with the danda and double
 * danda (U+0900–097F), Vedic Extensions (U+1CD0–1CFF), Devanagari Extended (U+A8E0–A8FF),
 * ZWNJ and ZWJ (U+200C–200D), the rupee sign (U+20B9) and the dotted circle shown under a
 * lone vowel sign (U+25CC). A code point outside every range would be drawn in another
 * font, which breaks the shaping of the syllable it belongs to. (The font itself has no
 * glyph for U+1CF7 and U+1CFA; those still fall back to a system font, one character each.)
 */
export const DEVANAGARI_UNICODE_RANGE = 'U+0900-097F,U+1CD0-1CFF,U+200C-200D,U+20B9,U+25CC,U+A8E0-A8FF';

const hash = (data: Buffer | string) => createHash('sha256').update(data).digest('hex').slice(0, 12);


const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b3121b"/><text x="32" y="46" font-size="40" text-anchor="middle" fill="#fff" font-family="sans-serif">स</text></svg>`;

export function buildAssetBundle(): AssetBundle {
  const require = createRequire(import.meta.url);
  const files = new Map<string, StaticAsset>();
  const faces: string[] = [];
  const preloadFonts: string[] = [];

  for (const weight of FONT_WEIGHTS) {
    const cssPath = require.resolve(`${FONT_PACKAGE}/${weight}.css`);
    const css = fs.readFileSync(cssPath, 'utf8');
    const weightFaces: { subset: FontSubset; rule: string }[] = [];
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      let range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const subset = FONT_SUBSETS.find((s) => file?.includes(`-${s}-${weight}-`));
      if (!file || !range || !subset) continue;
      const body = fs.readFileSync(path.join(path.dirname(cssPath), 'files', file));
      const url = `/assets/fonts/${file.replace(/\.woff2$/, '')}.${hash(body)}.woff2`;
      files.set(url, { body, contentType: 'font/woff2' });
      if (PRELOAD.some((p) => p.subset === subset && p.weight === weight)) preloadFonts.push(url);
      if (subset === 'devanagari') {
        range = formatUnicodeRange(mergeRanges([...parseUnicodeRange(range), ...parseUnicodeRange(DEVANAGARI_UNICODE_RANGE)]));
      }
      // unicode-range lets the browser fetch a subset only when the page uses its characters.
      weightFaces.push({
        subset,
        rule: `@font-face{font-family:'Noto Sans Devanagari';font-style:normal;font-weight:${weight};font-display:swap;src:url(${url}) format('woff2');unicode-range:${range};}`,
      });
    }
    // Where ranges overlap (ZWNJ/ZWJ with Latin, ₹ with Latin-extended) the face defined
    // last is tried first, so the Devanagari face goes last: a Hindi syllable, with its
    // joiners, is shaped by one font, and ₹ needs no extra file.
    weightFaces.sort((a, b) => Number(a.subset === 'devanagari') - Number(b.subset === 'devanagari'));
    faces.push(...weightFaces.map((f) => f.rule));
  }
  if (preloadFonts.length !== PRELOAD.length) throw new Error(`font files to preload not found in ${FONT_PACKAGE}`);

  const siteCss = fs.readFileSync(path.join(packageRoot(), 'src/render/styles/site.css'), 'utf8');
  const css = Buffer.from(`${faces.join('\n')}\n${siteCss}`);
  const cssUrl = `/assets/site.${hash(css)}.css`;
  files.set(cssUrl, { body: css, contentType: 'text/css; charset=utf-8' });

  const favicon = Buffer.from(FAVICON);
  const faviconUrl = `/assets/favicon.${hash(favicon)}.svg`;
  files.set(faviconUrl, { body: favicon, contentType: 'image/svg+xml' });

  return { urls: { css: cssUrl, preloadFonts, favicon: faviconUrl }, fontFaceCss: faces.join('\n'), files };
}
