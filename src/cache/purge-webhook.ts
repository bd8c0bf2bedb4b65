/**
 * Tells a CDN (or anything in front) what changed: a POST of `{"tags": [...]}` or
 * `{"all": true}` to PURGE_WEBHOOK_URL, signed with HMAC-SHA256 of the body under
 * PURGE_WEBHOOK_SECRET in `x-samachar-signature: sha256=<hex>` when a secret is set.
 * Sent once per change, by the process that made it. A failed call is retried a few
 * times, then logged: the CDN's own s-maxage bounds how stale it can be.
 */
import { createHmac } from 'node:crypto';
import type { Change } from '../domain/changes/change-feed.ts';

export interface PurgeWebhookOptions {
  readonly url: string;
  readonly secret?: string;
  readonly log: (message: string, err?: unknown) => void;
  readonly attempts?: number;
  readonly timeoutMs?: number;
  /** Waits between attempts (tests shorten it). */
  readonly backoffMs?: number;
}

export function purgeBody(change: Change): string {
  return JSON.stringify('all' in change ? { all: true } : { tags: change.tags });
}

export function signPurge(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class PurgeWebhook {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: PurgeWebhookOptions) {}

  /** Sends in the background; `flush` waits for what is in flight (shutdown, tests). */
  send(change: Change): void {
    const p = this.deliver(change).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async deliver(change: Change): Promise<void> {
    const body = purgeBody(change);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Samachar purge' };
    if (this.options.secret) headers['x-samachar-signature'] = signPurge(this.options.secret, body);
    const attempts = this.options.attempts ?? 3;
    for (let i = 1; i <= attempts; i++) {
      try {
        const res = await fetch(this.options.url, { method: 'POST', headers, body, redirect: 'error', signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
        await res.body?.cancel();
        if (res.ok) return;
        if (res.status < 500 && res.status !== 429) {
          this.options.log(`purge webhook: answered ${res.status}; not retried`);
          return;
        }
        if (i === attempts) this.options.log(`purge webhook: failed, answered ${res.status} to the last of ${attempts} attempts`);
      } catch (err) {
        if (i === attempts) this.options.log('purge webhook: failed', err);
      }
      if (i < attempts) await new Promise((r) => setTimeout(r, (this.options.backoffMs ?? 500) * 2 ** (i - 1)));
    }
  }
}
