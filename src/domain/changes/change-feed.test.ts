import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Change, type ChangeBus, ChangeFeed, type ChangeListener } from './change-feed.ts';

/** A bus in memory: records what is published, and `receive` plays a message from another process. */
class FakeBus implements ChangeBus {
  readonly published: Change[] = [];
  private readonly listeners: ChangeListener[] = [];
  closed = 0;
  failWith: Error | null = null;

  publish(change: Change): Promise<void> {
    this.published.push(change);
    return this.failWith ? Promise.reject(this.failWith) : Promise.resolve();
  }

  onReceive(listener: ChangeListener): void {
    this.listeners.push(listener);
  }

  receive(change: Change): void {
    for (const l of this.listeners) l(change);
  }

  async close(): Promise<void> {
    this.closed++;
  }
}

function recorder() {
  const got: Change[] = [];
  return { got, listener: (c: Change) => void got.push(c) };
}

function logRecorder() {
  const lines: { message: string; err: unknown }[] = [];
  return { lines, log: (message: string, err?: unknown) => void lines.push({ message, err }) };
}

describe('ChangeFeed: emit', () => {
  it('reaches subscribers before emit returns, with tags de-duplicated in first-seen order', () => {
    const feed = new ChangeFeed();
    const a = recorder();
    const b = recorder();
    feed.subscribe(a.listener);
    feed.subscribe(b.listener);
    feed.emit(['article:1', 'section:3', 'article:1', 'latest', 'section:3']);
    assert.deepEqual(a.got, [{ tags: ['article:1', 'section:3', 'latest'] }]);
    assert.deepEqual(b.got, a.got);
  });

  it('takes any iterable of tags', () => {
    const feed = new ChangeFeed();
    const a = recorder();
    feed.subscribe(a.listener);
    feed.emit(new Set(['x', 'y']));
    feed.emit((function* () {
      yield 'z';
      yield 'z';
    })());
    assert.deepEqual(a.got, [{ tags: ['x', 'y'] }, { tags: ['z'] }]);
  });

  it('ignores an empty emit: no listener, no bus', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const a = recorder();
    const local = recorder();
    feed.subscribe(a.listener);
    feed.subscribeLocal(local.listener);
    feed.emit([]);
    feed.emit(new Set());
    assert.deepEqual(a.got, []);
    assert.deepEqual(local.got, []);
    assert.deepEqual(bus.published, []);
  });

  it('emitAll sends all to every kind of listener and the bus', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const a = recorder();
    const local = recorder();
    feed.subscribe(a.listener);
    feed.subscribeLocal(local.listener);
    feed.emitAll();
    assert.deepEqual(a.got, [{ all: true }]);
    assert.deepEqual(local.got, [{ all: true }]);
    assert.deepEqual(bus.published, [{ all: true }]);
  });

  it('works without a bus', async () => {
    const feed = new ChangeFeed();
    const a = recorder();
    feed.subscribe(a.listener);
    feed.emit(['x']);
    feed.emitAll();
    assert.deepEqual(a.got, [{ tags: ['x'] }, { all: true }]);
    await feed.close();
  });
});

describe('ChangeFeed: bus', () => {
  it('publishes every local change, de-duplicated, at once', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    feed.emit(['a', 'b', 'a']);
    assert.deepEqual(bus.published, [{ tags: ['a', 'b'] }], 'published before emit returns');
    feed.emitAll();
    feed.emit(['c']);
    assert.deepEqual(bus.published, [{ tags: ['a', 'b'] }, { all: true }, { tags: ['c'] }]);
  });

  it('delivers changes from the bus to subscribe listeners, and does not publish them back', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const a = recorder();
    feed.subscribe(a.listener);
    bus.receive({ tags: ['article:9'] });
    bus.receive({ all: true });
    assert.deepEqual(a.got, [{ tags: ['article:9'] }, { all: true }]);
    assert.deepEqual(bus.published, []);
  });

  it('subscribeLocal gets only changes made in this process, not those from the bus', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const local = recorder();
    const every = recorder();
    feed.subscribeLocal(local.listener);
    feed.subscribe(every.listener);
    bus.receive({ tags: ['remote'] });
    bus.receive({ all: true });
    feed.emit(['here']);
    assert.deepEqual(local.got, [{ tags: ['here'] }]);
    assert.deepEqual(every.got, [{ tags: ['remote'] }, { all: true }, { tags: ['here'] }]);
  });

  it('a rejecting publish is logged, never thrown', async () => {
    const bus = new FakeBus();
    bus.failWith = new Error('connection refused');
    const { lines, log } = logRecorder();
    const feed = new ChangeFeed(bus, log);
    const a = recorder();
    feed.subscribe(a.listener);
    assert.doesNotThrow(() => feed.emit(['x']));
    assert.doesNotThrow(() => feed.emitAll());
    assert.deepEqual(a.got, [{ tags: ['x'] }, { all: true }], 'listeners here still ran');
    await new Promise((r) => setImmediate(r));
    assert.equal(lines.length, 2);
    assert.match(lines[0]!.message, /publish failed/);
    assert.equal(lines[0]!.err, bus.failWith);
  });

  it('close closes the bus', async () => {
    const bus = new FakeBus();
    await new ChangeFeed(bus).close();
    assert.equal(bus.closed, 1);
  });
});

describe('ChangeFeed: listeners', () => {
  it('a throwing listener is logged and does not stop the others, nor the bus', () => {
    const bus = new FakeBus();
    const { lines, log } = logRecorder();
    const feed = new ChangeFeed(bus, log);
    const before = recorder();
    const after = recorder();
    const localAfter = recorder();
    const boom = new Error('listener broke');
    feed.subscribe(before.listener);
    feed.subscribe(() => {
      throw boom;
    });
    feed.subscribe(after.listener);
    feed.subscribeLocal(() => {
      throw boom;
    });
    feed.subscribeLocal(localAfter.listener);
    assert.doesNotThrow(() => feed.emit(['x']));
    assert.deepEqual(before.got, [{ tags: ['x'] }]);
    assert.deepEqual(after.got, [{ tags: ['x'] }]);
    assert.deepEqual(localAfter.got, [{ tags: ['x'] }]);
    assert.deepEqual(bus.published, [{ tags: ['x'] }]);
    assert.equal(lines.length, 2);
    assert.ok(lines.every((l) => l.err === boom && /listener failed/.test(l.message)));
  });

  it('a throwing listener does not stop the others for changes from the bus either', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const after = recorder();
    feed.subscribe(() => {
      throw new Error('no');
    });
    feed.subscribe(after.listener);
    assert.doesNotThrow(() => bus.receive({ all: true }));
    assert.deepEqual(after.got, [{ all: true }]);
  });

  it('unsubscribe stops a listener, and only that one', () => {
    const bus = new FakeBus();
    const feed = new ChangeFeed(bus);
    const a = recorder();
    const b = recorder();
    const local = recorder();
    const offA = feed.subscribe(a.listener);
    feed.subscribe(b.listener);
    const offLocal = feed.subscribeLocal(local.listener);
    feed.emit(['1']);
    offA();
    offLocal();
    feed.emit(['2']);
    bus.receive({ tags: ['3'] });
    assert.deepEqual(a.got, [{ tags: ['1'] }]);
    assert.deepEqual(local.got, [{ tags: ['1'] }]);
    assert.deepEqual(b.got, [{ tags: ['1'] }, { tags: ['2'] }, { tags: ['3'] }]);
    offA(); // twice is harmless
    feed.emit(['4']);
    assert.equal(a.got.length, 1);
  });
});
