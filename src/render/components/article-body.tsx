/**
 * The body of an article, from its blocks. This is the rich text → HTML converter:
 * every element it writes comes from the block and mark allowlist in
 * src/richtext; text is always escaped by JSX, and links are re-checked here too.
 */
import type { ComponentChildren } from 'preact';
import type { Media } from '../../domain/media/media.ts';
import type { Widget } from '../../domain/widgets/widget.ts';
import { type Block, type Inline, isSafeHref } from '../../richtext/rich-text.ts';
import type { ReaderLocale } from '../reader-locale.ts';
import { DataBox } from './data-box.tsx';
import { Photo } from './photo.tsx';

function InlineView({ inline }: { inline: Inline }) {
  let node: ComponentChildren = inline.text;
  if (inline.bold) node = <strong>{node}</strong>;
  if (inline.italic) node = <em>{node}</em>;
  if (inline.href && isSafeHref(inline.href)) {
    const external = !inline.href.startsWith('/');
    node = (
      <a href={inline.href} {...(external ? { rel: 'noopener', target: '_blank' } : {})}>
        {node}
      </a>
    );
  }
  return <>{node}</>;
}

const inlines = (content: readonly Inline[]) => content.map((inline, i) => <InlineView key={i} inline={inline} />);

/** The data boxes a body places, loaded when the page is shown, and the reader's locale for their numbers. */
export interface BodyBoxes {
  boxes: ReadonlyMap<string, Widget>;
  locale: ReaderLocale;
}

function BlockView({ block, media, eager, boxes, index }: { block: Block; media: ReadonlyMap<number, Media>; eager: boolean; boxes: BodyBoxes | undefined; index: number }) {
  switch (block.type) {
    case 'paragraph':
      return <p>{inlines(block.content)}</p>;
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <blockquote>
          <p>{inlines(block.content)}</p>
          {block.cite && <cite>{block.cite}</cite>}
        </blockquote>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{inlines(item)}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'embed': {
      // Click-to-load: a plain link to the post or video. Nothing is fetched from the
      // provider unless the reader follows it.
      const label = block.provider === 'youtube' ? 'YouTube पर वीडियो देखें' : 'X पर पोस्ट देखें';
      return (
        <figure class={`embed embed-${block.provider}`}>
          <a class="embed-link" href={block.url} rel="noopener nofollow" target="_blank">
            <span class="embed-play" aria-hidden="true">
              {block.provider === 'youtube' ? '▶' : '𝕏'}
            </span>
            <span>{label}</span>
          </a>
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    }
    case 'dataBox': {
      // The box as it is now; an unknown or deleted key (or a page without boxes) shows nothing.
      const widget = boxes?.boxes.get(block.key);
      if (!widget || !boxes) return null;
      return <DataBox widget={widget} locale={boxes.locale} place={`body-${index}`} />;
    }
    case 'image': {
      const m = media.get(block.mediaId);
      // A photo deleted from the library drops out of the story rather than breaking the page.
      if (!m) return null;
      return (
        <Photo
          media={m}
          sizes="(min-width: 1024px) 680px, 100vw"
          eager={eager}
          caption={block.caption}
          credit={block.credit}
          withCaption
          className="photo body-photo"
        />
      );
    }
  }
}

export interface ArticleBodyProps {
  blocks: readonly Block[];
  media: ReadonlyMap<number, Media>;
  /** A story without a hero photo: a photo that opens the body is above the fold, so it loads at once. */
  eagerOpeningPhoto?: boolean;
  /** The data boxes placed in the body; without them a `dataBox` block shows nothing. */
  boxes?: BodyBoxes;
}

export function ArticleBody({ blocks, media, eagerOpeningPhoto = false, boxes }: ArticleBodyProps) {
  return (
    <div class="article-body">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} media={media} eager={eagerOpeningPhoto && i === 0} boxes={boxes} index={i} />
      ))}
    </div>
  );
}
