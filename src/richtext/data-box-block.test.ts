/**
 * A data box placed inside a story: the `dataBox` block stores only the box's key, passes
 * the body gate and the editor conversion only with a key of the widgets' pattern, gives no
 * plain text (its HTML: render/components/article-body-data-box.test.tsx).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksToDoc, docToBlocks } from './prosemirror.ts';
import { dataBoxKeysOf, parseRichText, RichTextError } from './rich-text.ts';
import { toPlainText } from './to-plain-text.ts';

const body = parseRichText({
  version: 1,
  blocks: [
    { type: 'paragraph', content: [{ text: 'मतगणना जारी है।' }] },
    { type: 'dataBox', key: 'chunav-2029' },
    { type: 'dataBox', key: 'gone' },
    { type: 'dataBox', key: 'chunav-2029' },
  ],
});

test('a body keeps data box keys; a bad key is refused naming the field', () => {
  assert.deepEqual(dataBoxKeysOf(body), ['chunav-2029', 'gone']);
  for (const key of ['Chunav', '', 'a b', '<script>', 'x'.repeat(41), 'चुनाव']) {
    assert.throws(
      () => parseRichText({ version: 1, blocks: [{ type: 'dataBox', key }] }),
      (e: unknown) => e instanceof RichTextError && e.field === 'blocks.0.key',
      JSON.stringify(key),
    );
  }
  assert.throws(() => parseRichText({ version: 1, blocks: [{ type: 'dataBox', key: 'ok', title: 'x' }] }), RichTextError, 'no other fields');
});

test('plain text has nothing of a box', () => {
  assert.equal(toPlainText(body), 'मतगणना जारी है।');
});

test('editor JSON: a dataBox node round-trips; a bad key or a box inside a list is handled', () => {
  const doc = blocksToDoc(body, () => undefined);
  assert.deepEqual(doc.content![1], { type: 'dataBox', attrs: { key: 'chunav-2029' } });
  assert.deepEqual(docToBlocks(doc), body);
  assert.throws(
    () => docToBlocks({ type: 'doc', content: [{ type: 'dataBox', attrs: { key: 'BAD KEY' } }] }),
    (e: unknown) => e instanceof RichTextError && e.field === 'content.0.attrs.key',
  );
  assert.throws(() => docToBlocks({ type: 'doc', content: [{ type: 'dataBox' }] }), RichTextError);
  // Dropped into a list, the box splits it, as a photo does.
  const listed = docToBlocks({
    type: 'doc',
    content: [
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'एक' }] }] },
          { type: 'dataBox', attrs: { key: 'chunav-2029' } },
          { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'दो' }] }] },
        ],
      },
    ],
  });
  assert.deepEqual(
    listed.blocks.map((b) => b.type),
    ['list', 'dataBox', 'list'],
  );
});
