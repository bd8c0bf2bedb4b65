/// <reference lib="dom" />
/**
 * The editor's schema: exactly what an article body can hold (rich-text.ts), so the
 * editor cannot make, and a paste cannot bring in, anything `docToBlocks` must refuse.
 * StarterKit's code, strike, underline and rules are off; headings are H2/H3 only
 * (the page's H1 is the headline); links are checked with the body's own `isSafeHref`.
 */
import { Extension, type Extensions } from '@tiptap/core';
import Link from '@tiptap/extension-link';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from '../../richtext/rich-text.ts';
import { DataBoxNode } from './data-box-node.ts';
import { Embed } from './embed-node.ts';
import { FigureImage } from './figure-image-node.ts';
import { DEFAULT_LABELS, type NodeViewLabels } from './node-view.ts';

/** A quote's source ("— पुतिन"), shown by CSS from `data-cite`. */
const QuoteCite = Extension.create({
  name: 'quoteCite',
  addGlobalAttributes() {
    return [
      {
        types: ['blockquote'],
        attributes: {
          cite: {
            default: null,
            parseHTML: (el) => el.getAttribute('data-cite') || null,
            renderHTML: (attrs) => (attrs.cite ? { 'data-cite': attrs.cite } : {}),
          },
        },
      },
    ];
  },
});

export function editorExtensions(labels: NodeViewLabels = DEFAULT_LABELS): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      // Configured below, with our own URL check.
      link: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isSafeHref(url),
      shouldAutoLink: (url) => isSafeHref(url),
      HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow' },
    }),
    QuoteCite,
    FigureImage.configure({ labels }),
    Embed.configure({ labels }),
    DataBoxNode,
  ];
}
