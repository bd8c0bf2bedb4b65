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
}

export function toMediaListItem(m: Media): MediaListItem {
  const w = m.variantWidths[0] ?? m.width;
  return { id: m.id, thumbUrl: variantUrl(m, w, 'webp'), width: m.width, height: m.height, alt: m.alt, caption: m.caption, credit: m.credit };
}
