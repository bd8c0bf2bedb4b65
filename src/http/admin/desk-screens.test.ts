/**
 * The desk over HTTP, on every database: headline search in Devanagari and Latin letters
 * (drafts too), each filter, sorting, pages that keep the filters, bulk actions that report
 * each story that could not move, reporters seeing only their own stories, bad input as
 * 400, and the home screen's pin-by-headline search.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EditableArticle } from '../../domain/articles/article.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

/** The story ids of a desk page, in order (the row checkboxes). */
const rowIds = (html: string) => [...html.matchAll(/name="ids" value="([0-9]+)"/g)].map((m) => Number(m[1]));

for (const dialect of DIALECTS) {
  describe(`the desk (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor, reporter: Actor, otherReporter: Actor;
    let sectionA: number, sectionB: number;
    let draft: number, reporterDraft: number, empty: number;

    const post = (who: Actor, url: string, fields: [string, string][]) => {
      const params = new URLSearchParams(fields);
      params.set('_csrf', who.csrf);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      });
    };
    const desk = async (who: Actor, query: string) => {
      const res = await asActor(t.app, who, { method: 'GET', url: `/admin${query}` });
      assert.equal(res.statusCode, 200, res.body.slice(0, 500));
      return res.body;
    };
    const ids = async (who: Actor, query: string) => rowIds(await desk(who, query));
    const create = async (who: Actor, sectionId: number, headline: string) => {
      const res = await asActor(t.app, who, { method: 'POST', url: '/admin/api/articles', json: { sectionId, headline } });
      assert.equal(res.statusCode, 201, res.body);
      return (res.json() as { article: EditableArticle }).article.id;
    };
    const status = async (id: number) => (await t.services.desk.get(editor.user, id)).status;

    before(async () => {
      t = await openDemoApp(dialect);
      [editor, reporter, otherReporter] = await Promise.all([actor(t.services, 'editor'), actor(t.services, 'reporter'), actor(t.services, 'reporter')]);
      const sections = await t.services.sections.list();
      sectionA = sections[0]!.id;
      sectionB = sections[1]!.id;
      draft = await create(editor, sectionA, 'मुलाक़ात के बाद त्रिवेणीपुरम पहुंचे राजदूत');
      reporterDraft = await create(reporter, sectionB, 'त्रिवेणीपुरम में रिपोर्टर की खबर');
      empty = await create(editor, sectionA, '');
    });
    after(() => t.close());

    test('headline search finds a draft in Devanagari, in Latin letters, by an unfinished word, and by number', async () => {
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('त्रिवेणीपुरम')}`), [reporterDraft, draft]);
      assert.deepEqual(await ids(editor, '?q=trivenipuram'), [reporterDraft, draft]);
      assert.deepEqual(await ids(editor, '?q=Trivenipuram%20rajdoot'), [draft], 'every word must match');
      assert.deepEqual(await ids(editor, '?q=trivenip'), [reporterDraft, draft], 'the last word may be unfinished');
      assert.deepEqual(await ids(editor, `?q=%23${draft}`), [draft]);
      // mulakat finds मुलाक़ात (with a nukta in the headline).
      assert.ok((await ids(editor, '?q=mulakat')).includes(draft));
      assert.ok((await ids(editor, `?q=${encodeURIComponent('मुलाकात')}`)).includes(draft));
      // A short skeleton is told apart by its vowel: putin is not patna.
      const patna = await create(editor, sectionA, 'पटना में बारिश');
      const putin = await ids(editor, '?q=putin');
      assert.ok(putin.length >= 1 && !putin.includes(patna), String(putin));
      assert.deepEqual(await ids(editor, '?q=patna'), [patna]);
      assert.deepEqual(await ids(editor, `?q=${encodeURIComponent('की के')}`), [], 'only stopwords: nothing');
    });

    test('a changed headline is found by its new words at once, not its old ones', async () => {
      const id = await create(editor, sectionA, 'चंद्रकांतपुर में मेला');
      assert.deepEqual(await ids(editor, '?q=chandrakantpur'), [id]);
      const res = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${id}`, json: { headline: 'सूर्यनगरी में मेला' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(await ids(editor, '?q=chandrakantpur'), []);
      assert.deepEqual(await ids(editor, '?q=suryanagari'), [id]);
    });

    test('filters: status, section, author, dates on updated or published', async () => {
      const drafts = await ids(editor, '?status=draft');
      assert.ok(drafts.includes(draft) && drafts.includes(reporterDraft));
      for (const id of drafts) assert.equal(await status(id), 'draft');
      const published = await ids(editor, '?status=published');
      assert.ok(published.length > 0 && !published.includes(draft));

      assert.deepEqual(await ids(editor, `?q=trivenipuram&section=${sectionB}`), [reporterDraft]);
      assert.deepEqual(await ids(editor, `?q=trivenipuram&section=${sectionA}`), [draft]);

      const [author] = await t.services.authors.list();
      const byAuthor = await t.services.deskList.list(editor.user, { q: '', dateField: 'updated', sort: 'updated', dir: 'desc', page: 1, authorId: author!.id }, 1000);
      assert.ok(byAuthor.total > 0);
      const res = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${draft}`, json: { authorIds: [author!.id] } });
      assert.equal(res.statusCode, 200, res.body);
      const page = await desk(editor, `?q=trivenipuram&author=${author!.id}`);
      assert.deepEqual(rowIds(page), [draft]);
      assert.ok(page.includes(`>${author!.name}</a>`), 'the author column names the byline');

      // The demo's stories were published on and before 2023-03-21 (IST); the drafts were made "now" (the test clock).
      const onDay = await ids(editor, '?date=published&from=2023-03-21&to=2023-03-21&status=published');
      assert.ok(onDay.length > 0);
      const before = await ids(editor, '?date=published&to=2023-03-20&status=published');
      assert.ok(onDay.every((id) => !before.includes(id)));
      const today = t.services.now().toISOString().slice(0, 10);
      assert.ok((await ids(editor, `?q=trivenipuram&from=${today}`)).includes(draft));
      assert.deepEqual(await ids(editor, '?q=trivenipuram&to=2020-01-01'), []);
      assert.deepEqual(await ids(editor, '?q=trivenipuram&date=published&from=2000-01-01'), [], 'drafts have no publishing date');
    });

    test('sorting: each column both ways, stable, never-published last; pages keep the filters', async () => {
      const a = await create(editor, sectionA, 'अ क्षेत्रपालनगर');
      const b = await create(editor, sectionA, 'ख क्षेत्रपालनगर');
      const c = await create(editor, sectionB, 'ग क्षेत्रपालनगर');
      const q = '?q=kshetrapalnagar';
      assert.deepEqual(await ids(editor, `${q}&sort=headline`), [a, b, c]);
      assert.deepEqual(await ids(editor, `${q}&sort=headline&dir=desc`), [c, b, a]);
      assert.deepEqual(await ids(editor, `${q}&sort=updated&dir=asc`), [a, b, c], 'same time: by id');
      assert.deepEqual(await ids(editor, `${q}&sort=updated`), [c, b, a]);
      const r = await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${b}/transition`, json: { to: 'published' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(await ids(editor, `${q}&sort=published`), [b, c, a], 'published first, then by id');
      assert.deepEqual(await ids(editor, `${q}&sort=published&dir=asc`), [b, a, c]);
      assert.deepEqual(await ids(editor, `${q}&sort=status`), [a, c, b], 'drafts before published, in workflow order');
      const bySection = await ids(editor, `${q}&sort=section`);
      assert.equal(bySection.length, 3);

      // Paging through everything gives every story once, and the links keep the filters.
      const all = await t.services.deskList.list(editor.user, { q: '', dateField: 'updated', sort: 'headline', dir: 'asc', page: 1 }, 1000);
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 30); page++) seen.push(...(await ids(editor, `?sort=headline&page=${page}`)));
      assert.deepEqual(seen, all.items.map((i) => i.id));
      const first = await desk(editor, '?status=published&sort=headline');
      assert.ok(first.includes('href="/admin?status=published&amp;sort=headline&amp;page=2"'), 'the next page keeps status and sort');
    });

    test('bulk publish: the story that cannot be published is reported, the other is published', async () => {
      const good = await create(editor, sectionA, 'प्रकाशन योग्य खबर');
      const res = await post(editor, '/admin/articles/bulk', [['action', 'published'], ['ids', String(good)], ['ids', String(empty)], ['return', '/admin?status=draft']]);
      assert.equal(res.statusCode, 303, res.body);
      const location = String(res.headers.location);
      assert.match(location, /^\/admin\?status=draft&bulk=published&done=1&failed=/);
      assert.equal(await status(good), 'published');
      assert.equal(await status(empty), 'draft');
      const page = await desk(editor, location.slice('/admin'.length));
      assert.ok(page.includes('प्रकाशित करें: 1 खबर बदलीं।'), 'how many moved');
      assert.ok(page.includes(`href="/admin/articles/${empty}/edit"`) && page.includes('हेडलाइन नहीं है'), 'which did not, and why');
      // Nothing checked: told so, nothing changes.
      const none = await post(editor, '/admin/articles/bulk', [['action', 'published']]);
      assert.equal(none.statusCode, 303);
      assert.ok((await desk(editor, String(none.headers.location).slice('/admin'.length))).includes('कोई खबर नहीं चुनी गई थी।'));
    });

    test('bulk: a reporter submits their own draft for review; publishing is refused per story; trash works', async () => {
      const mine = await create(reporter, sectionA, 'रिपोर्टर का दूसरा ड्राफ्ट');
      let res = await post(reporter, '/admin/articles/bulk', [['action', 'review'], ['ids', String(mine)], ['ids', String(draft)]]);
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), new RegExp(`done=1&failed=${draft}\\.(forbidden|missing)`));
      assert.equal(await status(mine), 'review');
      assert.equal(await status(draft), 'draft');
      res = await post(reporter, '/admin/articles/bulk', [['action', 'published'], ['ids', String(mine)]]);
      assert.match(String(res.headers.location), new RegExp(`done=0&failed=${mine}\\.forbidden`));
      assert.equal(await status(mine), 'review');

      const doomed = await create(editor, sectionA, 'ट्रैश होने वाली खबर');
      res = await post(editor, '/admin/articles/bulk', [['action', 'trash'], ['ids', String(doomed)]]);
      assert.match(String(res.headers.location), /done=1$/);
      assert.ok(!(await ids(editor, `?q=%23${doomed}`)).includes(doomed), 'a trashed story leaves the desk');
    });

    test('a reporter sees only their own stories, in lists and searches', async () => {
      assert.deepEqual(await ids(reporter, '?q=trivenipuram'), [reporterDraft]);
      assert.deepEqual(await ids(otherReporter, '?q=trivenipuram'), []);
      const all = await ids(reporter, '?sort=headline');
      for (const id of all) assert.equal((await t.services.desk.get(editor.user, id)).createdBy, reporter.user.id);
    });

    test('bad input is a 400, never a 500', async () => {
      for (const query of ['?status=gone', '?sort=id', '?dir=up', '?date=created', '?from=2023-02-30', '?to=yesterday', '?from=2023-03-02&to=2023-03-01', '?section=abc', '?author=0', '?page=0', `?q=${'क'.repeat(201)}`, '?bulk=explode', '?bulk=published&failed=1.boom', '?status=draft&status=review']) {
        const res = await asActor(t.app, editor, { method: 'GET', url: `/admin${query}` });
        assert.equal(res.statusCode, 400, `${query}: ${res.statusCode}`);
      }
      for (const fields of [[['action', 'delete'], ['ids', '1']], [['action', 'published'], ['ids', 'abc']], [['action', 'published'], ...Array.from({ length: 101 }, (_, i) => ['ids', String(i + 1)])]] as [string, string][][]) {
        const res = await post(editor, '/admin/articles/bulk', fields);
        assert.equal(res.statusCode, 400, JSON.stringify(fields).slice(0, 80));
      }
      const noCsrf = await t.app.inject({ method: 'POST', url: '/admin/articles/bulk', headers: { cookie: editor.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' }, payload: `action=published&ids=${empty}` });
      assert.equal(noCsrf.statusCode, 403);
    });

    test('home: pin a story and add one to Updates by searching its headline', async () => {
      const screen = await asActor(t.app, editor, { method: 'GET', url: '/admin/home?find=putin%20jinping' });
      assert.equal(screen.statusCode, 200);
      const [reference] = await t.services.deskList.findPublic('putin jinping');
      assert.ok(reference && reference.headline.startsWith('जिनपिंग से बोले पुतिन'), 'the reference story is found');
      assert.ok(screen.body.includes(`name="articleId" value="${reference.id}"`), 'with a pin button');
      assert.ok(!(await t.services.deskList.findPublic('trivenipuram')).some((h) => h.id === draft), 'drafts are not offered');

      const pin = await post(editor, '/admin/home/pins', [['articleId', String(reference.id)], ['find', 'putin jinping']]);
      assert.equal(pin.statusCode, 303);
      assert.equal(pin.headers.location, '/admin/home?saved=1&find=putin+jinping');
      assert.deepEqual((await t.services.articles.pinnedForDesk()).map((s) => s.id), [reference.id]);
      const after = await asActor(t.app, editor, { method: 'GET', url: String(pin.headers.location) });
      assert.ok(after.body.includes('पिन है'), 'the found story shows as pinned');

      const add = await post(editor, '/admin/home/updates/add', [['articleId', String(reference.id)]]);
      assert.equal(add.statusCode, 303);
      let settings = await t.services.settings.get();
      assert.equal(settings.updatesMode, 'manual');
      assert.deepEqual(settings.updatesIds, [reference.id]);
      const remove = await post(editor, `/admin/home/updates/${reference.id}/remove`, []);
      assert.equal(remove.statusCode, 303);
      settings = await t.services.settings.get();
      assert.equal(settings.updatesMode, 'latest');
      assert.equal((await asActor(t.app, editor, { method: 'GET', url: `/admin/home?find=${'x'.repeat(201)}` })).statusCode, 400);
      assert.equal((await asActor(t.app, reporter, { method: 'GET', url: '/admin/home?find=putin' })).statusCode, 403);
      await post(editor, `/admin/home/pins/${reference.id}/remove`, []);
    });
  });
}
