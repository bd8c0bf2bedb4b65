/**
 * Runs the evaluation: the corpus (corpus.ts) and the judged queries (judgments.ts)
 * through Samachar (the real search service on a fresh SQLite database) and, on the same
 * texts in the same run, through the two baselines (FTS5 unicode61 as shipped; Lucene's
 * Hindi analyzer rules with BM25). `npm run eval:search` prints the report.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { defineConfig } from '../../config.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import type { Block } from '../../richtext/rich-text.ts';
import { createServices, type Services } from '../../services.ts';
import { evalCorpus, type EvalDoc } from './corpus.ts';
import { evalArticles } from './eval-articles.ts';
import { Fts5Baseline } from './fts5-baseline-store.ts';
import { ALL_KINDS, JUDGMENTS, type JudgedQuery, QUERY_KINDS, type QueryKind } from './judgments.ts';
import { Bm25Index, luceneHindiAnalyze } from './lucene-hindi.ts';
import { mean, type QueryScores, scoreRanking } from './metrics.ts';

/** The evaluation's clock: the morning after the newest story. */
export const EVAL_NOW = new Date('2023-03-22T09:00:00+05:30');

export const SYSTEMS = ['samachar', 'fts5-unicode61', 'lucene-hindi'] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface QueryResult {
  readonly query: JudgedQuery;
  readonly ranked: Readonly<Record<SystemName, readonly string[]>>;
  readonly scores: Readonly<Record<SystemName, QueryScores>>;
}

export interface EvalReport {
  readonly documents: number;
  readonly queries: readonly QueryResult[];
  /** Mean scores per system, per kind and overall ('all'). */
  readonly summary: Readonly<Record<SystemName, Readonly<Record<QueryKind | 'all', QueryScores>>>>;
}

type Searcher = (q: string) => Promise<string[]>;

/** Samachar on a fresh SQLite database with the whole corpus, through the real services. */
async function openSamachar(docs: readonly EvalDoc[]): Promise<{ search: Searcher; close: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-eval-'));
  // Photos of the demo are drawn once and cached; keep them between runs.
  const mediaDir = path.join(os.tmpdir(), 'samachar-eval-media');
  const config = defineConfig({ database: { dialect: 'sqlite', sqlitePath: path.join(dir, 'eval.db') }, mediaDir });
  const services: Services = await createServices(config, { now: () => EVAL_NOW });
  try {
    await loadDemo(services);
    const sections = new Map((await services.sections.list()).map((s) => [s.slug, s.id]));
    const authors = new Map<string, number>();
    for (const slug of new Set(evalArticles.flatMap((a) => a.authors))) {
      const a = await services.authors.findBySlug(slug);
      if (!a) throw new Error(`eval: no author ${slug}`);
      authors.set(slug, a.id);
    }
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#8a8a8a' } }).png().toBuffer();
    const photo = await services.media.ingest(png, { alt: 'चित्र', caption: 'चित्र', credit: 'फोटो: समाचार' });
    for (const a of evalArticles) {
      const blocks: Block[] = [];
      for (const caption of a.captions) blocks.push({ type: 'image', mediaId: photo.id, caption });
      for (const p of a.body) {
        blocks.push(p.startsWith('## ') ? { type: 'heading', level: 2, text: p.slice(3) } : { type: 'paragraph', content: [{ text: p }] });
      }
      const tagIds: number[] = [];
      for (const name of a.tags) tagIds.push((await services.tags.findOrCreate(name)).id);
      const publishedAt = new Date(a.publishedAt);
      await services.articles.create({
        sectionId: sections.get(a.section) ?? 1,
        headline: a.headline,
        dek: a.dek,
        body: { version: 1, blocks },
        heroMediaId: null,
        tagIds,
        authorIds: a.authors.map((slug) => authors.get(slug) ?? 0),
        status: 'published',
        publishedAt,
        updatedAt: publishedAt,
        createdAt: publishedAt,
        commentsOpen: true,
      });
    }
    await services.search.reindex();
    const byHeadline = new Map(docs.map((d) => [d.headline, d.key]));
    const all = await services.articles.latest(EVAL_NOW, 1000);
    const keyOf = new Map(all.map((s) => [s.id, byHeadline.get(s.headline) ?? `?${s.id}`]));
    if (all.length !== docs.length) throw new Error(`eval: ${all.length} stories in Samachar, ${docs.length} in the corpus`);
    return {
      search: async (q) => (await services.search.rank(q, { now: EVAL_NOW })).ranked.slice(0, 10).map((r) => keyOf.get(r.articleId) ?? `?${r.articleId}`),
      close: async () => {
        await services.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await services.close();
    throw err;
  }
}

function baselineText(d: EvalDoc): { headline: string; rest: string } {
  return { headline: d.headline, rest: [d.dek, ...d.tags, ...d.authors, ...d.captions, ...d.body].join('\n') };
}

export async function runEvaluation(judgments: readonly JudgedQuery[] = JUDGMENTS): Promise<EvalReport> {
  const docs = evalCorpus();
  for (const j of judgments) {
    for (const key of Object.keys(j.grades)) if (!docs.some((d) => d.key === key)) throw new Error(`eval: "${j.q}" judges unknown story ${key}`);
    if (j.kind === 'negative' ? Object.keys(j.grades).length > 0 : !Object.values(j.grades).some((g) => g >= 2)) throw new Error(`eval: "${j.q}" has no relevant story, or is negative and has one`);
  }
  const fts = new Fts5Baseline(docs.map((d) => ({ key: d.key, ...baselineText(d) })));
  const lucene = new Bm25Index(docs.map((d) => ({ key: d.key, fields: baselineText(d) })), luceneHindiAnalyze, { headline: 2, rest: 1 });
  const samachar = await openSamachar(docs);
  try {
    const searchers: Record<SystemName, Searcher> = {
      samachar: samachar.search,
      'fts5-unicode61': async (q) => fts.search(q),
      'lucene-hindi': async (q) => lucene.search(q),
    };
    const queries: QueryResult[] = [];
    for (const query of judgments) {
      const ranked = {} as Record<SystemName, string[]>;
      const scores = {} as Record<SystemName, QueryScores>;
      for (const system of SYSTEMS) {
        ranked[system] = await searchers[system](query.q);
        scores[system] = scoreRanking(ranked[system], query.grades);
      }
      queries.push({ query, ranked, scores });
    }
    const summary = {} as Record<SystemName, Record<QueryKind | 'all', QueryScores>>;
    for (const system of SYSTEMS) {
      const bySystem = {} as Record<QueryKind | 'all', QueryScores>;
      for (const kind of ALL_KINDS) bySystem[kind] = mean(queries.filter((r) => r.query.kind === kind).map((r) => r.scores[system]));
      // 'all' is over the kinds with relevant stories (a negative query has no MRR).
      bySystem.all = mean(queries.filter((r) => QUERY_KINDS.includes(r.query.kind)).map((r) => r.scores[system]));
      summary[system] = bySystem;
    }
    return { documents: docs.length, queries, summary };
  } finally {
    fts.close();
    await samachar.close();
  }
}
