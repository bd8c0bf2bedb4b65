/**
 * Readers' side of comments: listing what is published, posting (validation, spam
 * rules, moderation rules), issuing form tokens, and the webhook outbox.
 *
 * Order of a post, so each refusal is cheap and clear: the story (404 if not public, 403
 * if comments are closed) → every field (400, all problems at once; the comment's length
 * is checked before anything reads its text) → the parent (same story, published) →
 * rate limits (429) → duplicate (409) → spam rules (stored as spam, never lost) → hold
 * rules (stored as pending) → published. The form token's nonce is used up in the same
 * transaction that stores the comment and queues its webhook: when the insert fails (the
 * database is away: 503), the token is still good, and the reader's retry is not spam.
 */
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { type Article, articlePath } from '../articles/article.ts';
import type { ArticleService } from '../articles/article-service.ts';
import type { SiteSettings } from '../settings/settings.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { type CommentStatus, commentsAreOpen, type HeldReason, type PublicComment, type WebhookDelivery } from './comment.ts';
import { checkCommentInput, type FieldProblems, type RawCommentInput } from './comment-input.ts';
import {
  bodyKey,
  checkFormToken,
  countLinks,
  deriveKey,
  emailKey,
  hashIp,
  issueFormToken,
  matchBlocklist,
  FORM_TOKEN_MAX_AGE_MS,
} from './comment-spam.ts';
import type { CommentStore } from './comment-store.ts';
import { checkWebhookTarget, guardedLookup, type Lookup } from './webhook-target.ts';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

/** The window rate limits count in. */
export const RATE_WINDOW_MS = 10 * 60_000;
/** The same text on this many other stories within a day is a spammer's copy and paste. */
const REPEATED_STORIES = 2;
const REPEATED_WINDOW_MS = 24 * 3_600_000;
const REPEATED_MIN_CHARS = 40;
/** Delays before each retry of a webhook; after the last, the delivery is marked failed. */
export const WEBHOOK_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000] as const;
const WEBHOOK_TIMEOUT_MS = 10_000;
const WEBHOOK_BATCH = 20;
const USER_AGENT_MAX = 300;

/** Field problems of a reader's comment: 400, or 409 for a duplicate. */
export class CommentInputError extends DomainError {
  constructor(
    readonly problems: FieldProblems,
    code: 'INVALID_INPUT' | 'CONFLICT' = 'INVALID_INPUT',
  ) {
    super(code, Object.keys(problems)[0]);
  }
}

/** Too many comments from one address or email: 429 with the seconds until the next is accepted. */
export class CommentRateError extends DomainError {
  constructor(readonly retryAfterSeconds: number, readonly by: 'ip' | 'email') {
    super('TOO_MANY_REQUESTS', by === 'email' ? 'email' : undefined, `comment rate limit (${by})`);
  }
}

export interface PostCommentRequest extends RawCommentInput {
  readonly articleId: number;
  /** The form token the page's script fetched ('' when the reader has JavaScript off). */
  readonly token: string;
  /** The honeypot field: people leave it empty. */
  readonly honeypot: string;
  readonly ip: string;
  readonly userAgent: string;
}

export interface PostOutcome {
  readonly id: number;
  readonly article: Article;
  readonly status: CommentStatus;
  readonly reason: HeldReason;
  /** The comment as readers now see it; null while it is held (pending or spam). */
  readonly comment: PublicComment | null;
}

/** Keys derived from the site's secret, read once per process (every process derives the same). */
export class CommentKeys {
  private keys: Promise<{ ip: Buffer; token: Buffer; webhook: Buffer }> | null = null;
  constructor(private readonly store: CommentStore) {}

  get(): Promise<{ ip: Buffer; token: Buffer; webhook: Buffer }> {
    this.keys ??= this.store.secret().then((s) => ({ ip: deriveKey(s, 'ip'), token: deriveKey(s, 'form-token'), webhook: deriveKey(s, 'webhook') }));
    this.keys.catch(() => {
      this.keys = null;
    });
    return this.keys;
  }
}

