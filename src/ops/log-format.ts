/**
 * Log lines for people: on a terminal, one short line per entry (local time, level,
 * message, a few key=value pairs), instead of pino's JSON Lines, which stay the format
 * for collectors (LOG_FORMAT=json, or whenever stdout is not a terminal).
 *
 * Guarantees: one entry is one line (newlines in values are escaped); a line that is not
 * JSON is passed through as it is; formatting an access line costs a string concatenation
 * and, once a second, formatting the time.
 */
type Sink = { write(line: string): unknown };

const LEVELS: Readonly<Record<number, string>> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, shown in the line's fixed part or not at all. */
const FIXED = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);

/** A clock for log lines: local time (IST on an Indian server) to the millisecond, the seconds part cached. */
export function localClock(now: () => number = Date.now): () => string {
  let second = -1;
  let prefix = '';
  return () => {
    const ms = now();
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      const d = new Date(ms);
      prefix = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    }
    return `${prefix}.${String(ms % 1000).padStart(3, '0')}`;
  };
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** One value as it appears after `key=`: short, on one line. */
function show(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Turns one pino JSON line into the line a person reads. */
export function formatLine(line: string, clock: () => string, timeOf?: (ms: number) => string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  if (entry === null || typeof entry !== 'object') return line.endsWith('\n') ? line : `${line}\n`;
  const time = typeof entry.time === 'number' && timeOf ? timeOf(entry.time) : clock();
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  let out = `${time} ${level} ${typeof entry.msg === 'string' ? entry.msg : ''}`;
  for (const [key, value] of Object.entries(entry)) {
    if (FIXED.has(key)) continue;
    if (key === 'err' && value && typeof value === 'object') {
      const err = value as { type?: string; message?: string; stack?: string };
      const at = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim();
      out += ` err=${show(`${err.type ?? 'Error'}: ${err.message ?? ''}`)}${at ? ` (${at})` : ''}`;
    } else out += ` ${key}=${show(value)}`;
  }
  return `${out.replace(/[\r\n]+/g, '⏎')}\n`;
}

/** A destination that writes pino's JSON lines as people's lines to `sink`. */
export function prettySink(sink: Sink, clock: () => string = localClock()): Sink & { flush?: (cb: (err?: Error) => void) => void } {
  const flushable = sink as Sink & { flush?: (cb: (err?: Error) => void) => void; flushSync?: () => void };
  return {
    write: (line: string) => {
      // pino may hand several lines in one write.
      const lines = line.split('\n');
      let out = '';
      for (const l of lines) if (l) out += formatLine(l, clock);
      return sink.write(out);
    },
    ...(flushable.flush ? { flush: (cb: (err?: Error) => void) => flushable.flush!(cb) } : {}),
  };
}

/** The access log's line for people: `21:04:05.120 GET /desh/… 200 1.4 ms`. */
export function prettyAccessWriter(sink: Sink, mask: (url: string) => string, clock: () => string = localClock()): (method: string, url: string, status: number, ms: number) => void {
  return (method, url, status, ms) => {
    sink.write(`${clock()} ${status >= 500 ? 'ERROR' : 'INFO '} ${method} ${mask(url).replace(/[\s\u0000-\u001f]/g, encodeURIComponent)} ${status} ${Math.round(ms * 10) / 10} ms\n`);
  };
}
