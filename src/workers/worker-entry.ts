/**
 * The entry module of every worker thread: takes `{ id, task }` messages, runs the task
 * (tasks.ts) and answers `{ id, ok, value | error }` (worker-pool.ts). The bundle builds
 * it as dist/worker-entry.js beside dist/main.js (scripts/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../errors.ts';
import { runTask, type Task } from './tasks.ts';
import type { WorkerReply } from './worker-pool.ts';

const port = parentPort;
if (!port) throw new Error('worker-entry.ts runs only as a worker thread');

port.on('message', (message: { id: number; task: Task }) => {
  runTask(message.task).then(
    (value) => port.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply),
    (err: unknown) => {
      const error =
        err instanceof DomainError
          ? { name: err.name, message: err.message, code: err.code, ...(err.field ? { field: err.field } : {}) }
          : { name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) };
      port.postMessage({ id: message.id, ok: false, error } satisfies WorkerReply);
    },
  );
});

// Loaded: from now on the pool counts a task's time limit.
port.postMessage({ ready: true } satisfies WorkerReply);
