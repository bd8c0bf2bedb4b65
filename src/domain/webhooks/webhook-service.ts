/**
 * Webhooks: admins register endpoints for story and comment events; each event becomes one
 * row per endpoint in a durable outbox, and a background job (src/jobs/webhook-jobs.ts)
 * sends them, signed, retrying with back-off. Guarantees:
 * - The request that caused an event never waits for a receiver: events are queued after
 *   the change commits, on a queue of this process's own (`settled` waits for it), and
 *   sent later by the job.
 * - Story events come from the content tags every committed change already emits
 *   (`article:N`): the story is read again and compared with what receivers were last told
 *   (`webhook_story_state`), so every path (the desk, the scheduler, the trash, deleting
 *   for good, imports) is covered, nothing unseen by readers is announced, and the state
 *   change and its deliveries are one transaction, conditional on the state read: with
 *   several processes one change makes one event.
 * - A delivery is sent by one process at a time (a conditional UPDATE claims each attempt)
 *   and survives a restart (the outbox is a table; a claim is a lease that runs out).
 * - Endpoint addresses pass the same SSRF guard as the comment webhook when saved and at
 *   every send, connecting only to the address checked (COMMENT_WEBHOOK_ALLOW_PRIVATE
 *   lifts it for both).
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { type Article, articlePath } from '../articles/article.ts';
import { checkWebhookTarget, guardedLookup, type Lookup } from '../comments/webhook-target.ts';
import { can, type User } from '../users/user.ts';
import { DomainError } from '../../errors.ts';
import {
  checkEndpointUrl,
  isWebhookEvent,
  newWebhookSecret,
  signWebhook,
  WEBHOOK_BACKOFF_MS,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEvent,
} from './webhook.ts';
import type { CommentFacts, NewDelivery, StoryState, WebhookStore } from './webhook-store.ts';

/** One HTTP POST; tests give their own. Resolves with the status, rejects when there is no answer. */
export type WebhookPost = (url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<{ status: number }>;

export interface WebhookServiceDeps {
  store: WebhookStore;
  changes: ChangeFeed;
  now: () => Date;
  siteUrl: string;
  /** The story as readers see it at `now`, or null. */
  getPublic: (id: number, now: Date) => Promise<Article | null>;
  /** Why a story is not public: in the trash, deleted for good, or neither. */
  gone: (id: number) => Promise<'trashed' | 'deleted' | null>;
  /** COMMENT_WEBHOOK_ALLOW_PRIVATE: endpoints may be loopback, link-local or private addresses. */
  allowPrivate: boolean;
  lookup?: Lookup;
  log: (message: string, err?: unknown) => void;
}

/** Deliveries sent per run of the job (the next run takes the rest). */
const BATCH = 25;
/** How long one attempt may take. */
const TIMEOUT_MS = 10_000;
/** A claimed attempt not finished by then (its process died) is tried again. */
const LEASE_MS = 3 * TIMEOUT_MS;
const EXCERPT_CHARS = 500;

function allow(user: User): void {
  if (!can(user, 'settings.edit')) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not manage webhooks`);
}

/** What readers see of a story, as one string: a change of it is an update. */
function storyVersion(article: Article): string {
  const { bodyMedia: _media, translation: _translation, ...rest } = article;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 32);
}

export interface EndpointInput {
  readonly url: string;
  readonly events: readonly string[];
  readonly active?: boolean;
}

export class WebhookService {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: WebhookServiceDeps) {
    // Only changes made here: the process that committed a change announces it.
    deps.changes.subscribeLocal((change) => {
      if ('all' in change) return;
      for (const tag of change.tags) {
        const m = /^article:(\d+)$/.exec(tag);
        if (m) this.later(() => this.storyChanged(Number(m[1])));
      }
    });
  }

  /** Resolves when every event noticed so far is queued in the outbox (tests, shutdown). */
  settled(): Promise<void> {
    return this.queue;
  }

  // ── Events ─────────────────────────────────────────────────────────────────

  /** A comment was stored (after its transaction committed); spam is never announced. */
  commentPosted(id: number): void {
    this.later(() => this.commentEvent('comment.posted', [id]));
  }

  /** Comments were approved by a moderator (after the change committed). */
  commentsApproved(ids: readonly number[]): void {
    if (ids.length > 0) this.later(() => this.commentEvent('comment.approved', ids));
  }

  private later(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err: unknown) => this.deps.log('webhook event not queued', err));
  }

  private async endpointsFor(prefix: string): Promise<WebhookEndpoint[]> {
    return (await this.deps.store.listEndpoints()).filter((e) => e.active && e.events.some((ev) => ev.startsWith(prefix)));
  }

  private deliveriesFor(endpoints: readonly WebhookEndpoint[], event: WebhookEvent, data: unknown, now: Date): NewDelivery[] {
    const eventId = randomUUID();
    const payload = JSON.stringify({ id: eventId, type: event, createdAt: now.toISOString(), site: this.origin(), data });
    return endpoints.filter((e) => e.events.includes(event)).map((e) => ({ endpointId: e.id, eventId, event, payload }));
  }

  private origin(): string {
    return this.deps.siteUrl.replace(/\/+$/, '');
  }

  private async storyChanged(id: number): Promise<void> {
    const endpoints = await this.endpointsFor('story.');
    if (endpoints.length === 0) return;
    const { store } = this.deps;
    const now = this.deps.now();
    const [article, before] = await Promise.all([this.deps.getPublic(id, now), store.storyState(id)]);
    let to: StoryState;
    let event: WebhookEvent;
    let data: unknown;
    if (article) {
      to = { state: 'public', version: storyVersion(article) };
      if (before?.state === 'public') {
        if (before.version === to.version) return;
        event = 'story.updated';
      } else {
        // A story public since before any endpoint was registered was announced to nobody:
        // its first change afterwards is an update, not news of a publication.
        const since = Math.min(...endpoints.map((e) => e.createdAt.getTime()));
        event = before === null && article.publishedAt !== null && article.publishedAt.getTime() < since ? 'story.updated' : 'story.published';
      }
      data = { story: this.storyData(article) };
    } else {
      const gone = await this.deps.gone(id);
      if (gone === 'deleted') {
        // Never announced (or already told): nothing to say.
        if (before === null || before.state === 'deleted') return;
        to = { state: 'deleted', version: '' };
        event = 'story.deleted';
      } else {
        if (before?.state !== 'public') return;
        to = { state: 'hidden', version: '' };
        event = 'story.unpublished';
      }
      data = { story: { id }, reason: gone ?? 'unpublished' };
    }
    await store.recordStoryChange(id, before, to, this.deliveriesFor(endpoints, event, data, now), now);
  }

  private storyData(a: Article) {
    return {
      id: a.id,
      url: `${this.origin()}${articlePath(a)}`,
      headline: a.headline,
      dek: a.dek,
      section: { slug: a.section.slug, name: a.section.name },
      tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })),
      authors: a.authors.map((x) => ({ slug: x.slug, name: x.name })),
      publishedAt: a.publishedAt?.toISOString() ?? null,
      updatedAt: a.updatedAt.toISOString(),
    };
  }

  private async commentEvent(event: 'comment.posted' | 'comment.approved', ids: readonly number[]): Promise<void> {
    const endpoints = (await this.endpointsFor('comment.')).filter((e) => e.events.includes(event));
    if (endpoints.length === 0) return;
    const now = this.deps.now();
    const facts = (await this.deps.store.commentFacts(ids)).filter((c) => c.status !== 'spam' && (event === 'comment.posted' || c.status === 'approved'));
    const deliveries = facts.flatMap((c) => this.deliveriesFor(endpoints, event, this.commentData(c), now));
    await this.deps.store.enqueue(deliveries, now);
  }

  /** Never the email, the address or the browser: the webhook goes to another system. */
  private commentData(c: CommentFacts) {
    // articlePath reads only the id, slug and section slug, which the facts carry.
    const storyUrl = `${this.origin()}${articlePath(c.article as unknown as Parameters<typeof articlePath>[0])}`;
    return {
      comment: {
        id: c.id,
        parentId: c.parentId,
        status: c.status,
        authorName: c.authorName,
        authorUrl: c.authorUrl,
        byNewsroom: c.byNewsroom,
        excerpt: [...c.body].slice(0, EXCERPT_CHARS).join(''),
        createdAt: c.createdAt.toISOString(),
        url: c.status === 'approved' ? `${storyUrl}#comment-${c.id}` : null,
      },
      story: { id: c.article.id, headline: c.article.headline, url: storyUrl },
    };
  }

  // ── Sending ────────────────────────────────────────────────────────────────

  /**
   * Sends the deliveries that are due, each attempt claimed by one process. A 2xx answer
   * delivers; anything else (another status, no answer, a refused address) is tried again
   * after WEBHOOK_BACKOFF_MS, then given up.
   */
  async deliverDue(post?: WebhookPost): Promise<{ delivered: number; retrying: number; failed: number }> {
    const { store } = this.deps;
    const send = post ?? (this.deps.allowPrivate ? openPost : guardedPost);
    const report = { delivered: 0, retrying: 0, failed: 0 };
    const now = this.deps.now();
    const due = await store.due(now, BATCH);
    if (due.length === 0) return report;
    const endpoints = new Map((await store.listEndpoints()).map((e) => [e.id, e]));
    for (const d of due) {
      // The lease counts from now, not from the start of the run: earlier sends may have taken a while.
      const claimedAt = this.deps.now();
      if (!(await store.claim(d.id, d.attempts, new Date(claimedAt.getTime() + LEASE_MS), claimedAt))) continue;
      const endpoint = endpoints.get(d.endpointId);
      const outcome = endpoint ? await this.attempt(send, endpoint, d) : { status: null, error: 'endpoint removed' };
      const at = this.deps.now();
      if (outcome.status !== null && outcome.status >= 200 && outcome.status < 300) {
        await store.delivered(d.id, outcome.status, at);
        report.delivered++;
        continue;
      }
      const delay = WEBHOOK_BACKOFF_MS[d.attempts];
      await store.attemptFailed(d.id, outcome.status, outcome.error, delay === undefined ? null : new Date(at.getTime() + delay), at);
      if (delay === undefined) report.failed++;
      else report.retrying++;
    }
    return report;
  }

  private async attempt(send: WebhookPost, endpoint: WebhookEndpoint, d: WebhookDelivery): Promise<{ status: number | null; error: string }> {
    // Checked again at each send: the name may resolve elsewhere now.
    if (!this.deps.allowPrivate) {
      const target = await checkWebhookTarget(endpoint.url, this.deps.lookup, 'refuse');
      if (!target.ok) return { status: null, error: `refused: ${target.reason}` };
    }
    const timestamp = Math.floor(this.deps.now().getTime() / 1000);
    try {
      const res = await send(endpoint.url, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Samachar-Webhook/1',
          'x-samachar-event': d.event,
          'x-samachar-event-id': d.eventId,
          'x-samachar-delivery': String(d.id),
          'x-samachar-timestamp': String(timestamp),
          'x-samachar-signature': signWebhook(endpoint.secret, timestamp, d.payload),
        },
        body: d.payload,
        timeoutMs: TIMEOUT_MS,
      });
      return { status: res.status, error: res.status >= 200 && res.status < 300 ? '' : `HTTP ${res.status}` };
    } catch (err) {
      return { status: null, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  }

  // ── The admin's side ───────────────────────────────────────────────────────

  listEndpoints(actor: User): Promise<WebhookEndpoint[]> {
    allow(actor);
    return this.deps.store.listEndpoints();
  }

  async findEndpoint(actor: User, id: number): Promise<WebhookEndpoint | null> {
    allow(actor);
    return this.deps.store.findEndpoint(id);
  }

  /** Errors: INVALID_INPUT on url (with the problem as reason) or events. */
  async createEndpoint(actor: User, input: EndpointInput): Promise<WebhookEndpoint> {
    allow(actor);
    const clean = await this.checkInput(input);
    const id = await this.deps.store.insertEndpoint({ ...clean, secret: newWebhookSecret(), active: input.active ?? true }, this.deps.now());
    return (await this.deps.store.findEndpoint(id))!;
  }

  /** Errors: NOT_FOUND; INVALID_INPUT as for create. The secret stays. */
  async updateEndpoint(actor: User, id: number, input: EndpointInput): Promise<WebhookEndpoint> {
    allow(actor);
    const existing = await this.deps.store.findEndpoint(id);
    if (!existing) throw new DomainError('NOT_FOUND');
    const clean = await this.checkInput(input);
    if (!(await this.deps.store.updateEndpoint(id, { ...clean, active: input.active ?? existing.active }, this.deps.now()))) throw new DomainError('NOT_FOUND');
    return (await this.deps.store.findEndpoint(id))!;
  }

  /** Deletes the endpoint and its deliveries. Errors: NOT_FOUND. */
  async deleteEndpoint(actor: User, id: number): Promise<void> {
    allow(actor);
    if (!(await this.deps.store.deleteEndpoint(id))) throw new DomainError('NOT_FOUND');
  }

  /** The delivery log, newest first: one endpoint's, or all. */
  deliveries(actor: User, endpointId: number | null, page: number, pageSize: number): Promise<{ items: WebhookDelivery[]; total: number }> {
    allow(actor);
    return this.deps.store.listDeliveries(endpointId, pageSize, (Math.max(1, page) - 1) * pageSize);
  }

  private async checkInput(input: EndpointInput): Promise<{ url: string; events: WebhookEvent[] }> {
    const url = checkEndpointUrl(input.url);
    if (!url.ok) throw new DomainError('INVALID_INPUT', 'url', url.problem);
    if (!this.deps.allowPrivate) {
      // A name that does not resolve yet may be set up later; it is checked at every send.
      const target = await checkWebhookTarget(url.url, this.deps.lookup, 'allow');
      if (!target.ok) throw new DomainError('INVALID_INPUT', 'url', 'private');
    }
    const events = [...new Set(input.events)];
    if (events.length === 0 || !events.every(isWebhookEvent)) throw new DomainError('INVALID_INPUT', 'events');
    return { url: url.url, events: events as WebhookEvent[] };
  }
}

/** POSTs with node:http(s); `lookup` guards which address is connected to. Redirects are not followed. */
function postWith(lookup: typeof guardedLookup | undefined): WebhookPost {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const client = url.startsWith('https:') ? https : http;
      const request = client.request(url, { method: 'POST', headers: init.headers, signal: AbortSignal.timeout(init.timeoutMs), ...(lookup ? { lookup } : {}) }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      request.on('error', reject);
      request.end(init.body);
    });
}
const guardedPost = postWith(guardedLookup);
const openPost = postWith(undefined);
