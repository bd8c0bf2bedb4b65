/// <reference lib="dom" />
/**
 * A YouTube video or X post in the body: provider, canonical URL (checked with
 * `parseEmbedUrl` before insertion and again by `docToBlocks`) and an optional caption.
 * The editor shows a link, never the third party's player: nothing is loaded from
 * YouTube or X while writing.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { parseEmbedUrl } from '../../richtext/rich-text.ts';
import { boundField, DEFAULT_LABELS, isControlEvent, type NodeViewLabels, removeButton } from './node-view.ts';

export interface EmbedOptions {
  labels: NodeViewLabels;
}

const PROVIDER_NAMES = { youtube: 'YouTube', x: 'X' } as const;

export const Embed = Node.create<EmbedOptions>({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { labels: DEFAULT_LABELS };
  },

  addAttributes() {
    return {
      provider: { default: null, parseHTML: (el) => parseEmbedUrl(el.getAttribute('data-embed-url') ?? '')?.provider ?? null, renderHTML: (a) => ({ 'data-provider': a.provider }) },
      url: { default: null, parseHTML: (el) => el.getAttribute('data-embed-url'), renderHTML: (a) => ({ 'data-embed-url': a.url }) },
      caption: { default: null, parseHTML: (el) => el.getAttribute('data-caption'), renderHTML: (a) => (a.caption === null ? {} : { 'data-caption': a.caption }) },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-embed-url]', getAttrs: (el) => (parseEmbedUrl(el.getAttribute('data-embed-url') ?? '') ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { class: 'editor-embed' }), String(HTMLAttributes['data-embed-url'] ?? '')];
  },

  addNodeView() {
    const labels = this.options.labels;
    return ({ node, editor, getPos }) => {
      const dom = document.createElement('div');
      dom.className = 'editor-embed';
      const head = document.createElement('p');
      head.className = 'editor-embed-head';
      const provider = document.createElement('strong');
      const link = document.createElement('a');
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      head.append(provider, ' ', link);

      const show = (attrs: Record<string, unknown>) => {
        const ref = typeof attrs.url === 'string' ? parseEmbedUrl(attrs.url) : null;
        provider.textContent = ref ? PROVIDER_NAMES[ref.provider] : '?';
        link.textContent = typeof attrs.url === 'string' ? attrs.url : '';
        // Only a URL that parses as YouTube or X becomes clickable.
        if (ref) link.href = ref.url;
        else link.removeAttribute('href');
      };
      show(node.attrs);

      const caption = boundField(editor, getPos, 'caption', labels.caption, () => '', node, 500);
      dom.append(head, caption.wrapper, removeButton(editor, getPos, labels.remove));

      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== 'embed') return false;
          show(updated.attrs);
          caption.sync(updated);
          return true;
        },
        stopEvent: isControlEvent,
        ignoreMutation: () => true,
      };
    };
  },
});
