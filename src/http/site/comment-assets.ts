/**
 * The reader's comment script (src/reader/comment-form.ts), bundled in memory by esbuild
 * at start, like the newsroom's editor. Its URL carries a content hash, so it may be
 * cached forever; the same source gives the same URL in every process.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../assets/package-root.ts';

export interface CommentScript {
  readonly url: string;
  readonly body: Buffer;
}

export async function buildCommentScript(): Promise<CommentScript> {
  const root = packageRoot();
  const result = await build({
    entryPoints: [path.join(root, 'src/reader/comment-form.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no comment script');
  const body = Buffer.from(output.contents);
  return { url: `/assets/comments.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js`, body };
}
