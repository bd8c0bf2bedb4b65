/**
 * The live hub: Server-Sent Events served from memory. A process keeps, per channel, the
 * open streams and a bounded ring of recent events; a publish formats the event once and
 * writes it to every stream on its channel, here and (through the bus) in every other
 * process. Readers never cause a database query.
 *
 * Guarantees:
 * - A reader resuming with `Last-Event-ID` (or `since`, the id its page was rendered at)
 *   gets every event after it from the ring, in id order, or a `reset` event when the ring
 *   cannot say: the id is older than what the ring still holds, older than this process's
 *   start, or older than the bus's last reconnect. A `reset` means "fetch the page again".
 * - The bus is at most once: when it reconnects, every open stream is sent `reset`.
 * - An event too large for the bus reaches other processes as a `reset` with the same id.
 * - At most `maxConnections` streams per process; `open` returns null past that, and the
 *   route answers 503 so the browser falls back to polling the cached page.
 * - A stream that stops reading (more than `maxBufferedBytes` waiting) is ended; its
 *   browser reconnects with Last-Event-ID and misses nothing the ring holds.
 */
import { CHANNEL_PATTERN, type LiveBus, type LiveEvent } from './live-event.ts';

export interface LiveSink {
  write(chunk: string): void;
  /** Bytes written but not yet taken by the socket. */
  buffered(): number;
  end(): void;
}

export interface LiveHubOptions {
  readonly bus?: LiveBus | null;
  readonly maxConnections: number;
  /** Events kept per channel for resuming (default 256). */
  readonly ringSize?: number;
  /** A comment line to every stream this often, so proxies keep it open (default 15 s). */
  readonly heartbeatMs?: number;
  readonly maxBufferedBytes?: number;
  /** Milliseconds clock (tests). */
  readonly now?: () => number;
  readonly log?: (message: string, err?: unknown) => void;
}

export interface LiveSubscription {
  close(): void;
}

interface Connection {
  readonly sink: LiveSink;
  readonly channels: readonly string[];
  closed: boolean;
}

interface Channel {
  readonly connections: Set<Connection>;
  /** Recent events as written to streams, oldest first. */
  readonly ring: { id: number; frame: string }[];
  /** The newest id pushed out of the ring: a reader behind it has missed something. */
  dropped: number;
}

const TYPE_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

