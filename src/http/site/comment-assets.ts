/**
 * The reader's comment script (src/reader/comment-form.ts), bundled at start
 * (http/assets/browser-bundle.ts). Its URL carries a content hash, so it may be cached
 * forever; the same source gives the same URL in every process.
 */
import { createHash } from 'node:crypto';
import { bundleBrowserScript } from '../assets/browser-bundle.ts';

export interface CommentScript {
  readonly url: string;
  readonly body: Buffer;
}

export async function buildCommentScript(): Promise<CommentScript> {
  const body = await bundleBrowserScript('src/reader/comment-form.ts');
  return { url: `/assets/comments.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`, body };
}
