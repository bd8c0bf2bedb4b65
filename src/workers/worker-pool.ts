/**
 * A small pool of worker threads with a bounded queue: heavy CPU work (revision diffs,
 * image encodes) runs here so the request thread keeps answering (a cached page must
 * never wait behind a diff).
 *
 * Admission is explicit: `admit()` takes one of `size + maxQueue` places or throws
 * DomainError('BUSY') (503 with Retry-After), so a request is refused before it reads a
 * 20 MB upload into memory, not after. Trusted callers (the demo loader, the CLI) use
 * `run()`, which waits for a place instead of being refused.
 *
 * Workers start on first use (a reader-only process never starts one), stay referenced
 * only while they work (an idle pool never keeps a process alive), and exit after
 * `idleMs` without work, giving their memory back.
 */
import { type ResourceLimits, type TransferListItem, Worker, type WorkerOptions } from 'node:worker_threads';
import { DomainError, type ErrorCode, ERRORS } from '../errors.ts';

export interface WorkerPoolOptions {
  /** For messages and logs: "revision diff", "image encode". */
  name: string;
  /** The worker's entry module. */
  script: URL;
  /** Threads at most. */
  size: number;
  /** Tasks that may wait for a thread, beyond the ones running. */
  maxQueue: number;
  /** What a refused caller is told to wait (Retry-After). */
  retryAfterSeconds: number;
  /**
   * A task running longer is stopped by ending its thread (it answers 503). Null: never
   * (image encodes: ending a thread inside libvips can bring the process down).
   */
  taskTimeoutMs: number | null;
  /** An idle thread exits after this long. */
  idleMs: number;
  resourceLimits?: ResourceLimits;
  /** Runs once before the first thread starts (sharp must be loaded by the main thread first). */
  beforeStart?: () => Promise<unknown>;
}

/**
 * What a worker sends: `ready` once when its entry module has loaded (time limits count
 * from then, not from a cold start), then one reply per task; see worker-entry.ts.
 */
export type WorkerReply =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; code?: string; field?: string } };

