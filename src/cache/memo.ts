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

/**
 * `C` is what a read needs from its caller beyond the key (e.g. the instant to read at);
 * it is passed to the loader of the read that `get` starts, and ignored when a kept value
 * answers.
 */
export class TaggedMemo<T, C = void> {
  private value: Promise<T> | null = null;
  private loadedAt = 0;
  private generation = 0;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    changes: ChangeFeed,
    private readonly load: (context: C) => Promise<T>,
    private readonly options: MemoOptions,
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.clock = options.clock ?? (() => performance.now());
    changes.subscribe((change) => {
      if ('all' in change || change.tags.some(options.touches)) this.clear();
    });
  }

  get(context: C): Promise<T> {
    if (this.value && this.clock() - this.loadedAt < this.ttlMs) return this.value;
    const generation = this.generation;
    const pending = this.load(context);
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
export class TaggedMemoMap<T, C = void> {
  private readonly memos = new Map<string, TaggedMemo<T, C>>();

  constructor(
    private readonly changes: ChangeFeed,
    private readonly load: (key: string, context: C) => Promise<T>,
    private readonly touches: (key: string, tag: string) => boolean,
    private readonly options: Omit<MemoOptions, 'touches'> = {},
  ) {}

  get(key: string, context: C): Promise<T> {
    let memo = this.memos.get(key);
    if (!memo) {
      memo = new TaggedMemo<T, C>(this.changes, (c) => this.load(key, c), { ...this.options, touches: (tag) => this.touches(key, tag) });
      this.memos.set(key, memo);
    }
    return memo.get(context);
  }

  /** Drops the value kept under `key` (the next `get` reads it again). */
  clear(key: string): void {
    this.memos.get(key)?.clear();
  }
}
