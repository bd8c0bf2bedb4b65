import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveBus, LiveBusListener, LiveEvent } from './live-event.ts';
import { LiveHub, type LiveSink, sseFrame } from './live-hub.ts';

/** A sink that keeps what it was sent; `events()` reads it back as SSE events. */
function sink(): LiveSink & { text: string; ended: boolean; events(): { id?: string; event?: string; data: string }[] } {
  const s = {
    text: '',
    ended: false,
    write(chunk: string) {
      s.text += chunk;
    },
    buffered: () => 0,
    end() {
      s.ended = true;
    },
    events() {
      return s.text
        .split('\n\n')
        .filter((block) => /^(id|event|data):/m.test(block))
        .map((block) => {
          const out: { id?: string; event?: string; data: string } = { data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            const [k, ...v] = line.split(': ');
            if (k === 'id') out.id = v.join(': ');
            if (k === 'event') out.event = v.join(': ');
            if (k === 'data') data.push(v.join(': '));
          }
          out.data = data.join('\n');
          return out;
        });
    },
  };
  return s;
}

/** Two buses joined to each other, as two processes see their link. */
function busPair(): [LiveBus & { link(up: boolean): void; reconnect(): void }, LiveBus] {
  const listeners: [Set<LiveBusListener>, Set<LiveBusListener>] = [new Set(), new Set()];
  let up = true;
  const make = (mine: 0 | 1) => ({
    async publishEvent(event: LiveEvent) {
      if (event.data.length > 5000) return false;
      if (up) for (const l of listeners[1 - mine]!) l(event);
      return true;
    },
    onEvent(l: LiveBusListener) {
      listeners[mine].add(l);
    },
    link(value: boolean) {
      up = value;
    },
    reconnect() {
      for (const l of listeners[mine]) l('reconnected');
    },
  });
  return [make(0), make(1)];
}

const flush = () => new Promise((r) => setImmediate(r));

