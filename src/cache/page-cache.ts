/**
 * Rendered public pages, kept in memory: a byte-bounded LRU with tags and a TTL ceiling.
 *
 * Guarantees:
 * - Never more than `maxBytes` of entries (each entry counts every encoding it holds).
 * - `purge(tags)` removes every entry carrying one of the tags, before it returns.
 * - A page rendered while a purge happened is not stored (`store` takes the generation
 *   read before rendering, and refuses if it moved): a render that read the old data
 *   cannot outlive the change that made it old.
 * - Entries stored as open-ended (pages keyed by text a visitor types: search results and
 *   suggestions) never hold more than `openEndedShare` of `maxBytes`: past it, the least
 *   recently used open-ended entry goes first, so a flood of made-up searches cannot push
 *   the other pages out.
 * - An entry older than `ttlMs` is no longer fresh (a purge message between processes can
 *   be lost), but it is kept until evicted so it can still be served when rendering fails
 *   (stale-if-error).
 */
export interface CacheEntry {
  /** Bytes this entry holds (all its bodies). */
  readonly bytes: number;
  readonly tags: readonly string[];
}

export interface CacheLookup<E extends CacheEntry> {
  readonly entry: E;
  /** Within the TTL ceiling. A stale entry is only for when a fresh render fails. */
  readonly fresh: boolean;
}

export interface PageCacheOptions {
  /** Upper bound on the bytes of all entries; 0 turns the cache off. */
  readonly maxBytes: number;
  /** How long an entry may be served without a purge (the ceiling for lost purges). */
  readonly ttlMs: number;
  /** The most of `maxBytes` open-ended entries may hold (default a quarter). */
  readonly openEndedShare?: number;
  /** Milliseconds clock (tests move it). */
  readonly now?: () => number;
}

export interface StoreOptions {
  /** Keyed by free text a visitor chooses: kept within the open-ended share. Default: as the entry it replaces, else false. */
  readonly openEnded?: boolean;
}

export interface PageCacheStats {
  readonly entries: number;
  readonly bytes: number;
  /** Bytes of open-ended entries (within `openEndedShare` of the maximum). */
  readonly openEndedBytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly purges: number;
}

interface Slot<E> {
  readonly entry: E;
  readonly expiresAt: number;
  readonly openEnded: boolean;
}

export class PageCache<E extends CacheEntry> {
  private readonly slots = new Map<string, Slot<E>>();
  private readonly byTag = new Map<string, Set<string>>();
  private bytes = 0;
  /** Keys of open-ended entries, least recently used first, and their bytes. */
  private readonly openKeys = new Map<string, Slot<E>>();
  private openBytes = 0;
  private hits = 0;
  private misses = 0;
  private purges = 0;
  /** Entries pushed out to make room (LRU), for metrics; kept out of stats() so its shape stays. */
  private evictions = 0;
  private gen = 0;
  private readonly now: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /** The purge generation: read it before rendering, give it to `store`. */
  get generation(): number {
    return this.gen;
  }

  lookup(key: string): CacheLookup<E> | undefined {
    const slot = this.slots.get(key);
    if (!slot) {
      this.misses++;
      return undefined;
    }
    const fresh = this.now() < slot.expiresAt;
    if (fresh) {
      this.hits++;
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.slots.delete(key);
      this.slots.set(key, slot);
      if (slot.openEnded) {
        this.openKeys.delete(key);
        this.openKeys.set(key, slot);
      }
    } else this.misses++;
    return { entry: slot.entry, fresh };
  }

  /**
   * The entry under `key` if it is fresh, counted as a hit; otherwise undefined, counted as
   * nothing (the caller goes on to `lookup`, which counts the miss and finds a stale entry).
   */
  peekFresh(key: string): E | undefined {
    const slot = this.slots.get(key);
    if (!slot || this.now() >= slot.expiresAt) return undefined;
    this.hits++;
    this.slots.delete(key);
    this.slots.set(key, slot);
    if (slot.openEnded) {
      this.openKeys.delete(key);
      this.openKeys.set(key, slot);
    }
    return slot.entry;
  }

  /**
   * Puts `next` in place of `current` under `key`, keeping its expiry, only if `current` is
   * still the entry there: a purge or a newer page meanwhile wins. For a better copy of the
   * same page (recompressed). Returns whether it replaced.
   */
  replace(key: string, current: E, next: E): boolean {
    const slot = this.slots.get(key);
    if (!slot || slot.entry !== current || next.bytes > this.options.maxBytes / 8) return false;
    const replaced: Slot<E> = { entry: next, expiresAt: slot.expiresAt, openEnded: slot.openEnded };
    // Same key, same tags (the same page): the tag index stays as it is.
    this.slots.set(key, replaced);
    this.bytes += next.bytes - current.bytes;
    if (slot.openEnded) {
      this.openKeys.set(key, replaced);
      this.openBytes += next.bytes - current.bytes;
    }
    for (const oldest of this.slots.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      if (this.remove(oldest)) this.evictions++;
    }
    return true;
  }

  /**
   * Keeps `entry` under `key` if nothing was purged since `generation` and it fits (an
   * entry over an eighth of the cache is not worth the pages it would push out).
   * Returns whether it was stored.
   */
  store(key: string, entry: E, generation: number, options: StoreOptions = {}): boolean {
    if (generation !== this.gen || !this.enabled || entry.bytes > this.options.maxBytes / 8) return false;
    const openEnded = options.openEnded ?? this.slots.get(key)?.openEnded ?? false;
    this.remove(key);
    const slot: Slot<E> = { entry, expiresAt: this.now() + this.options.ttlMs, openEnded };
    this.slots.set(key, slot);
    this.bytes += entry.bytes;
    if (openEnded) {
      this.openKeys.set(key, slot);
      this.openBytes += entry.bytes;
      const limit = this.options.maxBytes * (this.options.openEndedShare ?? 0.25);
      for (const oldest of this.openKeys.keys()) {
        if (this.openBytes <= limit) break;
        if (this.remove(oldest)) this.evictions++;
      }
    }
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    // Least recently used first.
    for (const oldest of this.slots.keys()) {
      if (this.bytes <= this.options.maxBytes) break;
      if (this.remove(oldest)) this.evictions++;
    }
    return true;
  }

  /** Drops every entry carrying one of `tags`. Returns how many. */
  purge(tags: Iterable<string>): number {
    this.gen++;
    this.purges++;
    let removed = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.remove(key)) removed++;
    }
    return removed;
  }

  /** Drops everything (a change that may touch anything, or a bus that reconnected). */
  clear(): void {
    this.gen++;
    this.purges++;
    this.slots.clear();
    this.byTag.clear();
    this.openKeys.clear();
    this.bytes = 0;
    this.openBytes = 0;
  }

  evicted(): number {
    return this.evictions;
  }

  stats(): PageCacheStats {
    return { entries: this.slots.size, bytes: this.bytes, openEndedBytes: this.openBytes, hits: this.hits, misses: this.misses, purges: this.purges };
  }

  private remove(key: string): boolean {
    const slot = this.slots.get(key);
    if (!slot) return false;
    this.slots.delete(key);
    this.bytes -= slot.entry.bytes;
    if (slot.openEnded) {
      this.openKeys.delete(key);
      this.openBytes -= slot.entry.bytes;
    }
    for (const tag of slot.entry.tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      keys.delete(key);
      if (keys.size === 0) this.byTag.delete(tag);
    }
    return true;
  }
}
