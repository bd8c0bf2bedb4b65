/// <reference lib="dom" />
/**
 * A photo in the body: the library item's id plus this story's caption and credit
 * (null = the library's). `src`, `alt` and the library's caption/credit are carried
 * along only for display; `docToBlocks` ignores them.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { boundField, DEFAULT_LABELS, isControlEvent, type NodeViewLabels, removeButton } from './node-view.ts';

export interface FigureImageOptions {
  labels: NodeViewLabels;
}

/** Only our own media URLs are shown: pasted HTML could carry any src. */
const isLocalSrc = (src: unknown): src is string => typeof src === 'string' && src.startsWith('/') && !src.startsWith('//');

const data = (name: string, fromImg?: 'src' | 'alt') => ({
  default: name === 'src' || name === 'alt' || name.startsWith('default') ? '' : null,
  parseHTML: (el: HTMLElement) => (fromImg ? (el.querySelector('img')?.getAttribute(fromImg) ?? '') : el.getAttribute(`data-${name.toLowerCase()}`)),
  renderHTML: (attrs: Record<string, unknown>) => (fromImg || attrs[name] === null ? {} : { [`data-${name.toLowerCase()}`]: attrs[name] }),
});

export const FigureImage = Node.create<FigureImageOptions>({
  name: 'figureImage',
  group: 'block',
  atom: true,
  selectable: true,
  // Not draggable: a draggable node makes selecting text in its caption input fight the drag.
  draggable: false,

  addOptions() {
    return { labels: DEFAULT_LABELS };
  },

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (el) => {
          const id = Number(el.getAttribute('data-media-id'));
          return Number.isSafeInteger(id) && id > 0 ? id : null;
        },
        renderHTML: (attrs) => ({ 'data-media-id': attrs.mediaId }),
      },
      caption: data('caption'),
      credit: data('credit'),
      src: data('src', 'src'),
      alt: data('alt', 'alt'),
      defaultCaption: data('defaultCaption'),
      defaultCredit: data('defaultCredit'),
    };
  },

  parseHTML() {
    // Only our own copied photos: a pasted <img> from elsewhere has no library id.
    return [{ tag: 'figure[data-media-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const src = isLocalSrc(node.attrs.src) ? node.attrs.src : '';
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'editor-figure' }), ['img', { src, alt: node.attrs.alt ?? '' }]];
  },

  addNodeView() {
    const labels = this.options.labels;
    return ({ node, editor, getPos }) => {
      const dom = document.createElement('figure');
      dom.className = 'editor-figure';
      const picture = document.createElement('div');
      picture.className = 'editor-figure-picture';
      let shownSrc: string | null = null;

      const showPicture = (src: unknown, alt: unknown, mediaId: unknown) => {
        const next = isLocalSrc(src) ? src : '';
        if (next === shownSrc) return;
        shownSrc = next;
        if (next) {
          const img = document.createElement('img');
          img.src = next;
          img.alt = typeof alt === 'string' ? alt : '';
          img.loading = 'lazy';
          picture.replaceChildren(img);
        } else {
          const missing = document.createElement('p');
          missing.className = 'editor-figure-missing';
          missing.textContent = `${labels.photoMissing} (#${String(mediaId)})`;
          picture.replaceChildren(missing);
        }
      };
      showPicture(node.attrs.src, node.attrs.alt, node.attrs.mediaId);

      const withLibrary = (value: unknown) => (typeof value === 'string' && value ? `${labels.libraryValue}: ${value}` : '');
      const caption = boundField(editor, getPos, 'caption', labels.caption, (n) => withLibrary(n.attrs.defaultCaption), node, 500);
      const credit = boundField(editor, getPos, 'credit', labels.credit, (n) => withLibrary(n.attrs.defaultCredit), node, 120);
      const fields = document.createElement('figcaption');
      fields.append(caption.wrapper, credit.wrapper, removeButton(editor, getPos, labels.remove));
      dom.append(picture, fields);

      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== 'figureImage') return false;
          showPicture(updated.attrs.src, updated.attrs.alt, updated.attrs.mediaId);
          caption.sync(updated);
          credit.sync(updated);
          return true;
        },
        stopEvent: isControlEvent,
        // The view's DOM is its own (inputs, pictures); ProseMirror must not re-read it.
        ignoreMutation: () => true,
      };
    };
  },
});
