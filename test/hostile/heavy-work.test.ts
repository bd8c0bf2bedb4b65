/**
 * Issue 11, points 1 and 6: one newsroom user must not be able to freeze the site or
 * run it out of memory with heavy work.
 *
 * - Comparing two ~1 MB revisions (the most one save accepts) answers within a second,
 *   and a cached page fetched meanwhile answers within 100 ms: the diff is bounded and
 *   runs in a worker thread, not on the request thread.
 * - Parallel uploads of 40-megapixel photos beyond the encode queue are refused at once
 *   with 503, Retry-After and a message in Hindi and English; the accepted ones are
 *   stored whole, the refused ones not at all; the server's memory stays bounded.
 * - A photo over the pixel cap gets 413 and nothing is stored.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { DIALECTS } from '../helpers/databases.ts';
import { type SignedIn, type StartedSite, startSite } from '../helpers/server-process.ts';

/** The server's resident memory, from /proc (Linux). */
function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const WORDS = 'रूसी राष्ट्रपति भवन क्रेमलिन में सोमवार रात हुई मुलाकात के बाद पुतिन ने जिनपिंग को डियर फ्रेंड कहा और जंग खत्म करने की बात हुई'.split(' ');

/** A body of Hindi paragraphs from a seed: the same seed, the same text. */
function body(seed: number, paragraphs: number, words: number) {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  return {
    version: 1,
    blocks: Array.from({ length: paragraphs }, () => ({ type: 'paragraph', content: [{ text: Array.from({ length: words }, () => WORDS[next() % WORDS.length]!).join(' ') }] })),
  };
}

