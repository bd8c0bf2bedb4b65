/**
 * Spam defence with no third party, rule by rule, on every database: the honeypot, the
 * signed single-use form token and its minimum time, the link limit, duplicates, the same
 * text on many stories, per-IP and per-email rate limits (429), and the blocklist. Spam is
 * kept in the spam folder, never dropped, and the poster is told only that the comment waits.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { articlePath } from '../../domain/articles/article.ts';
import type { ModeratedComment } from '../../domain/comments/comment.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { COMMENT_STRINGS, commentFieldMessage } from '../../render/strings.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, formToken, nextEmail, nextIp, postComment, postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

const EN = COMMENT_STRINGS.en;

for (const dialect of DIALECTS) {
  describe(`comment spam defence (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let stories: { id: number; path: string }[];
    let ref: { id: number; path: string };

    before(async () => {
      t = await openDemoApp(dialect);
      admin = await actor(t.services, 'admin');
      const latest = await t.services.articles.latest(t.services.now(), 10);
      stories = latest.map((a) => ({ id: a.id, path: articlePath(a) }));
      ref = stories.find((s) => s.path.includes('jinping-se-bole'))!;
      assert.ok(latest.some((a) => a.headline === referenceArticle.headline));
    });
    after(() => t.close());
    beforeEach(async () => {
      advance(t, 20 * 60_000);
      // Publish at once unless a spam or hold rule says otherwise, so each rule shows alone.
      await t.services.settings.update({ commentModeration: 'none', commentMaxLinks: 2, commentMinSeconds: 3, commentIpLimit: 20, commentEmailLimit: 5 });
    });

    const newest = async (articleId = ref.id): Promise<ModeratedComment> => (await t.services.commentModeration.list(admin.user, { articleId }, 1, 1)).items[0]!;
    /** The poster hears only that the comment waits, whatever caught it. */
    const assertLooksHeld = (res: { statusCode: number; body: string; headers: Record<string, unknown> }) => {
      if (res.statusCode === 303) assert.equal(res.headers.location, `${ref.path}?held=1#respond`);
      else assert.deepEqual(JSON.parse(res.body), { ok: true, status: 'held', message: EN.held });
    };

    test('a valid token from the uncached endpoint, used after the minimum time, publishes (mode: publish at once)', async () => {
      const res = await postWithScript(t, ref, validFields());
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await newest()).status, 'approved');
    });

    test('the article page carries no token (it may be cached); two requests get the same bytes', async () => {
      const a = await t.app.inject({ method: 'GET', url: ref.path });
      const b = await t.app.inject({ method: 'GET', url: ref.path });
      assert.equal(a.body, b.body);
      assert.ok(a.body.includes('name="token" id="comment-token" value/>'));
      assert.match(String(a.headers['cache-control']), /public/);
    });

    test('honeypot: a filled hidden field goes to spam; the poster is told it waits', async () => {
      const res = await postComment(t, ref.path, validFields({ subject: 'Buy now' }));
      assertLooksHeld(res);
      const c = await newest();
      assert.equal(c.status, 'spam');
      assert.equal(c.heldReason, 'honeypot');
    });

    test('no token (JavaScript off): accepted, but an unknown commenter waits for an editor', async () => {
      const email = nextEmail();
      assertLooksHeld(await postComment(t, ref.path, validFields({ email })));
      const c = await newest();
      assert.equal([c.status, c.heldReason].join(), 'pending,no-token');
      // Once an editor approved one, the same reader gets through without JavaScript.
      await t.services.commentModeration.act(admin.user, [c.id], 'approve');
      const again = await postComment(t, ref.path, validFields({ email }));
      assert.match(String(again.headers.location), /\?posted=\d+#comment-\d+$/);
    });

    test('a forged token, or one for another story, goes to spam', async () => {
      const { token } = await formToken(t, ref.id);
      advance(t, 10_000);
      const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
      assertLooksHeld(await postComment(t, ref.path, validFields({ token: forged }), { json: true }));
      assert.equal((await newest()).heldReason, 'token-forged');
      const other = stories.find((s) => s.id !== ref.id)!;
      const { token: otherToken } = await formToken(t, other.id);
      advance(t, 10_000);
      assertLooksHeld(await postComment(t, ref.path, validFields({ token: otherToken }), { json: true }));
      assert.equal((await newest()).heldReason, 'token-forged');
      assertLooksHeld(await postComment(t, ref.path, validFields({ token: 'garbage' }), { json: true }));
      assert.equal((await newest()).status, 'spam');
    });

    test('a token is single-use: posting again with it goes to spam', async () => {
      const { token } = await formToken(t, ref.id);
      advance(t, 5_000);
      const first = await postComment(t, ref.path, validFields({ token }), { json: true });
      assert.equal(first.statusCode, 201);
      assertLooksHeld(await postComment(t, ref.path, validFields({ token }), { json: true }));
      const c = await newest();
      assert.equal([c.status, c.heldReason].join(), 'spam,token-reused');
    });

    test('a mistake does not use up the token: the corrected post goes through with it', async () => {
      const { token } = await formToken(t, ref.id);
      advance(t, 5_000);
      const bad = await postComment(t, ref.path, validFields({ token, email: 'not-an-email' }), { json: true });
      assert.equal(bad.statusCode, 400);
      const good = await postComment(t, ref.path, validFields({ token }), { json: true });
      assert.equal(good.statusCode, 201, good.body);
    });

    test('posting faster than the minimum time after the token was issued goes to spam', async () => {
      const { token, minSeconds } = await formToken(t, ref.id);
      assert.equal(minSeconds, 3);
      advance(t, 1_000);
      assertLooksHeld(await postComment(t, ref.path, validFields({ token }), { json: true }));
      assert.equal((await newest()).heldReason, 'too-fast');
    });

    test('a day-old token counts as none (held for an unknown commenter), not as spam', async () => {
      const { token } = await formToken(t, ref.id);
      advance(t, 25 * 3_600_000);
      assertLooksHeld(await postComment(t, ref.path, validFields({ token }), { json: true }));
      assert.equal([(await newest()).status, (await newest()).heldReason].join(), 'pending,no-token');
    });

    test('more than 2 links wait for an editor; 2 are fine', async () => {
      const two = await postWithScript(t, ref, validFields({ comment: 'देखें https://a.example/1 और www.b.example/2' }));
      assert.equal(two.statusCode, 201, two.body);
      const three = await postWithScript(t, ref, validFields({ comment: 'https://a.example/1 https://b.example/2 http://c.example/3' }));
      assertLooksHeld(three);
      assert.equal([(await newest()).status, (await newest()).heldReason].join(), 'pending,links');
    });

    test('a duplicate from the same reader is refused with a clear message (409), the first one kept', async () => {
      const fields = validFields({ comment: 'यह टिप्पणी दो बार भेजी गई' });
      assert.equal((await postWithScript(t, ref, fields)).statusCode, 201);
      const before = (await t.services.commentModeration.counts(admin.user)).approved;
      const again = await postWithScript(t, ref, { ...fields, comment: ' यह टिप्पणी  दो बार भेजी गई! ' });
      assert.equal(again.statusCode, 409);
      assert.equal((again.json() as { errors: Record<string, string> }).errors.comment, commentFieldMessage('en', 'comment', 'duplicate'));
      const html = await postComment(t, ref.path, fields);
      assert.equal(html.statusCode, 409);
      assert.ok(html.body.includes(`<span id="comment-error" class="field-error">${commentFieldMessage('en', 'comment', 'duplicate')}</span>`));
      assert.equal((await t.services.commentModeration.counts(admin.user)).approved, before);
    });

    test('the same text posted on several stories is a spammer’s copy and paste', async () => {
      const text = `सस्ता लोन पाएं, अभी आवेदन करें https://loan.example/${Math.random()}`;
      const [s1, s2, s3] = stories.filter((s) => s.id !== ref.id);
      assert.equal((await postWithScript(t, s1!, validFields({ comment: text }))).statusCode, 201);
      assert.equal((await postWithScript(t, s2!, validFields({ comment: text }))).statusCode, 201);
      const third = await postWithScript(t, s3!, validFields({ comment: text }));
      assert.equal(third.statusCode, 202);
      const c = await newest(s3!.id);
      assert.equal([c.status, c.heldReason].join(), 'spam,repeated');
      // A short common comment is no spam however often readers write it.
      for (const s of [s1!, s2!, s3!]) assert.equal((await postWithScript(t, s, validFields({ comment: 'जय हिंद 🇮🇳' }))).statusCode, 201);
    });

    test('readers sharing one address (a mobile carrier) may each say the same short thing', async () => {
      const ip = nextIp();
      assert.equal((await postWithScript(t, ref, validFields({ comment: 'सहमत हूं' }), { ip })).statusCode, 201);
      assert.equal((await postWithScript(t, ref, validFields({ comment: 'सहमत हूं' }), { ip })).statusCode, 201);
    });

    test('per-IP limit: past it, 429 with Retry-After and a message; other addresses are not affected', async () => {
      await t.services.settings.update({ commentIpLimit: 3 });
      const ip = nextIp();
      for (let i = 0; i < 3; i++) assert.notEqual((await postComment(t, ref.path, validFields(), { ip })).statusCode, 429, `post ${i + 1}`);
      const json = await postComment(t, ref.path, validFields(), { ip, json: true });
      assert.equal(json.statusCode, 429);
      assert.ok(Number(json.headers['retry-after']) > 0 && Number(json.headers['retry-after']) <= 600);
      assert.equal((json.json() as { message: string }).message, EN.tooMany(Math.ceil(Number(json.headers['retry-after']) / 60)));
      const fields = validFields({ comment: 'दर सीमा के बाद भी मेरा लिखा बचा रहे' });
      const html = await postComment(t, ref.path, fields, { ip });
      assert.equal(html.statusCode, 429);
      assert.ok(html.body.includes('class="form-status form-status-error" role="alert"'));
      assert.ok(html.body.includes('दर सीमा के बाद भी मेरा लिखा बचा रहे</textarea>'), 'what was typed is kept');
      assert.notEqual((await postComment(t, ref.path, validFields())).statusCode, 429, 'another address');
      advance(t, 11 * 60_000);
      assert.notEqual((await postComment(t, ref.path, validFields(), { ip })).statusCode, 429, 'the window passed');
    });

    test('per-email limit: past it, 429 even from other addresses', async () => {
      await t.services.settings.update({ commentEmailLimit: 2 });
      const email = nextEmail();
      for (let i = 0; i < 2; i++) assert.notEqual((await postComment(t, ref.path, validFields({ email }))).statusCode, 429);
      const res = await postComment(t, ref.path, validFields({ email: email.toUpperCase() }), { json: true });
      assert.equal(res.statusCode, 429);
    });

    test('blocklist: words (anywhere, any case), emails, @domains and IPs send comments to spam; removing an entry ends it', async () => {
      const m = t.services.commentModeration;
      await m.block(admin.user, 'word', 'Casino Bonus', 'spam wave');
      await m.block(admin.user, 'email', 'Blocked@Example.com', '');
      await m.block(admin.user, 'email', '@spam-domain.example', '');
      const ip = nextIp();
      await m.block(admin.user, 'ip', ip, 'typed by admin');
      const cases: [Record<string, string>, string, string | undefined][] = [
        [{ comment: 'free CASINO bonus today' }, 'blocked-word', undefined],
        [{ author: 'casino bonus king' }, 'blocked-word', undefined],
        [{ email: 'blocked@example.com' }, 'blocked-email', undefined],
        [{ email: `x${Math.random().toString(36).slice(2)}@spam-domain.example` }, 'blocked-email', undefined],
        [{}, 'blocked-ip', ip],
      ];
      for (const [override, reason, from] of cases) {
        const res = await postWithScript(t, ref, validFields(override), from ? { ip: from } : {});
        assertLooksHeld(res);
        const c = await newest();
        assert.equal([c.status, c.heldReason].join(), `spam,${reason}`, JSON.stringify(override));
      }
      const list = await m.blocklist(admin.user);
      assert.ok(!list.some((e) => e.value === ip), 'the IP is stored only as its hash');
      assert.ok(list.some((e) => e.kind === 'ip' && /^[0-9a-f]{32}$/.test(e.value)));
      const invalid = (err: unknown) => (err as { code?: string }).code === 'INVALID_INPUT';
      await assert.rejects(m.block(admin.user, 'ip', 'not an ip', ''), invalid);
      await assert.rejects(m.block(admin.user, 'email', 'nope', ''), invalid);
      for (const e of list) await m.unblock(admin.user, e.id);
      assert.equal((await postWithScript(t, ref, validFields({ comment: 'casino bonus, but allowed now' }), { ip })).statusCode, 201);
    });

    test('blocking a comment’s writer moves it to spam and catches their next comment', async () => {
      const email = nextEmail();
      const ip = nextIp();
      assert.equal((await postWithScript(t, ref, validFields({ email }), { ip })).statusCode, 201);
      const c = await newest();
      await t.services.commentModeration.blockWriterOf(admin.user, c.id);
      assert.equal((await newest()).status, 'spam');
      assertLooksHeld(await postWithScript(t, ref, validFields({ email: nextEmail() }), { ip }));
      assert.equal((await newest()).heldReason, 'blocked-ip');
      assertLooksHeld(await postWithScript(t, ref, validFields({ email })));
      assert.equal((await newest()).heldReason, 'blocked-email');
      for (const e of await t.services.commentModeration.blocklist(admin.user)) await t.services.commentModeration.unblock(admin.user, e.id);
    });

    test('spam is never lost: editors find every caught comment in the spam folder', async () => {
      const spam = await t.services.commentModeration.list(admin.user, { status: 'spam' }, 1, 500);
      const reasons = new Set(spam.items.map((c) => c.heldReason));
      for (const r of ['honeypot', 'token-forged', 'token-reused', 'too-fast', 'repeated', 'blocked-word', 'blocked-email', 'blocked-ip']) assert.ok(reasons.has(r), r);
      const editor = await actor(t.services, 'editor');
      const page = await t.app.inject({ method: 'GET', url: '/admin/comments?status=spam', headers: { cookie: editor.cookie } });
      assert.equal(page.statusCode, 200);
      assert.ok((page.body.match(/<tr id="c-/g) ?? []).length >= Math.min(30, spam.total));
    });
  });
}
