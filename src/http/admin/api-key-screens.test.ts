/**
 * Admin → API keys over HTTP on every database: admins only, the key shown once (never
 * again, never in an address), CSRF-checked forms, mistakes beside their field with
 * nothing made, and revoking that stops the key at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

for (const dialect of DIALECTS) {
  describe(`API key screens (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let editor: Actor;
    before(async () => {
      t = await openDemoApp(dialect);
      admin = await actor(t.services, 'admin');
      editor = await actor(t.services, 'editor');
    });
    after(() => t.close());

    const make = (who: Actor, fields: Record<string, string>) => asActor(t.app, who, { method: 'POST', url: '/admin/api-keys', ...form({ ...fields, _csrf: who.csrf }) });
    const apiCall = (key: string) => t.app.inject({ method: 'GET', url: '/api/v1/admin/stories/1', headers: { authorization: `Bearer ${key}` } });

    test('admins see the screen, linked in the nav; editors get 403', async () => {
      const page = await asActor(t.app, admin, { method: 'GET', url: '/admin/api-keys' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/admin\/api-keys"/);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal((await asActor(t.app, editor, { method: 'GET', url: '/admin/api-keys' })).statusCode, 403);
      assert.doesNotMatch((await asActor(t.app, editor, { method: 'GET', url: '/admin' })).body, /\/admin\/api-keys/);
      assert.equal((await make(editor, { name: 'x', role: 'admin' })).statusCode, 403);
      assert.equal((await t.services.apiKeys.list(admin.user)).length, 0);
    });

    test('a new key is shown once and works; the list shows only its prefix; revoking stops it', async () => {
      const res = await make(admin, { name: 'PTI फ़ीड', role: 'reporter' });
      assert.equal(res.statusCode, 201);
      const secret = /sk_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
      assert.ok(secret, 'the key is on the page');
      assert.notEqual((await apiCall(secret)).statusCode, 401);
      const list = await asActor(t.app, admin, { method: 'GET', url: '/admin/api-keys' });
      assert.ok(!list.body.includes(secret), 'never shown again');
      assert.ok(list.body.includes(`${secret.slice(0, 9)}…`));
      assert.match(list.body, /PTI फ़ीड/);
      const [key] = await t.services.apiKeys.list(admin.user);
      const noCsrf = await asActor(t.app, admin, { method: 'POST', url: `/admin/api-keys/${key!.id}/revoke`, ...form({}), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': '' } });
      assert.equal(noCsrf.statusCode, 403);
      assert.notEqual((await apiCall(secret)).statusCode, 401, 'still works');
      const revoke = await asActor(t.app, admin, { method: 'POST', url: `/admin/api-keys/${key!.id}/revoke`, ...form({ _csrf: admin.csrf }) });
      assert.equal(revoke.statusCode, 303);
      assert.equal(revoke.headers.location, '/admin/api-keys?revoked=1');
      assert.equal((await apiCall(secret)).statusCode, 401);
      const after = await asActor(t.app, admin, { method: 'GET', url: '/admin/api-keys?revoked=1' });
      assert.doesNotMatch(after.body, new RegExp(`/admin/api-keys/${key!.id}/revoke`));
      assert.equal((await asActor(t.app, admin, { method: 'POST', url: `/admin/api-keys/${key!.id}/revoke`, ...form({ _csrf: admin.csrf }) })).statusCode, 404);
      assert.equal((await asActor(t.app, admin, { method: 'POST', url: '/admin/api-keys/abc/revoke', ...form({ _csrf: admin.csrf }) })).statusCode, 404);
    });

    test('mistakes come back 400 beside the field, in the user’s language, with nothing made', async () => {
      const before = (await t.services.apiKeys.list(admin.user)).length;
      const noName = await make(admin, { name: '   ', role: 'editor' });
      assert.equal(noName.statusCode, 400);
      assert.match(noName.body, /field-name-error|नाम 1 से 80/);
      const badRole = await make(admin, { name: 'Tool', role: 'contributor' });
      assert.equal(badRole.statusCode, 400);
      assert.match(badRole.body, /भूमिका चुनें/);
      assert.match(badRole.body, /value="Tool"/, 'what was typed is kept');
      assert.equal((await make(admin, { name: 'x'.repeat(5000), role: 'editor' })).statusCode, 400);
      assert.equal((await t.services.apiKeys.list(admin.user)).length, before);
    });
  });
}