interface Job {
  id: number;
  task: unknown;
  transfer: readonly TransferListItem[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  /** The thread is being ended (timeout, idle, close): its exit is expected. */
  ending: boolean;
  /** The entry module has loaded; until then a task's time limit does not run. */
  ready: boolean;
}

/** A place in the pool, held from admission until released; one task runs on it. */
export interface PoolTicket {
  run<T>(task: unknown, transfer?: readonly TransferListItem[]): Promise<T>;
  /** Gives the place back; safe to call more than once, and after run() has settled. */
  release(): void;
}

/** Turns a worker's error message back into the error the task threw. */
function reviveError(e: { name: string; message: string; code?: string; field?: string }): Error {
  if (e.name === 'DomainError' && e.code && e.code in ERRORS) return new DomainError(e.code as ErrorCode, e.field, e.message);
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/**
 * Running from source (tsx: `npm run dev`, tests, the started servers of the hostile
 * suite): a worker thread does not get tsx's loader from `--import tsx` on Node 20, so a
 * small bootstrap registers it before importing the TypeScript entry. The bundle runs
 * dist/worker-entry.js directly and never takes this path.
 */
function sourceWorker(script: URL, options: WorkerOptions): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

export class WorkerPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Job[] = [];
  /** Places taken: tasks running, queued, and admitted but not yet started. */
  private taken = 0;
  private nextId = 1;
  private started: Promise<unknown> | null = null;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  get capacity(): number {
    return this.options.size + this.options.maxQueue;
  }

  /** Places taken now (running, waiting or admitted). */
  get load(): number {
    return this.taken;
  }

  /** Threads alive now (for tests and health checks). */
  get threadCount(): number {
    return this.threads.length;
  }

  /** Takes a place or refuses at once: DomainError('BUSY') with the pool's Retry-After. */
  admit(): PoolTicket {
    if (this.closed || this.taken >= this.capacity) {
      throw new DomainError('BUSY', undefined, `${this.options.name}: all ${this.capacity} places taken`, { retryAfterSeconds: this.options.retryAfterSeconds });
    }
    return this.ticket();
  }

  /** Runs a task, waiting for a place however long the queue is (trusted callers only). */
  async run<T>(task: unknown, transfer: readonly TransferListItem[] = []): Promise<T> {
    const ticket = this.ticket();
    try {
      return await ticket.run<T>(task, transfer);
    } finally {
      ticket.release();
    }
  }

  private ticket(): PoolTicket {
    this.taken++;
    let held = true;
    let used = false;
    return {
      run: <T>(task: unknown, transfer: readonly TransferListItem[] = []) => {
        if (!held || used) return Promise.reject(new Error(`${this.options.name}: a ticket runs one task while it is held`));
        used = true;
        return this.enqueue(task, transfer) as Promise<T>;
      },
      release: () => {
        if (!held) return;
        held = false;
        this.taken--;
      },
    };
  }

  private enqueue(task: unknown, transfer: readonly TransferListItem[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new DomainError('BUSY', undefined, `${this.options.name}: closed`, { retryAfterSeconds: this.options.retryAfterSeconds }));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    if (this.queue.length === 0 || this.closed) return;
    if (!this.started && this.options.beforeStart) {
      this.started = this.options.beforeStart().then(
        () => this.dispatch(),
        (err: unknown) => {
          this.started = null;
          for (const job of this.queue.splice(0)) job.reject(err);
        },
      );
      return;
    }
    this.started ??= Promise.resolve();
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.job === null && !t.ending);
      if (!thread) {
        if (this.threads.length >= this.options.size) return;
        thread = this.spawn();
      }
      this.start(thread, this.queue.shift()!);
    }
  }

  private spawn(): Thread {
    const options = this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {};
    const worker = this.options.script.pathname.endsWith('.ts') ? sourceWorker(this.options.script, options) : new Worker(this.options.script, options);
    const thread: Thread = { worker, job: null, timer: null, ending: false, ready: false };
    worker.on('message', (reply: WorkerReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        if (thread.job) this.armTimeout(thread, thread.job);
        return;
      }
      const job = thread.job;
      if (!job || reply.id !== job.id) return;
      this.finish(thread);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reviveError(reply.error));
      this.dispatch();
    });
    // An uncaught error (or running out of memory) ends the thread: its task fails, 'exit' follows.
    worker.on('error', (err) => {
      const job = thread.job;
      thread.job = null;
      thread.ending = true;
      job?.reject(err);
    });
    worker.on('exit', () => {
      const at = this.threads.indexOf(thread);
      if (at >= 0) this.threads.splice(at, 1);
      if (thread.timer) clearTimeout(thread.timer);
      const job = thread.job;
      thread.job = null;
      job?.reject(new Error(`${this.options.name}: the worker thread stopped during the task`));
      // A queued task gets a fresh thread.
      this.dispatch();
    });
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, job: Job): void {
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.job = job;
    // Working: keep the process alive until the answer comes (a CLI command awaits it).
    thread.worker.ref();
    if (thread.ready) this.armTimeout(thread, job);
    thread.worker.postMessage({ id: job.id, task: job.task }, job.transfer);
  }

  private armTimeout(thread: Thread, job: Job): void {
    const timeout = this.options.taskTimeoutMs;
    if (timeout === null) return;
    thread.timer = setTimeout(() => {
      if (thread.job !== job) return;
      thread.job = null;
      thread.ending = true;
      void thread.worker.terminate();
      job.reject(new DomainError('BUSY', undefined, `${this.options.name}: stopped after ${timeout} ms`, { retryAfterSeconds: this.options.retryAfterSeconds }));
    }, timeout);
  }

  /** The thread's task is over: idle it (unreferenced, exiting after idleMs). */
  private finish(thread: Thread): void {
    thread.job = null;
    if (thread.timer) clearTimeout(thread.timer);
    thread.worker.unref();
    thread.timer = setTimeout(() => {
      if (thread.job !== null) return;
      thread.ending = true;
      void thread.worker.terminate();
    }, this.options.idleMs);
    thread.timer.unref();
  }

  /**
   * Ends every thread; queued tasks fail with BUSY. A running task that may be stopped
   * fails at once; one that may not (taskTimeoutMs null: libvips) is let finish first.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new DomainError('BUSY', undefined, `${this.options.name}: closed`, { retryAfterSeconds: this.options.retryAfterSeconds }));
    await Promise.all(
      this.threads.map(async (t) => {
        if (t.job && this.options.taskTimeoutMs === null) {
          await new Promise<void>((resolve) => {
            const wait = () => (t.job === null ? resolve() : setTimeout(wait, 20));
            wait();
          });
        }
        t.ending = true;
        if (t.timer) clearTimeout(t.timer);
        await t.worker.terminate();
      }),
    );
  }
}