export interface CommentServiceDeps {
  store: CommentStore;
  keys: CommentKeys;
  articles: ArticleService;
  settings: SettingsService;
  now: () => Date;
  siteUrl: string;
  changes: ChangeFeed;
  /** Let the webhook reach loopback, link-local and private addresses (COMMENT_WEBHOOK_ALLOW_PRIVATE). */
  webhookAllowPrivate?: boolean;
  /** Name resolution for the webhook's address check (tests give their own). */
  lookup?: Lookup;
  /** Told of each stored comment after it commits (admin → Webhooks: src/domain/webhooks/); never waited for. */
  events?: { commentPosted(id: number): void };
}

export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'manual' }) => Promise<{ status: number }>;

export class CommentService {
  private readonly store: CommentStore;
  constructor(private readonly deps: CommentServiceDeps) {
    this.store = deps.store;
  }

  listPublic(articleId: number): Promise<PublicComment[]> {
    return this.store.listApproved(articleId);
  }

  findPublic(id: number): Promise<PublicComment | null> {
    return this.store.findApproved(id);
  }

  /** Published comments per story (stories without any are left out). */
  countsFor(articleIds: readonly number[]): Promise<Map<number, number>> {
    return this.store.countApprovedByArticle(articleIds);
  }

  /** The story if readers may comment on it now. NOT_FOUND if it is not public, COMMENTS_CLOSED if closed. */
  private async openArticle(articleId: number, now: Date): Promise<{ article: Article; settings: SiteSettings }> {
    const [article, settings] = await Promise.all([this.deps.articles.getPublic(articleId, now), this.deps.settings.get()]);
    if (!article) throw new DomainError('NOT_FOUND', undefined, 'comment on a story that is not public');
    if (!commentsAreOpen(article, settings, now)) throw new DomainError('COMMENTS_CLOSED');
    return { article, settings };
  }

  /** A signed, single-use form token for a story whose comments are open, and the seconds before it may be used. */
  async issueToken(articleId: number): Promise<{ token: string; minSeconds: number }> {
    const now = this.deps.now();
    const { settings } = await this.openArticle(articleId, now);
    const keys = await this.deps.keys.get();
    return { token: issueFormToken(keys.token, articleId, now), minSeconds: settings.commentMinSeconds };
  }

