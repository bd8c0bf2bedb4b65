/**
 * The redirect map: what the reader site asks when an address would otherwise be 404,
 * what the WordPress importer fills, and what the admin screen edits. Every change emits
 * the `redirects` content tag, which purges the cached 301 answers.
 */
import type { ChangeFeed } from '../changes/change-feed.ts';
import { contentTags } from '../changes/content-tags.ts';
import { DomainError } from '../../errors.ts';
import { isValidOrigin, normaliseRedirectPath, type Redirect, REDIRECT_ORIGIN_MANUAL, redirectTarget } from './redirect.ts';
import type { RedirectRow, RedirectStore } from './redirect-store.ts';

export interface RedirectInput {
  readonly fromPath: string;
  readonly toPath: string;
  readonly origin?: string;
}

export class RedirectService {
  constructor(
    private readonly store: RedirectStore,
    private readonly changes: ChangeFeed,
    private readonly now: () => Date,
  ) {}

  /**
   * Where `path` (as requested, or as an old site wrote it) now lives: a site-relative,
   * percent-encoded address, or null when it is not an old address (or cannot be one).
   */
  async find(path: string): Promise<string | null> {
    const from = normaliseRedirectPath(path);
    if (from === null) return null;
    return this.store.findTarget(from);
  }

  /**
   * Makes `fromPath` answer 301 with `toPath`, replacing any redirect from the same old
   * address (so an import run twice leaves one row each). Errors: INVALID_INPUT on
   * fromPath (not a path), toPath (not site-relative, or the same address: a loop) or origin.
   */
  async put(fromPath: string, toPath: string, origin: string): Promise<void> {
    await this.putMany([{ fromPath, toPath, origin }]);
  }

  /** `put` for many, in one transaction: all are checked first, and none is saved if one is wrong. */
  async putMany(entries: readonly RedirectInput[]): Promise<void> {
    const rows = entries.map((e) => this.check(e));
    if (rows.length === 0) return;
    await this.store.upsert(rows, this.now());
    this.changes.emit([contentTags.redirects]);
  }

  /** A redirect an editor adds: like put, but an old address that already has one is refused ('taken'). */
  async create(input: RedirectInput): Promise<Redirect> {
    const row = this.check({ ...input, origin: input.origin ?? REDIRECT_ORIGIN_MANUAL });
    if (await this.store.findByFrom(row.fromPath)) throw new DomainError('INVALID_INPUT', 'fromPath', 'taken');
    await this.store.upsert([row], this.now());
    this.changes.emit([contentTags.redirects]);
    return (await this.store.findByFrom(row.fromPath))!;
  }

  /** Errors: NOT_FOUND; INVALID_INPUT as for put, and 'taken' when another redirect has that old address. */
  async update(id: number, input: RedirectInput): Promise<Redirect> {
    const existing = await this.store.findById(id);
    if (!existing) throw new DomainError('NOT_FOUND');
    const row = this.check({ ...input, origin: input.origin ?? existing.origin });
    const other = await this.store.findByFrom(row.fromPath);
    if (other && other.id !== id) throw new DomainError('INVALID_INPUT', 'fromPath', 'taken');
    if (!(await this.store.update(id, row, this.now()))) throw new DomainError('NOT_FOUND');
    this.changes.emit([contentTags.redirects]);
    return (await this.store.findById(id))!;
  }

  /** Errors: NOT_FOUND. */
  async delete(id: number): Promise<void> {
    if (!(await this.store.delete(id))) throw new DomainError('NOT_FOUND');
    this.changes.emit([contentTags.redirects]);
  }

  findById(id: number): Promise<Redirect | null> {
    return this.store.findById(id);
  }

  /**
   * Redirects whose old or new address contains `query` (all when empty), newest change
   * first. The query is matched as typed and percent-encoded too, since new addresses are
   * stored encoded (`/खबर` finds a target `/%E0%A4%96…`).
   */
  list(query: string, page: number, pageSize: number): Promise<{ items: Redirect[]; total: number }> {
    const q = query.normalize('NFC').trim().slice(0, 200);
    const needles = q ? [...new Set([q, encodeURI(q)])] : [];
    return this.store.list(needles, pageSize, (Math.max(1, page) - 1) * pageSize);
  }

  private check(input: RedirectInput): RedirectRow {
    const fromPath = normaliseRedirectPath(input.fromPath);
    if (fromPath === null) throw new DomainError('INVALID_INPUT', 'fromPath');
    const toPath = redirectTarget(input.toPath);
    if (toPath === null) throw new DomainError('INVALID_INPUT', 'toPath');
    // A redirect to its own old address would answer 301 forever.
    if (normaliseRedirectPath(toPath) === fromPath) throw new DomainError('INVALID_INPUT', 'toPath', 'loop');
    const origin = input.origin ?? REDIRECT_ORIGIN_MANUAL;
    if (!isValidOrigin(origin)) throw new DomainError('INVALID_INPUT', 'origin');
    return { fromPath, toPath, origin };
  }
}
