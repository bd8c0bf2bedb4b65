/**
 * Browser code bundled in memory by esbuild at start: the reader's scripts and the
 * newsroom's editor share these settings. A bundle is made once per process and entry,
 * however many route plugins ask for it.
 */
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { packageRoot } from './package-root.ts';

const made = new Map<string, Promise<Buffer>>();

/** `entry` (relative to the package root) as one minified ES module. `extra` adds esbuild options (defines, plugins). */
export function bundleBrowserScript(entry: string, extra: Pick<BuildOptions, 'define' | 'plugins'> = {}): Promise<Buffer> {
  const key = `${entry}\0${JSON.stringify(extra.define ?? {})}\0${(extra.plugins ?? []).map((p) => p.name).join(',')}`;
  let bundle = made.get(key);
  if (!bundle) {
    bundle = build({
      entryPoints: [path.join(packageRoot(), entry)],
      absWorkingDir: packageRoot(),
      bundle: true,
      write: false,
      minify: true,
      format: 'esm',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
      ...extra,
    }).then((result) => {
      const output = result.outputFiles[0];
      if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
      return Buffer.from(output.contents);
    });
    made.set(key, bundle);
    bundle.catch(() => made.delete(key));
  }
  return bundle;
}
