/**
 * An article body as HTML for a feed reader (`content:encoded`). The same block
 * allowlist as the page (components/article-body.tsx), written for a reader that shows
 * it away from the site: every URL absolute, no classes or scripts, one JPEG per photo
 * (a reader may not know AVIF or srcset), embeds as plain links. Text is escaped by JSX;
 * links are re-checked with `isSafeHref`. Pure.
 */
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { Correction } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';
import { formatDate, toIsoWithOffset } from '../../lib/dates.ts';
import { type Block, type Inline, isSafeHref } from '../../richtext/rich-text.ts';
import { T } from '../strings.ts';
import { feedImage } from './feed-image.ts';

function inlines(content: readonly Inline[], origin: string): ComponentChildren {
  return content.map((inline) => {
    let node: ComponentChildren = inline.text;
    if (inline.bold) node = <strong>{node}</strong>;
    if (inline.italic) node = <em>{node}</em>;
    if (inline.href && isSafeHref(inline.href)) node = <a href={inline.href.startsWith('/') ? `${origin}${inline.href}` : inline.href}>{node}</a>;
    return node;
  });
}

function FeedBlock({ block, media, origin }: { block: Block; media: ReadonlyMap<number, Media>; origin: string }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{inlines(block.content, origin)}</p>;
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <blockquote>
          <p>{inlines(block.content, origin)}</p>
          {block.cite && <cite>{block.cite}</cite>}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item) => <li>{inlines(item, origin)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'dataBox':
      // A data box is the site's own live chart: feed readers get the story's words only.
      return null;
    case 'embed':
      return (
        <p>
          <a href={block.url}>{block.provider === 'youtube' ? 'YouTube पर वीडियो देखें' : 'X पर पोस्ट देखें'}</a>
          {block.caption && <>{` — ${block.caption}`}</>}
        </p>
      );
    case 'image': {
      const m = media.get(block.mediaId);
      if (!m) return null;
      const image = feedImage(m);
      const caption = block.caption ?? m.caption;
      const credit = block.credit ?? m.credit;
      return (
        <figure>
          <img src={`${origin}${image.path}`} width={image.width} height={image.height} alt={m.alt} />
          {(caption || credit) && (
            <figcaption>
              {caption}
              {caption && credit && ' '}
              {credit}
            </figcaption>
          )}
        </figure>
      );
    }
  }
}

export interface FeedBodyProps {
  readonly blocks: readonly Block[];
  readonly media: ReadonlyMap<number, Media>;
  /** The site's origin, without a trailing slash. */
  readonly origin: string;
  /** A correction shown under the story ('' for none). */
  readonly correctionNote: string;
  /** Dated corrections, oldest first: shown before the text, as the page shows them under the dek. */
  readonly corrections?: readonly Correction[] | undefined;
}

/** The body's HTML, all URLs absolute. */
export function renderFeedBody({ blocks, media, origin, correctionNote, corrections = [] }: FeedBodyProps): string {
  return render(
    <>
      {corrections.length > 0 && (
        <aside>
          <p>
            <strong>{T.corrections}</strong>
          </p>
          <ol>
            {corrections.map((c) => (
              <li>
                <time dateTime={toIsoWithOffset(c.date)}>{formatDate(c.date, 'hi')}</time>: {c.text}
              </li>
            ))}
          </ol>
        </aside>
      )}
      {blocks.map((block) => (
        <FeedBlock block={block} media={media} origin={origin} />
      ))}
      {correctionNote && (
        <p>
          <strong>{T.correction}:</strong> {correctionNote}
        </p>
      )}
    </>,
  );
}
