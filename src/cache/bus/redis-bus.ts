/**
 * Changes between processes over Redis pub/sub (when REDIS_URL is set): one connection
 * subscribed, one to publish. Pub/sub delivers at most once: a subscriber that reconnects
 * has missed what was sent meanwhile, so after every reconnect the process hears
 * `{ all: true }` and drops its whole cache.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@redis/client';
import type { Change, ChangeBus, ChangeListener } from '../../domain/changes/change-feed.ts';
import type { LiveBus, LiveBusListener, LiveEvent } from '../../live/live-event.ts';
import { decodeChange, decodeEvent, encodeChange, encodeEvent } from './bus-message.ts';

export interface RedisBusOptions {
  readonly url: string;
  readonly channel: string;
  readonly log: (message: string, err?: unknown) => void;
  /** The name both connections give the server (CLIENT SETNAME), to find them in CLIENT LIST. */
  readonly clientName?: string;
}

const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 5000);

export class RedisBus implements ChangeBus, LiveBus {
  private readonly origin = randomUUID();
  private readonly listeners = new Set<ChangeListener>();
  private readonly eventListeners = new Set<LiveBusListener>();
  // A publish while disconnected fails at once instead of waiting in a queue: the write it
  // follows has committed, and the other processes will drop everything when they reconnect.
  private readonly publisher;
  private readonly subscriber;
  private ready = false;
  private everReady = false;
  private closed = false;

  constructor(private readonly options: RedisBusOptions) {
    const name = options.clientName ? { name: options.clientName } : {};
    this.publisher = createClient({ url: options.url, ...name, disableOfflineQueue: true, socket: { reconnectStrategy, connectTimeout: 3000 } });
    this.subscriber = createClient({ url: options.url, ...name, socket: { reconnectStrategy, connectTimeout: 3000 } });
    this.publisher.on('error', (err: unknown) => this.options.log('change bus (Redis): publisher error', err));
    this.subscriber.on('error', (err: unknown) => this.options.log('change bus (Redis): subscriber error', err));
    this.subscriber.on('end', () => (this.ready = false));
    this.subscriber.on('reconnecting', () => (this.ready = false));
    this.subscriber.on('ready', () => {
      this.ready = true;
      // Ready again after a drop: what was published meanwhile is lost; forget everything.
      if (this.everReady) {
        this.reconnects++;
        this.deliver({ all: true });
        this.deliverEvent('reconnected');
      }
      this.everReady = true;
    });
  }

  /**
   * Connects and subscribes. Waits at most `waitMs` (default 5 s): a Redis that is not
   * reachable yet must not keep the site from starting; the clients keep trying, and the
   * first message arrives once they are through (pages meanwhile live at most their TTL).
   */
  async start(waitMs = 5000): Promise<void> {
    const connecting = (async () => {
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      await this.subscriber.subscribe(this.options.channel, (message: string) => {
        const change = decodeChange(this.origin, message);
        if (change) this.deliver(change);
        else this.deliverEvent(decodeEvent(this.origin, message));
      });
    })();
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), waitMs);
      timer.unref();
    });
    const outcome = await Promise.race([connecting.then(() => 'ok' as const), waited]).finally(() => clearTimeout(timer));
    if (outcome === 'late') {
      this.options.log(`change bus (Redis): not reachable at ${new URL(this.options.url).host} yet; still trying`);
      connecting.catch((err: unknown) => this.options.log('change bus (Redis): could not subscribe', err));
    }
  }

  /** Times the subscriber came back after a drop. */
  reconnects = 0;

  get connected(): boolean {
    return this.ready;
  }

  onReceive(listener: ChangeListener): void {
    this.listeners.add(listener);
  }

  async publish(change: Change): Promise<void> {
    if (this.closed) return;
    for (const payload of encodeChange(this.origin, change)) await this.publisher.publish(this.options.channel, payload);
  }

  /** A live event to the other processes (src/live/); false when it is too large for one message. */
  async publishEvent(event: LiveEvent): Promise<boolean> {
    if (this.closed) return true;
    const payload = encodeEvent(this.origin, event);
    if (payload === null) return false;
    await this.publisher.publish(this.options.channel, payload);
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
    if (this.closed) return;
    this.closed = true;
    await Promise.all([this.publisher.close().catch(() => {}), this.subscriber.close().catch(() => {})]);
  }
}
