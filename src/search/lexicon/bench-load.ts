/**
 * How long the lexicon takes to load, as the built app loads it: bundles `lexicon.ts` and a
 * baseline with esbuild, imports each in fresh Node processes (the lexicon indexes its data at
 * its first lookup, which is made at once), and prints the median wall and CPU milliseconds
 * of import and first lookup, the module's own `LEXICON_LOAD_MS`, and the ratio to the
 * baseline. The baseline is the least any loader of this data does: the same strings, split
 * into lines and fields, each headword put in a Map with its forms (no folding, no stems, no
 * Hindi keys), so the ratio is what the lexicon's own work costs, on a quiet machine or a busy one.
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
  writeFileSync(
    join(dir, 'baseline.ts'),
    `import { DOMAINS } from ${JSON.stringify(join(here, 'words/index.ts'))};
const t = performance.now();
const map = new Map<string, string[]>();
for (const text of Object.values(DOMAINS)) for (const line of text.split('\\n')) { const [en, hi] = line.split('\\t'); if (en && hi) map.set(en, hi.split('|')); }
export const LEXICON_LOAD_MS = performance.now() - t;
export const LEXICON_STATS = { entries: map.size };`,
  );
  for (const [name, entry] of [['lexicon', join(here, 'lexicon.ts')], ['data', join(dir, 'baseline.ts')]] as const) {
    await build({ entryPoints: [entry], outfile: join(dir, `${name}.mjs`), bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
  }
  writeFileSync(
    join(dir, 'run.mjs'),
    `const c = process.cpuUsage(); const t = performance.now();
const m = await import(process.argv[2]);
m.findExpansions?.(['court']);
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
  console.log(`baseline (split into a Map, ${base.entries} headwords): import ${base.wall.toFixed(1)} ms wall, ${base.cpu.toFixed(1)} ms CPU; its load ${base.load.toFixed(1)} ms`);
  console.log(`lexicon (${lex.entries} entries): import ${lex.wall.toFixed(1)} ms wall, ${lex.cpu.toFixed(1)} ms CPU; LEXICON_LOAD_MS ${lex.load.toFixed(1)}`);
  console.log(`ratio to baseline: import wall ×${(lex.wall / base.wall).toFixed(1)}, CPU ×${(lex.cpu / base.cpu).toFixed(1)}, load ×${(lex.load / base.load).toFixed(1)} (medians of ${runs} fresh processes)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
