/** Accounts linked to bylines on the users screen, and a reporter's new story carrying theirs, on every database. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { slugify } from '../../lib/slug.ts';

for (const dialect of DIALECTS) {
  describe(`account bylines through HTTP (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor;
    let sectionId: number;
    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor')]);
      sectionId = (await t.services.sections.list())[0]!.id;
    });
    after(() => t.close());

    const form = (who: Actor, url: string, fields: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });

    /** A reporter made the way an admin makes one: through the users screen. */
    async function newReporter(name: string): Promise<Actor> {
      const email = `${slugify(name)}-${Math.random().toString(36).slice(2)}@example.test`;
      assert.equal((await form(admin, '/admin/users', { email, name, role: 'reporter' })).statusCode, 200);
      const user = (await t.services.users.list()).find((u) => u.email === email)!;
      const session = await t.services.sessions.start(user.id);
      return { user, cookie: `samachar_session=${session.token}`, csrf: session.csrfToken };
    }

    const newDraft = async (who: Actor) => {
      const res = await asActor(t.app, who, { method: 'POST', url: '/admin/api/articles', json: { sectionId, headline: 'संसद में बहस' } });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().article as { id: number; authorIds: number[] };
    };

    test('a byline made from the account: transliterated slug, linked, and on the reporter’s new stories', async () => {
      const reporter = await newReporter('कविता राठौर');
      assert.deepEqual((await newDraft(reporter)).authorIds, [], 'no byline before linking');

      const made = await form(admin, `/admin/users/${reporter.user.id}/author/new`);
      assert.equal(made.statusCode, 200);
      const linked = await t.services.users.findById(reporter.user.id);
      assert.ok(linked?.authorId);
      const author = await t.services.authors.get(linked.authorId);
      assert.equal(author?.name, 'कविता राठौर');
      assert.equal(author?.slug, slugify('कविता राठौर'));
      assert.match(author!.slug, /^[a-z]+-[a-z]+$/);
      assert.match(made.body, new RegExp(`लेखक प्रोफ़ाइल &quot;कविता राठौर&quot; बनी \\(पता: /author/${author!.slug}\\)`));
      assert.equal((await t.app.inject({ method: 'GET', url: `/author/${author!.slug}` })).statusCode, 200, 'the byline has its page');

      // The same session: the account's link is read afresh on each request.
      const draft = await newDraft(reporter);
      assert.deepEqual(draft.authorIds, [author!.id]);
      // And through the desk's "new story" form.
      const screen = await form(reporter, '/admin/articles', { sectionId: String(sectionId) });
      assert.equal(screen.statusCode, 303);
      const id = Number(/\/admin\/articles\/(\d+)\/edit/.exec(String(screen.headers.location))![1]);
      assert.deepEqual((await t.services.desk.get(reporter.user, id)).authorIds, [author!.id]);

      // The reporter sees it under "My account".
      const mine = await t.app.inject({ method: 'GET', url: '/admin/account', headers: { cookie: reporter.cookie } });
      assert.match(mine.body, new RegExp(`लेखक प्रोफ़ाइल \\(बायलाइन\\): <a href="/author/${author!.slug}">कविता राठौर</a>`));

      const twice = await form(admin, `/admin/users/${reporter.user.id}/author/new`);
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /इस खाते से पहले से एक लेखक प्रोफ़ाइल जुड़ी है/);
      assert.equal((await t.services.authors.list()).filter((a) => a.name === 'कविता राठौर').length, 1, 'no second byline');
    });

    test('an admin links an existing byline; one already linked to another account is refused; unlinking works', async () => {
      const [first, second] = [await newReporter('पहला रिपोर्टर'), await newReporter('दूसरा रिपोर्टर')];
      const demoAuthor = (await t.services.authors.list())[0]!;
      const ok = await form(admin, `/admin/users/${first.user.id}/author`, { authorId: String(demoAuthor.id) });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, new RegExp(`पहला रिपोर्टर अब &quot;${demoAuthor.name}&quot; बायलाइन से लिखेंगे`));
      assert.deepEqual((await newDraft(first)).authorIds, [demoAuthor.id]);

      // The users screen: selected for its account, not offered to the others.
      const page = (await t.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: admin.cookie } })).body;
      const rowOf = (userId: number) => page.slice(page.indexOf(`id="user-${userId}"`), page.indexOf('</tr>', page.indexOf(`id="user-${userId}"`)));
      assert.match(rowOf(first.user.id), new RegExp(`<option value="${demoAuthor.id}" selected>`));
      assert.match(rowOf(second.user.id), new RegExp(`<option value="${demoAuthor.id}" disabled>${demoAuthor.name} \\(पहला रिपोर्टर से जुड़ी\\)`));

      const taken = await form(admin, `/admin/users/${second.user.id}/author`, { authorId: String(demoAuthor.id) });
      assert.equal(taken.statusCode, 409);
      assert.match(taken.body, /यह लेखक प्रोफ़ाइल पहले से किसी दूसरे खाते से जुड़ी है/);
      assert.equal((await t.services.users.findById(second.user.id))?.authorId, null);

      assert.equal((await form(admin, `/admin/users/${second.user.id}/author`, { authorId: '999999' })).statusCode, 400);
      assert.equal((await form(admin, `/admin/users/${second.user.id}/author`, { authorId: 'abc' })).statusCode, 400);
      assert.equal((await form(admin, `/admin/users/999999/author`, { authorId: String(demoAuthor.id) })).statusCode, 404);
      assert.equal((await form(editor, `/admin/users/${second.user.id}/author`, { authorId: String(demoAuthor.id) })).statusCode, 403);
      assert.equal((await form(editor, `/admin/users/${second.user.id}/author/new`)).statusCode, 403);
      assert.equal((await t.services.users.findById(second.user.id))?.authorId, null);

      const unlinked = await form(admin, `/admin/users/${first.user.id}/author`, { authorId: '' });
      assert.equal(unlinked.statusCode, 200);
      assert.match((await t.app.inject({ method: 'GET', url: '/admin/account', headers: { cookie: first.cookie } })).body, /अभी कोई नहीं जुड़ी/);
      assert.deepEqual((await newDraft(first)).authorIds, []);
      assert.equal((await form(admin, `/admin/users/${second.user.id}/author`, { authorId: String(demoAuthor.id) })).statusCode, 200, 'free again');
    });

    test('one byline linked to two accounts at the same instant: exactly one link is made', async () => {
      const byline = await t.services.authors.create({ slug: `sath-sath-${dialect}`, name: 'साथ-साथ', nameLatin: 'Saath Saath', bio: '', photoMediaId: null });
      for (let round = 0; round < 3; round++) {
        const [a, b] = [await newReporter(`एक ${round}`), await newReporter(`दो ${round}`)];
        const results = await Promise.all([a, b].map((r) => form(admin, `/admin/users/${r.user.id}/author`, { authorId: String(byline.id) })));
        assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409], `round ${round}`);
        const linked = [(await t.services.users.findById(a.user.id))?.authorId, (await t.services.users.findById(b.user.id))?.authorId].filter((x) => x === byline.id);
        assert.equal(linked.length, 1);
        await form(admin, `/admin/users/${results[0]!.statusCode === 200 ? a.user.id : b.user.id}/author`, { authorId: '' });
      }
    });

    test('the users screen in English', async () => {
      const english = await actor(t.services, 'admin');
      await t.services.users.setLocale(english.user.id, 'en');
      const res = await t.app.inject({ method: 'GET', url: '/admin/users', headers: { cookie: english.cookie } });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<th>Byline \(author profile\)<\/th>/);
      assert.match(res.body, /Create a byline from this account/);
      assert.match(res.body, /Make a reset link/);
      assert.doesNotMatch(res.body, /लेखक प्रोफ़ाइल|रीसेट लिंक/);
    });
  });
}
