// Bundles the server into dist/main.js with esbuild. Dependencies stay external
// (node_modules), so native modules (better-sqlite3, sharp) load as installed.
// Worker threads (src/workers/) start from their own entry, dist/worker-entry.js, which
// the bundled main.js finds beside itself (src/workers/heavy-work.ts, WORKER_ENTRY).
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/main.ts', 'worker-entry': 'src/workers/worker-entry.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '#!/usr/bin/env node' },
});
