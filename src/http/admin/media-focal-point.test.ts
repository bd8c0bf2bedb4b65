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

    test('bad values get 400 in Hindi or English and change nothing', async () => {
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

    test('an unknown photo is 404, a bad id 400 or 404, and a contributor may not set it', async () => {
      assert.equal((await put(editor, 999999, { x: 0.5, y: 0.5 })).statusCode, 404);
      assert.ok([400, 404].includes((await put(editor, 'abc', { x: 0.5, y: 0.5 })).statusCode));
      assert.equal((await put(contributor, mediaId, { x: 0.1, y: 0.1 })).statusCode, 403);
      assert.deepEqual((await t.services.media.findById(mediaId))?.focal, { x: 0.25, y: 0.8 });
    });
  });
}
