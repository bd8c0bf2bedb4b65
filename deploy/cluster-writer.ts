/**
 * A writer and readers for a running cluster (deploy/cluster.ts), shared by the cluster
 * test and `npm run bench:cluster`:
 *
 * - `newsroomKey` makes what the writer needs in the cluster's database: an admin account,
 *   an editor API key for it, and a section (through the services, as `samachar` commands do).
 * - `Writer` publishes and edits stories through the content API (/api/v1/admin/…), as an
 *   agency feed or a newsroom tool would; each call returns when the process acknowledged it.
 * - `watchChange` measures change visibility: readers poll a page on every target (each
 *   process directly and nginx) until they see a token; the time from the acknowledgement of
 *   the commit to each target's first page with the token is the delay.
 * - `readLoop` keeps readers busy and counts every request that did not get 200.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';

export interface NewsroomKey {
  readonly key: string;
  readonly sectionId: number;
  readonly sectionSlug: string;
}

/** An admin, an editor API key and a section (the first, or a new one on an empty site). */
export async function newsroomKey(databaseUrl: string, redisUrl: string | null): Promise<NewsroomKey> {
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-cluster-writer-'));
  // The bus carries the new section's purge to the running processes.
  const services = await createServices(defineConfig({ database: { dialect: 'postgres', url: databaseUrl }, mediaDir, redisUrl }));
  try {
    const { user } = await services.users.create({ email: `cluster-writer-${Date.now()}@example.in`, name: 'Cluster writer', role: 'admin' });
    const { secret } = await services.apiKeys.create(user, { name: 'cluster writer', role: 'editor' });
    const sections = await services.sections.list();
    const section = sections[0] ?? (await services.sections.create({ slug: 'desh', name: 'देश', nameLatin: 'Desh' }));
    return { key: secret, sectionId: section.id, sectionSlug: section.slug };
  } finally {
    await services.close();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}

export interface PublishedStory {
  readonly id: number;
  /** The story's page, path only. */
  readonly path: string;
}

/** Thrown when the content API refused or failed a write: its status and body. */
export class WriteFailed extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class Writer {
  constructor(
    /** A Samachar process (or nginx) to write through. */
    readonly origin: string,
    private readonly auth: NewsroomKey,
  ) {}

  private async call(method: string, url: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(this.origin + url, {
      method,
      headers: { authorization: `Bearer ${this.auth.key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    if (res.status !== 200 && res.status !== 201) throw new WriteFailed(res.status, `${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as Record<string, unknown>;
  }

  /** A new story, published; returns when the publish is acknowledged (committed). */
  async publishNew(headline: string): Promise<PublishedStory> {
    const created = await this.call('POST', '/api/v1/admin/stories', {
      headline,
      dek: 'क्लस्टर की जाँच के लिए लिखी गई खबर',
      sectionId: this.auth.sectionId,
      body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: `${headline}: पहला पैराग्राफ।` }] }] },
    });
    const id = (created.story as { id: number }).id;
    const published = await this.call('POST', `/api/v1/admin/stories/${id}/publish`);
    return { id, path: storyPath(published) };
  }

  /** A published story's new headline, applied for readers (publish); returns when acknowledged. */
  async editHeadline(id: number, headline: string): Promise<PublishedStory> {
    await this.call('PATCH', `/api/v1/admin/stories/${id}`, { headline });
    const published = await this.call('POST', `/api/v1/admin/stories/${id}/publish`);
    return { id, path: storyPath(published) };
  }
}

function storyPath(answer: Record<string, unknown>): string {
  const story = answer.story as { url?: string; id: number } | undefined;
  if (!story?.url) throw new Error(`the publish answer has no story url: ${JSON.stringify(answer).slice(0, 300)}`);
  return new URL(story.url).pathname;
}

export interface Target {
  readonly name: string;
  readonly origin: string;
}

/**
 * Polls `pagePath` on every target until each has shown a page containing `token`, at most
 * `timeoutMs` after `write` returned. Every target has fetched the page at least twice before
 * the write starts (so it is in that process's page cache and the change has to purge it).
 * Returns each target's delay in milliseconds from the acknowledgement (0 when it showed
 * the change before the acknowledgement arrived), or null if it never did.
 */
export async function watchChange<T>(targets: readonly Target[], pagePath: string, token: string, write: () => Promise<T>, timeoutMs = 5000): Promise<{ delays: Map<string, number | null>; result: T }> {
  const seenAt = new Map<string, number>();
  let ackAt: number | null = null;
  let stop = false;
  const primed = targets.map(() => 0);
  const pollers = targets.map(async (target, i) => {
    while (!stop) {
      try {
        const res = await fetch(target.origin + pagePath, { signal: AbortSignal.timeout(5000) });
        const text = await res.text();
        primed[i]! += 1;
        if (ackAt !== null && text.includes(token)) {
          seenAt.set(target.name, Date.now());
          return;
        }
      } catch {
        // A failed read is counted by readLoop where it matters; here the next read decides.
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  });
  try {
    const primeEnd = Date.now() + 30_000;
    while (primed.some((n) => n < 2)) {
      if (Date.now() > primeEnd) throw new Error(`a target never answered ${pagePath}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await write();
    ackAt = Date.now();
    const end = ackAt + timeoutMs;
    while (seenAt.size < targets.length && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    const delays = new Map<string, number | null>();
    for (const t of targets) {
      const at = seenAt.get(t.name);
      delays.set(t.name, at === undefined ? null : Math.max(0, at - ackAt));
    }
    return { delays, result };
  } finally {
    stop = true;
    await Promise.all(pollers);
  }
}

export interface ReadLoop {
  /** Requests answered or failed so far. */
  requests(): number;
  /** Stops the readers; resolves to requests made and the ones that failed (with why). */
  stop(): Promise<{ requests: number; failures: string[] }>;
}

/** `concurrency` readers fetching `paths` in turn from `origin` until stopped. */
export function readLoop(origin: string, paths: readonly string[], concurrency: number): ReadLoop {
  let stopped = false;
  let requests = 0;
  const failures: string[] = [];
  const readers = Array.from({ length: concurrency }, async (_, r) => {
    let i = r;
    while (!stopped) {
      const p = paths[i++ % paths.length]!;
      try {
        const res = await fetch(origin + p, { signal: AbortSignal.timeout(10_000), headers: { 'accept-encoding': 'br, gzip' } });
        await res.arrayBuffer();
        if (res.status !== 200) failures.push(`${new Date().toISOString()} GET ${p} → ${res.status}`);
      } catch (err) {
        failures.push(`${new Date().toISOString()} GET ${p} → ${(err as Error).message}`);
      }
      requests++;
    }
  });
  return {
    requests: () => requests,
    async stop() {
      stopped = true;
      await Promise.all(readers);
      return { requests, failures };
    },
  };
}

/** p-th percentile (0–100) of `values`, nearest rank; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
