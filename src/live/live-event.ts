/**
 * What the live hub carries: an event on a channel (`live:<storyId>`, `box:<widgetKey>`),
 * with an id that orders it among every channel's events, and the link between processes
 * that carries events (src/cache/bus/ implements it beside the change bus).
 */

/** A channel name: a kind, a colon, a key of letters, digits, `-` and `_`. */
export const CHANNEL_PATTERN = /^[a-z]{1,16}:[A-Za-z0-9_-]{1,64}$/;

export interface LiveEvent {
  readonly channel: string;
  /**
   * Milliseconds × 1000 plus a sequence, from the publishing process's clock: ids rise over
   * time in every process alike, so a reader can resume on any process (`Last-Event-ID`).
   */
  readonly id: number;
  /** The SSE event name the browser listens for (letters, digits, `-`). */
  readonly type: string;
  /** The event's data, usually JSON; one line or many. */
  readonly data: string;
}

export type LiveBusListener = (event: LiveEvent | 'reconnected') => void;

/** Events between processes. Delivery is at most once, so a reconnect is announced. */
export interface LiveBus {
  /** Sends to the other processes (never back to this one). False when the event is too large for the bus. */
  publishEvent(event: LiveEvent): Promise<boolean>;
  /** Events from other processes, and 'reconnected' after the link was down (events may be lost). */
  onEvent(listener: LiveBusListener): void;
}
