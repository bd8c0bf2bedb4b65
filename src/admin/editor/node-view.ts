/// <reference lib="dom" />
/**
 * Shared parts of the photo and embed node views: text inputs bound to a node attribute,
 * and a remove button. The inputs live inside the editor's contenteditable, so the
 * view tells ProseMirror to leave their events alone (`stopEvent`), which also keeps
 * typing Devanagari in them a plain browser affair (IME composition included).
 */
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';

export interface NodeViewLabels {
  caption: string;
  credit: string;
  libraryValue: string;
  remove: string;
  photoMissing: string;
}

export const DEFAULT_LABELS: NodeViewLabels = {
  caption: 'Caption',
  credit: 'Credit',
  libraryValue: "Empty uses the library's",
  remove: 'Remove',
  photoMissing: 'This photo is not in the library',
};

export interface BoundField {
  wrapper: HTMLElement;
  /** Brings the input in line with the node after an outside change (undo, collaboration). */
  sync(node: PmNode): void;
}

/**
 * An input editing `attr`: empty means null, i.e. "no override" (for photos, the
 * library's caption/credit, which the placeholder shows).
 */
export function boundField(
  editor: Editor,
  getPos: () => number | undefined,
  attr: string,
  label: string,
  placeholder: (node: PmNode) => string,
  node: PmNode,
  maxLength: number,
): BoundField {
  const wrapper = document.createElement('label');
  wrapper.className = 'node-field';
  const caption = document.createElement('span');
  caption.textContent = label;
  const input = document.createElement('input');
  input.type = 'text';
  input.maxLength = maxLength;
  input.lang = document.documentElement.lang || 'hi';
  wrapper.append(caption, input);

  const sync = (n: PmNode) => {
    const value = typeof n.attrs[attr] === 'string' ? (n.attrs[attr] as string) : '';
    // Rewriting the value under the user's cursor would break IME composition.
    if (input.value !== value && document.activeElement !== input) input.value = value;
    input.placeholder = placeholder(n);
  };
  sync(node);

  input.addEventListener('input', () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    const value = input.value === '' ? null : input.value;
    editor.view.dispatch(editor.view.state.tr.setNodeAttribute(pos, attr, value));
  });
  return { wrapper, sync };
}

export function removeButton(editor: Editor, getPos: () => number | undefined, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'node-remove';
  button.textContent = label;
  button.addEventListener('click', () => {
    const pos = getPos();
    if (typeof pos !== 'number') return;
    const node = editor.state.doc.nodeAt(pos);
    if (node) editor.chain().focus().deleteRange({ from: pos, to: pos + node.nodeSize }).run();
  });
  return button;
}

/** Events from the view's own controls are theirs; everything else (selecting the node) is ProseMirror's. */
export function isControlEvent(event: Event): boolean {
  const target = event.target;
  return target instanceof Element && target.closest('input, textarea, button, select, a') !== null;
}
