/**
 * How long the lexicon takes to load, as the built app loads it: bundles `lexicon.ts` (and,
 * as the baseline, `words/index.ts` alone: the same strings, not parsed) with esbuild, then
 * imports each in fresh Node processes and prints the median wall and CPU milliseconds of
 * the import, the module's own `LEXICON_LOAD_MS`, and the ratio to the baseline.
 *
 *     npx tsx src/search/lexicon/bench-load.ts [runs=9]
 *
 * On a busy machine wall time is mostly waiting for a CPU; the CPU figure is the one to
 * compare with the 50 ms budget.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const runs = Number(process.argv[2] ?? 9);
const dir = mkdtempSync(join(tmpdir(), 'lexicon-bench-'));
try {
  const here = new URL('.', import.meta.url).pathname;
  for (const [name, entry] of [['lexicon', 'lexicon.ts'], ['data', 'words/index.ts']] as const) {
    await build({ entryPoints: [join(here, entry)], outfile: join(dir, `${name}.mjs`), bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  }
  writeFileSync(
    join(dir, 'run.mjs'),
    `const c = process.cpuUsage(); const t = performance.now();
const m = await import(process.argv[2]);
const wall = performance.now() - t; const cpu = process.cpuUsage(c);
console.log(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, load: m.LEXICON_LOAD_MS ?? 0, entries: m.LEXICON_STATS?.entries ?? 0 }));`,
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const measure = (name: string) => {
    const rows: { wall: number; cpu: number; load: number; entries: number }[] = [];
    for (let i = 0; i < runs; i++) rows.push(JSON.parse(execFileSync(process.execPath, [join(dir, 'run.mjs'), join(dir, `${name}.mjs`)], { encoding: 'utf8' })));
    return { wall: median(rows.map((r) => r.wall)), cpu: median(rows.map((r) => r.cpu)), load: median(rows.map((r) => r.load)), entries: rows[0]?.entries ?? 0 };
  };
  const base = measure('data');
  const lex = measure('lexicon');
  console.log(`baseline (data strings only): import ${base.wall.toFixed(1)} ms wall, ${base.cpu.toFixed(1)} ms CPU`);
  console.log(`lexicon (${lex.entries} entries): import ${lex.wall.toFixed(1)} ms wall, ${lex.cpu.toFixed(1)} ms CPU; LEXICON_LOAD_MS ${lex.load.toFixed(1)}`);
  console.log(`ratio to baseline: wall ×${(lex.wall / base.wall).toFixed(1)}, CPU ×${(lex.cpu / base.cpu).toFixed(1)} (medians of ${runs} fresh processes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
