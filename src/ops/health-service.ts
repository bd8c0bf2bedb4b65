/**
 * Liveness and readiness, for load balancers and orchestrators (/healthz, /readyz).
 *
 * Guarantees:
 * - `ready()` never throws and never takes much longer than `timeoutMs`: a database that
 *   does not answer is "not ready", not a hung health check.
 * - A draining process (SIGTERM received, src/server.ts) is not ready whatever else holds,
 *   so a load balancer stops sending to it before it stops accepting.
 * - The detail says which check failed, never a secret (no URLs, no error stacks).
 */
import type { HealthStore } from './health-store.ts';

export interface Check {
  readonly ok: boolean;
  readonly detail?: string;
}

export interface Readiness {
  readonly ready: boolean;
  readonly draining: boolean;
  readonly checks: Readonly<Record<string, Check>>;
}

export interface HealthDeps {
  readonly store: HealthStore;
  /** The change bus: null without one (SQLite, one process), else whether it listens. */
  readonly busConnected: () => boolean | null;
  /** Longest a check may take (default 2000 ms). */
  readonly timeoutMs?: number;
}

export class HealthService {
  private drainingSince: number | null = null;

  constructor(private readonly deps: HealthDeps) {}

  /** From now on /readyz answers 503 (the process is stopping). */
  drain(): void {
    this.drainingSince ??= Date.now();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  async ready(): Promise<Readiness> {
    const timeoutMs = this.deps.timeoutMs ?? 2000;
    const [database, migrations] = await Promise.all([
      withTimeout(this.deps.store.ping().then(() => ({ ok: true })), timeoutMs, 'no answer'),
      withTimeout(
        this.deps.store.pendingMigrations().then((pending) => (pending.length === 0 ? { ok: true } : { ok: false, detail: `pending: ${pending.join(', ')}` })),
        timeoutMs,
        'no answer',
      ),
    ]);
    const checks: Record<string, Check> = { database, migrations };
    const bus = this.deps.busConnected();
    if (bus !== null) checks.bus = bus ? { ok: true } : { ok: false, detail: 'not connected' };
    const draining = this.draining;
    if (draining) checks.draining = { ok: false, detail: 'stopping' };
    return { ready: !draining && Object.values(checks).every((c) => c.ok), draining, checks };
  }
}

/** The check's result, or not-ok with `late` after `ms`; a failure becomes not-ok with a generic detail. */
async function withTimeout(check: Promise<Check>, ms: number, late: string): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `${late} within ${ms} ms` }), ms);
    timer.unref();
  });
  try {
    return await Promise.race([check.catch((): Check => ({ ok: false, detail: 'failed' })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
