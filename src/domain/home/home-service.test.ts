/**
 * The home page's composition on every database: pinned stories first in their order,
 * then the newest unpinned ones; a pinned story readers may not see is skipped.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemo } from '../../demo/demo-service.ts';
import { DIALECTS, openTestServices, TEST_NOW, type TestServices } from '../../../test/helpers/databases.ts';
import type { ArticleSummary } from '../articles/article.ts';

for (const dialect of DIALECTS) {
  describe(`home page composition (${dialect})`, () => {
    let t: TestServices;
    let latest: ArticleSummary[];
    before(async () => {
      t = await openTestServices(dialect);
      await loadDemo(t.services);
      latest = await t.services.articles.latest(TEST_NOW, 12);
    });
    after(() => t.close());

    test('nothing pinned: the newest story with a photo leads, the next six follow', async () => {
      const home = await t.services.home.get(TEST_NOW);
      const lead = latest.find((a) => a.hero !== null)!;
      assert.equal(home.lead?.id, lead.id);
      assert.deepEqual(home.top.map((a) => a.id), latest.filter((a) => a.id !== lead.id).slice(0, 6).map((a) => a.id));
    });

    test('pinned stories lead in their order, then the newest unpinned ones, none twice', async () => {
      const [a, b] = [latest[7]!, latest[4]!];
      await t.services.articles.pin(a.id, TEST_NOW);
      await t.services.articles.pin(b.id, TEST_NOW);
      const home = await t.services.home.get(TEST_NOW);
      assert.equal(home.lead?.id, a.id);
      const rest = latest.filter((x) => x.id !== a.id && x.id !== b.id);
      assert.deepEqual(home.top.map((x) => x.id), [b.id, ...rest.slice(0, 5).map((x) => x.id)]);
      const inBlocks = home.sections.flatMap((s) => s.stories.map((x) => x.id));
      assert.ok(!inBlocks.includes(a.id) && !inBlocks.includes(b.id));
    });

    test('a pinned story not public at the time asked is skipped; the next pin leads', async () => {
      const pins = await t.services.articles.pinnedForDesk();
      const [first, second] = pins;
      await t.services.articles.movePin(first!.id, 'down');
      // Now `second` leads; ask for a time before it was published.
      const before = new Date(second!.publishedAt!.getTime() - 1000);
      assert.ok(first!.publishedAt! <= before, 'demo order: the other pin is older');
      const home = await t.services.home.get(before);
      assert.equal(home.lead?.id, first!.id);
      assert.deepEqual((await t.services.articles.pinnedForDesk()).map((x) => x.id), [second!.id, first!.id], 'it stays pinned');
    });
  });
}
