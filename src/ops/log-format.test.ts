/**
 * Logs for people: on a terminal (LOG_FORMAT=pretty, or auto on a TTY) each entry is one
 * short line with local time, level and message, requests at most one line each; JSON Lines
 * otherwise.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildApp } from '../app.ts';
import { openTestServices } from '../../test/helpers/databases.ts';
import { formatLine, localClock, prettyAccessWriter } from './log-format.ts';

const clock = () => '21:04:05.120';

test('a pino line becomes one line: time, level, message, fields; newlines escaped; non-JSON passes', () => {
  const line = JSON.stringify({ level: 40, time: 1, pid: 9, hostname: 'h', msg: 'change bus lost', attempt: 2, note: 'two\nlines', err: { type: 'Error', message: 'ECONNRESET', stack: 'Error: ECONNRESET\n    at x (y.ts:1:1)' } });
  const out = formatLine(line, clock);
  assert.equal(out, '21:04:05.120 WARN  change bus lost attempt=2 note="two\\nlines" err="Error: ECONNRESET" (at x (y.ts:1:1))\n');
  assert.equal(formatLine('not json', clock), 'not json\n');
});

test('an access line for people, secrets in the address masked', () => {
  const lines: string[] = [];
  const write = prettyAccessWriter({ write: (l: string) => lines.push(l) }, (u) => u.replace(/^\/preview\/[^/?#]+/, '/preview/…'), clock);
  write('GET', '/preview/secret-token', 200, 1.234);
  write('GET', '/x y', 503, 12);
  assert.deepEqual(lines, ['21:04:05.120 INFO  GET /preview/… 200 1.2 ms\n', '21:04:05.120 ERROR GET /x%20y 503 12 ms\n']);
});

test('the clock shows local time to the millisecond', () => {
  const at = new Date(2026, 11, 7, 9, 5, 7, 42).getTime();
  assert.equal(localClock(() => at)(), '09:05:07.042');
});

test('LOG_FORMAT=pretty: one human line per request, no JSON', async () => {
  const t = await openTestServices('sqlite', { logFormat: 'pretty' });
  const lines: string[] = [];
  const app = await buildApp(t.services, { logger: true, logStream: { write: (l: string) => void lines.push(...l.split('\n').filter(Boolean)) } });
  try {
    await app.inject({ method: 'GET', url: '/healthz' });
    await app.inject({ method: 'GET', url: '/no-such-page' });
    const requests = lines.filter((l) => / GET \//.test(l));
    assert.equal(requests.length, 2, lines.join('\n'));
    assert.match(requests[0]!, /^\d\d:\d\d:\d\d\.\d{3} INFO  GET \/healthz 200 [\d.]+ ms$/);
    assert.ok(!lines.some((l) => l.startsWith('{')), 'no JSON on a terminal');
  } finally {
    await app.close();
    await t.close();
  }
});
