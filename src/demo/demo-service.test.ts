/** The demo loads completely and faithfully on every database, once, and reloads on request. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices } from '../../test/helpers/databases.ts';
import { demoArticles, demoSections, referenceArticle } from './content/index.ts';
import { loadDemo } from './demo-service.ts';

for (const dialect of DIALECTS) {
  describe(`demo site (${dialect})`, () => {
    let t: TestServices;
    before(async () => {
      t = await openTestServices(dialect);
    });
    after(() => t.close());

    test('loads every story, section, photo and the widget into an empty database', async () => {
      const report = await loadDemo(t.services);
      assert.equal(report.loaded, true);
      assert.equal(report.articles, demoArticles.length);
      assert.ok(demoArticles.length >= 28, 'the reference, its two Updates stories and at least 25 more');
      assert.equal(await t.services.articles.count(), demoArticles.length);
      const sections = await t.services.sections.list();
      assert.deepEqual(sections.map((s) => s.slug), demoSections.map((s) => s.slug));
      const now = t.services.now();
      for (const s of sections) {
        const list = await t.services.articles.listPublic(now, { sectionId: s.id }, 1, 50);
        assert.ok(list.total >= 3, `section ${s.slug} has ${list.total} stories`);
        assert.ok(list.items.every((a) => a.hero !== null), `every story in ${s.slug} has a photo`);
      }
      const widget = await t.services.widgets.find('covid');
      assert.equal(widget?.title, 'COVID-19 CASES');
      assert.ok(widget?.box.kind === 'figures' && widget.box.rows.length >= 4);
      // An election results box on the home page and a cricket scorecard for stories.
      assert.equal((await t.services.widgets.find('lok-sabha-2024'))?.box.kind, 'election');
      assert.equal((await t.services.widgets.find('ind-aus-final'))?.box.kind, 'cricket');
      assert.deepEqual((await t.services.widgets.placedIn('home')).map((w) => w.key), ['lok-sabha-2024']);
    });

    test('the reference article is stored block for block', async () => {
      const now = t.services.now();
      const summary = (await t.services.articles.latest(now, 100)).find((a) => a.headline === referenceArticle.headline);
      assert.ok(summary);
      const article = await t.services.articles.getPublic(summary.id, now);
      assert.ok(article);
      assert.equal(article.dek, referenceArticle.dek);
      assert.equal(article.section.slug, 'videsh');
      assert.equal(article.publishedAt?.toISOString(), '2023-03-21T05:00:00.000Z');
      const stored = article.body.blocks.map((b) =>
        b.type === 'paragraph' ? { p: b.content.map((i) => i.text).join('') } : b.type === 'heading' ? { h: b.text } : b.type === 'image' ? { caption: article.bodyMedia.get(b.mediaId)?.caption } : { other: b.type },
      );
      const expected = referenceArticle.body.map((b) => ('p' in b ? { p: b.p } : 'h' in b ? { h: b.h } : 'photo' in b ? { caption: b.photo.caption } : { other: 'x' }));
      assert.deepEqual(stored, expected);
    });

    test('a second load leaves existing content alone; --reset replaces it', async () => {
      assert.equal((await loadDemo(t.services)).loaded, false);
      assert.equal(await t.services.articles.count(), demoArticles.length);
      const again = await loadDemo(t.services, { reset: true });
      assert.equal(again.loaded, true);
      assert.equal(await t.services.articles.count(), demoArticles.length);
      assert.equal((await t.services.sections.list()).length, demoSections.length);
    });
  });
}
