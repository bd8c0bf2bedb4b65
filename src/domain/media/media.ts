import { DomainError } from '../../errors.ts';

/**
 * A photo in the media library. Its files are variants re-encoded by Samachar
 * (never the uploaded bytes), named `<fileKey>-<width>.<ext>` under /media/.
 */
export interface Media {
  readonly id: number;
  readonly fileKey: string;
  readonly mime: string;
  readonly width: number;
  readonly height: number;
  readonly variantWidths: readonly number[];
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  /**
   * Where the photo's subject is, set by an editor in the media library; every crop keeps
   * it in frame (crops.ts). Absent means the centre (objects made before migration 013).
   */
  readonly focal?: FocalPoint;
}

/** A point of a photo as fractions of its width and height: 0..1 from the top left. */
export interface FocalPoint {
  readonly x: number;
  readonly y: number;
}

export const CENTRE: FocalPoint = Object.freeze({ x: 0.5, y: 0.5 });

/** Stored (and named in crop file names) as whole ten-thousandths: 0..10000. */
export const FOCAL_SCALE = 10_000;

export function focalOf(media: Pick<Media, 'focal'>): FocalPoint {
  return media.focal ?? CENTRE;
}

/** The stored form of a focal point (whole ten-thousandths), as crop names carry it. */
export function focalUnits(focal: FocalPoint): { x: number; y: number } {
  return { x: Math.round(focal.x * FOCAL_SCALE), y: Math.round(focal.y * FOCAL_SCALE) };
}

/** A coordinate as sent: a number, or a plain decimal string (a form field), 0..1. */
function focalCoordinate(v: unknown, field: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[0-9]*\.?[0-9]+\s*$/.test(v) && v.length <= 20 ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new DomainError('INVALID_INPUT', field);
  return Math.round(n * FOCAL_SCALE) / FOCAL_SCALE;
}

/** `{ x, y }` each in 0..1, or DomainError('INVALID_INPUT') (400) naming the bad one. */
export function parseFocalPoint(input: unknown): FocalPoint {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DomainError('INVALID_INPUT', 'focal');
  const o = input as Record<string, unknown>;
  return { x: focalCoordinate(o.x, 'x'), y: focalCoordinate(o.y, 'y') };
}

export interface MediaMeta {
  alt: string;
  caption: string;
  credit: string;
}

/** Formats every variant width is written in; the first is preferred by browsers that take it. */
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

/** Widths made for each upload (never wider than the original). */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;

const EXT: Record<VariantFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg' };

export function variantFileName(fileKey: string, width: number, format: VariantFormat): string {
  return `${fileKey}-${width}.${EXT[format]}`;
}

export function variantUrl(media: Pick<Media, 'fileKey'>, width: number, format: VariantFormat): string {
  return `/media/${variantFileName(media.fileKey, width, format)}`;
}

/** Height of a variant of `width`, keeping the original's aspect ratio. */
export function variantHeight(media: Pick<Media, 'width' | 'height'>, width: number): number {
  return Math.round((media.height * width) / media.width);
}

/** Pattern every served media file name matches; anything else under /media/ is a 404. */
export const MEDIA_FILE_NAME = /^[a-f0-9]{16}-[0-9]{2,5}\.(avif|webp|jpg)$/;

export const VARIANT_CONTENT_TYPES: Record<string, string> = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' };

/** The type of any file in the library by its extension (variants, crops, share cards, logos). */
export function contentTypeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return VARIANT_CONTENT_TYPES[ext] ?? (ext === 'png' ? 'image/png' : 'application/octet-stream');
}

/** A library item as the newsroom's media picker shows it (GET /admin/api/media). */
export interface MediaListItem {
  readonly id: number;
  /** A small WebP variant for thumbnails. */
  readonly thumbUrl: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
  /** The focal point (0..1 each), for the picker to show and set. */
  readonly focal: FocalPoint;
}

export function toMediaListItem(m: Media): MediaListItem {
  const w = m.variantWidths[0] ?? m.width;
  return { id: m.id, thumbUrl: variantUrl(m, w, 'webp'), width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit, focal: focalOf(m) };
}
