/**
 * The newsroom's side of comments: the moderation queue, its transitions, replies as the
 * newsroom, closing comments on a story, the blocklist and the comment settings. Every
 * method checks the acting user through `can()`: moderating needs 'comments.moderate'
 * (editors, admins); the blocklist and settings need 'settings.edit' (admins).
 */
import { isIP } from 'node:net';
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import type { Paged } from '../articles/article.ts';
import type { ArticleService } from '../articles/article-service.ts';
import type { SiteSettings } from '../settings/settings.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { type Action, can, type User } from '../users/user.ts';
import type { CommentStatus, ModeratedComment, ModerationAction, ModerationFilter, WebhookDelivery } from './comment.ts';
import { checkBody } from './comment-input.ts';
import { type BlocklistEntry, type BlocklistKind, bodyKey, emailKey, hashIp, normalizeBlocklistValue } from './comment-spam.ts';
import { CommentInputError, type CommentKeys, type CommentService } from './comment-service.ts';
import type { CommentStore } from './comment-store.ts';

export const MODERATION_PAGE_SIZE = 30;
/** Most comments one bulk action may name. */
export const MAX_BULK = 200;

/** The comment settings an admin edits on the comments screen. */
export type CommentSettings = Pick<
  SiteSettings,
  | 'commentsEnabled'
  | 'commentModeration'
  | 'commentAutoCloseDays'
  | 'commentMaxLinks'
  | 'commentMinSeconds'
  | 'commentIpLimit'
  | 'commentEmailLimit'
>;

export interface CommentModerationDeps {
  store: CommentStore;
  keys: CommentKeys;
  comments: CommentService;
  articles: ArticleService;
  settings: SettingsService;
  now: () => Date;
  changes: ChangeFeed;
  /** Told of approvals and newsroom replies after they commit (admin → Webhooks: src/domain/webhooks/); never waited for. */
  events?: { commentPosted(id: number): void; commentsApproved(ids: readonly number[]): void };
}

function allow(user: User, action: Action): void {
  if (!can(user, action)) throw new DomainError('FORBIDDEN', undefined, `${user.role} may not ${action}`);
}

/** An http(s) address for the webhook, or '' for none. */
export function checkWebhookUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text) return '';
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || text.length > 500) return null;
    return url.href;
  } catch {
    return null;
  }
}

export class CommentModerationService {
  private readonly store: CommentStore;
  constructor(private readonly deps: CommentModerationDeps) {
    this.store = deps.store;
  }

  async list(actor: User, filter: ModerationFilter, page: number, pageSize = MODERATION_PAGE_SIZE): Promise<Paged<ModeratedComment>> {
    allow(actor, 'comments.moderate');
    if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new DomainError('NOT_FOUND', 'page');
    const q = filter.q?.normalize('NFC').trim().slice(0, 200);
    const { items, total } = await this.store.listForModeration({ ...filter, ...(q ? { q } : { q: undefined }) }, pageSize, (page - 1) * pageSize);
    return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  }

  async counts(actor: User): Promise<Record<CommentStatus, number>> {
    allow(actor, 'comments.moderate');
    return this.store.countByStatus();
  }

  /** Comments waiting for an editor (for the newsroom's navigation); 0 for users who may not moderate. */
  async pendingCount(actor: User): Promise<number> {
    return can(actor, 'comments.moderate') ? this.store.countPending() : 0;
  }

  /**
   * Applies `action` to the comments among `ids` it applies to (TRANSITIONS); the others
   * are left as they are. Returns how many changed.
   */
  async act(actor: User, ids: readonly number[], action: ModerationAction): Promise<number> {
    allow(actor, 'comments.moderate');
    if (ids.length > MAX_BULK) throw new DomainError('INVALID_INPUT', 'ids', 'too-many');
    const { changed, articleIds } = await this.store.applyAction(ids, action, actor.id, this.deps.now());
    this.deps.changes.emit(articleIds.map(contentTags.comments));
    if (action === 'approve') this.deps.events?.commentsApproved(changed);
    return changed.length;
  }

