/**
 * Crops of a photo around its focal point, and the other images Samachar derives for
 * sharing (issue 14, points 3, 4 and 8): the geometry and the addresses, pure.
 *
 * A derived image's address names everything it is made from, so a file never changes
 * once made and may be cached for a year: a crop names the photo, the ratio and the focal
 * point (moving the focal point gives new addresses; pages showing the photo are purged);
 * a share card and the site's logo name a hash of their text and a design version.
 * Files are made lazily on first request, in a worker thread (derived-image-service.ts).
 */
import { type FocalPoint, focalOf, focalUnits, type Media, variantHeight } from './media.ts';

/** Crops made: the three Google asks of an article's image, and the 1200×630 share image. */
export const CROP_RATIOS = {
  '16x9': { w: 16, h: 9 },
  '4x3': { w: 4, h: 3 },
  '1x1': { w: 1, h: 1 },
  '1200x630': { w: 1200, h: 630 },
} as const;
export type CropRatio = keyof typeof CROP_RATIOS;

/** Structured data's crops are at least this wide when the photo allows (Google: ≥ 1200 px). */
export const CROP_WIDTH = 1200;
/** The share image's fixed size (Open Graph, X's summary_large_image). */
export const SHARE_WIDTH = 1200;
export const SHARE_HEIGHT = 630;

/**
 * Bumped when the look of share cards or logos changes, so their addresses change and
 * caches (ours on disk, CDNs, social sites) take the new ones.
 */
export const DERIVED_DESIGN_VERSION = 1;

export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The largest rectangle of `ratio` inside a `width`×`height` image, centred on the focal
 * point as far as the edges allow (a subject near an edge stays in frame, the crop does not
 * leave the image).
 */
export function cropRect(width: number, height: number, ratio: CropRatio, focal: FocalPoint): Rect {
  const r = CROP_RATIOS[ratio];
  let w = width;
  let h = Math.round((width * r.h) / r.w);
  if (h > height) {
    h = height;
    w = Math.min(width, Math.round((height * r.w) / r.h));
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = clamp(Math.round(focal.x * width - w / 2), width - w);
  const top = clamp(Math.round(focal.y * height - h / 2), height - h);
  return { left, top, width: w, height: h };
}

/** The source a crop is cut from: the widest variant Samachar made (the upload itself is never kept). */
export function cropSource(media: Pick<Media, 'width' | 'height' | 'variantWidths'>): { width: number; height: number } {
  const width = media.variantWidths[media.variantWidths.length - 1] ?? media.width;
  return { width, height: variantHeight(media, width) };
}

/**
 * The size a crop is written at: 1200 px wide when the photo allows (never enlarged), the
 * share image always 1200×630 (social sites want that exact shape; a small photo is enlarged).
 */
export function cropOutputSize(media: Pick<Media, 'width' | 'height' | 'variantWidths' | 'focal'>, ratio: CropRatio): { width: number; height: number } {
  if (ratio === '1200x630') return { width: SHARE_WIDTH, height: SHARE_HEIGHT };
  const src = cropSource(media);
  const rect = cropRect(src.width, src.height, ratio, focalOf(media));
  const width = Math.min(CROP_WIDTH, rect.width);
  const r = CROP_RATIOS[ratio];
  return { width, height: Math.round((width * r.h) / r.w) };
}

/** `/media/crop/<id>-<ratio>-<x>-<y>.jpg`, x and y the focal point in ten-thousandths. */
export function cropPath(media: Pick<Media, 'id' | 'focal'>, ratio: CropRatio): string {
  const u = focalUnits(focalOf(media));
  return `/media/crop/${media.id}-${ratio}-${u.x}-${u.y}.jpg`;
}

const CROP_NAME = /^([1-9][0-9]{0,9})-(16x9|4x3|1x1|1200x630)-([0-9]{1,5})-([0-9]{1,5})\.jpg$/;

/** The parts of a crop's file name, or null for any name Samachar does not make. */
export function parseCropName(name: string): { id: number; ratio: CropRatio; x: number; y: number } | null {
  const m = CROP_NAME.exec(name);
  if (!m) return null;
  const id = Number(m[1]);
  const x = Number(m[3]);
  const y = Number(m[4]);
  if (id > 2_147_483_647 || x > 10_000 || y > 10_000) return null;
  return { id, ratio: m[2] as CropRatio, x, y };
}

/** FNV-1a, 2×32 bits, as 16 hex digits: a stable name for a text (not a secret; collisions only reuse a picture). */
export function textHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (const byte of new TextEncoder().encode(text)) {
    a = Math.imul(a ^ byte, 0x01000193) >>> 0;
    b = Math.imul(b ^ byte, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** What a share card (a story without a photo) shows. */
export interface ShareCardText {
  readonly headline: string;
  readonly siteName: string;
}

export function shareCardHash(card: ShareCardText): string {
  return textHash(`${DERIVED_DESIGN_VERSION}\u0000${card.siteName}\u0000${card.headline}`);
}

/** `/media/share/<story id>-<hash>.png`: the headline set on the site's colours. */
export function shareCardPath(articleId: number, card: ShareCardText): string {
  return `/media/share/${articleId}-${shareCardHash(card)}.png`;
}

const SHARE_NAME = /^([1-9][0-9]{0,9})-([0-9a-f]{16})\.png$/;

export function parseShareCardName(name: string): { id: number; hash: string } | null {
  const m = SHARE_NAME.exec(name);
  if (!m || Number(m[1]) > 2_147_483_647) return null;
  return { id: Number(m[1]), hash: m[2]! };
}

/** The publisher logo made from the site's name (the site has no logo file of its own). */
export const LOGO_SIZE = 512;

export function logoHash(siteName: string): string {
  return textHash(`${DERIVED_DESIGN_VERSION}\u0000logo\u0000${siteName}`);
}

/** `/media/logo/<hash>.png`, 512×512. */
export function logoPath(siteName: string): string {
  return `/media/logo/${logoHash(siteName)}.png`;
}

const LOGO_NAME = /^([0-9a-f]{16})\.png$/;

export function parseLogoName(name: string): string | null {
  return LOGO_NAME.exec(name)?.[1] ?? null;
}

/** Card thumbnails crop with CSS (`object-fit: cover`): classes placing the focal point in 5 % steps (site.css; inline styles are refused by the CSP). */
export function focalClasses(media: Pick<Media, 'focal'>): string {
  const f = focalOf(media);
  const step = (v: number) => Math.round(v * 20) * 5;
  return `fx-${step(f.x)} fy-${step(f.y)}`;
}
