/**
 * Roles are enforced on the server: every forbidden action, for every role, through the
 * HTTP API, answers 403 and changes nothing. Also: CSRF, and malformed input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EditableArticle } from '../../domain/articles/article.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

for (const dialect of DIALECTS) {
  describe(`newsroom permissions (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor, contributor: Actor;
    let reporterDraft: number, editorDraft: number, contributorDraft: number, contributorSubmitted: number, published: number;
    let anyAuthor: number;

    const snapshot = async (id: number): Promise<EditableArticle> => t.services.desk.get(admin.user, id);

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter, contributor] = await Promise.all([
        actor(t.services, 'admin'),
        actor(t.services, 'editor'),
        actor(t.services, 'reporter'),
        actor(t.services, 'contributor'),
      ]);
      const [section] = await t.services.sections.list();
      const create = async (who: Actor) => {
        const res = await asActor(t.app, who, { method: 'POST', url: '/admin/api/articles', json: { sectionId: section!.id, headline: `${who.user.role} की खबर` } });
        assert.equal(res.statusCode, 201, res.body);
        return (res.json() as { article: EditableArticle }).article.id;
      };
      reporterDraft = await create(reporter);
      editorDraft = await create(editor);
      contributorDraft = await create(contributor);
      contributorSubmitted = await create(contributor);
      const submit = await asActor(t.app, contributor, { method: 'POST', url: `/admin/api/articles/${contributorSubmitted}/transition`, json: { to: 'review' } });
      assert.equal(submit.statusCode, 200, submit.body);
      published = (await t.services.articles.latest(t.services.now(), 1))[0]!.id;
      anyAuthor = (await t.services.authors.list())[0]!.id;
    });
    after(() => t.close());

    const future = () => new Date(t.services.now().getTime() + 86_400_000).toISOString();

    const forbidden: [string, () => Actor, (id: () => number) => [string, string, unknown], () => number][] = [
      // contributor
      ['contributor publishes own draft', () => contributor, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'published' }], () => contributorDraft],
      ['contributor schedules own draft', () => contributor, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'scheduled', publishAt: future() }], () => contributorDraft],
      ['contributor sets authors', () => contributor, (id) => ['PUT', `/admin/api/articles/${id()}`, { authorIds: [anyAuthor] }], () => contributorDraft],
      ['contributor edits a story in review', () => contributor, (id) => ['PUT', `/admin/api/articles/${id()}`, { headline: 'बदला' }], () => contributorSubmitted],
      ['contributor edits someone else’s draft', () => contributor, (id) => ['PUT', `/admin/api/articles/${id()}`, { headline: 'बदला' }], () => editorDraft],
      ['contributor edits a published story', () => contributor, (id) => ['PUT', `/admin/api/articles/${id()}`, { headline: 'बदला' }], () => published],
      ['contributor unpublishes', () => contributor, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'unpublished' }], () => published],
      ['contributor restores a revision', () => contributor, (id) => ['POST', `/admin/api/articles/${id()}/revisions/1/restore`, {}], () => editorDraft],
      // reporter
      ['reporter publishes own draft (setting off)', () => reporter, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'published' }], () => reporterDraft],
      ['reporter schedules own draft (setting off)', () => reporter, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'scheduled', publishAt: future() }], () => reporterDraft],
      ['reporter sets authors', () => reporter, (id) => ['PUT', `/admin/api/articles/${id()}`, { authorIds: [anyAuthor] }], () => reporterDraft],
      ['reporter edits someone else’s draft', () => reporter, (id) => ['PUT', `/admin/api/articles/${id()}`, { headline: 'बदला' }], () => editorDraft],
      ['reporter edits someone else’s published story', () => reporter, (id) => ['PUT', `/admin/api/articles/${id()}`, { headline: 'बदला' }], () => published],
      ['reporter unpublishes someone else’s story', () => reporter, (id) => ['POST', `/admin/api/articles/${id()}/transition`, { to: 'unpublished' }], () => published],
      ['reporter reads someone else’s draft', () => reporter, (id) => ['GET', `/admin/api/articles/${id()}`, undefined], () => editorDraft],
    ];

    for (const [name, who, request, target] of forbidden) {
      test(`403: ${name}`, async () => {
        const before = await snapshot(target());
        const [method, url, json] = request(target);
        const res = await asActor(t.app, who(), { method: method as 'GET', url, ...(json === undefined ? {} : { json }) });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal((res.json() as { error: { code: string } }).error.code, 'FORBIDDEN');
        assert.deepEqual(await snapshot(target()), before, 'nothing changed');
      });
    }

    test('403: contributors cannot upload photos, though they may reuse the library', async () => {
      const before = (await t.services.media.search('', 1, 1)).total;
      const boundary = 'b0undary';
      const payload = `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nPNG\r\n--${boundary}--\r\n`;
      const res = await asActor(t.app, contributor, { method: 'POST', url: '/admin/api/media', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      assert.equal(res.statusCode, 403);
      assert.equal((await t.services.media.search('', 1, 1)).total, before);
      const list = await asActor(t.app, contributor, { method: 'GET', url: '/admin/api/media' });
      assert.equal(list.statusCode, 200);
      const media = (await t.services.media.search('', 1, 1)).items[0]!;
      const edit = await asActor(t.app, contributor, { method: 'PUT', url: `/admin/api/media/${media.id}`, json: { alt: 'x', caption: 'y', credit: 'z' } });
      assert.equal(edit.statusCode, 403);
      assert.equal((await t.services.media.findById(media.id))?.alt, media.alt);
    });

    test('the same actions are allowed where the rules allow them', async () => {
      const edit = await asActor(t.app, reporter, { method: 'PUT', url: `/admin/api/articles/${reporterDraft}`, json: { headline: 'रिपोर्टर ने बदली हेडलाइन' } });
      assert.equal(edit.statusCode, 200, edit.body);
      await t.services.settings.update({ reportersCanPublish: true });
      try {
        const pub = await asActor(t.app, reporter, { method: 'POST', url: `/admin/api/articles/${reporterDraft}/transition`, json: { to: 'published' } });
        assert.equal(pub.statusCode, 200, pub.body);
        assert.equal((pub.json() as { article: EditableArticle }).article.status, 'published');
      } finally {
        await t.services.settings.update({ reportersCanPublish: false });
      }
      const authors = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json: { authorIds: [anyAuthor] } });
      assert.equal(authors.statusCode, 200, authors.body);
    });

    test('signed out: the API answers 401 and screens redirect to sign-in', async () => {
      const api = await t.app.inject({ method: 'GET', url: `/admin/api/articles/${editorDraft}` });
      assert.equal(api.statusCode, 401);
      const screen = await t.app.inject({ method: 'GET', url: '/admin' });
      assert.equal(screen.statusCode, 303);
      assert.equal(screen.headers.location, '/admin/sign-in?next=%2Fadmin');
    });

    test('CSRF: a missing or forged token, or another origin, gets 403 and changes nothing', async () => {
      const before = await snapshot(editorDraft);
      const put = (headers: Record<string, string>) =>
        asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json: { headline: 'CSRF से बदला' }, headers });
      const variants: Record<string, string>[] = [{ 'x-csrf-token': '' }, { 'x-csrf-token': 'forged'.padEnd(43, 'x') }, { origin: 'https://evil.example' }, { origin: 'null' }];
      for (const headers of variants) {
        const res = await put(headers);
        assert.equal(res.statusCode, 403, JSON.stringify(headers));
        assert.equal((res.json() as { error: { code: string } }).error.code, 'CSRF');
      }
      const noToken = await t.app.inject({
        method: 'POST',
        url: `/admin/articles/${editorDraft}/transition`,
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
        payload: `_csrf=${encodeURIComponent(editor.csrf)}&to=review`,
      });
      assert.equal(noToken.statusCode, 403, 'a cross-site form post is refused even with the token');
      const otherUsersToken = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json: { headline: 'x' }, headers: { 'x-csrf-token': admin.csrf } });
      assert.equal(otherUsersToken.statusCode, 403);
      assert.deepEqual(await snapshot(editorDraft), before);
    });

    test('malformed saves get 400 naming the field, and nothing is saved', async () => {
      const before = await snapshot(editorDraft);
      const cases: [unknown, string][] = [
        [{ body: { version: 1, blocks: [{ type: 'script', text: 'alert(1)' }] } }, 'body.blocks.0.type'],
        [{ body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] } }, 'body.blocks.0.content.0.href'],
        [{ body: '<p>html</p>' }, 'body'],
        [{ headline: 'x'.repeat(301) }, 'headline'],
        [{ headline: 42 }, 'headline'],
        [{ sectionId: 999999 }, 'sectionId'],
        [{ heroMediaId: 999999 }, 'heroMediaId'],
        [{ tagNames: 'not-an-array' }, 'tagNames'],
        [{ slug: 'Not A Slug' }, 'slug'],
        [{ status: 'published' }, 'status'],
        [{ body: { version: 1, blocks: [{ type: 'image', mediaId: 999999 }] } }, 'body.blocks.0.mediaId'],
      ];
      for (const [json, field] of cases) {
        const res = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json });
        assert.equal(res.statusCode, 400, `${JSON.stringify(json).slice(0, 60)}: ${res.body}`);
        assert.equal((res.json() as { error: { field?: string } }).error.field, field);
      }
      const badJson = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, payload: '{"headline":', headers: { 'content-type': 'application/json' } });
      assert.equal(badJson.statusCode, 400);
      assert.deepEqual(await snapshot(editorDraft), before);
    });

    test('a save from a stale revision gets 409 and overwrites nothing', async () => {
      const current = await snapshot(editorDraft);
      const ok = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json: { dek: 'पहले टैब से', baseRevision: current.revision } });
      assert.equal(ok.statusCode, 200, ok.body);
      const after = await snapshot(editorDraft);
      const stale = await asActor(t.app, editor, { method: 'PUT', url: `/admin/api/articles/${editorDraft}`, json: { dek: 'पुराने टैब से', baseRevision: current.revision } });
      assert.equal(stale.statusCode, 409);
      assert.equal((stale.json() as { error: { code: string; field: string } }).error.code, 'EDIT_CONFLICT');
      assert.equal((stale.json() as { error: { field: string } }).error.field, 'baseVersion');
      assert.deepEqual(await snapshot(editorDraft), after);
    });

    test('malformed ids are 404, not errors', async () => {
      for (const url of ['/admin/api/articles/abc', '/admin/api/articles/0', '/admin/api/articles/99999999999', '/admin/api/articles/999999']) {
        const res = await asActor(t.app, admin, { method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
      }
    });
  });
}
