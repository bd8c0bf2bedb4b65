/**
 * The integration API over HTTP on every database: keys (missing, wrong, revoked), roles
 * (what a reporter's and an editor's key may do), filing, changing and publishing stories
 * through the newsroom's rules, bad bodies (400 naming the field, 413, 415) with nothing
 * written, and the per-key limit (429 with Retry-After). Every answer is checked against
 * the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import { checkedInject, OpenApiChecker } from '../../../test/helpers/openapi.ts';
import { API_KEY_RATE } from '../../domain/api-keys/api-key.ts';
import { INTEGRATION_OPERATIONS } from './integration-api.ts';

interface EditableJson {
  story: { id: number; status: string; headline: string; dek: string; tagNames: string[]; version: number; live: boolean; pending: boolean; url: string | null; body: { blocks: unknown[] } };
}

const BODY = { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'एजेंसी से आई खबर का पहला पैराग्राफ।' }] }, { type: 'heading', level: 2, text: 'उपशीर्षक' }] };

for (const dialect of DIALECTS) {
  describe(`integration API (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let editorKey: string;
    let reporterKey: string;
    let sectionId: number;
    const checker = new OpenApiChecker();

    before(async () => {
      t = await openDemoApp(dialect);
      admin = await actor(t.services, 'admin');
      editorKey = (await t.services.apiKeys.create(admin.user, { name: 'Desk tool', role: 'editor' })).secret;
      reporterKey = (await t.services.apiKeys.create(admin.user, { name: 'PTI feed', role: 'reporter' })).secret;
      sectionId = (await t.services.sections.findBySlug('desh'))!.id;
    });
    after(() => t.close());

    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, key: string | null, json?: unknown, headers: Record<string, string> = {}) =>
      checkedInject(t.app, checker, {
        method,
        url,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(json !== undefined ? { payload: typeof json === 'string' ? json : JSON.stringify(json) } : {}),
      });
    const error = (res: { json(): unknown }) => (res.json() as { error: { code: string; field?: string } }).error;
    const count = () => t.services.articles.count();

    test('no key, a wrong scheme, a malformed, unknown or revoked key: 401 with WWW-Authenticate; a session cookie is no key', async () => {
      const revoked = await t.services.apiKeys.create(admin.user, { name: 'Old', role: 'editor' });
      await t.services.apiKeys.revoke(admin.user, revoked.key.id);
      const cases: [Record<string, string>, string][] = [
        [{}, 'API_KEY_REQUIRED'],
        [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 'API_KEY_REQUIRED'],
        [{ authorization: 'Bearer nonsense' }, 'API_KEY_INVALID'],
        [{ authorization: `Bearer sk_${'x'.repeat(43)}` }, 'API_KEY_INVALID'],
        [{ authorization: `Bearer ${revoked.secret}` }, 'API_KEY_INVALID'],
        [{ cookie: admin.cookie, 'x-csrf-token': admin.csrf }, 'API_KEY_REQUIRED'],
      ];
      for (const [headers, code] of cases) {
        const res = await call('POST', '/api/v1/admin/stories', null, { headline: 'x', sectionId }, headers);
        assert.equal(res.statusCode, 401, JSON.stringify(headers));
        assert.equal(error(res).code, code);
        assert.equal(res.headers['www-authenticate'], 'Bearer');
        assert.equal(res.headers['cache-control'], 'no-store');
      }
    });

    test('an editor key files a story with every field in one request, then publishes it; readers see it at once', async () => {
      const before = await count();
      const created = await call('POST', '/api/v1/admin/stories', editorKey, { headline: 'एजेंसी की खबर', dek: 'छोटा सार', sectionId, tagNames: ['एजेंसी', 'दिल्ली'], body: BODY });
      assert.equal(created.statusCode, 201, created.body);
      const { story } = created.json() as EditableJson;
      assert.equal(story.status, 'draft');
      assert.equal(story.headline, 'एजेंसी की खबर');
      assert.deepEqual(story.tagNames, ['एजेंसी', 'दिल्ली']);
      assert.equal(story.body.blocks.length, 2);
      assert.equal(story.url, null);
      assert.equal(await count(), before + 1);
      assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/stories/${story.id}` })).statusCode, 404, 'a draft is not public');
      const list = '/api/v1/stories?section=desh&fields=id';
      await t.app.inject({ method: 'GET', url: list });
      assert.equal((await t.app.inject({ method: 'GET', url: list })).headers['x-cache'], 'HIT', 'the public list is cached');
      const published = await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey);
      assert.equal(published.headers['cache-control'], 'no-store');
      assert.equal(published.headers['x-cache'], undefined, 'never cached');
      const listAfter = await t.app.inject({ method: 'GET', url: list });
      assert.equal((listAfter.json() as { items: { id: number }[] }).items[0]!.id, story.id, 'publishing purged the cached list');
      assert.equal(published.statusCode, 200, published.body);
      const live = (published.json() as EditableJson).story;
      assert.equal(live.status, 'published');
      assert.match(live.url ?? '', new RegExp(`/desh/[a-z0-9-]+-${story.id}$`));
      const pub = await t.app.inject({ method: 'GET', url: `/api/v1/stories/${story.id}` });
      assert.equal(pub.statusCode, 200);
      assert.equal((pub.json() as { headline: string }).headline, 'एजेंसी की खबर');
      // The revision history names the key.
      const history = await t.services.desk.history(admin.user, story.id);
      assert.ok(history.events.some((e) => JSON.stringify(e).includes('API: Desk tool')), JSON.stringify(history.events).slice(0, 300));
    });

    test('changing a live story makes a pending version; readers keep the old one until publish; a stale baseVersion is 409', async () => {
      const { story } = (await call('POST', '/api/v1/admin/stories', editorKey, { headline: 'पहला शीर्षक', sectionId, body: BODY })).json() as EditableJson;
      await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey);
      const read = (await call('GET', `/api/v1/admin/stories/${story.id}`, editorKey)).json() as EditableJson;
      const changed = await call('PATCH', `/api/v1/admin/stories/${story.id}`, editorKey, { headline: 'दूसरा शीर्षक', baseVersion: read.story.version });
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal((changed.json() as EditableJson).story.pending, true);
      assert.equal(((await t.app.inject({ method: 'GET', url: `/api/v1/stories/${story.id}` })).json() as { headline: string }).headline, 'पहला शीर्षक');
      const stale = await call('PATCH', `/api/v1/admin/stories/${story.id}`, editorKey, { dek: 'x', baseVersion: read.story.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(error(stale).code, 'EDIT_CONFLICT');
      const update = await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey);
      assert.equal(update.statusCode, 200, update.body);
      assert.equal((update.json() as EditableJson).story.pending, false);
      assert.equal(((await t.app.inject({ method: 'GET', url: `/api/v1/stories/${story.id}` })).json() as { headline: string }).headline, 'दूसरा शीर्षक');
    });

    test("a reporter key files and submits its own stories, but may not publish, choose bylines, or touch others' stories", async () => {
      const res = await call('POST', '/api/v1/admin/stories', reporterKey, { headline: 'संवाददाता की खबर', sectionId, body: BODY });
      assert.equal(res.statusCode, 201, res.body);
      const { story } = res.json() as EditableJson;
      const publish = await call('POST', `/api/v1/admin/stories/${story.id}/publish`, reporterKey);
      assert.equal(publish.statusCode, 403);
      assert.equal((await t.services.desk.get(admin.user, story.id)).status, 'draft');
      const submit = await call('POST', `/api/v1/admin/stories/${story.id}/submit`, reporterKey, { note: 'कृपया देखें' });
      assert.equal(submit.statusCode, 200, submit.body);
      assert.equal((submit.json() as EditableJson).story.status, 'review');
      const before = await count();
      const byline = await call('POST', '/api/v1/admin/stories', reporterKey, { headline: 'बायलाइन', sectionId, authorIds: [1] });
      assert.equal(byline.statusCode, 403);
      assert.equal(await count(), before, 'nothing written');
      const others = (await call('POST', '/api/v1/admin/stories', editorKey, { headline: 'डेस्क की खबर', sectionId })).json() as EditableJson;
      assert.equal((await call('GET', `/api/v1/admin/stories/${others.story.id}`, reporterKey)).statusCode, 403);
      assert.equal((await call('PATCH', `/api/v1/admin/stories/${others.story.id}`, reporterKey, { headline: 'बदला' })).statusCode, 403);
      assert.equal((await t.services.desk.get(admin.user, others.story.id)).headline, 'डेस्क की खबर');
    });

    test('bad bodies: 400 naming the field, 413, 415; nothing is written', async () => {
      const before = await count();
      const cases: [unknown, string][] = [
        [{ sectionId }, 'headline'],
        [{ headline: '', sectionId }, 'headline'],
        [{ headline: 'x'.repeat(301), sectionId }, 'headline'],
        [{ headline: 'x' }, 'sectionId'],
        [{ headline: 'x', sectionId: 'desh' }, 'sectionId'],
        [{ headline: 'x', sectionId: 999999 }, 'sectionId'],
        [{ headline: 'x', sectionId, status: 'published' }, 'status'],
        [{ headline: 'x', sectionId, tagNames: 'एक' }, 'tagNames'],
        [{ headline: 'x', sectionId, heroMediaId: 999999 }, 'heroMediaId'],
        [{ headline: 'x', sectionId, body: { version: 1, blocks: [{ type: 'script', text: 'alert(1)' }] } }, 'body.blocks.0.type'],
        [{ headline: 'x', sectionId, body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'a', href: 'javascript:alert(1)' }] }] } }, 'body.blocks.0.content.0.href'],
        [{ headline: 'x', sectionId, body: { version: 1, blocks: [{ type: 'image', mediaId: 999999 }] } }, 'body.blocks.0.mediaId'],
        [[1, 2], 'body'],
        ['"text"', 'body'],
      ];
      for (const [json, name] of cases) {
        const res = await call('POST', '/api/v1/admin/stories', editorKey, json);
        assert.equal(res.statusCode, 400, `${JSON.stringify(json).slice(0, 80)}: ${res.body}`);
        assert.equal(error(res).field, name, JSON.stringify(json).slice(0, 80));
      }
      const broken = await call('POST', '/api/v1/admin/stories', editorKey, '{"headline": ');
      assert.equal(broken.statusCode, 400);
      const form = await call('POST', '/api/v1/admin/stories', editorKey, undefined, { 'content-type': 'text/plain' });
      assert.ok([400, 415].includes(form.statusCode), String(form.statusCode));
      const text = await checkedInject(t.app, checker, { method: 'POST', url: '/api/v1/admin/stories', headers: { authorization: `Bearer ${editorKey}`, 'content-type': 'text/plain' }, payload: 'headline=x' });
      assert.equal(text.statusCode, 415);
      const huge = await call('POST', '/api/v1/admin/stories', editorKey, { headline: 'x', sectionId, dek: 'क'.repeat(1_100_000) });
      assert.equal(huge.statusCode, 413);
      assert.equal(error(huge).code, 'PAYLOAD_TOO_LARGE');
      assert.equal((await call('PATCH', '/api/v1/admin/stories/abc', editorKey, { headline: 'x' })).statusCode, 400);
      assert.equal((await call('PATCH', '/api/v1/admin/stories/99999999', editorKey, { headline: 'x' })).statusCode, 404);
      assert.equal(await count(), before, 'no story was made');
    });

    test('a publish that the rules refuse changes nothing: a photo without alt text, a past schedule time', async () => {
      const photo = (await t.services.media.search('', 1, 1)).items[0]!;
      await t.services.media.updateMeta(photo.id, { alt: '', caption: photo.caption, credit: photo.credit });
      const { story } = (await call('POST', '/api/v1/admin/stories', editorKey, { headline: 'फोटो वाली खबर', sectionId, heroMediaId: photo.id })).json() as EditableJson;
      const res = await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey);
      assert.equal(res.statusCode, 400);
      assert.equal(error(res).field, 'heroMediaId');
      assert.equal((await t.services.desk.get(admin.user, story.id)).status, 'draft');
      const past = await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey, { publishAt: '2001-01-01T00:00:00+05:30' });
      assert.equal(past.statusCode, 400);
      assert.equal((await call('POST', `/api/v1/admin/stories/${story.id}/publish`, editorKey, { publishAt: 'tomorrow' })).statusCode, 400);
    });

    test('each key is limited: past the limit, 429 with Retry-After, and other keys go on', async () => {
      const { secret } = await t.services.apiKeys.create(admin.user, { name: 'Busy', role: 'editor' });
      const url = '/api/v1/admin/stories/1';
      for (let i = 0; i < API_KEY_RATE.requests; i++) assert.notEqual((await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } })).statusCode, 429, `request ${i + 1}`);
      const limited = await call('GET', url, secret);
      assert.equal(limited.statusCode, 429);
      assert.equal(error(limited).code, 'TOO_MANY_REQUESTS');
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.notEqual((await call('GET', url, editorKey)).statusCode, 429, 'another key is not limited');
      t.setNow(new Date(t.services.now().getTime() + API_KEY_RATE.windowMs));
      assert.notEqual((await call('GET', url, secret)).statusCode, 429, 'a new window');
    });

    test('every integration operation was answered and checked against the document', () => {
      for (const op of Object.values(INTEGRATION_OPERATIONS)) assert.ok([...checker.seen].some((s) => s.endsWith(` ${op.id}`) && / 20\d /.test(s)), op.id);
      for (const status of ['400', '401', '403', '409', '413', '415', '429']) assert.ok([...checker.seen].some((s) => s.split(' ')[1] === status), status);
    });
  });
}
