/**
 * A data box placed inside a story, over HTTP on every database: the story page shows the
 * election box where the body places it, from the box as saved now; saving the box purges
 * the cached story (it carries the box's content tag); a key with no box shows nothing and
 * starts showing once a box of that key is saved; a bad key is a 400 in Hindi naming the
 * field, with nothing saved; the content API gives the block as body JSON.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, type EditableArticle } from '../../domain/articles/article.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ text }] });
const election = (bjp: number) => ({
  kind: 'election',
  totalSeats: 543,
  majority: 272,
  parties: [
    { name: 'भाजपा', colour: '#e66100', won: bjp, leading: 0 },
    { name: 'कांग्रेस', colour: '#1a5fb4', won: 99, leading: 2 },
  ],
  source: 'चुनाव आयोग',
  asOf: '2024-06-04T20:00:00+05:30',
});

for (const dialect of DIALECTS) {
  describe(`a data box inside a story (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    let sectionId: number;

    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
      sectionId = (await t.services.sections.list())[0]!.id;
    });
    after(() => t.close());

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const put = (id: number, json: Record<string, unknown>) => asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${id}`, json });
    const post = (url: string, json: unknown = {}) => asActor(t.app, editor, { method: 'POST', url, json });

    const publishedStory = async (headline: string, blocks: unknown[]): Promise<{ id: number; path: string }> => {
      const created = await post('/admin/api/articles', { sectionId, headline });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { article: EditableArticle }).article.id;
      const saved = await put(id, { body: { version: 1, blocks } });
      assert.equal(saved.statusCode, 200, saved.body);
      const pub = await post(`/admin/api/articles/${id}/transition`, { to: 'published' });
      assert.equal(pub.statusCode, 200, pub.body);
      return { id, path: articlePath((await t.services.articles.getPublic(id, t.services.now()))!) };
    };

    /** The story page twice: the second answer is the cached one. */
    const cached = async (path: string) => {
      assert.equal((await get(path)).statusCode, 200);
      const res = await get(path);
      assert.equal(res.headers['x-cache'], 'HIT');
      return res.body;
    };

    test('the election box shows inside the body, and saving it purges the story', async () => {
      await t.services.widgets.save('chunav-katha', 'आम चुनाव 2029', election(240));
      const { path } = await publishedStory('मतगणना: ताज़ा रुझान', [paragraph('पहला पैराग्राफ़।'), { type: 'dataBox', key: 'chunav-katha' }, paragraph('दूसरा पैराग्राफ़।')]);
      const page = await cached(path);
      const body = page.slice(page.indexOf('<div class="article-body">'));
      assert.match(body, /^<div class="article-body"><p>पहला पैराग्राफ़।<\/p><section class="box data-box election"[^>]*data-box="chunav-katha"/);
      assert.match(body, /आम चुनाव 2029/);
      assert.match(body, /<svg[^>]*role="img"/);
      assert.match(body, />240</);

      await t.services.widgets.save('chunav-katha', 'आम चुनाव 2029', election(251));
      const after = await get(path);
      assert.notEqual(after.headers['x-cache'], 'HIT', 'the box save purged the story');
      assert.match(after.body, />251</);
      assert.doesNotMatch(after.body, />240</);
    });

    test('a key with no box shows nothing, and the box shows once it is saved', async () => {
      const { id, path } = await publishedStory('अभी बिना बॉक्स', [paragraph('केवल पाठ।'), { type: 'dataBox', key: 'abhi-nahin' }]);
      const page = await cached(path);
      assert.match(page, /<div class="article-body"><p>केवल पाठ।<\/p><\/div>/);
      await t.services.widgets.save('abhi-nahin', 'नया बॉक्स', election(200));
      const after = await get(path);
      assert.notEqual(after.headers['x-cache'], 'HIT');
      assert.match(after.body, /data-box="abhi-nahin"/);
      // The content API gives the block as it is stored.
      const api = await get(`/api/v1/stories/${id}?fields=body`);
      assert.equal(api.statusCode, 200, api.body);
      assert.deepEqual((api.json() as { body: { blocks: unknown[] } }).body.blocks[1], { type: 'dataBox', key: 'abhi-nahin' });
    });

    test('a bad key is refused with a Hindi message naming the field, and nothing is saved', async () => {
      const created = await post('/admin/api/articles', { sectionId, headline: 'गलत कुंजी' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      const ok = await put(id, { body: { version: 1, blocks: [paragraph('सहेजा गया पाठ।')] } });
      assert.equal(ok.statusCode, 200, ok.body);
      for (const key of ['Bad Key', '<b>', '', 'x'.repeat(41)]) {
        const res = await put(id, { body: { version: 1, blocks: [paragraph('नया पाठ।'), { type: 'dataBox', key }] } });
        assert.equal(res.statusCode, 400, res.body);
        const error = (res.json() as { error: { field?: string; messageHi: string } }).error;
        assert.equal(error.field, 'body.blocks.1.key');
        assert.match(error.messageHi, /[\u0900-\u097f]/, 'the message is in Hindi');
      }
      const now = await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${id}` });
      assert.deepEqual((now.json() as { article: EditableArticle }).article.body, { version: 1, blocks: [paragraph('सहेजा गया पाठ।')] });
    });
  });
}
