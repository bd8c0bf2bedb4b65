/**
 * `npm run eval:search`: search quality on the evaluation set (src/search/eval), for
 * Samachar and, on the same data in the same run, for FTS5 unicode61 and Lucene's Hindi
 * analyzer. Prints MRR@10, nDCG@10, recall@10 and precision@5 per kind of query, and the
 * share of negative queries (no story covers them) that return nothing; `--verbose` adds
 * every query with each system's top results. Exits 1 if Samachar misses its targets:
 * MRR@10 ≥ 0.9 overall and in every kind written before the synonym kind, ≥ 0.8 for
 * synonyms (translations, other register), ≥ 90 % of negative queries with no results.
 */
import { ALL_KINDS, QUERY_KINDS } from '../src/search/eval/judgments.ts';
import { runEvaluation, SYSTEMS } from '../src/search/eval/run-eval.ts';

const verbose = process.argv.includes('--verbose');
const report = await runEvaluation();
const kinds = [...QUERY_KINDS, 'all'] as const;
const f = (x: number) => x.toFixed(3);
const count = (kind: string) => (kind === 'all' ? report.queries.filter((q) => q.query.kind !== 'negative').length : report.queries.filter((q) => q.query.kind === kind).length);

console.log(`Search evaluation: ${report.documents} articles, ${report.queries.length} judged queries (grades 0–3; MRR and recall count grades 2–3)\n`);
for (const metric of ['mrr', 'ndcg', 'recall', 'p5'] as const) {
  const title = { mrr: 'MRR@10', ndcg: 'nDCG@10', recall: 'recall@10', p5: 'precision@5 (share of the shown top five judged on topic; negative: 1 if nothing shown)' }[metric];
  console.log(title);
  console.log(`  ${'kind'.padEnd(12)}${'queries'.padStart(8)}${SYSTEMS.map((s) => s.padStart(16)).join('')}`);
  for (const kind of metric === 'p5' ? ([...ALL_KINDS, 'all'] as const) : kinds) {
    console.log(`  ${kind.padEnd(12)}${String(count(kind)).padStart(8)}${SYSTEMS.map((s) => f(report.summary[s][kind][metric]).padStart(16)).join('')}`);
  }
  console.log('');
}
console.log('Queries that return nothing (share)');
console.log(`  ${'kind'.padEnd(12)}${'queries'.padStart(8)}${SYSTEMS.map((s) => s.padStart(16)).join('')}`);
for (const kind of ALL_KINDS) console.log(`  ${kind.padEnd(12)}${String(count(kind)).padStart(8)}${SYSTEMS.map((s) => f(report.summary[s][kind].empty).padStart(16)).join('')}`);
console.log('');

if (verbose) {
  for (const r of report.queries) {
    console.log(`[${r.query.kind}] ${r.query.q}   judged: ${Object.entries(r.query.grades).map(([k, g]) => `${k}=${g}`).join(' ')}`);
    for (const s of SYSTEMS) console.log(`   ${s.padEnd(15)} MRR ${f(r.scores[s].mrr)}  ${r.ranked[s].slice(0, 5).map((k) => (r.query.grades[k] ? `${k}(${r.query.grades[k]})` : k)).join(', ')}`);
  }
}

const s = report.summary.samachar;
const misses = [
  s.all.mrr < 0.9 ? `overall MRR@10 ${f(s.all.mrr)} < 0.9` : '',
  ...QUERY_KINDS.map((k) => {
    const target = k === 'synonym' ? 0.8 : 0.9;
    return s[k].mrr < target ? `${k} MRR@10 ${f(s[k].mrr)} < ${target}` : '';
  }),
  s.negative.empty < 0.9 ? `negative queries with no results ${f(s.negative.empty)} < 0.9` : '',
].filter(Boolean);
console.log(misses.length ? `Targets missed: ${misses.join('; ')}` : 'Targets met: MRR@10 ≥ 0.9 overall and in every kind, ≥ 0.8 for synonyms; ≥ 90 % of negative queries return nothing.');
process.exit(misses.length ? 1 : 0);
