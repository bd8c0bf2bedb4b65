/**
 * The reader's suggestions script (src/reader/search-suggest.ts), bundled in memory by
 * esbuild when the app starts. Served at a fixed address (every page's header refers to it,
 * and render/ is pure), so it is cached for an hour, not forever.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { packageRoot } from '../assets/package-root.ts';

/** Where every page loads the script from (see render/layout.tsx). */
export const SEARCH_SCRIPT_PATH = '/search/suggest.js';

export async function buildSearchScript(): Promise<Buffer> {
  const root = packageRoot();
  const result = await build({
    entryPoints: [path.join(root, 'src/reader/search-suggest.ts')],
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
  if (!output) throw new Error('esbuild produced no search script');
  return Buffer.from(output.contents);
}
