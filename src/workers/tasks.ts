/**
 * The tasks worker threads run, and the one function that runs them (in the worker).
 * Each task is a pure function of its input or, for images, of the input and the media
 * folder; results and errors cross back by structured clone (DomainErrors keep their code).
 */
import type { ArticleSnapshot } from '../domain/articles/article-history.ts';
import { compareRevisions } from '../domain/articles/revision-diff.ts';
import { type EncodedImage, encodeImage, type EncodeImageInput } from '../domain/media/image-encode.ts';
import { deriveImage, type DeriveJob } from '../domain/media/derived-images.ts';
import { type RenderedComparison, renderComparison } from '../render/admin/diff-html.ts';

export type Task =
  | { kind: 'compare-revisions'; a: ArticleSnapshot; b: ArticleSnapshot; sections: ReadonlyMap<number, string> }
  | { kind: 'encode-image'; input: EncodeImageInput }
  | { kind: 'derive-image'; job: DeriveJob };

export interface TaskResult {
  'compare-revisions': RenderedComparison;
  'encode-image': EncodedImage;
  'derive-image': { bytes: number };
}

export async function runTask(task: Task): Promise<TaskResult[Task['kind']]> {
  switch (task.kind) {
    case 'compare-revisions':
      // Rendered here too: two strings a field cross back, not thousands of parts.
      return renderComparison(compareRevisions(task.a, task.b, task.sections));
    case 'encode-image':
      return encodeImage(task.input);
    case 'derive-image':
      return deriveImage(task.job);
  }
}
