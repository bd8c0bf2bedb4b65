/**
 * Admin → Webhooks over HTTP on every database: admins add, edit, pause and delete
 * endpoints and see the signing secret; bad addresses (not http(s), private, too long) and
 * no events are 400 in the admin's language with nothing saved; editors and forged forms
 * are refused; a reader's comment and its approval are queued as events (never with the
 * commenter's email), and the delivery log shows each attempt's response code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { articlePath } from '../../domain/articles/article.ts';

/** A public address literal: passes the SSRF guard without a DNS lookup; nothing is sent to it here. */
const PUBLIC_URL = 'https://93.184.216.34/hooks/samachar';

for (const dialect of DIALECTS) {
  describe(`admin webhooks screen (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor;
    let endpointId: number;

    const form = (who: Actor, url: string, fields: [string, string][], csrf = who.csrf) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf },
        payload: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      });
    const page = (who: Actor, url: string) => asActor(t.app, who, { method: 'GET', url });
    const count = async () => (await t.services.webhooks.listEndpoints(admin.user)).length;

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor')]);
    });
    after(() => t.close());

    test('an admin adds an endpoint and sees its signing secret', async () => {
      const home = await page(admin, '/admin');
      assert.match(home.body, /href="\/admin\/webhooks"[^>]*>वेबहुक</);
      const res = await form(admin, '/admin/webhooks', [['url', PUBLIC_URL], ['events', 'comment.posted'], ['events', 'comment.approved'], ['events', 'story.published']]);
      assert.equal(res.statusCode, 303, res.body);
      const m = /^\/admin\/webhooks\/(\d+)\?created=1$/.exec(String(res.headers.location));
      assert.ok(m);
      endpointId = Number(m[1]);
      const shown = await page(admin, String(res.headers.location));
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /वेबहुक जोड़ा गया/);
      const endpoint = (await t.services.webhooks.findEndpoint(admin.user, endpointId))!;
      assert.deepEqual([...endpoint.events].sort(), ['comment.approved', 'comment.posted', 'story.published']);
      assert.ok(shown.body.includes(`value="${endpoint.secret}"`), 'the secret is shown to the admin');
      assert.equal(String(shown.headers['cache-control']), 'no-store');
    });

    test('bad addresses and no events: 400 with the reason in the admin language, nothing saved', async () => {
      const before = await count();
      const cases: [string, string[], RegExp][] = [
        ['ftp://example.com/x', ['story.published'], /सिर्फ http:\/\/ या https:\/\//],
        ['http://127.0.0.1:9000/hook', ['story.published'], /COMMENT_WEBHOOK_ALLOW_PRIVATE=true/],
        ['http://169.254.169.254/latest/meta-data', ['story.published'], /अंदरूनी नेटवर्क/],
        ['http://localhost/hook', ['story.published'], /अंदरूनी नेटवर्क/],
        [`https://example.com/${'a'.repeat(2050)}`, ['story.published'], /बहुत लंबा/],
        ['not a url', ['story.published'], /पढ़ा नहीं जा सका/],
        [PUBLIC_URL, [], /कम से कम एक घटना/],
        [PUBLIC_URL, ['story.exploded'], /कम से कम एक घटना/],
      ];
      for (const [url, events, message] of cases) {
        const res = await form(admin, '/admin/webhooks', [['url', url], ...events.map((e): [string, string] => ['events', e])]);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, message, url);
      }
      const wayTooLong = await form(admin, '/admin/webhooks', [['url', `https://example.com/${'a'.repeat(5000)}`], ['events', 'story.published']]);
      assert.equal(wayTooLong.statusCode, 400);
      await t.services.users.setLocale(admin.user.id, 'en');
      const english = await form(admin, '/admin/webhooks', [['url', 'http://10.0.0.5/'], ['events', 'story.published']]);
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /internal network/);
      await t.services.users.setLocale(admin.user.id, 'hi');
      assert.equal(await count(), before);
    });

    test('editors, signed-out visitors and forged forms are refused', async () => {
      const before = await count();
      assert.equal((await page(editor, '/admin/webhooks')).statusCode, 403);
      assert.equal((await form(editor, '/admin/webhooks', [['url', PUBLIC_URL], ['events', 'story.published']])).statusCode, 403);
      assert.equal((await form(admin, '/admin/webhooks', [['url', PUBLIC_URL], ['events', 'story.published']], 'forged')).statusCode, 403);
      assert.equal((await t.app.inject({ method: 'GET', url: '/admin/webhooks' })).statusCode, 303);
      assert.doesNotMatch((await page(editor, '/admin')).body, /\/admin\/webhooks/);
      assert.equal(await count(), before);
    });

    test('a reader comment and its approval are queued, without the email; the log shows response codes', async () => {
      const [summary] = await t.services.articles.latest(t.services.now(), 1);
      const story = (await t.services.articles.getPublic(summary!.id, t.services.now()))!;
      const email = 'private.reader@example.in';
      const posted = await postWithScript(t, { id: story.id, path: articlePath(story) }, validFields({ email }));
      assert.ok(posted.statusCode < 300, posted.body);
      const { id: commentId } = posted.json() as { id: number };
      await t.services.webhooks.settled();
      let log = await t.services.webhooks.deliveries(admin.user, endpointId, 1, 10);
      const postedEvent = log.items.find((d) => d.event === 'comment.posted');
      assert.ok(postedEvent, 'comment.posted queued');
      assert.ok(!postedEvent.payload.includes(email), 'never the email');
      const data = JSON.parse(postedEvent.payload).data as { comment: { id: number; status: string }; story: { id: number } };
      assert.equal(data.story.id, story.id);
      const id = commentId ?? data.comment.id;
      if (data.comment.status !== 'approved') {
        await t.services.commentModeration.act(admin.user, [id], 'approve');
        await t.services.webhooks.settled();
        log = await t.services.webhooks.deliveries(admin.user, endpointId, 1, 10);
        assert.ok(log.items.some((d) => d.event === 'comment.approved' && JSON.parse(d.payload).data.comment.id === id), 'comment.approved queued');
      }
      // One attempt answered 502: the log shows it.
      await t.services.webhooks.deliverDue(async () => ({ status: 502 }));
      const shown = await page(admin, `/admin/webhooks/${endpointId}`);
      assert.match(shown.body, /<td class="response">502<\/td>/);
      assert.match(shown.body, /comment\.posted/);
      const all = await page(admin, '/admin/webhooks');
      assert.match(all.body, /डिलीवरी लॉग/);
      assert.match(all.body, /<td class="response">502<\/td>/);
    });

    test('edit, pause and delete', async () => {
      const bad = await form(admin, `/admin/webhooks/${endpointId}`, [['url', 'gopher://x'], ['events', 'story.published']]);
      assert.equal(bad.statusCode, 400);
      assert.equal((await t.services.webhooks.findEndpoint(admin.user, endpointId))!.url, PUBLIC_URL, 'unchanged');
      const saved = await form(admin, `/admin/webhooks/${endpointId}`, [['url', `${PUBLIC_URL}/v2`], ['events', 'story.updated']]);
      assert.deepEqual([saved.statusCode, saved.headers.location], [303, `/admin/webhooks/${endpointId}?saved=1`]);
      const endpoint = (await t.services.webhooks.findEndpoint(admin.user, endpointId))!;
      assert.deepEqual([endpoint.url, endpoint.events, endpoint.active], [`${PUBLIC_URL}/v2`, ['story.updated'], false], 'unticked: paused');
      const deleted = await form(admin, `/admin/webhooks/${endpointId}/delete`, []);
      assert.deepEqual([deleted.statusCode, deleted.headers.location], [303, '/admin/webhooks?deleted=1']);
      assert.equal((await page(admin, `/admin/webhooks/${endpointId}`)).statusCode, 404);
      assert.equal((await form(admin, `/admin/webhooks/${endpointId}/delete`, [])).statusCode, 404);
      assert.equal((await t.services.webhooks.deliveries(admin.user, endpointId, 1, 10)).total, 0, 'its deliveries went with it');
    });
  });
}
