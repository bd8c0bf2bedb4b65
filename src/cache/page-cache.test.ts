import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type CacheEntry, PageCache } from './page-cache.ts';

interface Entry extends CacheEntry {
  readonly name: string;
}

const entry = (name: string, bytes: number, tags: readonly string[] = []): Entry => ({ name, bytes, tags });

/** A cache on a clock the test moves. */
function cache(maxBytes = 800, ttlMs = 1000) {
  let now = 1_000_000;
  const c = new PageCache<Entry>({ maxBytes, ttlMs, now: () => now });
  return {
    c,
    advance(ms: number) {
      now += ms;
    },
    /** Stores at the current generation; fails the test if refused. */
    put(key: string, e: Entry) {
      assert.equal(c.store(key, e, c.generation), true, `store ${key}`);
    },
    /** Which of `candidates` are held. Lookups count and refresh: call it last. */
    keys(candidates: readonly string[]) {
      return candidates.filter((k) => c.lookup(k) !== undefined);
    },
  };
}

describe('PageCache: lookup', () => {
  it('misses an absent key and hits a stored one, counting each', () => {
    const { c, put } = cache();
    assert.equal(c.lookup('/a'), undefined);
    put('/a', entry('a', 10));
    const hit = c.lookup('/a');
    assert.equal(hit?.entry.name, 'a');
    assert.equal(hit?.fresh, true);
    c.lookup('/a');
    c.lookup('/b');
    assert.deepEqual(c.stats(), { entries: 1, bytes: 10, openEndedBytes: 0, hits: 2, misses: 2, purges: 0 });
  });

  it('keeps the entry object itself', () => {
    const { c, put } = cache();
    const e = entry('a', 10, ['x']);
    put('/a', e);
    assert.equal(c.lookup('/a')?.entry, e);
  });

  it('replaces an entry stored again under the same key, counting its bytes once', () => {
    const { c, put } = cache();
    put('/a', entry('a1', 40));
    put('/a', entry('a2', 30));
    assert.equal(c.lookup('/a')?.entry.name, 'a2');
    assert.equal(c.stats().entries, 1);
    assert.equal(c.stats().bytes, 30);
  });
});

