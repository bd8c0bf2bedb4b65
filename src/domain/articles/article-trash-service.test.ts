/**
 * The trash on every database, below HTTP: the trash job deletes exactly the stories whose
 * 30 days ran out, once even when two runs race (one conditional UPDATE claims each),
 * leaving tombstones and one audit entry each; a deleted story leaves the manual Updates
 * list; a scheduled story put in the trash never goes live.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemo } from '../../demo/demo-service.ts';
import { DIALECTS, openTestServices, TEST_NOW, type TestServices } from '../../../test/helpers/databases.ts';
import type { User } from '../users/user.ts';
import type { ArticleSummary } from './article.ts';

const DAY = 86_400_000;

for (const dialect of DIALECTS) {
  describe(`trash job (${dialect})`, () => {
    let t: TestServices;
    let editor: User, admin: User;
    let a: ArticleSummary, b: ArticleSummary;
    const at = (ms: number) => t.setNow(new Date(TEST_NOW.getTime() + ms));

    before(async () => {
      t = await openTestServices(dialect);
      await loadDemo(t.services);
      editor = (await t.services.users.create({ email: 'e@example.test', name: 'संपादक', role: 'editor', password: 'correct horse battery' })).user;
      admin = (await t.services.users.create({ email: 'a@example.test', name: 'एडमिन', role: 'admin', password: 'correct horse battery' })).user;
      [a, b] = await t.services.articles.latest(TEST_NOW, 2) as [ArticleSummary, ArticleSummary];
      await t.services.settings.update({ updatesMode: 'manual', updatesIds: [a.id, b.id] });
    });
    after(() => t.close());

    test('stories stay in the trash 30 days, then two racing runs delete each exactly once, with a tombstone', async () => {
      at(0);
      await t.services.trash.trash(editor, a.id);
      at(10 * DAY);
      await t.services.trash.trash(editor, b.id);
      at(30 * DAY - 60_000);
      assert.deepEqual(await t.services.trash.purgeExpired(), [], 'not yet');
      at(30 * DAY + 60_000);
      const [first, second] = await Promise.all([t.services.trash.purgeExpired(), t.services.trash.purgeExpired()]);
      assert.deepEqual([...first, ...second], [a.id], 'deleted once, by one run');
      assert.equal(await t.services.trash.gone(a.id), 'deleted');
      assert.equal(await t.services.trash.gone(b.id), 'trashed');
      const log = await t.services.audit.list(admin, 1, 50);
      const purges = log.items.filter((e) => e.action === 'article.purge');
      assert.equal(purges.length, 1, 'one audit entry');
      assert.deepEqual([purges[0]!.subjectId, purges[0]!.userId, purges[0]!.detail.headline], [a.id, null, a.headline]);
      assert.deepEqual((await t.services.settings.get()).updatesIds, [b.id], 'out of the manual Updates list');
      at(40 * DAY + 60_000);
      assert.deepEqual(await t.services.trash.purgeExpired(), [b.id]);
      const settings = await t.services.settings.get();
      assert.deepEqual([settings.updatesMode, settings.updatesIds], ['latest', []], 'an emptied manual list goes back to the newest stories');
      assert.equal((await t.services.trash.list(editor, 1, 30)).total, 0);
    });

    test('a scheduled story put in the trash never goes live, and comes back as an unscheduled draft', async () => {
      at(0);
      const [section] = await t.services.sections.list();
      const id = await t.services.desk.createDraft(editor, { sectionId: section!.id, headline: 'कल सुबह की खबर' });
      await t.services.desk.transition(editor, id, 'scheduled', { publishAt: new Date(TEST_NOW.getTime() + 3_600_000) });
      await t.services.trash.trash(editor, id);
      at(2 * 3_600_000);
      assert.ok(!(await t.services.desk.publishDue()).includes(id), 'not published on schedule');
      assert.equal(await t.services.articles.getPublic(id, t.services.now()), null);
      await t.services.trash.restore(editor, id);
      const back = await t.services.desk.get(editor, id);
      assert.deepEqual([back.status, back.publishedAt], ['draft', null]);
      const rows = await t.services.trash.list(editor, 1, 30);
      assert.equal(rows.total, 0, 'out of the trash');
    });

    test('the Trash lists what each story was, who trashed it and when it will be deleted', async () => {
      at(0);
      const story = (await t.services.articles.latest(TEST_NOW, 1))[0]!;
      await t.services.trash.trash(editor, story.id);
      const { items } = await t.services.trash.list(editor, 1, 30);
      const row = items.find((r) => r.id === story.id)!;
      assert.deepEqual([row.previousStatus, row.trashedBy?.id, row.trashedAt.getTime(), row.purgeAt.getTime()], ['published', editor.id, TEST_NOW.getTime(), TEST_NOW.getTime() + 30 * DAY]);
    });
  });
}
