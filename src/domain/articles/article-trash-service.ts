/**
 * Taking stories down: move to the trash (restorable for TRASH_DAYS, comes back as a
 * draft), delete for good (a tombstone keeps the address answering 410), and the trash
 * job that deletes what has been in the trash too long. Every method takes the acting user
 * and checks permissions itself; every change is recorded in the audit log (by the store,
 * in the same transaction) and purged at once from the page cache, the CDN (through the
 * change feed and the purge webhook), feeds and search.
 */
import { DomainError } from '../../errors.ts';
import type { ChangeFeed } from '../changes/change-feed.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { contentTags, storyTags } from '../changes/content-tags.ts';
import { type Action, can, type User } from '../users/user.ts';
import { type GoneReason, TRASH_KEEP_MS, type TrashFacts, type TrashRow } from './article-trash.ts';
import type { ArticleTrashStore } from './article-trash-store.ts';

export interface ArticleTrashDeps {
  store: ArticleTrashStore;
  changes: ChangeFeed;
  now: () => Date;
  /** The manual Updates list names stories by id: a story deleted for good leaves it. */
  settings: SettingsService;
}

/** Stories the trash job deletes per run; the next run (seconds later) takes the rest. */
const PURGE_BATCH = 100;

export class ArticleTrashService {
  constructor(private readonly deps: ArticleTrashDeps) {}

  private require(user: User, action: Action, facts: TrashFacts): void {
    if (!can(user, action, { article: { createdBy: facts.createdBy, status: facts.status } })) {
      throw new DomainError('FORBIDDEN', undefined, `${user.role} may not ${action}`);
    }
  }

  private async facts(id: number): Promise<TrashFacts> {
    const facts = await this.deps.store.facts(id);
    if (!facts) throw new DomainError('NOT_FOUND');
    return facts;
  }

  /** What readers may have seen of the story: its page, cards, lists, feeds, search, the Updates box and the home page. */
  private purge(facts: TrashFacts): void {
    if (facts.status !== 'published') {
      // Not public: no reader page shows it, so its own tag is enough (and the CDN hears of it).
      this.deps.changes.emit([contentTags.article(facts.id)]);
      return;
    }
    this.deps.changes.emit([...storyTags(facts), contentTags.comments(facts.id), contentTags.latest, contentTags.home]);
  }

  /**
   * Moves a story to the trash. Errors: NOT_FOUND; FORBIDDEN (see `can`: editors and
   * admins any story, reporters and contributors their own unpublished drafts); CONFLICT
   * when it is already in the trash or changed status meanwhile.
   */
  async trash(user: User, id: number): Promise<void> {
    const facts = await this.facts(id);
    this.require(user, 'article.trash', facts);
    if (facts.trashedAt) throw new DomainError('CONFLICT', 'trashed', 'already in the trash');
    if (!(await this.deps.store.trash(facts, user.id, this.deps.now()))) throw new DomainError('CONFLICT', 'status', 'the story changed meanwhile');
    this.purge(facts);
  }

  /** Takes a story out of the trash; it comes back as a draft (readers see it only when published again). */
  async restore(user: User, id: number): Promise<void> {
    const facts = await this.facts(id);
    this.require(user, 'article.trash', facts);
    if (!facts.trashedAt) throw new DomainError('NOT_FOUND', 'trashed', 'not in the trash');
    if (!(await this.deps.store.restore(facts, user.id, this.deps.now()))) throw new DomainError('NOT_FOUND', 'trashed', 'not in the trash');
  }

  /**
   * Deletes a story for good, from the trash or straight away (a legal takedown). Editors
   * and admins only. Its address answers 410 from then on; its photos stay in the library.
   */
  async deleteForever(user: User, id: number): Promise<void> {
    const facts = await this.facts(id);
    this.require(user, 'article.delete', facts);
    if (!(await this.deps.store.deleteForever(facts, user.id, this.deps.now(), 'article.delete'))) throw new DomainError('NOT_FOUND');
    this.purge(facts);
    await this.forget(id);
  }

  /**
   * Takes a deleted story out of the manual Updates list (a trashed one stays: it may come
   * back). Otherwise the list would name a story that no longer exists, and the next save
   * of the front page's settings would be refused for it. An emptied manual list goes back
   * to the newest stories.
   */
  private async forget(id: number): Promise<void> {
    const settings = await this.deps.settings.get();
    if (!settings.updatesIds.includes(id)) return;
    const updatesIds = settings.updatesIds.filter((x) => x !== id);
    await this.deps.settings.update({ updatesIds, ...(updatesIds.length === 0 ? { updatesMode: 'latest' as const } : {}) });
  }

  /**
   * The trash job: deletes for good every story trashed more than TRASH_DAYS ago. Safe to
   * run in several processes at once (each story is deleted, and recorded, by one of them).
   * Returns the ids it deleted.
   */
  async purgeExpired(): Promise<number[]> {
    const now = this.deps.now();
    const cutoff = new Date(now.getTime() - TRASH_KEEP_MS);
    const done: number[] = [];
    for (const id of await this.deps.store.expired(cutoff, PURGE_BATCH)) {
      const facts = await this.deps.store.facts(id);
      if (facts && (await this.deps.store.deleteForever(facts, null, now, 'article.purge', cutoff))) {
        done.push(id);
        this.purge(facts);
        await this.forget(id);
      }
    }
    return done;
  }

  /** The Trash screen: editors and admins see every trashed story; others only their own. */
  async list(user: User, page: number, pageSize: number): Promise<{ items: TrashRow[]; total: number; page: number; pageCount: number }> {
    if (!Number.isInteger(page) || page < 1 || page > 1000) throw new DomainError('NOT_FOUND', 'page');
    const everyone = can(user, 'article.delete');
    const { items, total } = await this.deps.store.list(everyone ? {} : { createdBy: user.id }, pageSize, (page - 1) * pageSize);
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    if (page > pageCount) throw new DomainError('NOT_FOUND', 'page');
    return { items, total, page, pageCount };
  }

  /** The story's headline (for the newsroom's notices); null when it does not exist. */
  async headline(id: number): Promise<string | null> {
    return (await this.deps.store.facts(id))?.headline ?? null;
  }

  /** Why a story's public address answers 410 (in the trash, or deleted for good), or null. */
  gone(id: number): Promise<GoneReason | null> {
    return this.deps.store.gone(id);
  }
}
