/**
 * The editor's schema accepts every body `blocksToDoc` makes, and what ProseMirror makes
 * of it converts back unchanged: the browser and the converters agree on node names and
 * attributes. Runs in Node: building a schema needs no DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSchema } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { blocksToDoc, docToBlocks } from '../../richtext/prosemirror.ts';
import type { RichText } from '../../richtext/rich-text.ts';
import { editorExtensions } from './extensions.ts';

const body: RichText = {
  version: 1,
  blocks: [
    { type: 'paragraph', content: [{ text: 'पुतिन ने ' }, { text: 'जिनपिंग', bold: true, italic: true }, { text: '\nका ' }, { text: 'स्वागत', href: 'https://example.com' }] },
    { type: 'heading', level: 2, text: 'दो' },
    { type: 'heading', level: 3, text: 'तीन' },
    { type: 'image', mediaId: 7, caption: 'कैप्शन', credit: '' },
    { type: 'image', mediaId: 8 },
    { type: 'quote', content: [{ text: 'वेलकम' }, { text: '\nदोस्त', bold: true }], cite: 'पुतिन' },
    { type: 'list', ordered: true, items: [[{ text: 'एक' }], [{ text: 'दो', italic: true }]] },
    { type: 'list', ordered: false, items: [[{ text: 'क' }]] },
    { type: 'embed', provider: 'x', url: 'https://x.com/a/status/1', caption: 'पोस्ट' },
    { type: 'dataBox', key: 'chunav-2029' },
  ],
};

test('the editor schema holds every block kind, and ProseMirror JSON converts back unchanged', () => {
  const schema = getSchema(editorExtensions());
  const json = blocksToDoc(body, (id) => (id === 7 ? { src: '/media/a-480.webp', alt: 'a', caption: 'c', credit: 'd' } : undefined));
  const doc = Node.fromJSON(schema, json);
  doc.check();
  assert.deepEqual(docToBlocks(doc.toJSON()), body);
});

test('the schema has no node or mark a body cannot hold', () => {
  const schema = getSchema(editorExtensions());
  assert.deepEqual(Object.keys(schema.marks).sort(), ['bold', 'italic', 'link']);
  assert.deepEqual(
    Object.keys(schema.nodes).sort(),
    ['blockquote', 'bulletList', 'dataBox', 'doc', 'embed', 'figureImage', 'hardBreak', 'heading', 'listItem', 'orderedList', 'paragraph', 'text'],
  );
});