  async post(req: PostCommentRequest): Promise<PostOutcome> {
    const now = this.deps.now();
    const { article, settings } = await this.openArticle(req.articleId, now);

    const checked = checkCommentInput(req);
    if (!checked.ok) throw new CommentInputError(checked.problems);
    const input = checked.value;

    if (input.parentId !== null) {
      const parent = await this.store.parentFacts(input.parentId);
      if (!parent || parent.articleId !== article.id || parent.status !== 'approved') throw new CommentInputError({ parent: 'not-found' });
    }

    const keys = await this.deps.keys.get();
    const ipHash = req.ip ? hashIp(keys.ip, req.ip) : null;
    const email = emailKey(input.authorEmail);
    const since = new Date(now.getTime() - RATE_WINDOW_MS);
    for (const [by, limit] of [
      ['ip', settings.commentIpLimit],
      ['email', settings.commentEmailLimit],
    ] as const) {
      if (by === 'ip' && ipHash === null) continue;
      const key = by === 'ip' ? { ipHash: ipHash! } : { emailKey: email };
      if ((await this.store.countRecent(key, since)) >= limit) {
        const oldest = await this.store.oldestRecent(key, since);
        const wait = oldest ? oldest.getTime() + RATE_WINDOW_MS - now.getTime() : RATE_WINDOW_MS;
        throw new CommentRateError(Math.max(1, Math.ceil(wait / 1000)), by);
      }
    }

    const key = bodyKey(input.body);
    if (await this.store.isDuplicate(article.id, key, email)) throw new CommentInputError({ comment: 'duplicate' }, 'CONFLICT');

    // Spam: kept in the spam folder for an editor to review, never dropped.
    const verdict: { status: CommentStatus; reason: HeldReason } = { status: 'approved', reason: '' };
    const spam = (reason: HeldReason) => {
      if (verdict.status !== 'spam') Object.assign(verdict, { status: 'spam', reason });
    };
    if (req.honeypot.trim() !== '') spam('honeypot');
    const blocked = matchBlocklist(await this.store.blocklist(), { ipHash, email, name: input.authorName, url: input.authorUrl, body: input.body });
    if (blocked) spam(blocked.kind === 'ip' ? 'blocked-ip' : blocked.kind === 'email' ? 'blocked-email' : 'blocked-word');
    const token = checkFormToken(keys.token, req.token.trim(), article.id, now, settings.commentMinSeconds);
    if (token.kind === 'forged') spam('token-forged');
    else if (token.kind === 'too-fast') spam('too-fast');
    // Whether the nonce was used before is known inside the transaction below; until then the
    // rules that follow (which a reused token overrides) run as for a fresh one.
    const spamBeforeToken = verdict.status === 'spam';
    const tokenless = token.kind === 'none' || token.kind === 'expired';
    // Only for text long enough (or with a link) to be a pasted message: many readers write "जय हिंद" under many stories.
    const pasteLike = [...input.body].length >= REPEATED_MIN_CHARS || countLinks(input.body) > 0;
    if (pasteLike && (await this.store.storiesWithSameText(article.id, key, new Date(now.getTime() - REPEATED_WINDOW_MS))) >= REPEATED_STORIES) spam('repeated');

    // Held for an editor.
    if (verdict.status === 'approved') {
      const known = await this.store.hasApproved(email);
      const hold: HeldReason =
        countLinks(input.body) > settings.commentMaxLinks
          ? 'links'
          : settings.commentModeration === 'all'
            ? 'moderate-all'
            : settings.commentModeration === 'first' && !known
              ? 'first-comment'
              : tokenless && !known
                ? 'no-token'
                : '';
      if (hold) Object.assign(verdict, { status: 'pending', reason: hold });
    }

    const { id, status, reason } = await this.store.transaction(async (tx) => {
      if (token.kind === 'valid' && !(await tx.useFormToken(token.nonce, now))) {
        // A reused token comes right after the honeypot, blocklist and token checks (as
        // before 'repeated' and any hold).
        if (!spamBeforeToken) Object.assign(verdict, { status: 'spam', reason: 'token-reused' });
      }
      const { status, reason } = verdict;
      const id = await tx.insert({
        articleId: article.id,
        parentId: input.parentId,
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        authorUrl: input.authorUrl,
        body: input.body,
        status,
        createdAt: now,
        ipHash,
        userAgent: req.userAgent.slice(0, USER_AGENT_MAX),
        emailKey: email,
        bodyKey: key,
        heldReason: reason,
        userId: null,
      });
      if (status !== 'spam') await this.enqueueWebhook(id, article, status, reason, input, now, tx);
      return { id, status, reason };
    });
    if (status === 'approved') this.deps.changes.emit([contentTags.comments(article.id)]);
    if (status !== 'spam') this.deps.events?.commentPosted(id);
    const comment: PublicComment | null =
      status === 'approved'
        ? { id, parentId: input.parentId, authorName: input.authorName, authorUrl: input.authorUrl, body: input.body, createdAt: now, byNewsroom: false }
        : null;
    return { id, article, status, reason, comment };
  }

  // ── Webhook ───────────────────────────────────────────────────────────────

  /** Queues the notification of a new comment if a webhook is set (sent by the job, never in the request). */
  async enqueueWebhook(
    id: number,
    article: Pick<Article, 'id' | 'slug' | 'section' | 'headline'>,
    status: CommentStatus,
    reason: HeldReason,
    input: { authorName: string; authorUrl: string | null; body: string; parentId: number | null },
    now: Date,
    store: CommentStore = this.store,
  ): Promise<void> {
    const url = await store.webhookUrl();
    if (!url) return;
    const origin = this.deps.siteUrl.replace(/\/$/, '');
    const articleUrl = `${origin}${articlePath(article)}`;
    // Never the email or the address: the webhook goes to another system.
    const payload = JSON.stringify({
      event: 'comment.created',
      site: origin,
      comment: {
        id,
        status,
        heldReason: reason,
        parentId: input.parentId,
        authorName: input.authorName,
        authorUrl: input.authorUrl,
        excerpt: [...input.body].slice(0, 500).join(''),
        createdAt: now.toISOString(),
        url: status === 'approved' ? `${articleUrl}#comment-${id}` : null,
      },
      article: { id: article.id, headline: article.headline, url: articleUrl },
      moderationUrl: `${origin}/admin/comments?status=pending`,
    });
    await store.enqueueWebhook(id, url, payload, now);
  }

