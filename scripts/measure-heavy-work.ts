/**
 * Measures heavy work against a started site (a benchmark, not a test; the hostile suite
 * asserts the limits): the server's RSS during parallel 40-megapixel PNG uploads, and a
 * revision comparison of two ~1 MB revisions while a cached page is fetched beside it.
 *
 *   npx tsx scripts/measure-heavy-work.ts [uploads|diff|all] [sqlite|postgres]
 *
 * RSS is read from /proc/<pid>/status (Linux) every 20 ms.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import type { Dialect } from '../src/storage/connect.ts';
import { type SignedIn, type StartedSite, startSite } from '../test/helpers/server-process.ts';

const what = process.argv[2] ?? 'all';
const dialect = (process.argv[3] ?? 'sqlite') as Dialect;

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** A 40-megapixel PNG (8000×5000) of its own colour, so no two are the same file. */
export async function bigPng(i: number, width = 8000, height = 5000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: (i * 37) % 256, g: (i * 91) % 256, b: 120 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function uploadBody(png: Buffer, i: number): FormData {
  const form = new FormData();
  form.set('alt', `photo ${i}`);
  form.set('caption', `caption ${i}`);
  form.set('credit', 'bench');
  form.set('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `big-${i}.png`);
  return form;
}

async function measureUploads(site: StartedSite, admin: SignedIn) {
  const pngs = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => bigPng(i + Date.now())));
  const pid = site.server.child.pid!;
  await site.fetch('/');
  await new Promise((r) => setTimeout(r, 1000));
  const before = rssMb(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const started = performance.now();
  const results = await Promise.all(
    pngs.map(async (png, i) => {
      const res = await site.fetch('/admin/api/media', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin },
        body: uploadBody(png, i),
      });
      await res.text();
      return `${res.status}${res.headers.get('retry-after') ? ` (Retry-After ${res.headers.get('retry-after')})` : ''} after ${((performance.now() - started) / 1000).toFixed(1)} s`;
    }),
  );
  clearInterval(timer);
  console.log(`6 parallel 40 MP PNG uploads (${dialect}): RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
  for (const r of results) console.log(`  ${r}`);
}

const WORDS = 'रूसी राष्ट्रपति भवन क्रेमलिन में सोमवार रात हुई मुलाकात के बाद पुतिन ने जिनपिंग को डियर फ्रेंड कहा और जंग खत्म करने की बात हुई'.split(' ');

/** A body of `paragraphs` paragraphs of ~`words` Hindi words each, from a seed. */
export function bigBody(seed: number, paragraphs: number, words: number): unknown {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const blocks = [];
  for (let p = 0; p < paragraphs; p++) {
    const w: string[] = [];
    for (let i = 0; i < words; i++) w.push(WORDS[next() % WORDS.length]!);
    blocks.push({ type: 'paragraph', content: [{ text: w.join(' ') }] });
  }
  return { version: 1, blocks };
}

async function measureDiff(site: StartedSite, admin: SignedIn) {
  const json = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin, 'content-type': 'application/json' };
  const created = await site.fetch('/admin/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ sectionId: 1, headline: 'बड़ी खबर' }) });
  const { article } = (await created.json()) as { article: { id: number; version: number } };
  const a = bigBody(1, 1900, 32) as { blocks: { content: { text: string }[] }[] };
  // The second revision: every tenth paragraph edited, and a fully different one (seed 2).
  const b = structuredClone(a);
  b.blocks.forEach((block, i) => {
    if (i % 10 === 0) block.content[0]!.text = block.content[0]!.text.replace(/ [^ ]+ /, ' बदला हुआ शब्द ');
  });
  const c = bigBody(2, 1900, 32);
  let version = article.version;
  for (const body of [a, b, c]) {
    const text = JSON.stringify({ body, baseVersion: version });
    const res = await site.fetch(`/admin/api/articles/${article.id}`, { method: 'PUT', headers: json, body: text });
    if (!res.ok) throw new Error(`save: ${res.status} ${await res.text()}`);
    version = ((await res.json()) as { version: number }).version;
    console.log(`saved a revision of ${(text.length / 1024).toFixed(0)} K characters of JSON (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`);
  }
  const history = (await (await site.fetch(`/admin/api/articles/${article.id}/revisions`, { headers: json })).json()) as { revisions: { number: number }[] };
  const [n3, n2, n1] = history.revisions.map((r) => r.number);
  await site.fetch('/');
  for (const [label, x, y] of [['every tenth paragraph edited', n1, n2], ['every paragraph different', n2, n3]] as const) {
    let slowest = 0;
    let done = false;
    const probe = (async () => {
      while (!done) {
        const t0 = performance.now();
        const res = await site.fetch('/');
        await res.arrayBuffer();
        slowest = Math.max(slowest, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const t0 = performance.now();
    const res = await site.fetch(`/admin/articles/${article.id}/revisions?a=${x}&b=${y}`, { headers: { cookie: admin.cookie }, signal: AbortSignal.timeout(120_000) }).catch((e: Error) => e);
    const body = res instanceof Error ? res.message : `${res.status}, ${((await res.text()).length / 1024).toFixed(0)} K characters`;
    const took = performance.now() - t0;
    done = true;
    await probe;
    console.log(`compare two ~1 MB revisions (${label}, ${dialect}): ${took.toFixed(0)} ms (${body}); slowest concurrent GET / ${slowest.toFixed(0)} ms`);
  }
}

const site = await startSite(dialect);
try {
  const admin = await site.signIn();
  if (what === 'uploads' || what === 'all') await measureUploads(site, admin);
  if (what === 'diff' || what === 'all') await measureDiff(site, admin);
} finally {
  await site.stop();
}
