import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChangeFeed } from '../domain/changes/change-feed.ts';
import { TaggedMemo, TaggedMemoMap } from './memo.ts';


test('kept until a change with a tag it cares about; other tags leave it', async () => {
  const changes = new ChangeFeed();
  let value = 1;
  let reads = 0;
  const src = {
    set: (v: number) => (value = v),
    load: async () => (reads++, value),
  };
  const memo = new TaggedMemo(changes, () => src.load(), { touches: (t) => t === 'settings' });
  assert.equal(await memo.get(), 1);
  src.set(2);
  assert.equal(await memo.get(), 1, 'kept');
  changes.emit(['article:1', 'nav']);
  assert.equal(await memo.get(), 1, 'not its tags');
  changes.emit(['settings']);
  assert.equal(await memo.get(), 2, 'its tag: read again');
  src.set(3);
  changes.emitAll();
  assert.equal(await memo.get(), 3, 'everything changed: read again');
  assert.equal(reads, 3);
});

test('a read that started before a change is not kept after it', async () => {
  const changes = new ChangeFeed();
  let value = 'old';
  let release!: () => void;
  let held: Promise<void> | null = new Promise<void>((r) => (release = r));
  const memo = new TaggedMemo(
    changes,
    async () => {
      const v = value;
      if (held) await held;
      return v;
    },
    { touches: () => true },
  );
  const slow = memo.get();
  value = 'new';
  changes.emit(['settings']);
  held = null;
  release();
  assert.equal(await slow, 'old', 'the caller that asked before the change gets what it read');
  assert.equal(await memo.get(), 'new', 'but the next read does not see the old value');
});

test('a value older than the TTL is read again; a failed read is not kept', async () => {
  const changes = new ChangeFeed();
  let now = 0;
  let fail = true;
  let n = 0;
  const memo = new TaggedMemo(
    changes,
    async () => {
      n++;
      if (fail) throw new Error('database down');
      return n;
    },
    { touches: () => false, ttlMs: 1000, clock: () => now },
  );
  await assert.rejects(memo.get(), /database down/);
  fail = false;
  assert.equal(await memo.get(), 2, 'the failure was not kept');
  now = 999;
  assert.equal(await memo.get(), 2);
  now = 1001;
  assert.equal(await memo.get(), 3, 'past the TTL');
});

test('a memo per key: a change to one key leaves the others', async () => {
  const changes = new ChangeFeed();
  const reads: string[] = [];
  const map = new TaggedMemoMap(changes, async (key: string) => (reads.push(key), `${key}-${reads.length}`), (key, tag) => tag === `widget:${key}`);
  assert.equal(await map.get('covid'), 'covid-1');
  assert.equal(await map.get('votes'), 'votes-2');
  changes.emit(['widget:covid']);
  assert.equal(await map.get('covid'), 'covid-3');
  assert.equal(await map.get('votes'), 'votes-2');
});
