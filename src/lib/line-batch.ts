/**
 * Lines gathered into one write. A busy server writes an access line per request; handed to
 * the log destination one by one, each costs a UTF-8 length scan and a buffer append inside
 * sonic-boom, about 1.8 µs of CPU, a tenth of answering a cached page. Gathered here, the
 * destination sees one write per `maxChars` (or per `maxDelayMs` when traffic is light).
 *
 * Guarantees: lines reach the destination whole and in the order written; none waits longer
 * than `maxDelayMs` (the timer is unreferenced, so it never keeps a process alive); `flush()`
 * writes out what is held at once (call it before the destination itself is flushed at exit).
 * What a process killed outright holds is lost, as with the destination's own buffer.
 */
export interface LineBatchOptions {
  /** Characters gathered before a write (UTF-16 units; about the bytes of ASCII lines). */
  readonly maxChars: number;
  /** Longest a line waits when traffic is too light to fill a batch. */
  readonly maxDelayMs: number;
}

export interface LineBatch {
  /** Adds one line (ending with its newline). */
  write(line: string): void;
  flush(): void;
}

export function lineBatch(destination: { write(text: string): unknown }, options: LineBatchOptions): LineBatch {
  let held = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (held === '') return;
    const text = held;
    held = '';
    destination.write(text);
  };
  return {
    write(line) {
      held += line;
      if (held.length >= options.maxChars) flush();
      else if (timer === null) {
        timer = setTimeout(flush, options.maxDelayMs);
        timer.unref();
      }
    },
    flush,
  };
}
