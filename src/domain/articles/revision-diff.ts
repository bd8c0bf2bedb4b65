/**
 * What the revisions screen shows: each compared field of two revisions as text, with
 * the differences marked (src/lib/text-diff.ts). Pure, and run in a worker thread
 * (src/workers/) because a long story's comparison can take a good part of a second.
 * All fields of one comparison share one work budget, so no pair of revisions, however
 * large or different, costs more than about that.
 */
import { parseRichText } from '../../richtext/rich-text.ts';
import { toPlainText } from '../../richtext/to-plain-text.ts';
import { DEFAULT_DIFF_STEPS, type DiffBudget, diffBlocks, type SideBySide } from '../../lib/text-diff.ts';
import type { ArticleSnapshot } from './article-history.ts';

/** The compared fields, in the order the screen shows them. */
export const COMPARED_FIELDS = ['headline', 'dek', 'slug', 'section', 'tags', 'body', 'seo', 'correctionNote', 'corrections', 'lang'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface FieldComparison extends SideBySide {
  readonly field: ComparedField;
  readonly changed: boolean;
}

export interface RevisionComparison {
  readonly fields: FieldComparison[];
  /** False when some changes were too many to mark word by word (they are marked as whole paragraphs). */
  readonly complete: boolean;
}

/** A body's blocks as text: each block one entry, so paragraphs are compared whole first. */
function bodyBlocks(body: unknown): string[] {
  try {
    return parseRichText(body).blocks.map((block) => toPlainText({ version: 1, blocks: [block] }));
  } catch {
    return [];
  }
}

const lines = (text: string) => (text === '' ? [] : [text]);

function fieldBlocks(s: ArticleSnapshot, field: ComparedField, sections: ReadonlyMap<number, string>): string[] {
  switch (field) {
    case 'headline':
      return lines(s.headline);
    case 'dek':
      return lines(s.dek);
    case 'slug':
      return lines(s.slug);
    case 'section':
      return [sections.get(s.sectionId) ?? String(s.sectionId)];
    case 'tags':
      return lines(s.tagNames.join(', '));
    case 'body':
      return bodyBlocks(s.body);
    case 'seo':
      return lines(`${s.seoTitle}\n${s.seoDescription}`.trim());
    case 'correctionNote':
      return lines(s.correctionNote);
    case 'corrections':
      // One entry per correction, its date first (snapshots before migration 014 have none).
      return (s.corrections ?? []).map((c) => `${c.date.slice(0, 10)}: ${c.text}`);
    case 'lang':
      return lines(s.lang ?? 'hi');
  }
}

export function compareRevisions(a: ArticleSnapshot, b: ArticleSnapshot, sections: ReadonlyMap<number, string>, steps = DEFAULT_DIFF_STEPS): RevisionComparison {
  const budget: DiffBudget = { remaining: steps };
  // The short fields first, so a huge body cannot leave the headline unmarked.
  const order: ComparedField[] = [...COMPARED_FIELDS.filter((f) => f !== 'body'), 'body'];
  const byField = new Map<ComparedField, FieldComparison>();
  for (const field of order) {
    const before = fieldBlocks(a, field, sections);
    const after = fieldBlocks(b, field, sections);
    const changed = before.length !== after.length || before.some((t, i) => t !== after[i]);
    const diff = diffBlocks(before, after, budget);
    byField.set(field, { field, changed, ...diff });
  }
  const fields = COMPARED_FIELDS.map((f) => byField.get(f)!);
  return { fields, complete: fields.every((f) => f.complete) };
}
