import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, describe, test } from 'node:test';
import { DomainError } from '../errors.ts';
import type { ArticleSnapshot } from '../domain/articles/article-history.ts';
import { HeavyWork } from './heavy-work.ts';
import { WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';

const FIXTURE = new URL('./fixtures/test-worker.ts', import.meta.url);

function pool(options: Partial<WorkerPoolOptions> = {}) {
  return new WorkerPool({ name: 'test', script: FIXTURE, size: 1, maxQueue: 1, retryAfterSeconds: 3, taskTimeoutMs: null, idleMs: 5_000, ...options });
}

/**
 * How long the main thread was busy (its event loop active, not waiting) while `work`
 * ran. Busy time, not timer lag: on a loaded machine the OS may keep an idle thread
 * waiting, which is not the pool's doing.
 */
async function mainBusy<T>(work: Promise<T>): Promise<{ value: T; busyMs: number }> {
  const start = performance.eventLoopUtilization();
  const value = await work;
  return { value, busyMs: performance.eventLoopUtilization(start).active };
}

const snapshot = (body: unknown, headline = 'पुतिन से मिले जिनपिंग'): ArticleSnapshot => ({
  headline,
  dek: '',
  slug: 'putin',
  sectionId: 1,
  tagNames: ['रूस'],
  authorIds: [],
  heroMediaId: null,
  body,
  seoTitle: '',
  seoDescription: '',
  correctionNote: '',
});

describe('worker pool', () => {
  test('a task runs on a thread while the main thread stays free', async () => {
    const p = pool();
    after(() => p.close());
    await p.run({ n: 0 }); // the thread's start-up is not what is measured
    const { value, busyMs } = await mainBusy(p.run<{ echo: unknown }>({ spin: 400 }));
    assert.deepEqual(value, { echo: { spin: 400 } });
    assert.ok(busyMs < 50, `main thread busy ${busyMs.toFixed(0)} ms`);
  });

  test('past size + queue, admission is refused at once with BUSY and a Retry-After', async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    after(() => p.close());
    const first = p.admit();
    const second = p.admit();
    assert.throws(
      () => p.admit(),
      (err: unknown) => err instanceof DomainError && err.code === 'BUSY' && err.data?.retryAfterSeconds === 3,
    );
    const running = [first.run({ spin: 100 }), second.run({ spin: 10 })];
    assert.equal(p.load, 2);
    await Promise.all(running);
    first.release();
    second.release();
    second.release();
    assert.equal(p.load, 0, 'released once each, however often release() is called');
    const third = p.admit();
    assert.deepEqual(await third.run({ n: 3 }), { echo: { n: 3 } });
    third.release();
  });

  test('a DomainError thrown in a thread arrives with its code and field; a crashed thread fails only its task', async () => {
    const p = pool();
    after(() => p.close());
    await assert.rejects(p.run({ fail: 'PAYLOAD_TOO_LARGE' }), (err: unknown) => err instanceof DomainError && err.code === 'PAYLOAD_TOO_LARGE' && err.field === 'file');
    await assert.rejects(p.run({ crash: true }), /stopped during the task/);
    assert.deepEqual(await p.run({ n: 1 }), { echo: { n: 1 } }, 'a new thread takes the next task');
  });

  test('a task past its time limit is stopped (BUSY) and the pool goes on', async () => {
    const p = pool({ taskTimeoutMs: 200 });
    after(() => p.close());
    const t0 = performance.now();
    await assert.rejects(p.run({ spin: 5_000 }), (err: unknown) => err instanceof DomainError && err.code === 'BUSY');
    assert.ok(performance.now() - t0 < 2_000);
    assert.deepEqual(await p.run({ n: 2 }), { echo: { n: 2 } });
  });

  test('idle threads exit; close() fails what waits and lets a running task that must not be stopped finish', async () => {
    const p = pool({ idleMs: 100 });
    await p.run({ n: 1 });
    assert.equal(p.threadCount, 1);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(p.threadCount, 0, 'the idle thread exited');
    const running = p.run({ spin: 300 });
    const waiting = assert.rejects(p.run({ n: 2 }), (err: unknown) => err instanceof DomainError && err.code === 'BUSY');
    await new Promise((r) => setTimeout(r, 50));
    await p.close();
    await waiting;
    assert.deepEqual(await running, { echo: { spin: 300 } });
    assert.equal(p.threadCount, 0);
  });
});

describe('heavy work', () => {
  const work = new HeavyWork({ diffWorkers: 1, diffQueue: 0, imageWorkers: 1, imageQueue: 0 });
  after(() => work.close());

  test('two ~1 MB revisions are compared in a thread within a second, without holding up the main thread', async () => {
    const para = (i: number, word: string) => ({ type: 'paragraph', content: [{ text: `${i} ${'रूस और चीन के बीच शांति योजना पर बातचीत '.repeat(11)}${word}` }] });
    const a = snapshot({ version: 1, blocks: Array.from({ length: 1900 }, (_, i) => para(i, 'पुराना')) });
    const b = snapshot({ version: 1, blocks: Array.from({ length: 1900 }, (_, i) => para(i, i % 10 === 0 ? 'नया' : 'पुराना')) }, 'पुतिन से मिले शी जिनपिंग');
    assert.ok(Buffer.byteLength(JSON.stringify(a.body)) > 1_000_000);
    // As the store gives them: parsed from JSON (flat strings, not the ropes .repeat() builds).
    a.body = JSON.parse(JSON.stringify(a.body));
    b.body = JSON.parse(JSON.stringify(b.body));
    await work.compareRevisions(snapshot(null), snapshot(null), new Map()); // the thread's start-up is not what is measured
    const t0 = performance.now();
    const { value, busyMs } = await mainBusy(work.compareRevisions(a, b, new Map([[1, 'विदेश']])));
    const ms = performance.now() - t0;
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.ok(busyMs < 50, `main thread busy ${busyMs.toFixed(0)} ms`);
    const body = value.fields.find((f) => f.field === 'body')!;
    assert.ok(body.changed && body.complete);
    assert.equal(body.newHtml.match(/<ins>/g)?.length, 190);
    assert.equal(body.newHtml.match(/<ins>नया<\/ins>/g)?.length, 190);
    assert.equal(body.oldHtml.match(/<del>पुराना<\/del>/g)?.length, 190);
    const headline = value.fields.find((f) => f.field === 'headline')!;
    assert.equal(headline.newHtml, 'पुतिन से मिले <ins>शी </ins>जिनपिंग');
    assert.equal(value.fields.find((f) => f.field === 'section')!.changed, false);
  });

  test('with its one place taken, a second comparison is refused with BUSY', async () => {
    const body = { version: 1, blocks: Array.from({ length: 1500 }, (_, i) => ({ type: 'paragraph', content: [{ text: `${i} ${'शब्द '.repeat(100)}` }] })) };
    const first = work.compareRevisions(snapshot(body), snapshot({ ...body, blocks: body.blocks.slice().reverse() }), new Map());
    await assert.rejects(work.compareRevisions(snapshot(null), snapshot(null), new Map()), (err: unknown) => err instanceof DomainError && err.code === 'BUSY');
    await first;
  });
});
