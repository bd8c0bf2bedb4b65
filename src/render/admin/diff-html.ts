/**
 * A revision comparison as HTML, one string per side: removed text in <del> on the old
 * side, added text in <ins> on the new. Made in the comparison's worker thread
 * (src/workers/tasks.ts), so the request thread receives two strings per field rather
 * than tens of thousands of parts to turn into elements (a rewritten 1 MB story has
 * about 30,000). Every character of the text is escaped here.
 */
import type { ComparedField, RevisionComparison } from '../../domain/articles/revision-diff.ts';
import type { DiffPart } from '../../lib/text-diff.ts';
import { escapeXmlText } from '../../lib/xml.ts';

export interface RenderedFieldComparison {
  readonly field: ComparedField;
  readonly changed: boolean;
  /** False when changes were too many to mark word by word (the page says so). */
  readonly complete: boolean;
  readonly oldHtml: string;
  readonly newHtml: string;
}

export interface RenderedComparison {
  readonly fields: RenderedFieldComparison[];
}

export function diffSideHtml(parts: readonly DiffPart[], side: 'old' | 'new'): string {
  const tag = side === 'old' ? 'del' : 'ins';
  let html = '';
  for (const p of parts) html += p.changed ? `<${tag}>${escapeXmlText(p.text)}</${tag}>` : escapeXmlText(p.text);
  return html;
}

export function renderComparison(c: RevisionComparison): RenderedComparison {
  return { fields: c.fields.map((f) => ({ field: f.field, changed: f.changed, complete: f.complete, oldHtml: diffSideHtml(f.old, 'old'), newHtml: diffSideHtml(f.new, 'new') })) };
}
