// Runs every *.test.ts(x) under src/ and test/ with Node's test runner (TypeScript
// through tsx). Node 20's runner does not expand globs, so the files are listed here.
// Arguments narrow the run: `node scripts/run-tests.mjs src/lib` runs only those folders/files.
// The hostile suite (test/hostile/, started servers under attack) runs only when named:
// `npm run test:hostile`, which CI runs after `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const named = process.argv.slice(2).length > 0;
const roots = named ? process.argv.slice(2) : ['src', 'test'];
const files = [];
for (const root of roots) {
  if (fs.statSync(root).isFile()) {
    files.push(root);
    continue;
  }
  for (const entry of fs.readdirSync(root, { recursive: true })) {
    const file = path.join(root, String(entry));
    if (!named && file.startsWith(path.join('test', 'hostile'))) continue;
    if (/\.test\.tsx?$/.test(file) && !file.includes('node_modules')) files.push(file);
  }
}
files.sort();
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
