/**
 * Webhook queries: endpoints, the delivery outbox, and what each story last was to
 * receivers. A delivery is taken for one attempt by a conditional UPDATE on its attempt
 * count (`claim`), so several processes never send the same attempt twice on either
 * database; a story's new state and its deliveries are written in one transaction,
 * conditional on the state read (`recordStoryChange`), so one change makes one event.
 */
import type { Kysely, Selectable } from 'kysely';
import { readBool, readCount, readOptionalTime, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database, WebhookEndpointTable } from '../../storage/schema.ts';
import { isWebhookEvent, type WebhookDelivery, type WebhookEndpoint, type WebhookEvent } from './webhook.ts';

const toEndpoint = (r: Selectable<WebhookEndpointTable>): WebhookEndpoint => ({
  id: r.id,
  url: r.url,
  secret: r.secret,
  events: r.events.split(',').filter(isWebhookEvent),
  active: readBool(r.active),
  createdAt: readTime(r.created_at),
  updatedAt: readTime(r.updated_at),
});

export interface StoryState {
  readonly state: 'public' | 'hidden' | 'deleted';
  readonly version: string;
}

/** One event for one endpoint, as queued. */
export interface NewDelivery {
  readonly endpointId: number;
  readonly eventId: string;
  readonly event: WebhookEvent;
  readonly payload: string;
}

/** What a comment event tells, read with its story. */
export interface CommentFacts {
  readonly id: number;
  readonly parentId: number | null;
  readonly status: string;
  readonly authorName: string;
  readonly authorUrl: string | null;
  readonly body: string;
  readonly createdAt: Date;
  readonly byNewsroom: boolean;
  readonly article: { readonly id: number; readonly slug: string; readonly headline: string; readonly section: { readonly slug: string } };
}

export class WebhookStore {
  constructor(private readonly db: Kysely<Database>) {}

  // ── Endpoints ──────────────────────────────────────────────────────────────

