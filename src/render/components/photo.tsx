import type { Media } from '../../domain/media/media.ts';
import { variantHeight, variantUrl } from '../../domain/media/media.ts';

export interface PhotoProps {
  media: Media;
  /** The `sizes` attribute: how wide the photo is shown at each viewport. */
  sizes: string;
  /** Above the fold: load at once with high priority; otherwise lazily. */
  eager?: boolean;
  caption?: string | undefined;
  credit?: string | undefined;
  /** Show the caption under the photo (cards show none). */
  withCaption?: boolean;
  className?: string;
}

/**
 * A responsive photo: AVIF, WebP and JPEG in every width Samachar made, with width and
 * height so the page does not shift while it loads.
 */
export function Photo({ media, sizes, eager, caption, credit, withCaption, className }: PhotoProps) {
  const widths = media.variantWidths;
  const srcset = (format: 'avif' | 'webp' | 'jpeg') => widths.map((w) => `${variantUrl(media, w, format)} ${w}w`).join(', ');
  const fallback = widths.find((w) => w >= 960) ?? widths[widths.length - 1] ?? media.width;
  const shownCaption = caption ?? media.caption;
  const shownCredit = credit ?? media.credit;
  const img = (
    <picture>
      <source type="image/avif" srcset={srcset('avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset('webp')} sizes={sizes} />
      <img
        src={variantUrl(media, fallback, 'jpeg')}
        srcset={srcset('jpeg')}
        sizes={sizes}
        width={fallback}
        height={variantHeight(media, fallback)}
        alt={media.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding={eager ? 'sync' : 'async'}
        {...(eager ? { fetchpriority: 'high' } : {})}
      />
    </picture>
  );
  if (!withCaption) return <div class={className ?? 'photo'}>{img}</div>;
  return (
    <figure class={className ?? 'photo'}>
      {img}
      {(shownCaption || shownCredit) && (
        <figcaption>
          {shownCaption}
          {shownCredit && <span class="credit"> {shownCredit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
