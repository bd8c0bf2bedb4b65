/**
 * Comment moderation in the newsroom, on every database: who may open the queue and act
 * (editors and admins; reporters and contributors get 403 and change nothing), each
 * transition and where it shows on the public site, bulk actions, filters, replies as the
 * newsroom, closing comments on a story, comment settings and the blocklist (admins).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { articlePath } from '../../domain/articles/article.ts';
import type { CommentStatus } from '../../domain/comments/comment.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { COMMENT_ADMIN_STRINGS } from '../../render/admin/comment-admin-strings.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, nextEmail, postComment, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const A = COMMENT_ADMIN_STRINGS.hi;

for (const dialect of DIALECTS) {
  describe(`comment moderation (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor, contributor: Actor;
    let ref: { id: number; path: string };

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter, contributor] = await Promise.all([
        actor(t.services, 'admin'),
        actor(t.services, 'editor'),
        actor(t.services, 'reporter'),
        actor(t.services, 'contributor'),
      ]);
      const a = (await t.services.articles.latest(t.services.now(), 50)).find((x) => x.headline === referenceArticle.headline)!;
      ref = { id: a.id, path: articlePath(a) };
    });
    after(() => t.close());
    beforeEach(async () => {
      advance(t, 20 * 60_000);
      await t.services.settings.update({ commentModeration: 'first', commentsEnabled: true });
    });

    /** A form post as the newsroom's page sends it. */
    const post = (who: Actor, url: string, fields: Record<string, string | string[]>) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
      params.set('_csrf', who.csrf);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      });
    };
    const get = (who: Actor, url: string) => asActor(t.app, who, { method: 'GET', url });
    const publicPage = async () => (await t.app.inject({ method: 'GET', url: ref.path })).body;
    const statusOf = async (id: number): Promise<CommentStatus | 'deleted'> => {
      const all = await t.services.commentModeration.list(admin.user, { articleId: ref.id }, 1, 500);
      return all.items.find((c) => c.id === id)?.status ?? 'deleted';
    };
    /** A held reader comment; returns its id and text. */
    const held = async (text = `पाठक की राय ${Math.random().toString(36).slice(2)}`) => {
      const res = await postComment(t, ref.path, validFields({ comment: text }));
      assert.equal(res.statusCode, 303);
      const c = (await t.services.commentModeration.list(admin.user, { articleId: ref.id }, 1, 1)).items[0]!;
      assert.equal(c.body, text);
      return { id: c.id, text };
    };

    test('the queue opens for editors and admins, with the pending count; the navigation offers it only to them', async () => {
      const c = await held();
      for (const who of [editor, admin]) {
        const res = await get(who, '/admin/comments');
        assert.equal(res.statusCode, 200, res.body.slice(0, 300));
        assert.match(res.body, /<a href="\/admin\/comments"[^>]*>टिप्पणियां<\/a>/, 'nav entry');
        assert.ok(res.body.includes(`id="c-${c.id}"`));
        const pending = (await t.services.commentModeration.counts(who.user)).pending;
        assert.ok(res.body.includes(A.waiting(pending)), 'pending count shown');
        assert.ok(res.body.includes(`<title>${A.title} (${pending})`), 'count in the title');
        assert.equal(res.headers['cache-control'], 'no-store');
      }
      for (const who of [reporter, contributor]) {
        assert.equal((await get(who, '/admin/comments')).statusCode, 403);
        assert.ok(!(await get(who, '/admin')).body.includes('href="/admin/comments"'), 'no nav entry');
      }
      const anon = await t.app.inject({ method: 'GET', url: '/admin/comments' });
      assert.equal(anon.statusCode, 303);
    });

    test('the queue shows the email to the newsroom (never to readers), filters by status, story and text', async () => {
      const email = nextEmail('filter');
      await postComment(t, ref.path, validFields({ email, comment: 'अनोखा-खोज-शब्द वाली टिप्पणी' }));
      const byText = await get(editor, `/admin/comments?status=all&q=${encodeURIComponent('अनोखा-खोज-शब्द')}`);
      assert.equal(byText.statusCode, 200);
      assert.ok(byText.body.includes(email), 'the email is shown to editors');
      assert.equal((byText.body.match(/<tr id="c-/g) ?? []).length, 1);
      const byEmail = await get(editor, `/admin/comments?status=pending&q=${encodeURIComponent(email)}`);
      assert.equal((byEmail.body.match(/<tr id="c-/g) ?? []).length, 1);
      const byArticle = await get(editor, `/admin/comments?status=all&article=${ref.id}`);
      assert.ok(byArticle.body.includes(A.commentsOpen));
      const spamTab = await get(editor, `/admin/comments?status=spam&q=${encodeURIComponent('अनोखा-खोज-शब्द')}`);
      assert.equal((spamTab.body.match(/<tr id="c-/g) ?? []).length, 0);
      assert.equal((await get(editor, '/admin/comments?status=nonsense')).statusCode, 400);
      assert.equal((await get(editor, '/admin/comments?q=%25_%25')).statusCode, 200, 'like wildcards are plain text');
    });

    test('transitions: approve, back to pending, spam, not spam, trash, restore, delete — each shown (or not) on the site', async () => {
      const c = await held();
      const act = async (action: string, expect: CommentStatus | 'deleted') => {
        const res = await post(editor, `/admin/comments/${c.id}/action`, { action, return: '/admin/comments?status=all' });
        assert.equal(res.statusCode, 303, res.body.slice(0, 300));
        assert.match(String(res.headers.location), /^\/admin\/comments\?status=all&notice=1$/);
        assert.equal(await statusOf(c.id), expect, action);
        assert.equal((await publicPage()).includes(c.text), expect === 'approved', `${action}: shown only when approved`);
      };
      assert.ok(!(await publicPage()).includes(c.text), 'held is not shown');
      await act('approve', 'approved');
      await act('unapprove', 'pending');
      await act('spam', 'spam');
      await act('notspam', 'pending');
      await act('approve', 'approved');
      await act('trash', 'trash');
      await act('restore', 'approved');
      await act('trash', 'trash');
      await act('delete', 'deleted');
    });

    test('an action that does not apply changes nothing and says so; an unknown action is a 400', async () => {
      const c = await held();
      const res = await post(editor, `/admin/comments/${c.id}/action`, { action: 'restore' });
      assert.equal(res.headers.location, '/admin/comments?notice=0');
      assert.equal(await statusOf(c.id), 'pending');
      assert.ok((await get(editor, String(res.headers.location))).body.includes(A.done(0)));
      assert.equal((await post(editor, `/admin/comments/${c.id}/action`, { action: 'publish' })).statusCode, 400);
      assert.equal((await post(editor, `/admin/comments/${c.id}/action`, { action: 'approve', return: 'https://evil.example/' })).headers.location, '/admin/comments?notice=1', 'no open redirect');
    });

    test('deleting a comment for good keeps its replies (they move up to its parent)', async () => {
      const root = await held();
      await post(editor, `/admin/comments/${root.id}/action`, { action: 'approve' });
      const r = await postComment(t, ref.path, validFields({ parent: String(root.id), comment: 'जवाब जो बचा रहना चाहिए' }));
      assert.equal(r.statusCode, 303);
      const reply = (await t.services.commentModeration.list(admin.user, { articleId: ref.id }, 1, 1)).items[0]!;
      await post(editor, `/admin/comments/${reply.id}/action`, { action: 'approve' });
      await post(editor, `/admin/comments/${root.id}/action`, { action: 'trash' });
      await post(editor, `/admin/comments/${root.id}/action`, { action: 'delete' });
      assert.equal(await statusOf(root.id), 'deleted');
      assert.equal(await statusOf(reply.id), 'approved');
      assert.ok((await publicPage()).includes('जवाब जो बचा रहना चाहिए'), 'the reply is still shown, now on its own');
    });

    test('bulk actions apply to every selected comment they fit', async () => {
      const cs = [await held(), await held(), await held()];
      const res = await post(editor, '/admin/comments/bulk', { action: 'approve', ids: cs.map((c) => String(c.id)), return: '/admin/comments?status=pending' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/admin/comments?status=pending&notice=3');
      for (const c of cs) assert.equal(await statusOf(c.id), 'approved');
      const again = await post(editor, '/admin/comments/bulk', { action: 'approve', ids: cs.map((c) => String(c.id)) });
      assert.equal(again.headers.location, '/admin/comments?notice=0', 'already approved: nothing to do');
      const trash = await post(admin, '/admin/comments/bulk', { action: 'trash', ids: [String(cs[0]!.id), String(cs[1]!.id)] });
      assert.equal(trash.headers.location, '/admin/comments?notice=2');
      assert.equal((await post(editor, '/admin/comments/bulk', { action: 'trash' })).headers.location, '/admin/comments?notice=none');
      assert.equal((await post(editor, '/admin/comments/bulk', { action: 'trash', ids: ['abc'] })).statusCode, 404);
    });

    test('reporters and contributors may not moderate: 403 for every action, and nothing changes', async () => {
      const c = await held();
      for (const who of [reporter, contributor]) {
        for (const [url, fields] of [
          [`/admin/comments/${c.id}/action`, { action: 'approve' }],
          ['/admin/comments/bulk', { action: 'approve', ids: [String(c.id)] }],
          [`/admin/comments/${c.id}/reply`, { body: 'जवाब' }],
          [`/admin/comments/article/${ref.id}`, { open: '0' }],
          [`/admin/comments/${c.id}/block`, {}],
          ['/admin/comments/settings', { commentModeration: 'none' }],
          ['/admin/comments/blocklist', { kind: 'word', value: 'x' }],
        ] as const) {
          const res = await post(who, url, fields as Record<string, string | string[]>);
          assert.equal(res.statusCode, 403, `${who.user.role} ${url}`);
        }
        assert.equal(await statusOf(c.id), 'pending');
      }
      // Editors moderate but do not change settings or the blocklist.
      assert.equal((await get(editor, '/admin/comments/settings')).statusCode, 403);
      assert.equal((await post(editor, '/admin/comments/blocklist', { kind: 'word', value: 'x' })).statusCode, 403);
      assert.equal((await post(editor, `/admin/comments/${c.id}/block`, {})).statusCode, 403);
      // And no action without the CSRF token or from another origin.
      const noCsrf = await t.app.inject({
        method: 'POST',
        url: `/admin/comments/${c.id}/action`,
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'action=approve',
      });
      assert.equal(noCsrf.statusCode, 403);
      const crossOrigin = await t.app.inject({
        method: 'POST',
        url: `/admin/comments/${c.id}/action`,
        headers: { cookie: editor.cookie, origin: 'https://evil.example', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: `action=approve&_csrf=${editor.csrf}`,
      });
      assert.equal(crossOrigin.statusCode, 403);
      assert.equal(await statusOf(c.id), 'pending');
    });

    test('a reply as the newsroom is published at once with the badge, and approves the comment it answers', async () => {
      const c = await held();
      const res = await post(editor, `/admin/comments/${c.id}/reply`, { body: 'धन्यवाद, हम इसकी जांच करेंगे।', return: '/admin/comments?status=pending' });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(res.headers.location, '/admin/comments?status=pending&notice=replied');
      assert.equal(await statusOf(c.id), 'approved');
      const html = await publicPage();
      const at = html.indexOf('धन्यवाद, हम इसकी जांच करेंगे।');
      assert.ok(at > 0);
      const item = html.slice(html.lastIndexOf('<li id="comment-', at), at);
      assert.ok(item.includes('class="comment by-newsroom"'));
      assert.ok(item.includes('class="comment-badge"'));
      assert.ok(!html.includes(editor.user.email), 'the newsroom’s email is not shown either');
      // An empty reply comes back with the message beside the field.
      const empty = await post(editor, `/admin/comments/${c.id}/reply`, { body: '  ', return: '/admin/comments?status=all' });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.body.includes('class="field-error">कृपया अपनी टिप्पणी लिखें।<'));
    });

    test('comments can be closed and opened again on one story', async () => {
      const close = await post(editor, `/admin/comments/article/${ref.id}`, { open: '0' });
      assert.equal(close.statusCode, 303);
      try {
        assert.ok(!(await publicPage()).includes('id="commentform"'));
        assert.equal((await postComment(t, ref.path, validFields())).statusCode, 403);
        assert.ok((await get(editor, `/admin/comments?article=${ref.id}`)).body.includes(A.commentsClosed));
      } finally {
        await post(editor, `/admin/comments/article/${ref.id}`, { open: '1' });
      }
      assert.ok((await publicPage()).includes('id="commentform"'));
      assert.equal((await post(editor, '/admin/comments/article/99999999', { open: '0' })).statusCode, 404);
    });

    test('admins change the comment settings; a mistake comes back beside its field', async () => {
      const page = await get(admin, '/admin/comments/settings');
      assert.equal(page.statusCode, 200);
      const fields = {
        commentsEnabled: '1',
        commentModeration: 'all',
        commentAutoCloseDays: '30',
        commentMaxLinks: '1',
        commentMinSeconds: '4',
        commentIpLimit: '50',
        commentEmailLimit: '6',
        webhookUrl: '',
      };
      const res = await post(admin, '/admin/comments/settings', fields);
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      const s = await t.services.settings.get();
      assert.deepEqual(
        [s.commentModeration, s.commentAutoCloseDays, s.commentMaxLinks, s.commentMinSeconds, s.commentIpLimit, s.commentEmailLimit],
        ['all', 30, 1, 4, 50, 6],
      );
      assert.ok(page.body.includes('href="/admin/settings"'), 'the form language is the site setting, linked from here');
      const bad = await post(admin, '/admin/comments/settings', { ...fields, commentIpLimit: '0', webhookUrl: 'ftp://hooks.example' });
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.body.includes(`class="field-error">${A.invalidNumber}<`));
      const badUrl = await post(admin, '/admin/comments/settings', { ...fields, webhookUrl: 'javascript:alert(1)' });
      assert.equal(badUrl.statusCode, 400);
      assert.ok(badUrl.body.includes(`class="field-error">${A.invalidUrl}<`));
      assert.equal((await t.services.settings.get()).commentIpLimit, 50, 'nothing saved');
      await t.services.settings.update({ commentModeration: 'first', commentAutoCloseDays: 0, commentMaxLinks: 2, commentMinSeconds: 3, commentIpLimit: 20, commentEmailLimit: 5 });
    });

    test('held comments are counted for the newsroom and never reach the public page', async () => {
      const c = await held('यह रुकी हुई टिप्पणी किसी पाठक को नहीं दिखनी चाहिए');
      const html = await publicPage();
      assert.ok(!html.includes(c.text));
      const counts = await t.services.commentModeration.counts(editor.user);
      assert.ok(counts.pending >= 1);
      assert.equal(await t.services.commentModeration.pendingCount(editor.user), counts.pending);
      assert.equal(await t.services.commentModeration.pendingCount(reporter.user), 0);
    });
  });
}
