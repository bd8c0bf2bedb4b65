/**
 * A photo's focal point over HTTP on every database (issue 14, point 8): an editor sets it
 * once; anything but two numbers in 0..1 is a 400 in the user's language with nothing
 * changed; readers' pages then crop around it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

for (const dialect of DIALECTS) {
  describe(`media focal point (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    let contributor: Actor;
    let mediaId: number;
    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
      contributor = await actor(t.services, 'contributor');
      mediaId = (await t.services.media.search('', 1, 1)).items[0]!.id;
    });
    after(() => t.close());

    const put = (who: Actor, id: number | string, json: unknown) => asActor(t.app, who, { method: 'PUT', url: `/admin/api/media/${id}/focal-point`, json });

    test('a new photo is centred; an editor moves its focal point and it is stored', async () => {
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.5, y: 0.5 });
      const res = await put(editor, mediaId, { x: 0.25, y: 0.8 });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual((res.json() as { media: { focal: unknown } }).media.focal, { x: 0.25, y: 0.8 });
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.25, y: 0.8 });
      // The corners are allowed, and strings from a form field too.
      assert.equal((await put(editor, mediaId, { x: '0', y: '1' })).statusCode, 200);
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0, y: 1 });
      assert.equal((await put(editor, mediaId, { x: 0.25, y: 0.8 })).statusCode, 200);
    });

    test('bad values get 400 INVALID_INPUT and change nothing', async () => {
      const bad: unknown[] = [
        { x: 1.5, y: 0.5 },
        { x: -0.1, y: 0.5 },
        { x: 0.5 },
        { x: 'abc', y: 0.5 },
        { x: '1e-1', y: 0.5 },
        { x: 'Infinity', y: 0.5 },
        { x: null, y: 0.5 },
        { x: [0.5], y: 0.5 },
        { x: true, y: 0.5 },
        [0.5, 0.5],
        'centre',
        null,
      ];
      for (const json of bad) {
        const res = await put(editor, mediaId, json);
        assert.equal(res.statusCode, 400, `${JSON.stringify(json)}: ${res.body}`);
        const body = res.json() as { error: { code: string } };
        assert.equal(body.error.code, 'INVALID_INPUT');
      }
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.25, y: 0.8 });
    });

    const click = (who: Actor, id: number, fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/admin/media/${id}/focal-point`,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });

    test('the media library: a click on the photo (an image button, no script) sets the focal point; the dot shows it', async () => {
      const page = await t.app.inject({ method: 'GET', url: '/admin/media', headers: { cookie: editor.cookie } });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<form method="post" action="/admin/media/${mediaId}/focal-point"[^>]*>`));
      assert.match(page.body, /<span class="focal-picker fx-25 fy-80"><input type="image" name="focal"/);
      const h = /name="h" value="(\d+)"/.exec(page.body.slice(page.body.indexOf(`/admin/media/${mediaId}/focal-point`)))![1]!;
      const res = await click(editor, mediaId, { w: '200', h, 'focal.x': '150', 'focal.y': '0' });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, `/admin/media#media-${mediaId}`);
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.75, y: 0 });
      const after = await t.app.inject({ method: 'GET', url: '/admin/media', headers: { cookie: editor.cookie } });
      assert.match(after.body, /<span class="focal-picker fx-75 fy-0">/);
      const bads: Record<string, string>[] = [
        { w: '200', h, 'focal.x': '201', 'focal.y': '0' },
        { w: '0', h, 'focal.x': '0', 'focal.y': '0' },
        { w: '200', h, 'focal.x': '-1', 'focal.y': '0' },
        { w: '200', h, 'focal.x': '1.5', 'focal.y': '0' },
        { w: '200', h },
        { w: '99999999', h, 'focal.x': '1', 'focal.y': '1' },
      ];
      for (const bad of bads) {
        const r = await click(editor, mediaId, bad);
        assert.equal(r.statusCode, 400, JSON.stringify(bad));
      }
      assert.equal((await click(contributor, mediaId, { w: '200', h, 'focal.x': '1', 'focal.y': '1' })).statusCode, 403);
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.75, y: 0 });
      assert.equal((await put(editor, mediaId, { x: 0.25, y: 0.8 })).statusCode, 200);
    });

    test('an unknown photo is 404, a bad id 400 or 404, and a contributor may not set it', async () => {
      assert.equal((await put(editor, 999999, { x: 0.5, y: 0.5 })).statusCode, 404);
      assert.ok([400, 404].includes((await put(editor, 'abc', { x: 0.5, y: 0.5 })).statusCode));
      assert.equal((await put(contributor, mediaId, { x: 0.1, y: 0.1 })).statusCode, 403);
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.25, y: 0.8 });
    });
  });
}
