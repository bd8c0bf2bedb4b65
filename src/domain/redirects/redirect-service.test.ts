/**
 * The redirect map on every database: put is an idempotent upsert by old address, find
 * matches every spelling of it, the admin's create, update, delete and search, and every
 * change purges the cached 301s (the `redirects` tag).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, TEST_NOW, type TestServices } from '../../../test/helpers/databases.ts';
import type { Change } from '../changes/change-feed.ts';
import { DomainError } from '../../errors.ts';

for (const dialect of DIALECTS) {
  describe(`redirects (${dialect})`, () => {
    let t: TestServices;
    const changes: Change[] = [];

    before(async () => {
      t = await openTestServices(dialect);
      t.services.changes.subscribe((c) => void changes.push(c));
    });
    after(() => t.close());

    test('put is an upsert by the old address; find matches it with or without slash and encoded', async () => {
      changes.length = 0;
      await t.services.redirects.put('/2024/03/21/पुतिन-से-मुलाकात/', '/videsh/putin-se-mulakat-1', 'wordpress');
      await t.services.redirects.put(encodeURI('/2024/03/21/पुतिन-से-मुलाकात'), '/videsh/putin-se-mulakat-2', 'wordpress');
      assert.deepEqual(changes, [{ tags: ['redirects'] }, { tags: ['redirects'] }]);
      const { items, total } = await t.services.redirects.list('', 1, 50);
      assert.equal(total, 1, 'one row after two puts');
      assert.equal(items[0]!.toPath, '/videsh/putin-se-mulakat-2');
      assert.equal(items[0]!.origin, 'wordpress');
      for (const spelling of ['/2024/03/21/पुतिन-से-मुलाकात', '/2024/03/21/पुतिन-से-मुलाकात/', encodeURI('/2024/03/21/पुतिन-से-मुलाकात/').toLowerCase(), '/2024/03/21/पुतिन-से-मुलाकात/?utm_source=x']) {
        assert.equal(await t.services.redirects.find(spelling), '/videsh/putin-se-mulakat-2', spelling);
      }
      assert.equal(await t.services.redirects.find('/2024/03/21/other'), null);
      assert.equal(await t.services.redirects.find('/%E0%A4'), null, 'a broken encoding is simply no redirect');
    });

    test('/?p=123 keys are their own rows; other queries on the home path are not', async () => {
      await t.services.redirects.put('/?p=123', '/videsh/putin-se-mulakat-2', 'wordpress');
      assert.equal(await t.services.redirects.find('/?p=123'), '/videsh/putin-se-mulakat-2');
      assert.equal(await t.services.redirects.find('/?p=123&preview=true'), '/videsh/putin-se-mulakat-2');
      assert.equal(await t.services.redirects.find('/?p=124'), null);
      assert.equal(await t.services.redirects.find('/'), null);
    });

    test('bad input is refused with the field at fault, and nothing of a bad batch is saved', async () => {
      const before = (await t.services.redirects.list('', 1, 50)).total;
      const refuse = async (promise: Promise<unknown>, field: string) => {
        await assert.rejects(promise, (err: unknown) => err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === field);
      };
      await refuse(t.services.redirects.put('no-slash', '/x', 'manual'), 'fromPath');
      await refuse(t.services.redirects.put('/old', 'https://evil.example/', 'manual'), 'toPath');
      await refuse(t.services.redirects.put('/old', '//evil.example/', 'manual'), 'toPath');
      await refuse(t.services.redirects.put('/old/', '/old?x=1', 'manual'), 'toPath');
      await refuse(t.services.redirects.put('/old', '/new', 'Not An Origin'), 'origin');
      await refuse(t.services.redirects.putMany([{ fromPath: '/fine', toPath: '/new', origin: 'wordpress' }, { fromPath: '/also', toPath: 'http://evil.example', origin: 'wordpress' }]), 'toPath');
      assert.equal((await t.services.redirects.list('', 1, 50)).total, before);
      assert.equal(await t.services.redirects.find('/fine'), null);
    });

    test('the admin creates, edits, searches and deletes; an old address has one redirect', async () => {
      const made = await t.services.redirects.create({ fromPath: '/category/desh/', toPath: '/desh' });
      assert.equal(made.fromPath, '/category/desh');
      assert.equal(made.origin, 'manual');
      assert.equal(made.createdAt.getTime(), TEST_NOW.getTime());
      await assert.rejects(t.services.redirects.create({ fromPath: '/category/desh', toPath: '/other' }), (err: unknown) => err instanceof DomainError && err.field === 'fromPath');
      const other = await t.services.redirects.create({ fromPath: '/tag/putin', toPath: '/tag/पुतिन' });
      assert.equal(other.toPath, encodeURI('/tag/पुतिन'));
      await assert.rejects(t.services.redirects.update(other.id, { fromPath: '/category/desh', toPath: '/x' }), (err: unknown) => err instanceof DomainError && err.field === 'fromPath');
      const edited = await t.services.redirects.update(other.id, { fromPath: '/tag/putin/', toPath: '/tag/vladimir-putin' });
      assert.equal(edited.toPath, '/tag/vladimir-putin');
      assert.equal(await t.services.redirects.find('/tag/putin'), '/tag/vladimir-putin');
      assert.deepEqual((await t.services.redirects.list('category/', 1, 50)).items.map((r) => r.id), [made.id]);
      assert.equal((await t.services.redirects.list('पुतिन', 1, 50)).total, 1, 'Devanagari finds an old address');
      const encodedTarget = await t.services.redirects.create({ fromPath: '/old-hindi', toPath: '/खबर' });
      assert.deepEqual((await t.services.redirects.list('खबर', 1, 50)).items.map((r) => r.id), [encodedTarget.id], 'and a target, stored encoded');
      assert.equal((await t.services.redirects.list('100%', 1, 50)).total, 0, 'LIKE wildcards are literal');
      changes.length = 0;
      await t.services.redirects.delete(made.id);
      assert.deepEqual(changes, [{ tags: ['redirects'] }]);
      assert.equal(await t.services.redirects.find('/category/desh'), null);
      await assert.rejects(t.services.redirects.delete(made.id), (err: unknown) => err instanceof DomainError && err.code === 'NOT_FOUND');
      await assert.rejects(t.services.redirects.update(made.id, { fromPath: '/a', toPath: '/b' }), (err: unknown) => err instanceof DomainError && err.code === 'NOT_FOUND');
    });

    test('pages of the list', async () => {
      await t.services.redirects.putMany(Array.from({ length: 25 }, (_, i) => ({ fromPath: `/bulk/${i}`, toPath: `/new/${i}`, origin: 'wordpress' })));
      const first = await t.services.redirects.list('/bulk/', 1, 10);
      const third = await t.services.redirects.list('/bulk/', 3, 10);
      assert.equal(first.total, 25);
      assert.equal(first.items.length, 10);
      assert.equal(third.items.length, 5);
      assert.equal(new Set([...first.items, ...third.items].map((r) => r.id)).size, 15);
    });
  });
}
