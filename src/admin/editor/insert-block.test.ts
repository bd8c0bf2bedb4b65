/**
 * Photos and embeds go in after the selection and never replace anything: a selected
 * photo, a paragraph with the cursor in it, a text selection, a gap between two blocks.
 * Runs in Node on the editor's real schema (no DOM needed for ProseMirror state).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, NodeSelection, type Selection, TextSelection } from '@tiptap/pm/state';
import { docToBlocks } from '../../richtext/prosemirror.ts';
import { blockInsertRange, insertBlockTransaction } from './insert-block.ts';
import { editorExtensions } from './extensions.ts';

const schema = getSchema(editorExtensions());
const p = (text: string) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] });
const photo = (mediaId: number) => ({ type: 'figureImage', attrs: { mediaId } });
const embed = (url: string) => ({ type: 'embed', attrs: { provider: url.includes('youtube') ? 'youtube' : 'x', url } });

function stateOf(content: unknown[], select: (doc: PmNode) => Selection): EditorState {
  const doc = PmNode.fromJSON(schema, { type: 'doc', content });
  return EditorState.create({ schema, doc, selection: select(doc) });
}
/** Inserts each node in turn with no change of selection in between, as a user clicking "photo" twice does. */
function insertAll(state: EditorState, nodes: unknown[]): EditorState {
  for (const json of nodes) {
    const tr = insertBlockTransaction(state, PmNode.fromJSON(schema, json));
    assert.ok(tr, 'insertable');
    state = state.apply(tr);
    state.doc.check();
  }
  return state;
}
const kinds = (state: EditorState) => docToBlocks(state.doc.toJSON()).blocks.map((b) => (b.type === 'image' ? `image:${b.mediaId}` : b.type === 'embed' ? `embed:${b.provider}` : `${b.type}`));

test('two photos and two embeds in a row: all four stay, in order, after the paragraph', () => {
  // Cursor in the middle of "पहला पैरा": the paragraph is not split.
  const start = stateOf([p('पहला पैरा'), p('दूसरा')], (doc) => TextSelection.create(doc, 3));
  const end = insertAll(start, [photo(1), photo(2), embed('https://www.youtube.com/watch?v=dQw4w9WgXcQ'), embed('https://x.com/a/status/1')]);
  assert.deepEqual(kinds(end), ['paragraph', 'image:1', 'image:2', 'embed:youtube', 'embed:x', 'paragraph']);
  assert.equal(end.doc.firstChild?.textContent, 'पहला पैरा');
  assert.equal(end.doc.lastChild?.textContent, 'दूसरा');
  // The cursor waits in the paragraph after the last insert: typing cannot replace the X post.
  assert.ok(end.selection instanceof TextSelection && end.selection.empty);
  assert.equal(end.selection.$from.parent.type.name, 'paragraph');
  assert.equal(end.doc.childBefore(end.selection.$from.before(1)).node?.type.name, 'embed');
});

test('a selected photo is kept and the new one goes right after it', () => {
  const start = stateOf([p('क'), photo(1), p('ख')], (doc) => NodeSelection.create(doc, doc.child(0).nodeSize));
  assert.equal(start.selection instanceof NodeSelection && start.selection.node.type.name, 'figureImage');
  const end = insertAll(start, [photo(2)]);
  assert.deepEqual(kinds(end), ['paragraph', 'image:1', 'image:2', 'paragraph']);
  assert.equal(end.doc.child(4).textContent, 'ख');
  assert.equal(end.selection.$from.parent, end.doc.child(3), 'the cursor is in the empty paragraph after the new photo');
});

test('a text selection is not replaced: the block goes after the block where it ends', () => {
  const start = stateOf([p('एक दो तीन'), p('चार')], (doc) => TextSelection.create(doc, 1, 6));
  const end = insertAll(start, [embed('https://x.com/a/status/1')]);
  assert.deepEqual(kinds(end), ['paragraph', 'embed:x', 'paragraph']);
  assert.equal(end.doc.child(0).textContent, 'एक दो तीन');
});

test('inside a list or a quote the block goes after the whole list or quote', () => {
  const list = { type: 'bulletList', content: [{ type: 'listItem', content: [p('बिंदु')] }] };
  const quote = { type: 'blockquote', content: [p('उद्धरण')] };
  const inList = insertAll(stateOf([list], (doc) => TextSelection.create(doc, 4)), [photo(3)]);
  assert.deepEqual(kinds(inList), ['list', 'image:3']);
  const inQuote = insertAll(stateOf([quote, p('बाद')], (doc) => TextSelection.create(doc, 3)), [photo(4)]);
  assert.deepEqual(kinds(inQuote), ['quote', 'image:4', 'paragraph']);
});

test('an empty paragraph (nothing typed) is the only thing an insert takes the place of', () => {
  const start = stateOf([p('क'), p(''), p('ख')], (doc) => TextSelection.create(doc, doc.child(0).nodeSize + 1));
  assert.deepEqual(blockInsertRange(start), { from: 3, to: 5 });
  const end = insertAll(start, [photo(5)]);
  assert.deepEqual(
    (end.doc.toJSON() as { content: { type: string }[] }).content.map((n) => [n.type]),
    [['paragraph'], ['figureImage'], ['paragraph'], ['paragraph']],
  );
  assert.equal(end.doc.child(2).content.size, 0, 'one empty paragraph to type in, not two');
  assert.equal(end.doc.child(3).textContent, 'ख');
});

test('everything selected (Ctrl+A): the block goes at the end, nothing replaced', () => {
  const start = stateOf([p('क'), photo(1)], (doc) => new AllSelection(doc));
  const end = insertAll(start, [photo(2)]);
  assert.deepEqual(kinds(end), ['paragraph', 'image:1', 'image:2']);
});
