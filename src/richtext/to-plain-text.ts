/**
 * A body as plain text: for excerpts, descriptions, and the search index.
 * Blocks are separated by a blank line; image captions are included because readers
 * search for what a photo shows.
 */
import type { Inline, RichText } from './rich-text.ts';

const inlineText = (content: readonly Inline[]) => content.map((i) => i.text).join('');

export function toPlainText(doc: RichText): string {
  const parts: string[] = [];
  for (const block of doc.blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'quote':
        parts.push(inlineText(block.content));
        break;
      case 'heading':
        parts.push(block.text);
        break;
      case 'list':
        parts.push(block.items.map(inlineText).join('\n'));
        break;
      case 'image':
      case 'embed':
        if (block.caption) parts.push(block.caption);
        break;
      case 'dataBox':
        // The box's figures are not the story's text (and change without it): nothing.
        break;
    }
  }
  return parts.join('\n\n');
}

/** The first paragraph's text, cut at a word boundary to at most `maxChars` code points. */
export function excerpt(doc: RichText, maxChars = 200): string {
  const first = doc.blocks.find((b) => b.type === 'paragraph');
  if (!first || first.type !== 'paragraph') return '';
  const text = inlineText(first.content).replace(/\s+/g, ' ').trim();
  const chars = [...text]; // code points, so a cut never splits a surrogate pair
  if (chars.length <= maxChars) return text;
  const cut = chars.slice(0, maxChars).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
