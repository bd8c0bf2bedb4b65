/**
 * The newsroom's static files, built once at start: the stylesheet (with the reader
 * site's @font-face rules in front, so both use the same self-hosted Devanagari font)
 * and the article editor's script, bundled in memory by esbuild from src/admin/editor.
 * Building at start rather than in `npm run build` keeps one code path for `tsx` and
 * dist/, and the hashed URLs mean browsers may cache both forever.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'esbuild';
import { z as zod } from 'zod';
import { packageRoot } from '../assets/package-root.ts';
import { bundleBrowserScript } from '../assets/browser-bundle.ts';

export interface AdminAssets {
  readonly urls: { readonly css: string; readonly editorJs: string };
  /** Served files by URL path. */
  readonly files: ReadonlyMap<string, { readonly body: Buffer; readonly contentType: string }>;
}

const hash = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 12);


/**
 * `import { z } from 'zod'` hands the bundler one namespace object, so all of zod (every
 * locale, JSON Schema tools: ~280 KB minified) would ship for the few builders the
 * body schema uses. For each importer this serves a `z` holding only the members its
 * source names, imported by name so the rest is shaken out. An importer that uses `z`
 * in any other way (passes it around, spreads it) gets the real zod.
 */
const zodByName: Plugin = {
  name: 'zod-by-name',
  setup(b) {
    b.onResolve({ filter: /^zod$/ }, (args) => (args.namespace === 'zod-by-name' ? undefined : { path: args.importer, namespace: 'zod-by-name' }));
    b.onLoad({ filter: /.*/, namespace: 'zod-by-name' }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      const uses = [...source.matchAll(/\bz\b(?!\s*\.)/g)].length;
      const imports = [...source.matchAll(/import\s*{[^}]*\bz\b[^}]*}\s*from\s*['"]zod['"]/g)].length;
      // Type-only members (z.infer) are not runtime exports and are left out.
      const names = [...new Set([...source.matchAll(/\bz\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!))].filter((n) => n in zod);
      const contents =
        uses === imports && imports === 1
          ? `import { ${names.map((n) => `${n} as _${n}`).join(', ')} } from 'zod';\nexport const z = { ${names.map((n) => `${n}: _${n}`).join(', ')} };`
          : `export * from 'zod';`;
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

export async function buildAdminAssets(options: { fontFaceCss: string }): Promise<AdminAssets> {
  const root = packageRoot();
  const files = new Map<string, { body: Buffer; contentType: string }>();

  // Browsers have no `process`; a dependency that checks NODE_ENV gets the production branch.
  const js = await bundleBrowserScript('src/admin/editor/editor.ts', { define: { 'process.env.NODE_ENV': '"production"' }, plugins: [zodByName] });
  const editorJs = `/admin/assets/editor.${hash(js)}.js`;
  files.set(editorJs, { body: js, contentType: 'text/javascript; charset=utf-8' });

  const adminCss = fs.readFileSync(path.join(root, 'src/render/admin/admin.css'), 'utf8');
  const css = Buffer.from(`${options.fontFaceCss}\n${adminCss}`);
  const cssUrl = `/admin/assets/admin.${hash(css)}.css`;
  files.set(cssUrl, { body: css, contentType: 'text/css; charset=utf-8' });

  return { urls: { css: cssUrl, editorJs }, files };
}
