/**
 * The newest stories kept in memory (recent-stories.ts), on both databases: the lists match
 * what the store reads at every `now`, including when a story goes public by time alone
 * with no change announced, after a change, and when a clock moves back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemo } from '../../demo/demo-service.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import type { NewArticle } from './article.ts';

for (const dialect of DIALECTS) {
  describe(`recent stories in memory (${dialect})`, () => {
    let t: TestServices;
    before(async () => {
      t = await openTestServices(dialect);
      await loadDemo(t.services);
    });
    after(() => t.close());

    const ids = (list: readonly { id: number }[]) => list.map((s) => s.id);
    /** What the store itself answers: the truth the memory must match. */
    const fromStore = async (now: Date, limit: number, sectionId?: number, excludeIds: number[] = []) =>
      ids(await t.services.articles.listPublic(now, { ...(sectionId ? { sectionId } : {}), excludeIds }, 1, limit).then((p) => p.items));

    async function story(headline: string, publishedAt: Date, sectionSlug = 'videsh'): Promise<number> {
      const section = (await t.services.sections.findBySlug(sectionSlug))!;
      const input: NewArticle = {
        sectionId: section.id,
        headline,
        dek: 'डेक',
        body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] },
        heroMediaId: null,
        tagIds: [],
        authorIds: [],
        status: 'published',
        publishedAt,
        updatedAt: publishedAt,
        createdAt: publishedAt,
        commentsOpen: true,
      };
      return t.services.articles.create(input);
    }

    test('site-wide and section lists, with exclusions, are the store’s', async () => {
      const now = t.services.now();
      const videsh = (await t.services.sections.findBySlug('videsh'))!;
      for (const [limit, sectionId, exclude] of [[6, undefined, []], [12, undefined, [1]], [4, videsh.id, []], [3, videsh.id, [1]]] as const) {
        assert.deepEqual(ids(await t.services.articles.latest(now, limit, { ...(sectionId ? { sectionId } : {}), excludeIds: [...exclude] })), await fromStore(now, limit, sectionId, [...exclude]));
      }
    });

    test('a story scheduled for later appears when its time comes, with no further change', async () => {
      const now = t.services.now();
      const at = new Date(now.getTime() + 60_000);
      // Saved now (the change is announced now), public only from `at`.
      const id = await story('समय पर छपने वाली खबर', at, 'desh');
      const desh = (await t.services.sections.findBySlug('desh'))!;
      assert.ok(!ids(await t.services.articles.latest(now, 6)).includes(id));
      assert.deepEqual(ids(await t.services.articles.latest(now, 6)), await fromStore(now, 6));
      const later = new Date(at.getTime() + 1000);
      const afterwards = ids(await t.services.articles.latest(later, 6));
      assert.equal(afterwards[0], id);
      assert.deepEqual(afterwards, await fromStore(later, 6));
      assert.equal(ids(await t.services.articles.latest(later, 4, { sectionId: desh.id }))[0], id);
    });

    test('a change drops the lists at once; a clock moved back is answered by the store', async () => {
      const now = new Date(t.services.now().getTime() + 3_600_000);
      await t.services.articles.latest(now, 6);
      const id = await story('अभी छपी खबर', now);
      assert.equal(ids(await t.services.articles.latest(now, 6))[0], id);
      const earlier = new Date(now.getTime() - 7 * 86_400_000);
      assert.deepEqual(ids(await t.services.articles.latest(earlier, 6)), await fromStore(earlier, 6));
    });
  });
}