describe('LiveHub', () => {
  it('sends an event to every stream on its channel and to none other', () => {
    const hub = new LiveHub({ maxConnections: 10 });
    const [a, b, other] = [sink(), sink(), sink()];
    hub.open(['live:1'], null, a);
    hub.open(['live:1', 'box:covid'], null, b);
    hub.open(['live:2'], null, other);
    hub.publish('live:1', { type: 'post', data: '{"id":7}' });
    hub.publish('box:covid', { type: 'box', data: 'x\ny' });
    assert.deepEqual(a.events().map((e) => e.data), ['{"id":7}']);
    assert.deepEqual(b.events().map((e) => [e.event, e.data]), [['post', '{"id":7}'], ['box', 'x\ny']]);
    assert.deepEqual(other.events(), []);
    hub.close();
    assert.ok(a.ended && b.ended && other.ended, 'close ends every stream');
  });

  it('ids rise, and a resume sends exactly what came after the given id, across channels, in order', () => {
    let t = 1_000;
    const hub = new LiveHub({ maxConnections: 10, now: () => t });
    const ids = [1, 2, 3, 4].map((n) => hub.publish(n % 2 ? 'live:1' : 'box:b', { type: 'post', data: String(n) }).id);
    t += 5;
    assert.deepEqual([...ids].sort((x, y) => x - y), ids);
    const s = sink();
    hub.open(['live:1', 'box:b'], ids[1]!, s);
    assert.deepEqual(s.events().map((e) => e.data), ['3', '4']);
    assert.deepEqual(s.events().map((e) => Number(e.id)), ids.slice(2));
    const none = sink();
    hub.open(['live:1'], ids[3]!, none);
    assert.deepEqual(none.events(), [], 'nothing missed, nothing sent');
    hub.close();
  });

  it('tells a reader to reset when the ring no longer holds what it missed, or it predates the process', () => {
    let t = 1_000;
    const hub = new LiveHub({ maxConnections: 10, ringSize: 3, now: () => t });
    const ids = [1, 2, 3, 4, 5].map((n) => hub.publish('live:1', { type: 'post', data: String(n) }).id);
    const behind = sink();
    hub.open(['live:1'], ids[0]!, behind);
    assert.deepEqual(behind.events().map((e) => e.event), ['reset']);
    const justInRing = sink();
    hub.open(['live:1'], ids[1]!, justInRing);
    assert.deepEqual(justInRing.events().map((e) => e.data), ['3', '4', '5']);
    const older = sink();
    hub.open(['live:1'], 5, older);
    assert.deepEqual(older.events().map((e) => e.event), ['reset'], 'an id from before the process started');
    t++;
    hub.close();
  });

  it('refuses streams past its cap and takes them again once one closes', () => {
    const hub = new LiveHub({ maxConnections: 2 });
    const first = hub.open(['live:1'], null, sink());
    assert.ok(hub.open(['live:1'], null, sink()));
    assert.equal(hub.open(['live:1'], null, sink()), null);
    assert.equal(hub.size, 2);
    first!.close();
    assert.ok(hub.open(['live:1'], null, sink()));
    hub.close();
    assert.equal(hub.size, 0);
  });

  it('ends a stream that stops reading', () => {
    const hub = new LiveHub({ maxConnections: 2, maxBufferedBytes: 100 });
    const slow = { ...sink(), buffered: () => 1000 };
    let ended = false;
    slow.end = () => void (ended = true);
    hub.open(['live:1'], null, slow);
    hub.publish('live:1', { type: 'post', data: 'x' });
    assert.equal(ended, true);
    assert.equal(hub.size, 0);
    hub.close();
  });

  it('carries events to another process over the bus, with the same ids, so a reader resumes there', async () => {
    const [busA, busB] = busPair();
    const a = new LiveHub({ maxConnections: 10, bus: busA });
    const b = new LiveHub({ maxConnections: 10, bus: busB });
    const onB = sink();
    b.open(['live:9'], null, onB);
    const first = a.publish('live:9', { type: 'post', data: 'one' });
    a.publish('live:9', { type: 'post', data: 'two' });
    await flush();
    assert.deepEqual(onB.events().map((e) => [Number(e.id), e.data]).slice(0, 1), [[first.id, 'one']]);
    assert.deepEqual(onB.events().map((e) => e.data), ['one', 'two']);
    const resumed = sink();
    b.open(['live:9'], first.id, resumed);
    assert.deepEqual(resumed.events().map((e) => e.data), ['two']);
    a.close();
    b.close();
  });

  it('an event too large for the bus reaches the other process as a reset; a bus reconnect resets every stream', async () => {
    const [busA, busB] = busPair();
    const a = new LiveHub({ maxConnections: 10, bus: busA });
    const b = new LiveHub({ maxConnections: 10, bus: busB });
    const onB = sink();
    b.open(['live:9'], null, onB);
    const big = a.publish('live:9', { type: 'post', data: 'x'.repeat(6000) });
    await flush();
    await flush();
    assert.deepEqual(onB.events().map((e) => [e.event, Number(e.id)]), [['reset', big.id]]);
    (busB as unknown as { reconnect(): void }).reconnect();
    assert.deepEqual(onB.events().map((e) => e.event), ['reset', 'reset']);
    a.close();
    b.close();
  });

  it('refuses channel names and event types outside the pattern', () => {
    const hub = new LiveHub({ maxConnections: 1 });
    for (const channel of ['', 'live', 'live:', 'Live:1', 'live:a b', `live:${'x'.repeat(65)}`, 'live:1\n']) {
      assert.throws(() => hub.publish(channel, { type: 'post', data: '' }), /invalid live channel/, channel);
    }
    assert.throws(() => hub.publish('live:1', { type: 'po\nst', data: '' }), /invalid live event type/);
    hub.close();
  });

  it('writes multi-line data as several data lines, so no line can forge a field', () => {
    assert.equal(sseFrame({ id: 5, type: 'post', data: 'a\r\nid: 9\rb' }), 'id: 5\nevent: post\ndata: a\ndata: id: 9\ndata: b\n\n');
  });
});
