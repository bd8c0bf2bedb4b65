/**
 * The wire format of a change between processes: JSON with the sender's id (so a process
 * ignores its own messages) and either the tags or `all`. Long tag lists are split so each
 * message stays under PostgreSQL's NOTIFY limit (8000 bytes).
 */
import type { Change } from '../../domain/changes/change-feed.ts';

const MAX_PAYLOAD = 7000;

export function encodeChange(origin: string, change: Change): string[] {
  if ('all' in change) return [JSON.stringify({ o: origin, all: 1 })];
  const out: string[] = [];
  let part: string[] = [];
  let size = 0;
  for (const tag of change.tags) {
    if (part.length > 0 && size + tag.length + 3 > MAX_PAYLOAD) {
      out.push(JSON.stringify({ o: origin, t: part }));
      part = [];
      size = 0;
    }
    part.push(tag);
    size += tag.length + 3;
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
    if (Array.isArray(m.t) && m.t.every((t) => typeof t === 'string')) return { tags: m.t as string[] };
  } catch {
    // falls through
  }
  return { all: true };
}
