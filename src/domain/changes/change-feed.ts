/**
 * Carries content changes to whoever keeps copies (the page cache), in this process and,
 * through a bus, in the others. Guarantees:
 * - `emit` is called after the change is committed; listeners here run before it returns,
 *   so the next request in this process never sees a page older than the change.
 * - Other processes get it through the bus at most once (PostgreSQL NOTIFY and Redis
 *   pub/sub both can drop a message while disconnected). A bus that reconnects delivers
 *   'all', so they drop everything rather than keep what they may have missed; a cache's
 *   TTL ceiling bounds what is left.
 * - A failing bus never fails the write that emitted: the write is already committed.
 */
export type Change = { readonly tags: readonly string[] } | { readonly all: true };
export type ChangeListener = (change: Change) => void;

/** The link between processes: PostgreSQL LISTEN/NOTIFY or Redis pub/sub (src/cache/bus/). */
export interface ChangeBus {
  /** Sends a change to the other processes (not back to this one). */
  publish(change: Change): Promise<void>;
  /** Changes from other processes, and `{ all: true }` after every reconnect. */
  onReceive(listener: ChangeListener): void;
  close(): Promise<void>;
  /** Listening now (both buses have it; /readyz and metrics read it). */
  readonly connected?: boolean;
  /** Times the listening connection came back after a drop (metrics read it). */
  readonly reconnects?: number;
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private readonly emitted = new Set<ChangeListener>();
  /** Counts for metrics (src/ops/): changes emitted here, heard from the bus, and whole-cache drops heard. */
  readonly counts = { sent: 0, received: 0, receivedAll: 0 };

  constructor(
    private readonly bus: ChangeBus | null = null,
    private readonly log: (message: string, err?: unknown) => void = () => {},
  ) {
    bus?.onReceive((change) => {
      this.counts.received++;
      if ('all' in change) this.counts.receivedAll++;
      this.deliver(change);
    });
  }

  /** Whether the bus is listening; null without a bus (one process on SQLite). */
  get busConnected(): boolean | null {
    return this.bus ? (this.bus.connected ?? true) : null;
  }

  /** Reconnects of the bus since start (0 without a bus). */
  get busReconnects(): number {
    return this.bus?.reconnects ?? 0;
  }

  /** Every change, from this process or another. Returns the unsubscribe. */
  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Only changes made in this process (a CDN purge is sent once, by the process that changed). */
  subscribeLocal(listener: ChangeListener): () => void {
    this.emitted.add(listener);
    return () => this.emitted.delete(listener);
  }

  /** A committed change touching these tags. Empty lists are ignored. */
  emit(tags: Iterable<string>): void {
    const unique = [...new Set(tags)];
    if (unique.length > 0) this.send({ tags: unique });
  }

  /** A change that may touch anything (demo reset, generated content, import). */
  emitAll(): void {
    this.send({ all: true });
  }

  private send(change: Change): void {
    this.counts.sent++;
    this.deliver(change);
    for (const l of this.emitted) this.call(l, change);
    if (!this.bus) return;
    try {
      this.bus.publish(change).catch((err: unknown) => this.log('change bus: publish failed', err));
    } catch (err) {
      this.log('change bus: publish failed', err);
    }
  }

  private deliver(change: Change): void {
    for (const l of this.listeners) this.call(l, change);
  }

  private call(listener: ChangeListener, change: Change): void {
    try {
      listener(change);
    } catch (err) {
      this.log('change listener failed', err);
    }
  }

  close(): Promise<void> {
    return this.bus?.close() ?? Promise.resolve();
  }
}
