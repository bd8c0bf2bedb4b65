/// <reference lib="dom" />
/**
 * The formatting toolbar. Its buttons are in the page (labels in the user's language,
 * `data-command` names the action); this wires them to the editor and keeps their
 * pressed/disabled state in step with the selection.
 */
import type { Editor } from '@tiptap/core';

export type ToolbarCommand = 'paragraph' | 'h2' | 'h3' | 'bold' | 'italic' | 'link' | 'bulletList' | 'orderedList' | 'quote' | 'cite' | 'photo' | 'embed' | 'dataBox';

/** Actions that need more than a command (a prompt, the media picker). */
export interface ToolbarActions {
  link(): void;
  cite(): void;
  photo(): void;
  embed(): void;
  dataBox(): void;
}

export function wireToolbar(toolbar: HTMLElement, editor: Editor, actions: ToolbarActions): void {
  const run: Record<ToolbarCommand, () => void> = {
    paragraph: () => editor.chain().focus().setParagraph().run(),
    h2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    h3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    quote: () => editor.chain().focus().toggleBlockquote().run(),
    link: actions.link,
    cite: actions.cite,
    photo: actions.photo,
    embed: actions.embed,
    dataBox: actions.dataBox,
  };
  const pressed: Partial<Record<ToolbarCommand, () => boolean>> = {
    paragraph: () => editor.isActive('paragraph') && !editor.isActive('blockquote') && !editor.isActive('listItem'),
    h2: () => editor.isActive('heading', { level: 2 }),
    h3: () => editor.isActive('heading', { level: 3 }),
    bold: () => editor.isActive('bold'),
    italic: () => editor.isActive('italic'),
    link: () => editor.isActive('link'),
    bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'),
    quote: () => editor.isActive('blockquote'),
  };
  const enabled: Partial<Record<ToolbarCommand, () => boolean>> = {
    cite: () => editor.isActive('blockquote'),
  };

  const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>('button[data-command]')];
  for (const button of buttons) {
    const command = button.dataset.command as ToolbarCommand;
    if (!(command in run)) continue;
    // Keeps the editor's selection: a click on a toolbar button would otherwise blur it first.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => run[command]());
  }

  const refresh = () => {
    for (const button of buttons) {
      const command = button.dataset.command as ToolbarCommand;
      const isPressed = pressed[command];
      if (isPressed) button.setAttribute('aria-pressed', String(isPressed()));
      const isEnabled = enabled[command];
      if (isEnabled) button.disabled = !editor.isEditable || !isEnabled();
    }
  };
  editor.on('transaction', refresh);
  editor.on('focus', refresh);
  refresh();
  toolbar.hidden = false;
}
