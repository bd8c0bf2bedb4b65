/**
 * A value read rarely-changing from the database (site settings, the sections, a widget)
 * and kept in memory, dropped by the same content tags that purge pages. Guarantees:
 * - A change emitted in this process drops the value before `emit` returns, so the next
 *   read sees the change; other processes drop it when the bus delivers the change, and
 *   everything when the bus reconnects (`all`).
 * - A read that started before a change is never kept after it (a generation counter),
 *   so a slow read cannot bring an old value back.
 * - A value is kept at most `ttlMs`, which bounds how long a write no change announced
 *   (another program writing the database directly) can go unseen.
 * - A failed read is not kept. Values are shared between callers: they must not mutate them.
 */
import type { ChangeFeed } from '../domain/changes/change-feed.ts';

export interface MemoOptions {
  /** Whether a content tag of a change touches this value. */
  touches: (tag: string) => boolean;
  ttlMs?: number;
  /** The clock (monotonic milliseconds); tests replace it. */
  clock?: () => number;
}

export class TaggedMemo<T> {
  private value: Promise<T> | null = null;
  private loadedAt = 0;
  private generation = 0;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    changes: ChangeFeed,
    private readonly load: () => Promise<T>,
    private readonly options: MemoOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.clock = options.clock ?? (() => performance.now());
    changes.subscribe((change) => {
      if ('all' in change || change.tags.some(options.touches)) this.clear();
    });
  }

  get(): Promise<T> {
    if (this.value && this.clock() - this.loadedAt < this.ttlMs) return this.value;
    const generation = this.generation;
    const pending = this.load();
    this.value = pending;
    this.loadedAt = this.clock();
    pending.then(
      () => {
        // A change came while reading: this result may predate it; the next read loads again.
        if (this.generation !== generation && this.value === pending) this.value = null;
      },
      () => {
        if (this.value === pending) this.value = null;
      },
    );
    return pending;
  }

  clear(): void {
    this.generation++;
    this.value = null;
  }
}

/** TaggedMemo per key (e.g. one per widget), created on first use. */
export class TaggedMemoMap<T> {
  private readonly memos = new Map<string, TaggedMemo<T>>();

  constructor(
    private readonly changes: ChangeFeed,
    private readonly load: (key: string) => Promise<T>,
    private readonly touches: (key: string, tag: string) => boolean,
    private readonly options: Omit<MemoOptions, 'touches'> = {},
  ) {}

  get(key: string): Promise<T> {
    let memo = this.memos.get(key);
    if (!memo) {
      memo = new TaggedMemo(this.changes, () => this.load(key), { ...this.options, touches: (tag) => this.touches(key, tag) });
      this.memos.set(key, memo);
    }
    return memo.get();
  }

  /** Drops the value kept under `key` (the next `get` reads it again). */
  clear(key: string): void {
    this.memos.get(key)?.clear();
  }
}