/** One SSE frame: the id, the event name, and each line of data. */
export function sseFrame(event: Pick<LiveEvent, 'id' | 'type' | 'data'>): string {
  return `id: ${event.id}\nevent: ${event.type}\n${event.data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;
}

export class LiveHub {
  private readonly channels = new Map<string, Channel>();
  private readonly connections = new Set<Connection>();
  private readonly ringSize: number;
  private readonly maxBufferedBytes: number;
  private readonly now: () => number;
  private readonly log: (message: string, err?: unknown) => void;
  private readonly heartbeat: NodeJS.Timeout;
  private lastId = 0;
  /** Ids before this may have passed while this process was not listening. */
  private coveredSince: number;
  private closed = false;

  constructor(private readonly options: LiveHubOptions) {
    this.ringSize = options.ringSize ?? 256;
    this.maxBufferedBytes = options.maxBufferedBytes ?? 1_048_576;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? (() => {});
    this.coveredSince = this.now() * 1000;
    this.heartbeat = setInterval(() => this.writeAll(': hb\n\n'), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
    options.bus?.onEvent((event) => {
      if (event === 'reconnected') this.reconnected();
      else this.deliver(event);
    });
  }

  /** Open streams in this process. */
  get size(): number {
    return this.connections.size;
  }

  get maxConnections(): number {
    return this.options.maxConnections;
  }

  /** The id a page rendered now can hand its script as `since`: events after it are news to that page. */
  currentId(): number {
    return Math.max(this.lastId, this.now() * 1000);
  }

  /**
   * Sends an event to every reader of `channel`, in every process. Call it after the change
   * it announces is committed. Returns the event with its id.
   */
  publish(channel: string, event: { readonly type: string; readonly data: string }): LiveEvent {
    if (!CHANNEL_PATTERN.test(channel)) throw new Error(`invalid live channel: ${channel}`);
    if (!TYPE_PATTERN.test(event.type)) throw new Error(`invalid live event type: ${event.type}`);
    const full: LiveEvent = { channel, id: this.nextId(), type: event.type, data: event.data };
    this.deliver(full);
    const bus = this.options.bus;
    if (bus && !this.closed) {
      bus
        .publishEvent(full)
        .then((sent) => (sent ? undefined : bus.publishEvent({ ...full, type: 'reset', data: '' })))
        .catch((err: unknown) => this.log('live hub: bus publish failed', err));
    }
    return full;
  }

  /**
   * A stream for `channels`, resuming after `lastId` when given. Null when the process
   * already holds its cap of streams (or is closing).
   */
  open(channels: readonly string[], lastId: number | null, sink: LiveSink): LiveSubscription | null {
    if (this.closed || this.connections.size >= this.options.maxConnections) return null;
    const unique = [...new Set(channels)].filter((c) => CHANNEL_PATTERN.test(c));
    const conn: Connection = { sink, channels: unique, closed: false };
    sink.write(': ok\nretry: 3000\n\n');
    if (lastId !== null) {
      const missed: { id: number; frame: string }[] = [];
      let reset = false;
      for (const name of unique) {
        const ch = this.channels.get(name);
        if (lastId < this.coveredSince || (ch && lastId < ch.dropped)) reset = true;
        else if (ch) missed.push(...ch.ring.filter((e) => e.id > lastId));
      }
      if (reset) sink.write(`event: reset\ndata: \n\n`);
      else for (const e of missed.sort((a, b) => a.id - b.id)) sink.write(e.frame);
    }
    this.connections.add(conn);
    for (const name of unique) this.channel(name).connections.add(conn);
    return { close: () => this.drop(conn) };
  }

  /** Ends every stream (the server is closing); browsers reconnect to another process. */
  close(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const conn of [...this.connections]) {
      this.drop(conn);
      conn.sink.end();
    }
  }

  private nextId(): number {
    this.lastId = Math.max(this.lastId + 1, this.now() * 1000);
    return this.lastId;
  }

  private channel(name: string): Channel {
    let ch = this.channels.get(name);
    if (!ch) {
      ch = { connections: new Set(), ring: [], dropped: 0 };
      this.channels.set(name, ch);
    }
    return ch;
  }

  private deliver(event: LiveEvent): void {
    if (!CHANNEL_PATTERN.test(event.channel) || !TYPE_PATTERN.test(event.type)) return;
    // Ids from another process's clock may run ahead; ours stay above them, so a resume compares alike.
    this.lastId = Math.max(this.lastId, event.id);
    const ch = this.channel(event.channel);
    const frame = sseFrame(event);
    // Usually the newest; an event from another process can arrive a little out of order.
    let at = ch.ring.length;
    while (at > 0 && ch.ring[at - 1]!.id > event.id) at--;
    ch.ring.splice(at, 0, { id: event.id, frame });
    while (ch.ring.length > this.ringSize) ch.dropped = ch.ring.shift()!.id;
    for (const conn of ch.connections) this.write(conn, frame);
  }

  private reconnected(): void {
    this.coveredSince = this.currentId();
    this.writeAll('event: reset\ndata: \n\n');
  }

  private writeAll(chunk: string): void {
    for (const conn of this.connections) this.write(conn, chunk);
  }

  private write(conn: Connection, chunk: string): void {
    if (conn.closed) return;
    if (conn.sink.buffered() > this.maxBufferedBytes) {
      this.drop(conn);
      conn.sink.end();
      return;
    }
    try {
      conn.sink.write(chunk);
    } catch (err) {
      this.log('live hub: write failed', err);
      this.drop(conn);
    }
  }

  private drop(conn: Connection): void {
    if (conn.closed) return;
    conn.closed = true;
    this.connections.delete(conn);
    for (const name of conn.channels) {
      const ch = this.channels.get(name);
      if (!ch) continue;
      ch.connections.delete(conn);
      // A quiet channel nobody reads keeps only its ring; an empty one goes.
      if (ch.connections.size === 0 && ch.ring.length === 0) this.channels.delete(name);
    }
  }
}
