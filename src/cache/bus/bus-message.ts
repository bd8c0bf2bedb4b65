/**
 * The wire format of a change between processes: JSON with the sender's id (so a process
 * ignores its own messages) and either the tags or `all`. Long tag lists are split so each
 * message stays under PostgreSQL's NOTIFY limit (8000 bytes, counted in UTF-8 bytes, not
 * characters); a single tag too long for any message is sent as `all`.
 */
import type { Change } from '../../domain/changes/change-feed.ts';
import type { LiveEvent } from '../../live/live-event.ts';

/**
 * The longest message, in bytes of its UTF-8 JSON (what NOTIFY counts), envelope included:
 * PostgreSQL refuses a payload of 8000 bytes or more, and this leaves room to spare.
 */
const MAX_MESSAGE_BYTES = 7000;

export function encodeChange(origin: string, change: Change): string[] {
  const all = JSON.stringify({ o: origin, all: 1 });
  if ('all' in change) return [all];
  const envelope = Buffer.byteLength(JSON.stringify({ o: origin, t: [] }));
  const out: string[] = [];
  let part: string[] = [];
  let size = envelope;
  for (const tag of change.tags) {
    // As it is written in the message: quoted, escaped, in UTF-8 (a Devanagari letter is 3 bytes).
    const bytes = Buffer.byteLength(JSON.stringify(tag));
    // A tag no message can hold: only dropping everything is sure to cover it.
    if (envelope + bytes > MAX_MESSAGE_BYTES) return [all];
    if (part.length > 0 && size + 1 + bytes > MAX_MESSAGE_BYTES) {
      out.push(JSON.stringify({ o: origin, t: part }));
      part = [];
      size = envelope;
    }
    size += (part.length > 0 ? 1 : 0) + bytes;
    part.push(tag);
  }
  if (part.length > 0) out.push(JSON.stringify({ o: origin, t: part }));
  return out;
}

/**
 * The change in a message from another process; null for this process's own messages.
 * Anything unreadable is taken as 'all': dropping the cache is always safe, keeping a
 * page a purge was meant for is not.
 */
export function decodeChange(origin: string, payload: string): Change | null {
  try {
    const m = JSON.parse(payload) as { o?: unknown; all?: unknown; t?: unknown };
    if (m.o === origin) return null;
    // A live event (encodeEvent) is not a change: the live hub reads it.
    if (typeof m === 'object' && m !== null && 'e' in m) return null;
    if (Array.isArray(m.t) && m.t.every((t) => typeof t === 'string')) return { tags: m.t as string[] };
  } catch {
    // falls through
  }
  return { all: true };
}

/**
 * A live event (src/live/) on the same channel as changes: `{o, e: {c, i, t, d}}`. Null when
 * it would pass the size limit (the hub then sends a `reset` in its place).
 */
export function encodeEvent(origin: string, event: LiveEvent): string | null {
  const payload = JSON.stringify({ o: origin, e: { c: event.channel, i: event.id, t: event.type, d: event.data } });
  return Buffer.byteLength(payload) > MAX_MESSAGE_BYTES ? null : payload;
}

/** The live event in a message from another process; null for own messages, changes, and anything malformed. */
export function decodeEvent(origin: string, payload: string): LiveEvent | null {
  try {
    const m = JSON.parse(payload) as { o?: unknown; e?: { c?: unknown; i?: unknown; t?: unknown; d?: unknown } };
    if (typeof m !== 'object' || m === null || m.o === origin || typeof m.e !== 'object' || m.e === null) return null;
    const { c, i, t, d } = m.e;
    if (typeof c !== 'string' || typeof t !== 'string' || typeof d !== 'string' || typeof i !== 'number' || !Number.isSafeInteger(i)) return null;
    return { channel: c, id: i, type: t, data: d };
  } catch {
    return null;
  }
}
