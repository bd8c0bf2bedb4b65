/**
 * Admin → Redirects over HTTP on every database: editors and admins list, search, add,
 * edit and delete; reporters are refused; CSRF is checked; bad addresses come back as 400
 * with the reason in the user's language and nothing saved; a change takes effect on the
 * reader site at once (the cached 301 is purged).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { REDIRECT_ADMIN_STRINGS } from '../../render/admin/redirect-admin-strings.ts';

for (const dialect of DIALECTS) {
  describe(`admin redirects screen (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor;

    const form = (who: Actor, url: string, fields: Record<string, string> = {}, csrf = who.csrf) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
        payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const page = (who: Actor, url: string) => asActor(t.app, who, { method: 'GET', url });
    const count = async () => (await t.services.redirects.list('', 1, 1)).total;

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      await t.services.users.setLocale(admin.user.id, 'en');
    });
    after(() => t.close());

    test('an editor adds a redirect; it answers at once, and appears in the list and search', async () => {
      const home = await page(editor, '/admin');
      assert.match(home.body, /href="\/admin\/redirects"[^>]*>रीडायरेक्ट</, 'the nav links the screen');
      const res = await form(editor, '/admin/redirects', { fromPath: '/2024/03/21/पुरानी-खबर/', toPath: '/videsh' });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/admin/redirects?saved=1');
      const old = await t.app.inject({ method: 'GET', url: encodeURI('/2024/03/21/पुरानी-खबर/') });
      assert.deepEqual([old.statusCode, old.headers.location], [301, '/videsh']);
      const list = await page(editor, '/admin/redirects?saved=1');
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /रीडायरेक्ट सहेजा गया/);
      assert.match(list.body, /\/2024\/03\/21\/पुरानी-खबर</);
      assert.equal(String(list.headers['cache-control']), 'no-store');
      const found = await page(editor, `/admin/redirects?q=${encodeURIComponent('पुरानी')}`);
      assert.match(found.body, /पुरानी-खबर/);
      const none = await page(editor, '/admin/redirects?q=nothing-like-it');
      assert.doesNotMatch(none.body, /पुरानी-खबर/);
      assert.match(none.body, /कोई रीडायरेक्ट नहीं/);
    });

    test('bad addresses: 400 with the reason in the user language, what was typed kept, nothing saved', async () => {
      const before = await count();
      const open = await form(admin, '/admin/redirects', { fromPath: '/old-one', toPath: 'https://evil.example/' });
      assert.equal(open.statusCode, 400);
      assert.match(open.body, new RegExp(REDIRECT_ADMIN_STRINGS.en.errors.toPath!.slice(0, 30).replace(/[()]/g, '\\$&')));
      assert.match(open.body, /value="https:\/\/evil.example\/"/);
      const protocolRelative = await form(editor, '/admin/redirects', { fromPath: '/old-one', toPath: '//evil.example' });
      assert.equal(protocolRelative.statusCode, 400);
      assert.match(protocolRelative.body, /नया पता इसी साइट का होना चाहिए/);
      const badFrom = await form(editor, '/admin/redirects', { fromPath: 'no-slash', toPath: '/videsh' });
      assert.equal(badFrom.statusCode, 400);
      assert.match(badFrom.body, /पुराना पता \/ से शुरू होना चाहिए/);
      const loop = await form(editor, '/admin/redirects', { fromPath: '/same/', toPath: '/same' });
      assert.equal(loop.statusCode, 400);
      assert.match(loop.body, /कभी खत्म न होने वाला/);
      const taken = await form(editor, '/admin/redirects', { fromPath: encodeURI('/2024/03/21/पुरानी-खबर'), toPath: '/other' });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /पहले से है/);
      const tooLong = await form(editor, '/admin/redirects', { fromPath: `/${'a'.repeat(5000)}`, toPath: '/videsh' });
      assert.equal(tooLong.statusCode, 400);
      const notString = await asActor(t.app, editor, { method: 'POST', url: '/admin/redirects', json: { fromPath: ['/a'], toPath: 5 } });
      assert.equal(notString.statusCode, 400);
      assert.equal(await count(), before, 'nothing saved');
    });

    test('edit and delete; the reader site follows at once (cached 301 purged)', async () => {
      const [row] = (await t.services.redirects.list('पुरानी', 1, 10)).items;
      assert.ok(row);
      const url = encodeURI('/2024/03/21/पुरानी-खबर');
      await t.app.inject({ method: 'GET', url });
      assert.equal((await t.app.inject({ method: 'GET', url })).headers['x-cache'], 'HIT');
      const editPage = await page(editor, `/admin/redirects/${row.id}/edit`);
      assert.equal(editPage.statusCode, 200);
      assert.match(editPage.body, /value="\/videsh"/);
      const bad = await form(editor, `/admin/redirects/${row.id}`, { fromPath: row.fromPath, toPath: 'javascript:alert(1)' });
      assert.equal(bad.statusCode, 400);
      assert.equal((await t.services.redirects.findById(row.id))!.toPath, '/videsh', 'unchanged');
      const saved = await form(editor, `/admin/redirects/${row.id}`, { fromPath: row.fromPath, toPath: '/khel' });
      assert.equal(saved.statusCode, 303);
      assert.equal((await t.app.inject({ method: 'GET', url })).headers.location, '/khel');
      const deleted = await form(admin, `/admin/redirects/${row.id}/delete`);
      assert.deepEqual([deleted.statusCode, deleted.headers.location], [303, '/admin/redirects?deleted=1']);
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404);
      assert.equal((await form(admin, `/admin/redirects/${row.id}/delete`)).statusCode, 404);
      assert.equal((await page(admin, `/admin/redirects/${row.id}/edit`)).statusCode, 404);
      assert.equal((await page(admin, '/admin/redirects/abc/edit')).statusCode, 404);
    });

    test('reporters, signed-out visitors and forms without the CSRF token are refused, nothing changed', async () => {
      const before = await count();
      assert.equal((await page(reporter, '/admin/redirects')).statusCode, 403);
      assert.equal((await form(reporter, '/admin/redirects', { fromPath: '/r', toPath: '/videsh' })).statusCode, 403);
      const signedOut = await t.app.inject({ method: 'GET', url: '/admin/redirects' });
      assert.equal(signedOut.statusCode, 303);
      assert.equal((await form(editor, '/admin/redirects', { fromPath: '/r', toPath: '/videsh' }, 'wrong-token')).statusCode, 403);
      const crossOrigin = await asActor(t.app, editor, {
        method: 'POST',
        url: '/admin/redirects',
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: editor.csrf, fromPath: '/r', toPath: '/videsh' }).toString(),
      });
      assert.equal(crossOrigin.statusCode, 403);
      assert.equal(await count(), before);
      const reporterNav = await page(reporter, '/admin');
      assert.doesNotMatch(reporterNav.body, /\/admin\/redirects/);
    });

    test('the list pages through many, in English for an English user', async () => {
      await t.services.redirects.putMany(Array.from({ length: 60 }, (_, i) => ({ fromPath: `/bulk/${i}/`, toPath: `/new/${i}`, origin: 'wordpress' })));
      const first = await page(admin, '/admin/redirects');
      assert.match(first.body, /60 redirects|6\d redirects/);
      assert.match(first.body, /WordPress import/);
      assert.match(first.body, /href="\/admin\/redirects\?page=2"/);
      const second = await page(admin, '/admin/redirects?page=2');
      assert.equal(second.statusCode, 200);
      assert.equal((await page(admin, '/admin/redirects?page=x')).statusCode, 400);
    });
  });
}
