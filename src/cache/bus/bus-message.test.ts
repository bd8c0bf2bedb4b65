import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Change } from '../../domain/changes/change-feed.ts';
import { decodeChange, decodeEvent, encodeChange, encodeEvent } from './bus-message.ts';

const ME = '6f1c2a9e-8d0b-4b7e-9a51-3c2d1e0f4a7b';
const OTHER = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';
/** PostgreSQL NOTIFY refuses a payload of 8000 bytes or more. */
const NOTIFY_LIMIT = 8000;

/** Every message an origin sends for `change`, as another process reads them. */
function roundTrip(change: Change): Change[] {
  return encodeChange(OTHER, change).map((payload) => {
    const decoded = decodeChange(ME, payload);
    assert.ok(decoded, 'a message from another origin is read');
    return decoded;
  });
}

function tagsOf(changes: readonly Change[]): string[] {
  return changes.flatMap((c) => {
    assert.ok('tags' in c, `expected tags, got ${JSON.stringify(c)}`);
    return [...c.tags];
  });
}

function assertUnderLimit(payloads: readonly string[]): void {
  for (const p of payloads) assert.ok(Buffer.byteLength(p) < NOTIFY_LIMIT, `message of ${Buffer.byteLength(p)} bytes`);
}

describe('encodeChange / decodeChange', () => {
  it('round-trips tags', () => {
    const tags = ['article:42', 'section:3', 'latest', 'widget:breaking-news'];
    const payloads = encodeChange(OTHER, { tags });
    assert.equal(payloads.length, 1);
    assert.deepEqual(decodeChange(ME, payloads[0]!), { tags });
  });

  it('round-trips all', () => {
    const payloads = encodeChange(OTHER, { all: true });
    assert.equal(payloads.length, 1);
    assert.deepEqual(decodeChange(ME, payloads[0]!), { all: true });
  });

  it('round-trips tags with quotes, backslashes, control characters and Devanagari', () => {
    const tags = ['a"b', 'c\\d', 'e\nf\u0000', 'समाचार:१', '😀', ''];
    assert.deepEqual(tagsOf(roundTrip({ tags })), tags);
  });

  it('sends nothing for an empty tag list', () => {
    assert.deepEqual(encodeChange(OTHER, { tags: [] }), []);
  });

  it('ignores its own messages, tags and all alike', () => {
    for (const change of [{ tags: ['article:1'] }, { all: true }] as Change[]) {
      for (const payload of encodeChange(ME, change)) assert.equal(decodeChange(ME, payload), null);
    }
  });

  it('reads messages of any other origin', () => {
    const [payload] = encodeChange(OTHER, { tags: ['x'] });
    assert.deepEqual(decodeChange(ME, payload!), { tags: ['x'] });
    assert.deepEqual(decodeChange('third-process', payload!), { tags: ['x'] });
  });

  it('splits a long tag list into messages under 8000 bytes that together carry every tag, in order', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `article:${i}`);
    const payloads = encodeChange(OTHER, { tags });
    assert.ok(payloads.length > 1, `${payloads.length} message(s)`);
    assertUnderLimit(payloads);
    assert.deepEqual(tagsOf(payloads.map((p) => decodeChange(ME, p)!)), tags);
  });

  it('measures bytes, not characters: Devanagari tags (3 bytes a letter) stay under the limit', () => {
    const tags = Array.from({ length: 1500 }, (_, i) => `विजेट:${i}-समाचार`);
    const payloads = encodeChange(OTHER, { tags });
    assertUnderLimit(payloads);
    assert.deepEqual(tagsOf(payloads.map((p) => decodeChange(ME, p)!)), tags);
  });

  it('counts JSON escaping: tags of characters written as \\uXXXX stay under the limit', () => {
    const tags = Array.from({ length: 200 }, (_, i) => `${'\u0001'.repeat(100)}${i}`);
    const payloads = encodeChange(OTHER, { tags });
    assertUnderLimit(payloads);
    assert.deepEqual(tagsOf(payloads.map((p) => decodeChange(ME, p)!)), tags);
  });

  it('packs messages well: no more messages than needed', () => {
    const tags = Array.from({ length: 5000 }, (_, i) => `article:${String(i).padStart(5, '0')}`); // 16 bytes quoted
    const payloads = encodeChange(OTHER, { tags });
    const total = payloads.reduce((n, p) => n + Buffer.byteLength(p), 0);
    assert.ok(payloads.length <= Math.ceil(total / 6000), `${payloads.length} messages for ${total} bytes`);
  });

  it('a tag too long for any message is sent as all, never as a message over the limit', () => {
    const payloads = encodeChange(OTHER, { tags: ['article:1', 'x'.repeat(9000), 'article:2'] });
    assertUnderLimit(payloads);
    assert.deepEqual(
      payloads.map((p) => decodeChange(ME, p)),
      [{ all: true }],
    );
  });

  it('takes anything unreadable as all', () => {
    const garbage = [
      '',
      'not json',
      '{',
      'null',
      '42',
      '"text"',
      '[]',
      '[1,2]',
      '{}',
      `{"o":"${OTHER}"}`,
      `{"o":"${OTHER}","t":"article:1"}`,
      `{"o":"${OTHER}","t":[1,2]}`,
      `{"o":"${OTHER}","t":["a",null]}`,
      `{"o":"${OTHER}","t":{"0":"a"}}`,
      `{"o":"${OTHER}","tags":["a"]}`,
      `{"o":"${OTHER}","all":1}`,
      `{"o":"${OTHER}","all":0}`,
      '{"t":["a"]', // truncated
    ];
    for (const payload of garbage) assert.deepEqual(decodeChange(ME, payload), { all: true }, payload);
  });

  it('reads a well-formed message without an origin as another process\'s', () => {
    assert.deepEqual(decodeChange(ME, '{"t":["a","b"]}'), { tags: ['a', 'b'] });
  });
});

describe('encodeEvent / decodeEvent (live events, src/live/)', () => {
  const event = { channel: 'live:42', id: 1_765_000_000_000_123, type: 'post', data: '{"html":"<p>समाचार</p>"}\nline' };

  it('round-trips an event, and a change reader ignores it', () => {
    const payload = encodeEvent(OTHER, event)!;
    assert.deepEqual(decodeEvent(ME, payload), event);
    assert.equal(decodeChange(ME, payload), null, 'not taken as all');
  });

  it('ignores its own events, changes and malformed events', () => {
    assert.equal(decodeEvent(OTHER, encodeEvent(OTHER, event)!), null);
    assert.equal(decodeEvent(ME, encodeChange(OTHER, { tags: ['a'] })[0]!), null);
    for (const bad of ['', 'x', 'null', '{"e":null}', '{"e":{"c":"live:1","i":"1","t":"post","d":""}}', '{"e":{"c":"live:1","i":1.5,"t":"post","d":""}}', '{"e":{"c":1,"i":1,"t":"post","d":""}}']) {
      assert.equal(decodeEvent(ME, bad), null, bad);
    }
  });

  it('refuses an event too large for one NOTIFY', () => {
    assert.equal(encodeEvent(OTHER, { ...event, data: 'क'.repeat(2500) }), null);
    assert.ok(encodeEvent(OTHER, { ...event, data: 'क'.repeat(2000) }));
  });
});