  /** The key the webhook's `x-samachar-signature` is made with (HMAC-SHA256 of the body). */
  async webhookSigningKey(): Promise<string> {
    return (await this.deps.keys.get()).webhook.toString('base64url');
  }

  /**
   * Sends the webhook deliveries that are due, each claimed by one process (safe with
   * several). A failure is retried after 30 s, 2 min, 10 min, 1 h and 6 h, then marked
   * failed. Returns what happened to each.
   */
  async deliverWebhooks(fetchImpl?: FetchLike): Promise<{ delivered: number; failed: number; retrying: number }> {
    const allowPrivate = this.deps.webhookAllowPrivate === true;
    const post = fetchImpl ?? (allowPrivate ? openPost : guardedPost);
    const now = this.deps.now();
    const due = await this.store.dueWebhooks(now, WEBHOOK_BATCH);
    const keys = await this.deps.keys.get();
    const report = { delivered: 0, failed: 0, retrying: 0 };
    for (const d of due) {
      if (!(await this.store.claimWebhook(d.id, d.attempts, new Date(now.getTime() + WEBHOOK_TIMEOUT_MS * 3)))) continue;
      // Checked again at each send: the URL may predate the rule, or its name now resolve elsewhere.
      const target = allowPrivate ? { ok: true as const } : await this.checkWebhookTarget(d.url, 'refuse');
      const error = target.ok ? await send(post, d, keys.webhook) : `refused: ${target.reason}`;
      const at = this.deps.now();
      if (error === null) {
        await this.store.webhookDelivered(d.id, at);
        report.delivered++;
      } else {
        const delay = WEBHOOK_BACKOFF_MS[d.attempts];
        await this.store.webhookFailed(d.id, error, delay === undefined ? null : new Date(at.getTime() + delay), at);
        if (delay === undefined) report.failed++;
        else report.retrying++;
      }
    }
    return report;
  }

  /**
   * Whether the webhook may be sent to `url`: a public address (see webhook-target.ts),
   * unless private ones are allowed. At save time a name that does not resolve yet is let
   * through (it is checked again at every send).
   */
  checkWebhookTarget(url: string, unresolved: 'allow' | 'refuse'): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.deps.webhookAllowPrivate) return Promise.resolve({ ok: true });
    return checkWebhookTarget(url, this.deps.lookup, unresolved);
  }

  recentWebhooks(limit = 10): Promise<WebhookDelivery[]> {
    return this.store.recentWebhooks(limit);
  }

  /** Forgets used form-token nonces older than any token can be. */
  sweepFormTokens(): Promise<number> {
    return this.store.sweepFormTokens(new Date(this.deps.now().getTime() - FORM_TOKEN_MAX_AGE_MS - 60_000));
  }
}

/**
 * POSTs with node:http(s), connecting only to a public address the lookup itself checked
 * (a literal address is checked before; net.connect does not look those up). Redirects are
 * not followed.
 */
function postWith(lookup: typeof guardedLookup | undefined): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const client = url.startsWith('https:') ? https : http;
      const request = client.request(url, { method: init.method, headers: init.headers, signal: init.signal, ...(lookup ? { lookup } : {}) }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0 });
      });
      request.on('error', reject);
      request.end(init.body);
    });
}
const guardedPost = postWith(guardedLookup);
const openPost = postWith(undefined);

/** One attempt: null on a 2xx answer, else what went wrong. */
async function send(fetchImpl: FetchLike, d: WebhookDelivery, key: Buffer): Promise<string | null> {
  try {
    const res = await fetchImpl(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Samachar-Webhook/1',
        'x-samachar-event': 'comment.created',
        'x-samachar-delivery': String(d.id),
        'x-samachar-signature': `sha256=${createHmac('sha256', key).update(d.payload).digest('hex')}`,
      },
      body: d.payload,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      redirect: 'manual',
    });
    return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
  } catch (err) {
    return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
}
