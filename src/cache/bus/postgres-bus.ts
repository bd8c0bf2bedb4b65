/**
 * Changes between processes over PostgreSQL LISTEN/NOTIFY: one connection of its own that
 * listens, and the pool's connections to send. NOTIFY delivers at most once: messages sent
 * while the listening connection is down are lost, so after every reconnect the process
 * hears `{ all: true }` and drops its whole cache.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Change, ChangeBus, ChangeListener } from '../../domain/changes/change-feed.ts';
import type { LiveBus, LiveBusListener, LiveEvent } from '../../live/live-event.ts';
import { decodeChange, decodeEvent, encodeChange, encodeEvent } from './bus-message.ts';

export interface PostgresBusOptions {
  readonly url: string;
  /** The channel: one per site (the schema's name is in it), so sites sharing a server never meet. */
  readonly channel: string;
  readonly log: (message: string, err?: unknown) => void;
  /** Longest wait between reconnect attempts. */
  readonly maxRetryMs?: number;
  /** `application_name` of its connections, to find them in pg_stat_activity (tests, operators). */
  readonly applicationName?: string;
}

export class PostgresBus implements ChangeBus, LiveBus {
  private readonly origin = randomUUID();
  private readonly listeners = new Set<ChangeListener>();
  private readonly eventListeners = new Set<LiveBusListener>();
  private readonly sender: pg.Pool;
  private client: pg.Client | null = null;
  private listening = false;
  private everListened = false;
  private closed = false;
  private retryMs = 100;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PostgresBusOptions) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(options.channel)) throw new Error(`invalid channel name: ${options.channel}`);
    this.sender = new pg.Pool({ connectionString: options.url, max: 2, idleTimeoutMillis: 10_000, connectionTimeoutMillis: 3000, ...this.named() });
    this.sender.on('error', () => {});
  }

  /** Connects and listens; resolves once listening. Keeps retrying in the background if the first try fails. */
  async start(): Promise<void> {
    await this.connect().catch((err: unknown) => {
      this.options.log('change bus (PostgreSQL): cannot listen yet, retrying', err);
      this.retry();
    });
  }

  /** Times the listening connection came back after a drop. */
  reconnects = 0;

  /** Whether the listening connection is up (tests and diagnostics read it). */
  get connected(): boolean {
    return this.listening;
  }

  onReceive(listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  async publish(change: Change): Promise<void> {
    if (this.closed) return;
    for (const payload of encodeChange(this.origin, change)) await this.sender.query('select pg_notify($1, $2)', [this.options.channel, payload]);
  }

  private named(): { application_name?: string } {
    return this.options.applicationName ? { application_name: this.options.applicationName } : {};
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, connectionTimeoutMillis: 3000, ...this.named() });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      if (msg.channel !== this.options.channel || msg.payload === undefined) return;
      const change = decodeChange(this.origin, msg.payload);
      if (change) this.deliver(change);
      else this.deliverEvent(decodeEvent(this.origin, msg.payload));
    });
    try {
      await client.connect();
      await client.query(`listen ${this.options.channel}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    const reconnected = this.everListened;
    this.everListened = true;
    this.client = client;
    this.listening = true;
    this.retryMs = 100;
    // Whatever was sent while we were not listening is lost: forget everything.
    if (reconnected) {
      this.reconnects++;
      this.deliver({ all: true });
      this.deliverEvent('reconnected');
    }
  }

  private lost(client: pg.Client, err?: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.listening = false;
    this.options.log('change bus (PostgreSQL): listening connection lost, reconnecting', err);
    client.end().catch(() => {});
    this.retry();
  }

  private retry(): void {
    if (this.closed || this.timer) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, this.options.maxRetryMs ?? 5000);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().catch((err: unknown) => {
        this.options.log('change bus (PostgreSQL): reconnect failed', err);
        this.retry();
      });
    }, wait);
    this.timer.unref();
  }

  /** A live event to the other processes (src/live/); false when it is too large for one message. */
  async publishEvent(event: LiveEvent): Promise<boolean> {
    if (this.closed) return true;
    const payload = encodeEvent(this.origin, event);
    if (payload === null) return false;
    await this.sender.query('select pg_notify($1, $2)', [this.options.channel, payload]);
    return true;
  }

  onEvent(listener: LiveBusListener): void {
    this.eventListeners.add(listener);
  }

  private deliverEvent(event: LiveEvent | 'reconnected' | null): void {
    if (event) for (const l of this.eventListeners) l(event);
  }

  private deliver(change: Change): void {
    for (const l of this.listeners) l(change);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await Promise.all([client?.end().catch(() => {}), this.sender.end().catch(() => {})]);
  }
}
