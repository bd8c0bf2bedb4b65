/**
 * Runs timed jobs in a server process: every `intervalMs`, each job once, one run at a
 * time (a slow run is never overlapped by the next). Errors are logged and the next
 * tick tries again, so a database outage delays jobs but never stops them.
 */
export interface Job {
  name: string;
  run: () => Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job now (tests and start-up). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(jobs: readonly Job[], intervalMs: number, log: (msg: string, err?: unknown) => void): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running ??= (async () => {
      for (const job of jobs) {
        try {
          await job.run();
        } catch (err) {
          log(`job ${job.name} failed`, err);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (!stopped) void tick();
  }, intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