/** A 40-megapixel PNG (8000×5000, or as given) of its own colour: no two are one file. */
function png(seed: number, width = 8000, height = 5000): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function uploadForm(file: Buffer, caption: string): FormData {
  const form = new FormData();
  form.set('alt', caption);
  form.set('caption', caption);
  form.set('credit', 'hostile suite');
  form.set('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), `${caption}.png`);
  return form;
}

/**
 * Fetches `url` again and again until `done`, and gives the slowest answer's time. The
 * loop runs in a thread of its own, so the time this process spends on the other
 * responses (reading and decompressing a 1 MB comparison) is not counted as the server's.
 */
async function slowestWhile<T>(site: StartedSite, url: string, work: () => Promise<T>): Promise<{ slowest: number; value: T }> {
  const probe = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    let stop = false, slowest = 0, failures = 0;
    parentPort.on('message', () => (stop = true));
    (async () => {
      // A first fetch to warm this thread's HTTP client up; the measured ones follow.
      await (await fetch(workerData.url)).arrayBuffer();
      parentPort.postMessage('ready');
      while (!stop) {
        const t0 = performance.now();
        const res = await fetch(workerData.url);
        await res.arrayBuffer();
        if (res.status !== 200) failures++;
        slowest = Math.max(slowest, performance.now() - t0);
        await new Promise((r) => setTimeout(r, 5));
      }
      parentPort.postMessage({ slowest, failures });
    })();`,
    { eval: true, workerData: { url: new URL(url, site.server.origin).href } },
  );
  const messages: unknown[] = [];
  let wake: () => void = () => undefined;
  probe.on('message', (m) => {
    messages.push(m);
    wake();
  });
  probe.once('error', (err) => {
    messages.push(err);
    wake();
  });
  const next = async () => {
    while (messages.length === 0) await new Promise<void>((r) => (wake = r));
    const m = messages.shift();
    if (m instanceof Error) throw m;
    return m;
  };
  assert.equal(await next(), 'ready');
  try {
    const value = await work();
    return { value, slowest: await stopProbe() };
  } catch (err) {
    await stopProbe();
    throw err;
  }
  async function stopProbe(): Promise<number> {
    probe.postMessage('stop');
    const { slowest, failures } = (await next()) as { slowest: number; failures: number };
    await probe.terminate();
    assert.equal(failures, 0, `${url} answered other than 200 meanwhile`);
    return slowest;
  }
}

for (const dialect of DIALECTS) {
  describe(`heavy work on a started site (${dialect})`, () => {
    let site: StartedSite;
    let admin: SignedIn;
    before(async () => {
      // One encode at a time and one waiting; one comparison at a time and none waiting.
      site = await startSite(dialect, { IMAGE_WORKERS: '1', IMAGE_QUEUE: '1', DIFF_WORKERS: '1', DIFF_QUEUE: '0' });
      admin = await site.signIn();
    });
    after(() => site?.stop());

    const json = () => ({ cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin, 'content-type': 'application/json' });

    test('two ~1 MB revisions compare within a second while a cached page answers within 100 ms', async () => {
      const created = await site.fetch('/admin/api/articles', { method: 'POST', headers: json(), body: JSON.stringify({ sectionId: 1, headline: 'बड़ी खबर' }) });
      assert.equal(created.status, 201);
      const { article } = (await created.json()) as { article: { id: number; version: number } };
      const first = body(1, 1990, 34);
      // Every tenth paragraph edited, one added, three removed: the usual shape of an edit.
      const second = structuredClone(first);
      second.blocks.forEach((b, i) => {
        if (i % 10 === 0) b.content[0]!.text = b.content[0]!.text.replace(/ [^ ]+ /, ' बदला हुआ शब्द ');
      });
      second.blocks.splice(705, 0, { type: 'paragraph', content: [{ text: 'एक बिल्कुल नया पैराग्राफ' }] });
      second.blocks.splice(1500, 3);
      // And a rewrite: every paragraph different.
      const third = body(2, 1990, 34);
      let version = article.version;
      for (const b of [first, second, third]) {
        const payload = JSON.stringify({ body: b, baseVersion: version });
        assert.ok(Buffer.byteLength(payload) > 950_000, `a revision of ${Buffer.byteLength(payload)} bytes`);
        const res = await site.fetch(`/admin/api/articles/${article.id}`, { method: 'PUT', headers: json(), body: payload });
        assert.equal(res.status, 200, await res.clone().text());
        version = ((await res.json()) as { version: number }).version;
      }
      const { revisions } = (await (await site.fetch(`/admin/api/articles/${article.id}/revisions`, { headers: json() })).json()) as { revisions: { number: number }[] };
      const [r3, r2, r1] = revisions.map((r) => r.number);
      assert.equal((await site.fetch('/')).status, 200);
      assert.equal((await site.fetch('/')).headers.get('x-cache'), 'HIT', 'the home page is cached');
      // The comparison thread's start-up is not what is measured.
      assert.equal((await site.fetch(`/admin/articles/${article.id}/revisions?a=1&b=2`, { headers: { cookie: admin.cookie } })).status, 200);

      for (const [label, a, b] of [['an edit', r1, r2], ['a rewrite', r2, r3]] as const) {
        // Timing on a shared machine: up to three tries, and one within both bounds passes.
        // Before the fix every try took seconds (4.2 s for an edit, minutes for a rewrite).
        const tries: string[] = [];
        let res: Response | undefined;
        let html = '';
        for (let attempt = 1; attempt <= 3; attempt++) {
          const { slowest, value } = await slowestWhile(site, '/', async () => {
            const t0 = performance.now();
            const r = await site.fetch(`/admin/articles/${article.id}/revisions?a=${a}&b=${b}`, { headers: { cookie: admin.cookie } });
            return { r, text: await r.text(), ms: performance.now() - t0 };
          });
          res = value.r;
          html = value.text;
          tries.push(`${value.ms.toFixed(0)} ms, cached page ${slowest.toFixed(0)} ms`);
          assert.equal(res.status, 200, `${label}: ${html.slice(0, 300)}`);
          if (value.ms < 1000 && slowest < 100) break;
          assert.ok(attempt < 3, `${label}: no try compared within 1 s with cached pages within 100 ms: ${tries.join('; ')}`);
        }
        console.log(`# ${dialect}: ${label} of two ~1 MB revisions: ${tries.join('; ')}`);
        // Each side is ~340,000 characters of text: both are there in full.
        assert.ok(html.length > 650_000, `${label}: both sides are shown in full (${html.length} characters)`);
        if (label === 'an edit') {
          assert.equal((html.match(/<ins>बदला हुआ शब्द<\/ins>/g) ?? []).length, 198, 'each edited word is marked (199 edits, one in a removed paragraph)');
          assert.match(html, /<ins>\n\nएक बिल्कुल नया पैराग्राफ<\/ins>/);
          assert.doesNotMatch(html, /class="diff-note"/);
        } else {
          assert.match(html, /class="diff-note"/, 'a rewrite says there were too many changes to mark word by word');
        }
      }
    });

    test('a second comparison while the only place is taken gets 503 with Retry-After, not a wait', async () => {
      const created = await site.fetch('/admin/api/articles', { method: 'POST', headers: json(), body: JSON.stringify({ sectionId: 1, headline: 'दूसरी खबर' }) });
      const { article } = (await created.json()) as { article: { id: number; version: number } };
      let version = article.version;
      for (const seed of [3, 4]) {
        const res = await site.fetch(`/admin/api/articles/${article.id}`, { method: 'PUT', headers: json(), body: JSON.stringify({ body: body(seed, 1990, 34), baseVersion: version }) });
        version = ((await res.json()) as { version: number }).version;
      }
      const url = `/admin/articles/${article.id}/revisions`;
      const answers = await Promise.all(Array.from({ length: 4 }, () => site.fetch(url, { headers: { cookie: admin.cookie } }).then(async (res) => ({ res, html: await res.text() }))));
      const refused = answers.filter((a) => a.res.status === 503);
      assert.ok(answers.some((a) => a.res.status === 200), 'one comparison is made');
      assert.ok(refused.length > 0, `statuses ${answers.map((a) => a.res.status).join(', ')}`);
      for (const { res, html } of refused) {
        assert.ok(Number(res.headers.get('retry-after')) > 0, 'Retry-After');
        assert.match(html, /सर्वर अभी व्यस्त है/, 'the newsroom page says so in the user’s language');
      }
    });

    test('parallel 40 MP uploads beyond the queue get 503 with Retry-After; the others are stored whole; memory stays bounded', async () => {
      const files = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => png(i + (dialect === 'postgres' ? 100 : 0))));
      const mediaDir = path.join(site.dataDir, 'media');
      const filesBefore = new Set(fs.readdirSync(mediaDir));
      const count = async () => ((await (await site.fetch('/admin/api/media?q=', { headers: json() })).json()) as { total: number }).total;
      const total = await count();
      const pid = site.server.child.pid!;
      const rssBefore = rssMb(pid);
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
      const { slowest, value: answers } = await slowestWhile(site, '/', () =>
        Promise.all(
          files.map((file, i) =>
            site
              .fetch('/admin/api/media', { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin }, body: uploadForm(file, `hostile-${dialect}-${i}`) })
              .then(async (res) => ({ res, json: (await res.json()) as { media?: { id: number }; error?: { code: string; message: string; messageHi: string } } })),
          ),
        ),
      );
      clearInterval(sampler);
      const statuses = answers.map((a) => a.res.status).sort();
      assert.deepEqual(statuses, [201, 201, 503, 503, 503, 503], `one encoding and one waiting; the rest refused: ${statuses.join(', ')}`);
      for (const a of answers.filter((x) => x.res.status === 503)) {
        assert.ok(Number(a.res.headers.get('retry-after')) > 0, 'Retry-After');
        assert.equal(a.json.error?.code, 'BUSY');
        assert.match(a.json.error?.messageHi ?? '', /दोबारा कोशिश करें/);
        assert.match(a.json.error?.message ?? '', /try again/);
      }
      // Stored whole or not at all: two rows, nine files each, no temporary files.
      assert.equal(await count(), total + 2);
      const added = fs.readdirSync(mediaDir).filter((f) => !filesBefore.has(f));
      assert.equal(added.filter((f) => f.endsWith('.tmp')).length, 0, 'no half-written file');
      assert.equal(added.length, 2 * 3 * 4, `${added.length} new files: 4 widths × 3 formats for each stored photo`);
      for (const a of answers.filter((x) => x.res.status === 201)) {
        const usage = await site.fetch(`/admin/api/media/${a.json.media!.id}/usage`, { headers: json() });
        assert.equal(usage.status, 200);
      }
      // Memory: one 40 MP decode at a time, never six (the audit saw +573 MB; see decision 017).
      const growth = peak - rssBefore;
      assert.ok(growth < 350, `RSS grew ${growth.toFixed(0)} MB (from ${rssBefore.toFixed(0)} to ${peak.toFixed(0)} MB)`);
      console.log(`# ${dialect}: 6 parallel 40 MP uploads: RSS ${rssBefore.toFixed(0)} → peak ${peak.toFixed(0)} MB; slowest cached page meanwhile ${slowest.toFixed(0)} ms`);
      assert.equal((await site.fetch('/')).status, 200, 'the site still serves');
    });

    test('a photo over the pixel cap gets 413 and nothing is stored', async () => {
      const count = async () => ((await (await site.fetch('/admin/api/media?q=', { headers: json() })).json()) as { total: number }).total;
      const total = await count();
      const res = await site.fetch('/admin/api/media', {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, origin: site.server.origin },
        body: uploadForm(await png(7, 8000, 6000), 'too-many-pixels'),
      });
      assert.equal(res.status, 413, await res.clone().text());
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
      assert.equal(await count(), total);
    });
  });
}
