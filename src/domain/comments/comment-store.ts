/**
 * Comment queries. Public reads never select the email column; only the moderation
 * queue's reads (newsroom only) do. Returns domain objects, never rows.
 */
import { type Kysely, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { readBool, readCount, readOptionalTime, readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import { articlePath } from '../articles/article.ts';
import {
  type CommentStatus,
  type HeldReason,
  type ModeratedComment,
  type ModerationAction,
  type ModerationFilter,
  type PublicComment,
  TRANSITIONS,
  type WebhookDelivery,
} from './comment.ts';
import type { BlocklistEntry, BlocklistKind } from './comment-spam.ts';

const SECRET_KEY = 'comments.secret';
const WEBHOOK_KEY = 'comments.webhook';

export interface NewCommentRow {
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  ipHash: string | null;
  userAgent: string;
  emailKey: string;
  bodyKey: string;
  heldReason: HeldReason;
  userId: number | null;
}

export interface ParentFacts {
  readonly id: number;
  readonly articleId: number;
  readonly status: CommentStatus;
}


const PUBLIC_COLUMNS = ['c.id', 'c.parent_id', 'c.author_name', 'c.author_url', 'c.body', 'c.created_at', 'c.user_id'] as const;

function toPublic(r: {
  id: number;
  parent_id: number | null;
  author_name: string;
  author_url: string | null;
  body: string;
  created_at: Date | string;
  user_id: number | null;
}): PublicComment {
  return {
    id: r.id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorUrl: r.author_url,
    body: r.body,
    createdAt: readTime(r.created_at),
    byNewsroom: r.user_id !== null,
  };
}

/** `like` pattern for text anywhere in a column, with %, _ and the escape character escaped. */
const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[!%_]/g, '!$&')}%`;

export class CommentStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Runs `work` in one transaction, with a store whose queries all belong to it: everything
   * it writes commits together or not at all. (The store given is this one with the
   * transaction as its database, so whatever wraps this store's methods wraps its too.)
   */
  transaction<T>(work: (store: CommentStore) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => {
      const inTransaction = Object.create(this) as CommentStore;
      Object.defineProperty(inTransaction, 'db', { value: trx });
      return work(inTransaction);
    });
  }

  // ── Public ────────────────────────────────────────────────────────────────

  /** Approved comments of an article, oldest first. The email column is never selected. */
  async listApproved(articleId: number): Promise<PublicComment[]> {
    const rows = await this.db
      .selectFrom('comments as c')
      .select(PUBLIC_COLUMNS)
      .where('c.article_id', '=', articleId)
      .where('c.status', '=', 'approved')
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    return rows.map(toPublic);
  }

  async findApproved(id: number): Promise<PublicComment | null> {
    const row = await this.db.selectFrom('comments as c').select(PUBLIC_COLUMNS).where('c.id', '=', id).where('c.status', '=', 'approved').executeTakeFirst();
    return row ? toPublic(row) : null;
  }

  async countApproved(articleId: number): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('article_id', '=', articleId)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    return readCount(row?.n);
  }

  /** Approved comments per article, for the given ids (articles without any are left out). */
  async countApprovedByArticle(ids: readonly number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('comments')
      .select(['article_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('article_id', 'in', [...new Set(ids)])
      .where('status', '=', 'approved')
      .groupBy('article_id')
      .execute();
    return new Map(rows.map((r) => [r.article_id, readCount(r.n)]));
  }

  // ── Posting ───────────────────────────────────────────────────────────────

  async parentFacts(id: number): Promise<ParentFacts | null> {
    const row = await this.db.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', '=', id).executeTakeFirst();
    return row ? { id: row.id, articleId: row.article_id, status: row.status } : null;
  }

  async insert(c: NewCommentRow): Promise<number> {
    const row = await this.db
      .insertInto('comments')
      .values({
        article_id: c.articleId,
        parent_id: c.parentId,
        author_name: c.authorName,
        author_email: c.authorEmail,
        author_url: c.authorUrl,
        body: c.body,
        status: c.status,
        created_at: writeTime(c.createdAt),
        ip_hash: c.ipHash,
        user_agent: c.userAgent,
        email_key: c.emailKey,
        body_key: c.bodyKey,
        held_reason: c.heldReason,
        previous_status: null,
        moderated_by: null,
        moderated_at: null,
        user_id: c.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Comments posted since `since` from one IP hash, or with one email (any status: spam counts too). */
  async countRecent(by: { ipHash: string } | { emailKey: string }, since: Date): Promise<number> {
    let q = this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('created_at', '>', writeTime(since))
      .where('user_id', 'is', null);
    q = 'ipHash' in by ? q.where('ip_hash', '=', by.ipHash) : q.where('email_key', '=', by.emailKey);
    return readCount((await q.executeTakeFirst())?.n);
  }

  /** The oldest time among comments counted by countRecent (when the limit frees up again). */
  async oldestRecent(by: { ipHash: string } | { emailKey: string }, since: Date): Promise<Date | null> {
    let q = this.db.selectFrom('comments').select((eb) => eb.fn.min('created_at').as('t')).where('created_at', '>', writeTime(since)).where('user_id', 'is', null);
    q = 'ipHash' in by ? q.where('ip_hash', '=', by.ipHash) : q.where('email_key', '=', by.emailKey);
    const row = await q.executeTakeFirst();
    return row?.t ? readTime(row.t as Date | string) : null;
  }

  /** Has a comment with this email ever been approved? ("first comment only" moderation) */
  async hasApproved(emailKey: string): Promise<boolean> {
    const row = await this.db.selectFrom('comments').select('id').where('email_key', '=', emailKey).where('status', '=', 'approved').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The same text on the same story from the same email, not trashed. (Not by address: many
   * readers share a mobile carrier's address, and short replies like "सहमत" repeat.)
   */
  async isDuplicate(articleId: number, bodyKey: string, emailKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('comments')
      .select('id')
      .where('article_id', '=', articleId)
      .where('body_key', '=', bodyKey)
      .where('email_key', '=', emailKey)
      .where('status', '!=', 'trash')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** On how many other stories the same text was posted since `since` (a spammer's copy and paste). */
  async storiesWithSameText(articleId: number, bodyKey: string, since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.count<string | number>('article_id').distinct().as('n'))
      .where('body_key', '=', bodyKey)
      .where('article_id', '!=', articleId)
      .where('created_at', '>', writeTime(since))
      .where('user_id', 'is', null)
      .executeTakeFirst();
    return readCount(row?.n);
  }

  /**
   * Marks a form token's nonce as used. False if it had been used already. Call it in the
   * transaction that stores the comment (see transaction): a post that fails must not use up
   * the reader's token, or their retry would be filed as spam.
   */
  async useFormToken(nonce: string, now: Date): Promise<boolean> {
    const result = await this.db
      .insertInto('comment_form_tokens')
      .values({ nonce, used_at: writeTime(now) })
      .onConflict((oc) => oc.column('nonce').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Forgets used nonces older than `before` (their tokens have expired anyway). */
  async sweepFormTokens(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('comment_form_tokens').where('used_at', '<', writeTime(before)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  // ── The site's secret and webhook address (in the settings table, outside the site settings document) ──

  /** The random secret comment keys are derived from: made on first use, shared by every process. */
  async secret(): Promise<string> {
    const fresh = JSON.stringify(randomBytes(32).toString('base64url'));
    await this.db.insertInto('settings').values({ key: SECRET_KEY, value: fresh }).onConflict((oc) => oc.column('key').doNothing()).execute();
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
    return JSON.parse(row.value) as string;
  }

  async webhookUrl(): Promise<string> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', WEBHOOK_KEY).executeTakeFirst();
    if (!row) return '';
    const parsed = JSON.parse(row.value) as { url?: unknown };
    return typeof parsed.url === 'string' ? parsed.url : '';
  }

  async setWebhookUrl(url: string): Promise<void> {
    const value = JSON.stringify({ url });
    await this.db
      .insertInto('settings')
      .values({ key: WEBHOOK_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  // ── Blocklist ─────────────────────────────────────────────────────────────

  async blocklist(): Promise<BlocklistEntry[]> {
    const rows = await this.db.selectFrom('comment_blocklist').selectAll().orderBy('kind').orderBy('value').execute();
    return rows.map((r) => ({ id: r.id, kind: r.kind, value: r.value, note: r.note, createdAt: readTime(r.created_at) }));
  }

  /** Adds an entry; an entry that is already there is kept as it is. */
  async addToBlocklist(kind: BlocklistKind, value: string, note: string, userId: number | null, now: Date): Promise<void> {
    await this.db
      .insertInto('comment_blocklist')
      .values({ kind, value, note, created_at: writeTime(now), created_by: userId })
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
  }

  async removeFromBlocklist(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('comment_blocklist').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  // ── Moderation ────────────────────────────────────────────────────────────

  private moderationQuery(filter: ModerationFilter) {
    let q = this.db
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('comments as p', 'p.id', 'c.parent_id')
      .leftJoin('users as mu', 'mu.id', 'c.moderated_by');
    if (filter.status) q = q.where('c.status', '=', filter.status);
    if (filter.articleId !== undefined) q = q.where('c.article_id', '=', filter.articleId);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      q = q.where(
        sql<boolean>`(lower(c.author_name) like ${pattern} escape '!' or lower(c.author_email) like ${pattern} escape '!' or lower(coalesce(c.author_url, '')) like ${pattern} escape '!' or lower(c.body) like ${pattern} escape '!')`,
      );
    }
    return q;
  }

  /** The moderation queue, newest first. */
  async listForModeration(filter: ModerationFilter, limit: number, offset: number): Promise<{ items: ModeratedComment[]; total: number }> {
    const base = this.moderationQuery(filter);
    const [rows, count] = await Promise.all([
      base
        .select([
          ...PUBLIC_COLUMNS,
          'c.status',
          'c.author_email',
          'c.ip_hash',
          'c.user_agent',
          'c.held_reason',
          'c.moderated_at',
          'a.id as article_id',
          'a.headline as article_headline',
          'a.slug as article_slug',
          'a.comments_open as article_comments_open',
          's.id as section_id',
          's.slug as section_slug',
          's.name as section_name',
          'p.author_name as parent_author',
          'mu.name as moderator_name',
        ])
        .orderBy('c.created_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
    ]);
    const items = rows.map(
      (r): ModeratedComment => ({
        ...toPublic(r),
        status: r.status,
        authorEmail: r.author_email,
        ipTag: r.ip_hash ? r.ip_hash.slice(0, 12) : null,
        userAgent: r.user_agent,
        heldReason: r.held_reason,
        article: {
          id: r.article_id,
          headline: r.article_headline,
          path: articlePath({ id: r.article_id, slug: r.article_slug, section: { id: r.section_id, slug: r.section_slug, name: r.section_name } }),
          commentsOpen: readBool(r.article_comments_open),
        },
        parentAuthor: r.parent_author ?? null,
        moderatedAt: readOptionalTime(r.moderated_at),
        moderatedBy: r.moderator_name ?? null,
      }),
    );
    return { items, total: readCount(count?.n) };
  }

  async countByStatus(): Promise<Record<CommentStatus, number>> {
    const rows = await this.db.selectFrom('comments').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('status').execute();
    const out: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
    for (const r of rows) out[r.status] = readCount(r.n);
    return out;
  }

  async countPending(): Promise<number> {
    const row = await this.db.selectFrom('comments').select((eb) => eb.fn.countAll<string | number>().as('n')).where('status', '=', 'pending').executeTakeFirst();
    return readCount(row?.n);
  }

  /** The IP hash and email of a comment (to block its writer). */
  async origin(id: number): Promise<{ ipHash: string | null; emailKey: string } | null> {
    const row = await this.db.selectFrom('comments').select(['ip_hash', 'email_key']).where('id', '=', id).executeTakeFirst();
    return row ? { ipHash: row.ip_hash, emailKey: row.email_key } : null;
  }

  /**
   * Applies a moderation action to the comments among `ids` it applies to (see
   * TRANSITIONS); the others are left alone. Returns the ids of the comments changed and
   * the articles they belong to. Deleting re-attaches a comment's replies to its parent
   * first, so no reader's reply disappears with it.
   */
  async applyAction(ids: readonly number[], action: ModerationAction, userId: number, now: Date): Promise<{ changed: number[]; articleIds: number[] }> {
    if (ids.length === 0) return { changed: [], articleIds: [] };
    const { from, to } = TRANSITIONS[action];
    return this.db.transaction().execute(async (trx) => {
      const targets = await trx
        .selectFrom('comments')
        .select(['id', 'article_id', 'parent_id', 'status', 'previous_status'])
        .where('id', 'in', [...new Set(ids)])
        .where('status', 'in', [...from])
        .execute();
      const changed = targets.map((t) => t.id);
      if (changed.length === 0) return { changed, articleIds: [] };
      const articleIds = [...new Set(targets.map((t) => t.article_id))];
      const stamp = { moderated_by: userId, moderated_at: writeTime(now) };
      if (to === 'deleted') {
        for (const t of targets) await trx.updateTable('comments').set({ parent_id: t.parent_id }).where('parent_id', '=', t.id).execute();
        await trx.deleteFrom('comments').where('id', 'in', changed).execute();
      } else if (to === 'previous') {
        for (const t of targets) {
          await trx
            .updateTable('comments')
            .set({ status: t.previous_status ?? 'pending', previous_status: null, ...stamp })
            .where('id', '=', t.id)
            .where('status', '=', 'trash')
            .execute();
        }
      } else if (to === 'trash') {
        for (const t of targets) {
          const previous = t.status === 'trash' ? null : t.status;
          await trx.updateTable('comments').set({ status: 'trash', previous_status: previous, ...stamp }).where('id', '=', t.id).execute();
        }
      } else {
        await trx
          .updateTable('comments')
          .set({ status: to, ...stamp, ...(to === 'spam' ? { previous_status: null } : {}) })
          .where('id', 'in', changed)
          .execute();
      }
      return { changed, articleIds };
    });
  }

  /** Opens or closes comments on one story. False if there is no such story. */
  async setArticleCommentsOpen(articleId: number, open: boolean): Promise<boolean> {
    const result = await this.db.updateTable('articles').set({ comments_open: writeBool(open) }).where('id', '=', articleId).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async articleCommentsOpen(articleId: number): Promise<boolean | null> {
    const row = await this.db.selectFrom('articles').select('comments_open').where('id', '=', articleId).executeTakeFirst();
    return row ? readBool(row.comments_open) : null;
  }

  // ── Webhook outbox ────────────────────────────────────────────────────────

  async enqueueWebhook(commentId: number, url: string, payload: string, now: Date): Promise<void> {
    await this.db
      .insertInto('comment_webhooks')
      .values({ comment_id: commentId, url, payload, attempts: 0, next_attempt_at: writeTime(now), delivered_at: null, failed_at: null, last_error: '', created_at: writeTime(now) })
      .execute();
  }

  async dueWebhooks(now: Date, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db
      .selectFrom('comment_webhooks')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .where('next_attempt_at', '<=', writeTime(now))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /**
   * Takes a delivery for one attempt: counts the attempt and leases it until `leaseUntil`,
   * only if no other process took it since it was read (the attempt count is the version).
   */
  async claimWebhook(id: number, attempts: number, leaseUntil: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('comment_webhooks')
      .set({ attempts: attempts + 1, next_attempt_at: writeTime(leaseUntil) })
      .where('id', '=', id)
      .where('attempts', '=', attempts)
      .where('delivered_at', 'is', null)
      .where('failed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async webhookDelivered(id: number, now: Date): Promise<void> {
    await this.db.updateTable('comment_webhooks').set({ delivered_at: writeTime(now), last_error: '' }).where('id', '=', id).execute();
  }

  async webhookFailed(id: number, error: string, retryAt: Date | null, now: Date): Promise<void> {
    await this.db
      .updateTable('comment_webhooks')
      .set(retryAt ? { next_attempt_at: writeTime(retryAt), last_error: error.slice(0, 500) } : { failed_at: writeTime(now), last_error: error.slice(0, 500) })
      .where('id', '=', id)
      .execute();
  }

  async recentWebhooks(limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.db.selectFrom('comment_webhooks').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDelivery);
  }
}

function toDelivery(r: {
  id: number;
  comment_id: number;
  url: string;
  payload: string;
  attempts: number;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
  failed_at: Date | string | null;
  last_error: string;
  created_at: Date | string;
}): WebhookDelivery {
  return {
    id: r.id,
    commentId: r.comment_id,
    url: r.url,
    payload: r.payload,
    attempts: r.attempts,
    nextAttemptAt: readTime(r.next_attempt_at),
    deliveredAt: readOptionalTime(r.delivered_at),
    failedAt: readOptionalTime(r.failed_at),
    lastError: r.last_error,
    createdAt: readTime(r.created_at),
  };
}