  async insertEndpoint(e: { url: string; secret: string; events: readonly WebhookEvent[]; active: boolean }, now: Date): Promise<number> {
    const row = await this.db
      .insertInto('webhook_endpoints')
      .values({ url: e.url, secret: e.secret, events: e.events.join(','), active: writeBool(e.active), created_at: writeTime(now), updated_at: writeTime(now) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async updateEndpoint(id: number, e: { url: string; events: readonly WebhookEvent[]; active: boolean }, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_endpoints')
      .set({ url: e.url, events: e.events.join(','), active: writeBool(e.active), updated_at: writeTime(now) })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async deleteEndpoint(id: number): Promise<boolean> {
    const r = await this.db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async findEndpoint(id: number): Promise<WebhookEndpoint | null> {
    const row = await this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toEndpoint(row) : null;
  }

  async listEndpoints(): Promise<WebhookEndpoint[]> {
    return (await this.db.selectFrom('webhook_endpoints').selectAll().orderBy('id').execute()).map(toEndpoint);
  }

  // ── Stories ────────────────────────────────────────────────────────────────

  async storyState(articleId: number): Promise<StoryState | null> {
    const row = await this.db.selectFrom('webhook_story_state').select(['state', 'version']).where('article_id', '=', articleId).executeTakeFirst();
    return row ? { state: row.state as StoryState['state'], version: row.version } : null;
  }

  /**
   * Moves the story from `from` (null: no row yet) to `to` and queues `deliveries`, in one
   * transaction, only if the row is still `from`. False when another process got there
   * first (it queued the event).
   */
  async recordStoryChange(articleId: number, from: StoryState | null, to: StoryState, deliveries: readonly NewDelivery[], now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (from === null) {
        const r = await trx
          .insertInto('webhook_story_state')
          .values({ article_id: articleId, state: to.state, version: to.version, updated_at: writeTime(now) })
          .onConflict((oc) => oc.column('article_id').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      } else {
        const r = await trx
          .updateTable('webhook_story_state')
          .set({ state: to.state, version: to.version, updated_at: writeTime(now) })
          .where('article_id', '=', articleId)
          .where('state', '=', from.state)
          .where('version', '=', from.version)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
      }
      await insertDeliveries(trx, deliveries, now);
      return true;
    });
  }

  async enqueue(deliveries: readonly NewDelivery[], now: Date): Promise<void> {
    await insertDeliveries(this.db, deliveries, now);
  }

  async commentFacts(ids: readonly number[]): Promise<CommentFacts[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .select(['c.id', 'c.parent_id', 'c.status', 'c.author_name', 'c.author_url', 'c.body', 'c.created_at', 'c.user_id', 'a.id as article_id', 'a.slug', 'a.headline', 's.slug as section_slug'])
      .where('c.id', 'in', [...ids])
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      parentId: r.parent_id,
      status: r.status,
      authorName: r.author_name,
      authorUrl: r.author_url,
      body: r.body,
      createdAt: readTime(r.created_at),
      byNewsroom: r.user_id !== null,
      article: { id: r.article_id, slug: r.slug, headline: r.headline, section: { slug: r.section_slug } },
    }));
  }

  // ── Deliveries ─────────────────────────────────────────────────────────────

  /** Deliveries due at `now` to active endpoints (a paused endpoint's wait, untried, until it is resumed). */
  async due(now: Date, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.deliveries()
      .where('e.active', '=', 1)
      .where('d.delivered_at', 'is', null)
      .where('d.failed_at', 'is', null)
      .where('d.next_attempt_at', '<=', writeTime(now))
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /**
   * Takes a delivery for one attempt: counts it and leases the row until `leaseUntil` (a
   * process that dies mid-send leaves it to be tried again then), only if nobody took it
   * since it was read: the attempt count is the version.
   */
  async claim(id: number, attempts: number, leaseUntil: Date, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('webhook_deliveries')
      .set({ attempts: attempts + 1, next_attempt_at: writeTime(leaseUntil), updated_at: writeTime(now) })
      .where('id', '=', id)
      .where('attempts', '=', attempts)
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async delivered(id: number, status: number, now: Date): Promise<void> {
    await this.db.updateTable('webhook_deliveries').set({ delivered_at: writeTime(now), last_status: status, last_error: '', updated_at: writeTime(now) }).where('id', '=', id).execute();
  }

  /** A failed attempt: tried again at `retryAt`, or given up when it is null. */
  async attemptFailed(id: number, status: number | null, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ ...(retryAt ? { next_attempt_at: writeTime(retryAt) } : { failed_at: writeTime(now) }), last_status: status, last_error: error.slice(0, 500), updated_at: writeTime(now) })
      .where('id', '=', id)
      .execute();
  }

  /** Newest first; one endpoint's, or all. */
  async listDeliveries(endpointId: number | null, limit: number, offset: number): Promise<{ items: WebhookDelivery[]; total: number }> {
    let q = this.deliveries();
    let c = this.db.selectFrom('webhook_deliveries as d');
    if (endpointId !== null) {
      q = q.where('d.endpoint_id', '=', endpointId);
      c = c.where('d.endpoint_id', '=', endpointId);
    }
    const [rows, count] = await Promise.all([q.orderBy('d.id', 'desc').limit(limit).offset(offset).execute(), c.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst()]);
    return { items: rows.map(toDelivery), total: readCount(count?.n) };
  }

  private deliveries() {
    return this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .select(['d.id', 'd.endpoint_id', 'e.url', 'd.event_id', 'd.event', 'd.payload', 'd.attempts', 'd.next_attempt_at', 'd.delivered_at', 'd.failed_at', 'd.last_status', 'd.last_error', 'd.created_at', 'd.updated_at']);
  }
}

async function insertDeliveries(db: Kysely<Database>, deliveries: readonly NewDelivery[], now: Date): Promise<void> {
  if (deliveries.length === 0) return;
  const at = writeTime(now);
  await db
    .insertInto('webhook_deliveries')
    .values(deliveries.map((d) => ({ endpoint_id: d.endpointId, event_id: d.eventId, event: d.event, payload: d.payload, attempts: 0, next_attempt_at: at, delivered_at: null, failed_at: null, last_status: null, last_error: '', created_at: at, updated_at: at })))
    .execute();
}

function toDelivery(r: {
  id: number;
  endpoint_id: number;
  url: string;
  event_id: string;
  event: string;
  payload: string;
  attempts: number;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  failed_at: Date | string | null;
  last_status: number | null;
  last_error: string;
  created_at: Date | string;
  updated_at: Date | string;
}): WebhookDelivery {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    endpointUrl: r.url,
    eventId: r.event_id,
    event: r.event,
    payload: r.payload,
    attempts: r.attempts,
    nextAttemptAt: readTime(r.next_attempt_at),
    deliveredAt: readOptionalTime(r.delivered_at),
    failedAt: readOptionalTime(r.failed_at),
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: readTime(r.created_at),
    updatedAt: readTime(r.updated_at),
  };
}
