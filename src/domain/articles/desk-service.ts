/**
 * The desk: the newsroom's story list (headline search in Hindi or Latin letters,
 * filters, sorting, pages) and bulk actions on checked stories. Bulk actions go through
 * the same service calls as a story's own buttons (the workflow's `transition`, the
 * trash), one story at a time, so every rule and permission applies to each; a story
 * that cannot move is reported with the reason and the others still move.
 */
import { DomainError } from '../../errors.ts';
import type { User } from '../users/user.ts';
import type { ArticleStatus } from './article.ts';
import {
  type BulkAction,
  type BulkFailure,
  type BulkResult,
  DESK_PAGE_SIZE,
  type DeskItem,
  type DeskQuery,
  type HeadlineHit,
  headlineTerms,
  istDayStart,
  MAX_BULK,
  storyNumber,
} from './desk.ts';
import type { DeskFilter, DeskStore } from './desk-store.ts';

export interface DeskDeps {
  store: DeskStore;
  /** The workflow's one status change (ArticleEditService.transition): what a story's own buttons call. */
  transition: (user: User, id: number, to: ArticleStatus) => Promise<unknown>;
  /** Moving a story to the trash, where the trash exists; without it the desk offers no such action. */
  trash?: ((user: User, id: number) => Promise<unknown>) | undefined;
  now: () => Date;
}

export interface DeskPage {
  readonly items: readonly DeskItem[];
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  readonly pageSize: number;
}

/** Most public stories a headline search offers for pinning. */
const PICK_LIMIT = 20;

export class DeskService {
  constructor(private readonly deps: DeskDeps) {}

  /** Whether stories can be moved to the trash from the desk. */
  get canTrash(): boolean {
    return this.deps.trash !== undefined;
  }

  /** The bulk actions the desk offers. */
  bulkActions(): BulkAction[] {
    return this.canTrash ? ['review', 'published', 'unpublished', 'trash'] : ['review', 'published', 'unpublished'];
  }

  /** One page of the desk as this user may see it: reporters and contributors see only the stories they created. */
  async list(user: User, query: DeskQuery, pageSize = DESK_PAGE_SIZE): Promise<DeskPage> {
    const terms = query.q ? headlineTerms(query.q) : [];
    const storyId = query.q ? storyNumber(query.q) : undefined;
    // A query of only stopwords or punctuation searches nothing: no story matches it.
    if (query.q && terms.length === 0 && storyId === undefined) return { items: [], total: 0, page: query.page, pageCount: 1, pageSize };
    await this.deps.store.refreshStaleKeys();
    const mine = user.role === 'reporter' || user.role === 'contributor';
    const filter: DeskFilter = {
      terms,
      ...(storyId !== undefined ? { storyId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.sectionId !== undefined ? { sectionId: query.sectionId } : {}),
      ...(query.authorId !== undefined ? { authorId: query.authorId } : {}),
      ...(mine ? { createdBy: user.id } : {}),
      dateField: query.dateField,
      ...(query.from ? { from: istDayStart(query.from) } : {}),
      // "to" includes its whole day.
      ...(query.to ? { to: istDayStart(query.to, 1) } : {}),
    };
    const { items, total } = await this.deps.store.list(filter, { sort: query.sort, dir: query.dir }, pageSize, (query.page - 1) * pageSize);
    return { items, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)), pageSize };
  }

  /**
   * Applies `action` to each story in turn, as the user. Each story succeeds or fails on
   * its own; failures come back with a reason (no permission, not possible from its
   * status, needs a headline, a photo needs alt text, caption and credit …).
   */
  async bulk(user: User, action: BulkAction, ids: readonly number[]): Promise<BulkResult> {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_BULK) throw new DomainError('BAD_REQUEST', 'ids', `at most ${MAX_BULK} stories at once`);
    const run = action === 'trash' ? this.deps.trash : (u: User, id: number) => this.deps.transition(u, id, action);
    if (!run) throw new DomainError('BAD_REQUEST', 'action', 'no trash');
    const done: number[] = [];
    const failed: { id: number; reason: BulkFailure }[] = [];
    for (const id of unique) {
      try {
        await run(user, id);
        done.push(id);
      } catch (err) {
        // Anything but a domain error is a bug: it stops the run and is logged as one.
        if (!(err instanceof DomainError)) throw err;
        failed.push({ id, reason: failureOf(err) });
      }
    }
    return { action, done, failed };
  }

  /**
   * Brings every stale headline's keys in step now (the desk does it before each search
   * anyway). For bulk writers: after `samachar generate` or an import, so the first desk
   * search does not pay for keying 100,000 new stories (about 40 s on 2 busy CPUs).
   */
  refreshKeys(): Promise<number> {
    return this.deps.store.refreshStaleKeys();
  }

  /** Headlines of stories this user may see, for the report after a bulk action. */
  async headlines(user: User, ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const mine = user.role === 'reporter' || user.role === 'contributor';
    return this.deps.store.headlinesOf(ids.slice(0, MAX_BULK), mine ? user.id : undefined);
  }

  /** Public stories whose headline matches `q` (or whose number it is), newest first: what the home page can pin. */
  async findPublic(q: string, limit = PICK_LIMIT): Promise<HeadlineHit[]> {
    const terms = headlineTerms(q);
    const storyId = storyNumber(q);
    if (terms.length === 0 && storyId === undefined) return [];
    await this.deps.store.refreshStaleKeys();
    return this.deps.store.publicByHeadline(storyNumber(q) !== undefined ? [] : terms, storyId, this.deps.now(), Math.min(limit, 50));
  }
}

/** The reason a story of a bulk action did not move, from the error its own button would show. */
function failureOf(err: DomainError): BulkFailure {
  switch (err.code) {
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
      return 'missing';
    case 'CONFLICT':
      return 'conflict';
    case 'INVALID_INPUT':
      if (err.field === 'to') return 'transition';
      if (err.field === 'headline') return 'headline';
      if (err.field === 'heroMediaId' || err.field?.startsWith('body')) return 'photo';
      return 'invalid';
    default:
      return 'invalid';
  }
}