describe('PageCache: size and eviction', () => {
  it('evicts the least recently stored entry first when nothing was looked up', () => {
    const { c, put, keys } = cache(400);
    for (const k of ['a', 'b', 'c', 'd']) put(k, entry(k, 50)); // 200 bytes
    for (const k of ['e', 'f', 'g', 'h']) put(k, entry(k, 50)); // 400 bytes: full, nothing out
    assert.equal(c.stats().bytes, 400);
    put('i', entry('i', 50));
    assert.deepEqual(keys(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']), ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });

  it('evicts the least recently used: a lookup refreshes an entry', () => {
    const { c, put } = cache(400);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) put(k, entry(k, 50));
    assert.ok(c.lookup('a')); // a is now the most recently used; b the least
    put('i', entry('i', 50));
    assert.ok(c.lookup('a'), 'a was used, so it stays');
    assert.equal(c.lookup('b'), undefined, 'b is the least recently used, so it goes');
    assert.ok(c.lookup('c'));
  });

  it('a store under an existing key refreshes it too', () => {
    const { c, put } = cache(400);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) put(k, entry(k, 50));
    put('a', entry('a2', 50));
    put('i', entry('i', 50));
    assert.equal(c.lookup('a')?.entry.name, 'a2');
    assert.equal(c.lookup('b'), undefined);
  });

  it('evicts by bytes: as many of the oldest as it takes to fit', () => {
    const { c, put } = cache(800);
    put('s1', entry('s1', 10));
    put('s2', entry('s2', 10));
    put('s3', entry('s3', 10));
    for (let i = 0; i < 7; i++) put(`m${i}`, entry(`m${i}`, 100)); // 730 bytes
    put('big', entry('big', 100)); // 830: s1, s2, s3 must all go (each is 10)
    assert.equal(c.lookup('s1'), undefined);
    assert.equal(c.lookup('s2'), undefined);
    assert.equal(c.lookup('s3'), undefined);
    assert.ok(c.lookup('m0'));
    assert.ok(c.lookup('big'));
    assert.equal(c.stats().bytes, 800);
    assert.equal(c.stats().entries, 8);
  });

  it('never holds more than maxBytes, whatever is stored', () => {
    const maxBytes = 1000;
    const { c } = cache(maxBytes);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const key = `/p/${Math.floor(random() * 60)}`;
      if (random() < 0.3) c.lookup(key);
      else c.store(key, entry(key, 1 + Math.floor(random() * (maxBytes / 8))), c.generation);
      const s = c.stats();
      assert.ok(s.bytes <= maxBytes, `after ${i} steps: ${s.bytes} bytes`);
      assert.ok(s.bytes >= 0);
    }
    assert.ok(c.stats().entries > 8, 'the cache was actually used');
  });

  it('bytes in the stats are the sum of the entries held', () => {
    const { c, put } = cache(400);
    for (let i = 0; i < 20; i++) put(`k${i}`, entry(`k${i}`, 10 + i));
    let sum = 0;
    for (let i = 0; i < 20; i++) sum += c.lookup(`k${i}`)?.entry.bytes ?? 0;
    assert.equal(c.stats().bytes, sum);
    assert.ok(sum <= 400);
  });

  it('refuses an entry over an eighth of maxBytes, and takes one of exactly an eighth', () => {
    const { c } = cache(800);
    assert.equal(c.store('/big', entry('big', 101), c.generation), false);
    assert.equal(c.lookup('/big'), undefined);
    assert.equal(c.stats().bytes, 0);
    assert.equal(c.store('/ok', entry('ok', 100), c.generation), true);
    assert.ok(c.lookup('/ok'));
  });

  it('a refused oversize entry leaves the one already under its key alone', () => {
    const { c, put } = cache(800);
    put('/a', entry('small', 10));
    assert.equal(c.store('/a', entry('big', 500), c.generation), false);
    assert.equal(c.lookup('/a')?.entry.name, 'small');
    assert.equal(c.stats().bytes, 10);
  });
});

describe('PageCache: purge by tags', () => {
  it('removes exactly the entries carrying any of the tags, and nothing else', () => {
    const { c, put, keys } = cache();
    put('/story/1', entry('1', 10, ['article:1', 'section:3', 'latest']));
    put('/story/2', entry('2', 10, ['article:2', 'section:4']));
    put('/section/3', entry('s3', 10, ['section:3', 'nav']));
    put('/section/4', entry('s4', 10, ['section:4', 'nav']));
    put('/about', entry('about', 10, ['settings']));
    put('/untagged', entry('u', 10));
    assert.equal(c.purge(['article:2', 'latest']), 2);
    assert.deepEqual(keys(['/story/1', '/story/2', '/section/3', '/section/4', '/about', '/untagged']), ['/section/3', '/section/4', '/about', '/untagged']);
    assert.equal(c.stats().bytes, 40);
  });

  it('counts an entry carrying several of the tags once', () => {
    const { c, put } = cache();
    put('/a', entry('a', 10, ['x', 'y', 'z']));
    put('/b', entry('b', 10, ['y']));
    assert.equal(c.purge(['x', 'y', 'z', 'y']), 2);
    assert.equal(c.stats().entries, 0);
    assert.equal(c.stats().bytes, 0);
  });

  it('a purge of tags nothing carries removes nothing but still counts', () => {
    const { c, put } = cache();
    put('/a', entry('a', 10, ['x']));
    assert.equal(c.purge(['nobody']), 0);
    assert.equal(c.purge([]), 0);
    assert.ok(c.lookup('/a'));
    assert.equal(c.stats().purges, 2);
  });

  it('takes any iterable of tags', () => {
    const { c, put } = cache();
    put('/a', entry('a', 10, ['x']));
    put('/b', entry('b', 10, ['y']));
    assert.equal(c.purge(new Set(['y'])), 1);
    assert.ok(c.lookup('/a'));
    assert.equal(c.lookup('/b'), undefined);
  });

  it('a key stored again with other tags is purged only by its new tags', () => {
    const { c, put } = cache();
    put('/page', entry('old', 10, ['article:1', 'shared']));
    put('/other', entry('other', 10, ['shared']));
    put('/page', entry('new', 10, ['article:2']));
    assert.equal(c.purge(['article:1']), 0);
    assert.equal(c.lookup('/page')?.entry.name, 'new');
    // 'shared' no longer names /page.
    assert.equal(c.purge(['shared']), 1);
    assert.equal(c.lookup('/page')?.entry.name, 'new');
    assert.equal(c.lookup('/other'), undefined);
    assert.equal(c.purge(['article:2']), 1);
    assert.equal(c.lookup('/page'), undefined);
  });

  it('an evicted entry leaves the tag index: a later entry under its key is not purged by its old tags', () => {
    const { c, put } = cache(80);
    put('/a', entry('a', 10, ['old']));
    for (let i = 0; i < 7; i++) put(`/f${i}`, entry(`f${i}`, 10, ['filler']));
    put('/push', entry('push', 10)); // evicts /a
    assert.equal(c.lookup('/a'), undefined);
    put('/a', entry('a2', 10, ['new']));
    assert.equal(c.purge(['old']), 0);
    assert.equal(c.lookup('/a')?.entry.name, 'a2');
  });

  it('a purged entry can be stored again (with the new generation) and purged again', () => {
    const { c, put } = cache();
    put('/a', entry('a', 10, ['x']));
    c.purge(['x']);
    put('/a', entry('a2', 10, ['x']));
    assert.equal(c.lookup('/a')?.entry.name, 'a2');
    assert.equal(c.purge(['x']), 1);
  });
});

describe('PageCache: generation', () => {
  it('refuses a store whose render began before a purge', () => {
    const { c } = cache();
    const gen = c.generation;
    c.purge(['article:1']); // even tags this entry does not carry: the render may have read anything
    assert.equal(c.store('/a', entry('a', 10, ['article:2']), gen), false);
    assert.equal(c.lookup('/a'), undefined);
    assert.equal(c.stats().bytes, 0);
    assert.equal(c.store('/a', entry('a', 10, ['article:2']), c.generation), true);
  });

  it('refuses a store whose render began before a clear', () => {
    const { c } = cache();
    const gen = c.generation;
    c.clear();
    assert.equal(c.store('/a', entry('a', 10), gen), false);
    assert.equal(c.stats().entries, 0);
  });

  it('moves on every purge and clear, and not on lookups or stores', () => {
    const { c, put } = cache();
    const g0 = c.generation;
    put('/a', entry('a', 10));
    c.lookup('/a');
    c.lookup('/b');
    assert.equal(c.generation, g0);
    c.purge([]);
    const g1 = c.generation;
    assert.notEqual(g1, g0);
    c.clear();
    assert.notEqual(c.generation, g1);
    assert.notEqual(c.generation, g0);
  });

  it('a refused store leaves the entry already under its key', () => {
    const { c, put } = cache();
    const gen = c.generation;
    c.purge(['unrelated']);
    put('/a', entry('current', 10));
    assert.equal(c.store('/a', entry('stale render', 10), gen), false);
    assert.equal(c.lookup('/a')?.entry.name, 'current');
  });
});

describe('PageCache: TTL', () => {
  it('an entry is fresh before the TTL and stale (but still returned) after it', () => {
    const { c, put, advance } = cache(800, 1000);
    put('/a', entry('a', 10));
    advance(999);
    assert.deepEqual(c.lookup('/a'), { entry: entry('a', 10), fresh: true });
    advance(1);
    const stale = c.lookup('/a');
    assert.equal(stale?.fresh, false);
    assert.equal(stale?.entry.name, 'a');
    advance(60_000);
    assert.equal(c.lookup('/a')?.fresh, false, 'kept for stale-if-error however old');
    assert.equal(c.stats().entries, 1);
  });

  it('counts a stale lookup as a miss', () => {
    const { c, put, advance } = cache(800, 1000);
    put('/a', entry('a', 10));
    advance(2000);
    c.lookup('/a');
    assert.equal(c.stats().hits, 0);
    assert.equal(c.stats().misses, 1);
  });

  it('the TTL runs from each store: storing again makes a stale entry fresh', () => {
    const { c, put, advance } = cache(800, 1000);
    put('/a', entry('a', 10));
    advance(600);
    put('/b', entry('b', 10));
    advance(600);
    assert.equal(c.lookup('/a')?.fresh, false);
    assert.equal(c.lookup('/b')?.fresh, true);
    put('/a', entry('a2', 10));
    assert.equal(c.lookup('/a')?.fresh, true);
  });

  it('a stale entry is still purged by its tags', () => {
    const { c, put, advance } = cache(800, 1000);
    put('/a', entry('a', 10, ['x']));
    advance(5000);
    assert.equal(c.purge(['x']), 1);
    assert.equal(c.lookup('/a'), undefined);
  });

  it('uses Date.now when no clock is given', () => {
    const c = new PageCache<Entry>({ maxBytes: 800, ttlMs: 60_000 });
    c.store('/a', entry('a', 10), c.generation);
    assert.equal(c.lookup('/a')?.fresh, true);
    const expired = new PageCache<Entry>({ maxBytes: 800, ttlMs: -1 });
    expired.store('/a', entry('a', 10), expired.generation);
    assert.equal(expired.lookup('/a')?.fresh, false);
  });
});

describe('PageCache: clear, disabled, stats', () => {
  it('clear drops every entry and the tag index', () => {
    const { c, put } = cache();
    put('/a', entry('a', 10, ['x']));
    put('/b', entry('b', 20, ['y']));
    c.clear();
    assert.equal(c.lookup('/a'), undefined);
    assert.equal(c.lookup('/b'), undefined);
    assert.deepEqual(c.stats(), { entries: 0, bytes: 0, openEndedBytes: 0, hits: 0, misses: 2, purges: 1 });
    put('/a', entry('a2', 10, ['z']));
    assert.equal(c.purge(['x']), 0);
    assert.ok(c.lookup('/a'));
  });

  it('maxBytes 0 turns the cache off: nothing is stored', () => {
    const c = new PageCache<Entry>({ maxBytes: 0, ttlMs: 1000 });
    assert.equal(c.enabled, false);
    assert.equal(c.store('/a', entry('a', 0), c.generation), false);
    assert.equal(c.store('/b', entry('b', 1), c.generation), false);
    assert.equal(c.lookup('/a'), undefined);
    assert.equal(c.stats().entries, 0);
    assert.equal(c.stats().misses, 1);
  });

  it('is enabled with any positive maxBytes', () => {
    assert.equal(new PageCache<Entry>({ maxBytes: 1, ttlMs: 1000 }).enabled, true);
  });

  it('stats count entries, bytes, hits, misses and purges', () => {
    const { c, put } = cache();
    assert.deepEqual(c.stats(), { entries: 0, bytes: 0, openEndedBytes: 0, hits: 0, misses: 0, purges: 0 });
    put('/a', entry('a', 10, ['x']));
    put('/b', entry('b', 25, ['y']));
    c.lookup('/a');
    c.lookup('/a');
    c.lookup('/b');
    c.lookup('/nope');
    c.purge(['x']);
    c.lookup('/a');
    assert.deepEqual(c.stats(), { entries: 1, bytes: 25, openEndedBytes: 0, hits: 3, misses: 2, purges: 1 });
  });
});

describe('PageCache: open-ended entries', () => {
  it('keeps open-ended entries within their share, oldest first, never pushing other pages out', () => {
    const { c, put, keys } = cache(800);
    put('/a', entry('a', 100));
    put('/b', entry('b', 100));
    for (let i = 0; i < 100; i++) assert.equal(c.store(`/search?q=${i}`, entry(`s${i}`, 50), c.generation, { openEnded: true }), true);
    assert.equal(c.stats().openEndedBytes, 200, 'a quarter of 800');
    assert.deepEqual(keys(['/a', '/b']), ['/a', '/b']);
    assert.deepEqual(keys(['/search?q=95', '/search?q=96', '/search?q=97', '/search?q=98', '/search?q=99']), ['/search?q=96', '/search?q=97', '/search?q=98', '/search?q=99']);
  });

  it('a hit makes an open-ended entry the most recently used; replacing one keeps it open-ended', () => {
    const { c, keys } = cache(800);
    for (const q of ['1', '2', '3', '4']) c.store(`/s?q=${q}`, entry(q, 50), c.generation, { openEnded: true });
    c.lookup('/s?q=1');
    c.store('/s?q=2', entry('2b', 50), c.generation);
    c.store('/s?q=5', entry('5', 50), c.generation, { openEnded: true });
    assert.equal(c.stats().openEndedBytes, 200);
    assert.deepEqual(keys(['/s?q=1', '/s?q=2', '/s?q=3', '/s?q=4', '/s?q=5']), ['/s?q=1', '/s?q=2', '/s?q=4', '/s?q=5']);
    c.purge([]);
    c.clear();
    assert.equal(c.stats().openEndedBytes, 0);
  });
});

describe('PageCache: peekFresh and replace', () => {
  it('peekFresh gives only a fresh entry, counting a hit and nothing else', () => {
    const { c, put, advance } = cache(4000);
    put('/a', entry('a', 100));
    assert.equal(c.peekFresh('/a')?.name, 'a');
    assert.equal(c.peekFresh('/missing'), undefined);
    advance(2000);
    assert.equal(c.peekFresh('/a'), undefined, 'expired');
    assert.equal(c.lookup('/a')?.fresh, false, 'still there for stale-if-error');
    assert.deepEqual([c.stats().hits, c.stats().misses], [1, 1]);
  });

  it('replace swaps the entry it was given, keeps its expiry and tags, and accounts the bytes', () => {
    const { c, put, advance } = cache(4000);
    const first = entry('quick', 300, ['t']);
    put('/a', first);
    advance(600);
    assert.equal(c.replace('/a', first, entry('refined', 200, ['t'])), true);
    assert.equal(c.lookup('/a')?.entry.name, 'refined');
    assert.equal(c.stats().bytes, 200);
    advance(500);
    assert.equal(c.lookup('/a')?.fresh, false, 'the expiry of the entry it replaced, not a new one');
    assert.equal(c.purge(['t']), 1, 'the tag index still finds it');
  });

  it('replace does nothing when a purge or a newer page came first', () => {
    const { c, put } = cache(4000);
    const first = entry('quick', 300, ['t']);
    put('/a', first);
    c.purge(['t']);
    assert.equal(c.replace('/a', first, entry('refined', 200, ['t'])), false);
    assert.equal(c.lookup('/a'), undefined);
    put('/a', first);
    put('/a', entry('newer', 300, ['t']));
    assert.equal(c.replace('/a', first, entry('refined', 200, ['t'])), false);
    assert.equal(c.lookup('/a')?.entry.name, 'newer');
  });
});
