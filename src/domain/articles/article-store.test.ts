/** Articles in storage, on every database: round trips, public lists, relations, atomic writes. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import type { NewArticle } from './article.ts';

for (const dialect of DIALECTS) {
  describe(`article storage (${dialect})`, () => {
    let t: TestServices;
    let sectionId: number;
    let otherSectionId: number;
    const base: Omit<NewArticle, 'headline' | 'publishedAt' | 'updatedAt' | 'createdAt'> = {
      sectionId: 0,
      dek: 'एक छोटा सा डेक',
      body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला पैराग्राफ।', bold: true }] }] },
      heroMediaId: null,
      tagIds: [],
      authorIds: [],
      status: 'published',
      commentsOpen: true,
    };
    const at = (iso: string) => {
      const d = new Date(iso);
      return { publishedAt: d, updatedAt: d, createdAt: d };
    };

    before(async () => {
      t = await openTestServices(dialect);
      sectionId = (await t.services.sections.create({ slug: 'desh', name: 'देश', nameLatin: 'India' })).id;
      otherSectionId = (await t.services.sections.create({ slug: 'khel', name: 'खेल', nameLatin: 'Sports' })).id;
    });
    after(() => t.close());

    test('an article reads back exactly as written: text, body, times to the millisecond, flags', async () => {
      const { services } = t;
      const tag = await services.tags.findOrCreate('मुलाक़ात');
      const author = await services.authors.create({ slug: 'asha-verma', name: 'आशा वर्मा', nameLatin: 'Asha Verma' });
      const times = { publishedAt: new Date('2023-03-21T05:00:00.123Z'), updatedAt: new Date('2023-03-21T07:45:00.456Z'), createdAt: new Date('2023-03-20T23:00:00.789Z') };
      const id = await services.articles.create({ ...base, sectionId, headline: 'पुतिन से मिले जिनपिंग 🇷🇺', ...times, tagIds: [tag.id], authorIds: [author.id], commentsOpen: false });
      const a = await services.articles.getPublic(id, new Date('2023-03-22T00:00:00Z'));
      assert.ok(a);
      assert.equal(a.headline, 'पुतिन से मिले जिनपिंग 🇷🇺');
      assert.equal(a.slug, 'putin-se-mile-jinping');
      assert.equal(a.section.slug, 'desh');
      assert.deepEqual(a.body, base.body);
      assert.equal(a.publishedAt?.getTime(), times.publishedAt.getTime());
      assert.equal(a.updatedAt.getTime(), times.updatedAt.getTime());
      assert.equal(a.createdAt.getTime(), times.createdAt.getTime());
      assert.equal(a.commentsOpen, false);
      assert.deepEqual(a.tags.map((x) => x.name), ['मुलाक़ात']);
      assert.deepEqual(a.authors.map((x) => x.slug), ['asha-verma']);
    });

    test('a story is public only once published and its time has come', async () => {
      const { services } = t;
      const id = await services.articles.create({ ...base, sectionId, headline: 'भविष्य की खबर', ...at('2023-03-25T10:00:00Z') });
      assert.equal(await services.articles.getPublic(id, new Date('2023-03-24T00:00:00Z')), null);
      assert.ok(await services.articles.getPublic(id, new Date('2023-03-26T00:00:00Z')));
      const draft = await services.articles.create({ ...base, sectionId, headline: 'ड्राफ्ट', status: 'draft', ...at('2023-03-01T00:00:00Z') });
      assert.equal(await services.articles.getPublic(draft, new Date('2024-01-01T00:00:00Z')), null);
    });

    test('public lists: newest first, filtered by section, tag and author, with totals', async () => {
      const { services } = t;
      const tag = await services.tags.findOrCreate('क्रिकेट');
      const author = await services.authors.create({ slug: 'ravi-kumar', name: 'रवि कुमार', nameLatin: 'Ravi Kumar' });
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(
          await services.articles.create({
            ...base,
            sectionId: otherSectionId,
            headline: `मैच ${i}`,
            tagIds: i % 2 === 0 ? [tag.id] : [],
            authorIds: i < 2 ? [author.id] : [],
            ...at(`2023-03-0${i + 1}T10:00:00Z`),
          }),
        );
      }
      const now = new Date('2023-03-22T00:00:00Z');
      const bySection = await services.articles.listPublic(now, { sectionId: otherSectionId }, 1, 3);
      assert.equal(bySection.total, 5);
      assert.equal(bySection.pageCount, 2);
      assert.deepEqual(bySection.items.map((a) => a.headline), ['मैच 4', 'मैच 3', 'मैच 2']);
      const page2 = await services.articles.listPublic(now, { sectionId: otherSectionId }, 2, 3);
      assert.deepEqual(page2.items.map((a) => a.headline), ['मैच 1', 'मैच 0']);
      const byTag = await services.articles.listPublic(now, { tagId: tag.id }, 1, 10);
      assert.deepEqual(byTag.items.map((a) => a.headline), ['मैच 4', 'मैच 2', 'मैच 0']);
      const byAuthor = await services.articles.listPublic(now, { authorId: author.id }, 1, 10);
      assert.deepEqual(byAuthor.items.map((a) => a.headline), ['मैच 1', 'मैच 0']);
      const related = await services.articles.related(now, { id: ids[4]!, section: { id: otherSectionId, slug: 'khel', name: 'खेल' } }, 3);
      assert.deepEqual(related.slice(0, 2).map((a) => a.headline), ['मैच 2', 'मैच 0'], 'shared tags first');
      assert.equal(related.length, 3, 'topped up from the section');
      assert.ok(!related.some((a) => a.id === ids[4]));
    });

    test('a failed write leaves nothing behind', async () => {
      const { services } = t;
      const before = await services.articles.count();
      await assert.rejects(services.articles.create({ ...base, sectionId, headline: 'अधूरी खबर', authorIds: [987654], ...at('2023-03-01T00:00:00Z') }));
      assert.equal(await services.articles.count(), before, 'the article row was rolled back with its author link');
    });

    test('invalid input is refused before it reaches storage', async () => {
      const { services } = t;
      const before = await services.articles.count();
      await assert.rejects(services.articles.create({ ...base, sectionId, headline: '   ', ...at('2023-03-01T00:00:00Z') }), { code: 'INVALID_INPUT', field: 'headline' });
      await assert.rejects(
        services.articles.create({
          ...base,
          sectionId,
          headline: 'ठीक',
          body: { version: 1, blocks: [{ type: 'html', html: '<script>alert(1)</script>' }] } as never,
          ...at('2023-03-01T00:00:00Z'),
        }),
        { name: 'RichTextError', field: 'blocks.0.type' },
      );
      assert.equal(await services.articles.count(), before);
    });
  });
}
