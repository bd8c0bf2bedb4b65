/**
 * Inserting a photo or an embed into the body without losing anything.
 *
 * Tiptap's `insertContent` replaces the selection. After a photo or embed goes in, the
 * selection is often that node (a NodeSelection), so the next insert replaced it: two
 * photos in a row kept one, a YouTube embed followed by an X post kept the post. Here a
 * block always goes *after* the selection: after a selected node, or after the top-level
 * block holding the cursor (never splitting a paragraph, never inside a list or quote,
 * which a body cannot hold). Only an empty paragraph is replaced: nothing typed is there.
 *
 * Afterwards the cursor waits in an empty paragraph right after the new block (added unless
 * one is there; `docToBlocks` drops empty paragraphs, so it costs nothing in the story): typing
 * goes on below it, a keystroke cannot replace it, and the next insert lands after it.
 * Pure ProseMirror: tested in Node (insert-block.test.ts) without a DOM.
 */
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, type EditorState, type Transaction, TextSelection } from '@tiptap/pm/state';

/** Where a new top-level block goes: the range it replaces (empty unless it is an empty paragraph). */
export function blockInsertRange(state: EditorState): { from: number; to: number } {
  const { selection } = state;
  if (selection instanceof NodeSelection) {
    // A selected top-level node: right after it. A nested one: after its top-level block.
    const $from = selection.$from;
    const after = $from.depth === 0 ? selection.to : $from.after(1);
    return { from: after, to: after };
  }
  const $to = selection.$to;
  // A gap cursor (between two photos) or the end of an AllSelection sits between top-level blocks.
  if ($to.depth === 0) return { from: $to.pos, to: $to.pos };
  const block = $to.node(1);
  if (selection.empty && block.type.name === 'paragraph' && block.content.size === 0) {
    return { from: $to.before(1), to: $to.after(1) };
  }
  const after = $to.after(1);
  return { from: after, to: after };
}

/**
 * A transaction inserting `node` as a top-level block per `blockInsertRange`, with the
 * cursor in the paragraph that follows it. Null when the document cannot hold the node there.
 */
export function insertBlockTransaction(state: EditorState, node: PmNode): Transaction | null {
  const { from, to } = blockInsertRange(state);
  // Both ends are between top-level blocks, so the document node decides.
  const index = state.doc.resolve(from).index(0);
  if (!state.doc.canReplaceWith(index, to > from ? index + 1 : index, node.type)) return null;
  const tr = state.tr.replaceWith(from, to, node);
  const end = from + node.nodeSize;
  // Always an empty paragraph to type in (one already there is used): putting the cursor at the
  // start of the next paragraph instead would send a second photo below that paragraph.
  const next = tr.doc.nodeAt(end);
  const paragraph = state.schema.nodes.paragraph;
  if (paragraph && !(next?.type === paragraph && next.content.size === 0)) tr.insert(end, paragraph.create());
  const after = tr.doc.nodeAt(end);
  if (after?.isTextblock) tr.setSelection(TextSelection.create(tr.doc, end + 1));
  else tr.setSelection(NodeSelection.create(tr.doc, from));
  return tr.scrollIntoView();
}
