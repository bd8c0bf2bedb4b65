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
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
      const subset = FONT_SUBSETS.find((s) => file?.includes(`-${s}-${weight}-`));
      if (!file || !range || !subset) continue;
      const body = fs.readFileSync(path.join(path.dirname(cssPath), 'files', file));
      const url = `/assets/fonts/${file.replace(/\.woff2$/, '')}.${hash(body)}.woff2`;
      files.set(url, { body, contentType: 'font/woff2' });
      if (subset === 'devanagari') preloadFonts.push(url);
      // unicode-range lets the browser fetch a subset only when the page uses its characters.
      faces.push(
        `@font-face{font-family:'Noto Sans Devanagari';font-style:normal;font-weight:${weight};font-display:swap;src:url(${url}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  if (!preloadFonts.length) throw new Error(`no Devanagari font files found in ${FONT_PACKAGE}`);

  const siteCss = fs.readFileSync(path.join(packageRoot(), 'src/render/styles/site.css'), 'utf8');
  const css = Buffer.from(`${faces.join('\n')}\n${siteCss}`);
  const cssUrl = `/assets/site.${hash(css)}.css`;
  files.set(cssUrl, { body: css, contentType: 'text/css; charset=utf-8' });

  const favicon = Buffer.from(FAVICON);
  const faviconUrl = `/assets/favicon.${hash(favicon)}.svg`;
  files.set(faviconUrl, { body: favicon, contentType: 'image/svg+xml' });

  return { urls: { css: cssUrl, preloadFonts, favicon: faviconUrl }, fontFaceCss: faces.join('\n'), files };
}
