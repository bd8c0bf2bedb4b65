/// <reference lib="dom" />
/**
 * A data box placed in the body (domain/widgets): the node holds only the box's key, and
 * the editor shows it as a chip "डेटा बॉक्स: <key>" that cannot be typed into. The reader
 * page shows the box as saved at the time (http/site/article-view.ts); `docToBlocks` and the
 * server check the key's pattern again.
 */
import { mergeAttributes, Node } from '@tiptap/core';
import { DATA_BOX_KEY } from '../../richtext/rich-text.ts';

export const DataBoxNode = Node.create({
  name: 'dataBox',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      key: { default: null, parseHTML: (el) => el.getAttribute('data-box-key'), renderHTML: (a) => ({ 'data-box-key': a.key }) },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-box-key]', getAttrs: (el) => (DATA_BOX_KEY.test(el.getAttribute('data-box-key') ?? '') ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { class: 'editor-data-box', contenteditable: 'false' }), `डेटा बॉक्स: ${String(HTMLAttributes['data-box-key'] ?? '')}`];
  },
});
