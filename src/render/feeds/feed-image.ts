import { type Media, variantFileName, variantHeight, variantUrl } from '../../domain/media/media.ts';

/** The variant a feed shows of a photo: a JPEG (every reader decodes it), of the width the article page falls back to. */
export interface FeedImage {
  /** File name under /media/ (for its length). */
  readonly fileName: string;
  /** Path on the site (`/media/…`). */
  readonly path: string;
  readonly width: number;
  readonly height: number;
}

export function feedImage(media: Pick<Media, 'fileKey' | 'width' | 'height' | 'variantWidths'>): FeedImage {
  const widths = media.variantWidths;
  // As components/photo.tsx's <img> fallback: the first width of 960 or more, else the widest.
  const width = widths.find((w) => w >= 960) ?? widths[widths.length - 1] ?? media.width;
  return {
    fileName: variantFileName(media.fileKey, width, 'jpeg'),
    path: variantUrl(media, width, 'jpeg'),
    width,
    height: variantHeight(media, width),
  };
}
