/** Accounts and the photo library's details through the newsroom's screens, on every database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

for (const dialect of DIALECTS) {
  describe(`accounts and library screens (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, contributor: Actor;
    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, contributor] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor'), actor(t.services, 'contributor')]);
    });
    after(() => t.close());

    const form = (who: Actor, url: string, fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const get = (who: Actor, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });

    test('an admin creates an account; its generated password is shown once and works', async () => {
      const res = await form(admin, '/admin/users', { email: 'naya@example.test', name: 'नया रिपोर्टर', role: 'reporter' });
      assert.equal(res.statusCode, 200);
      const password = /पासवर्ड: ([A-Za-z0-9]{20})/.exec(res.body)?.[1];
      assert.ok(password, 'the password is in the answer');
      assert.equal((await t.services.users.signIn('naya@example.test', password, '198.51.100.5')).ok, true);
      assert.ok(!(await get(admin, '/admin/users')).body.includes(password), 'and never again');
      const dup = await form(admin, '/admin/users', { email: 'NAYA@example.test', name: 'x', role: 'reporter' });
      assert.equal(dup.statusCode, 400);
      assert.match(dup.body, /class="field-error">इस ईमेल से खाता पहले से है/);
    });

    test('only admins manage accounts; the last admin cannot be demoted', async () => {
      assert.equal((await get(editor, '/admin/users')).statusCode, 403);
      assert.equal((await form(editor, '/admin/users', { email: 'x@example.test', name: 'x', role: 'admin' })).statusCode, 403);
      assert.equal((await form(editor, `/admin/users/${editor.user.id}`, { role: 'admin' })).statusCode, 403);
      assert.equal((await t.services.users.findById(editor.user.id))?.role, 'editor');
      const demote = await form(admin, `/admin/users/${admin.user.id}`, { role: 'editor' });
      assert.equal(demote.statusCode, 400);
      assert.equal((await t.services.users.findById(admin.user.id))?.role, 'admin');
    });

    test('disabling an account signs it out everywhere', async () => {
      const res = await form(admin, `/admin/users/${contributor.user.id}`, { disabled: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal((await get(contributor, '/admin/api/media')).statusCode, 401);
      await form(admin, `/admin/users/${contributor.user.id}`, { disabled: '0' });
      assert.equal((await t.services.users.findById(contributor.user.id))?.disabled, false);
    });

    test('the library: writers may look; editors edit alt, caption and credit', async () => {
      const [m] = (await t.services.media.search('', 1, 1)).items;
      assert.ok(m);
      const fresh = await actor(t.services, 'contributor');
      assert.equal((await get(fresh, '/admin/media')).statusCode, 200);
      assert.equal((await form(fresh, `/admin/media/${m.id}`, { alt: 'x', caption: 'y', credit: 'z' })).statusCode, 403);
      assert.equal((await t.services.media.findById(m.id))?.alt, m.alt);
      const ok = await form(editor, `/admin/media/${m.id}`, { alt: 'नया ऑल्ट', caption: 'नया कैप्शन', credit: 'फोटो: समाचार' });
      assert.equal(ok.statusCode, 303);
      assert.equal((await t.services.media.findById(m.id))?.caption, 'नया कैप्शन');
      const bad = await form(editor, `/admin/media/${m.id}`, { alt: 'x\u0000y', caption: '', credit: '' });
      assert.equal(bad.statusCode, 400);
      assert.equal((await t.services.media.findById(m.id))?.caption, 'नया कैप्शन');
    });
  });
}