  /**
   * Replies as the newsroom under a reader's comment: published at once with the site's
   * badge, and the comment answered is approved if it was waiting. Returns the reply's id.
   * Errors: NOT_FOUND (no such comment, or spam/trash), INVALID_INPUT on 'comment'.
   */
  async reply(actor: User, parentId: number, text: string): Promise<number> {
    allow(actor, 'comments.moderate');
    const parent = await this.store.parentFacts(parentId);
    if (!parent || parent.status === 'spam' || parent.status === 'trash') throw new DomainError('NOT_FOUND');
    const body = checkBody(text);
    if ('problem' in body) throw new CommentInputError({ comment: body.problem });
    const now = this.deps.now();
    const approved = parent.status === 'pending' ? (await this.store.applyAction([parent.id], 'approve', actor.id, now)).changed : [];
    const id = await this.store.insert({
      articleId: parent.articleId,
      parentId: parent.id,
      authorName: actor.name,
      authorEmail: actor.email,
      authorUrl: null,
      body: body.value,
      status: 'approved',
      createdAt: now,
      ipHash: null,
      userAgent: '',
      emailKey: emailKey(actor.email),
      bodyKey: bodyKey(body.value),
      heldReason: '',
      userId: actor.id,
    });
    this.deps.changes.emit([contentTags.comments(parent.articleId)]);
    this.deps.events?.commentsApproved(approved);
    this.deps.events?.commentPosted(id);
    return id;
  }

  /** Opens or closes comments on one story. NOT_FOUND if there is no such story. */
  async setArticleOpen(actor: User, articleId: number, open: boolean): Promise<void> {
    allow(actor, 'comments.moderate');
    if (!(await this.store.setArticleCommentsOpen(articleId, open))) throw new DomainError('NOT_FOUND');
    this.deps.changes.emit([contentTags.comments(articleId)]);
  }

  async articleOpen(actor: User, articleId: number): Promise<boolean | null> {
    allow(actor, 'comments.moderate');
    return this.store.articleCommentsOpen(articleId);
  }

  // ── Blocklist (admins) ────────────────────────────────────────────────────

  async blocklist(actor: User): Promise<BlocklistEntry[]> {
    allow(actor, 'settings.edit');
    return this.store.blocklist();
  }

  /**
   * Adds a word or phrase, an email (or `@domain`), or an IP address to the blocklist.
   * An IP is stored only as its salted hash, like commenters' addresses. Errors:
   * INVALID_INPUT on 'value'.
   */
  async block(actor: User, kind: BlocklistKind, value: string, note: string): Promise<void> {
    allow(actor, 'settings.edit');
    let stored: string | null;
    if (kind === 'ip') {
      const ip = value.trim();
      stored = isIP(ip) ? hashIp((await this.deps.keys.get()).ip, ip) : null;
    } else {
      stored = normalizeBlocklistValue(kind, value);
    }
    if (!stored) throw new DomainError('INVALID_INPUT', 'value', kind);
    await this.store.addToBlocklist(kind, stored, note.normalize('NFC').trim().slice(0, 200), actor.id, this.deps.now());
  }

  /** Blocks the email and address a comment came from, and moves it to spam. NOT_FOUND if there is no such comment. */
  async blockWriterOf(actor: User, commentId: number): Promise<void> {
    allow(actor, 'settings.edit');
    const origin = await this.store.origin(commentId);
    if (!origin) throw new DomainError('NOT_FOUND');
    const now = this.deps.now();
    const note = `#${commentId}`;
    if (origin.emailKey) await this.store.addToBlocklist('email', origin.emailKey, note, actor.id, now);
    if (origin.ipHash) await this.store.addToBlocklist('ip', origin.ipHash, note, actor.id, now);
    await this.store.applyAction([commentId], 'spam', actor.id, now);
  }

  async unblock(actor: User, id: number): Promise<void> {
    allow(actor, 'settings.edit');
    if (!(await this.store.removeFromBlocklist(id))) throw new DomainError('NOT_FOUND');
  }

  // ── Settings (admins) ─────────────────────────────────────────────────────

  async settings(actor: User): Promise<{ settings: CommentSettings; webhookUrl: string; signingKey: string; deliveries: WebhookDelivery[] }> {
    allow(actor, 'settings.edit');
    const [settings, webhookUrl, signingKey, deliveries] = await Promise.all([
      this.deps.settings.get(),
      this.store.webhookUrl(),
      this.deps.comments.webhookSigningKey(),
      this.deps.comments.recentWebhooks(10),
    ]);
    return { settings, webhookUrl, signingKey, deliveries };
  }

  /** Changes comment settings and the webhook address. Errors: INVALID_INPUT naming the field. */
  async updateSettings(actor: User, patch: Partial<CommentSettings>, webhookUrl: string): Promise<void> {
    allow(actor, 'settings.edit');
    const url = checkWebhookUrl(webhookUrl);
    if (url === null) throw new DomainError('INVALID_INPUT', 'webhookUrl');
    // Not this machine or its neighbours (SSRF); checked again at every send.
    if (url !== '') {
      const target = await this.deps.comments.checkWebhookTarget(url, 'allow');
      if (!target.ok) throw new DomainError('INVALID_INPUT', 'webhookUrl', `webhook URL refused: ${target.reason}`);
    }
    await this.deps.settings.update(patch);
    await this.store.setWebhookUrl(url);
  }
}
