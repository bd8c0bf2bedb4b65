/**
 * Readers' comments over HTTP, on every database: posting without JavaScript (303 back to
 * the comment with a message; the page again with each error beside its field) and with
 * it (JSON, a form token, no reload), each validation rule, the display of comments, threads
 * and counts on story lists.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { type Article, articlePath } from '../../domain/articles/article.ts';
import { referenceArticle } from '../../demo/content/index.ts';
import { COMMENT_STRINGS, commentFieldMessage } from '../../render/strings.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, type CommentFields, formToken, nextEmail, postComment, postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS, TEST_NOW } from '../../../test/helpers/databases.ts';

const EN = COMMENT_STRINGS.en;
/** Text as Preact writes it into HTML (it leaves `>` as is). */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const msg = (field: string, problem: string) => commentFieldMessage('en', field, problem);

for (const dialect of DIALECTS) {
  describe(`reader comments (${dialect})`, () => {
    let t: TestApp;
    let ref: { id: number; path: string };
    let other: { id: number; path: string };

    before(async () => {
      t = await openDemoApp(dialect);
      const latest = await t.services.articles.latest(t.services.now(), 50);
      const a = latest.find((x) => x.headline === referenceArticle.headline)!;
      ref = { id: a.id, path: articlePath(a) };
      const b = latest.find((x) => x.id !== a.id)!;
      other = { id: b.id, path: articlePath(b) };
    });
    after(() => t.close());
    beforeEach(async () => {
      // Each test starts 20 minutes later, so rate-limit windows never carry over; settings back to defaults.
      advance(t, 20 * 60_000);
      await t.services.settings.update({ commentModeration: 'first', commentsEnabled: true, commentAutoCloseDays: 0, readerLanguage: 'en' });
    });

    const page = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res.body;
    };
    const stored = async (articleId: number) => {
      const admin = await adminUser();
      return (await t.services.commentModeration.list(admin, { articleId }, 1, 200)).items;
    };
    let adminCache: Awaited<ReturnType<typeof t.services.users.create>>['user'] | null = null;
    const adminUser = async () => {
      adminCache ??= (await t.services.users.create({ email: `admin-${dialect}@example.test`, name: 'Admin', role: 'admin', password: 'correct horse battery' })).user;
      return adminCache;
    };
    const latestStored = async (articleId = ref.id) => (await stored(articleId))[0]!;

    test('without JavaScript: a first comment is held, and the reader is sent back to the form with a message', async () => {
      const fields = validFields();
      const res = await postComment(t, ref.path, fields);
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      assert.equal(res.headers.location, `${ref.path}?held=1#respond`);
      const c = await latestStored();
      assert.equal(c.body, fields.comment);
      assert.equal(c.status, 'pending');
      assert.equal(c.heldReason, 'first-comment');
      const back = await page(`${ref.path}?held=1`);
      assert.ok(back.includes(EN.held), 'the held message is shown');
      assert.ok(!back.includes(esc(fields.comment!)), 'a held comment is not shown');
    });

    test('without JavaScript: a published comment redirects to its anchor, and the page shows it with a message', async () => {
      await t.services.settings.update({ commentModeration: 'none' });
      const fields = validFields({ comment: 'पुतिन और जिनपिंग की मुलाकात पर अच्छी रिपोर्ट।\nदूसरी लाइन 🇮🇳' });
      // Without a token, an unknown commenter waits; with an approved comment before, they are known.
      const first = await postComment(t, ref.path, fields);
      assert.equal(first.headers.location, `${ref.path}?held=1#respond`);
      const held = await latestStored();
      assert.equal(held.heldReason, 'no-token');
      await t.services.commentModeration.act(await adminUser(), [held.id], 'approve');
      const again = await postComment(t, ref.path, { ...fields, comment: 'फिर से: बढ़िया' });
      assert.equal(again.statusCode, 303);
      const c = await latestStored();
      assert.equal(c.status, 'approved');
      assert.equal(again.headers.location, `${ref.path}?posted=${c.id}#comment-${c.id}`);
      const html = await page(`${ref.path}?posted=${c.id}`);
      assert.ok(html.includes(`id="comment-${c.id}"`));
      assert.ok(html.includes(EN.published));
      assert.ok(html.includes('पुतिन और जिनपिंग की मुलाकात पर अच्छी रिपोर्ट।<br />दूसरी लाइन 🇮🇳') || html.includes('पुतिन और जिनपिंग की मुलाकात पर अच्छी रिपोर्ट।<br/>दूसरी लाइन 🇮🇳'), 'line breaks shown');
    });

    test('with JavaScript: a token from an uncached endpoint, then a post answered with JSON and the comment’s HTML', async () => {
      await t.services.settings.update({ commentModeration: 'none' });
      const tokenRes = await t.app.inject({ method: 'GET', url: `/api/comments/token?article=${ref.id}` });
      assert.equal(tokenRes.statusCode, 200);
      assert.match(String(tokenRes.headers['cache-control']), /no-store/);
      const fields = validFields({ comment: 'स्क्रिप्ट से भेजी गई टिप्पणी' });
      const res = await postWithScript(t, ref, fields);
      assert.equal(res.statusCode, 201, res.body);
      assert.match(String(res.headers['cache-control']), /no-store/);
      const body = res.json() as { ok: boolean; status: string; id: number; html: string; message: string };
      assert.equal(body.ok, true);
      assert.equal(body.status, 'published');
      assert.equal(body.message, EN.published);
      assert.ok(body.html.startsWith(`<li id="comment-${body.id}"`));
      assert.ok(body.html.includes('स्क्रिप्ट से भेजी गई टिप्पणी'));
      assert.ok((await page(ref.path)).includes(`id="comment-${body.id}"`));
    });

    test('with JavaScript: a held comment answers 202 with the message, and errors come per field', async () => {
      const held = await postWithScript(t, ref, validFields());
      assert.equal(held.statusCode, 202);
      assert.deepEqual(held.json(), { ok: true, status: 'held', message: EN.held });
      const bad = await postWithScript(t, ref, { comment: '', author: '', email: 'nope', url: 'javascript:alert(1)' });
      assert.equal(bad.statusCode, 400);
      const b = bad.json() as { ok: boolean; errors: Record<string, string>; message: string };
      assert.equal(b.ok, false);
      assert.deepEqual(b.errors, {
        comment: msg('comment', 'required'),
        author: msg('author', 'required'),
        email: msg('email', 'invalid'),
        url: msg('url', 'scheme'),
      });
    });

    test('without JavaScript: mistakes come back on the page, beside each field, with what was typed kept', async () => {
      const fields: CommentFields = { comment: 'मेरी राय <b>यह</b> है', author: 'सीता', email: 'sita@@example', url: 'ftp://example.com' };
      const res = await postComment(t, ref.path, fields);
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers['cache-control'], 'no-store');
      const html = res.body;
      assert.ok(html.includes(`<span id="email-error" class="field-error">${esc(msg('email', 'invalid'))}</span>`));
      assert.ok(html.includes(`<span id="url-error" class="field-error">${esc(msg('url', 'scheme'))}</span>`));
      assert.ok(html.includes(EN.fixErrors));
      assert.ok(html.includes(`>${esc(fields.comment!)}</textarea>`), 'the comment is kept');
      assert.ok(html.includes(`value="${esc(fields.author!)}"`), 'the name is kept');
      assert.ok(html.includes(`value="${esc(fields.url!)}"`), 'the website is kept');
      assert.match(html, /id="email"[^>]*aria-invalid="true"/);
    });

    test('errors are in the reader language: Hindi when the site says so', async () => {
      await t.services.settings.update({ readerLanguage: 'hi' });
      const res = await postComment(t, ref.path, { comment: '', author: 'x', email: 'x@example.com' });
      assert.equal(res.statusCode, 400);
      assert.ok(res.body.includes(esc(commentFieldMessage('hi', 'comment', 'required'))));
      assert.ok(res.body.includes(COMMENT_STRINGS.hi.emailNotice));
      const json = await postComment(t, ref.path, { comment: 'x', author: '', email: 'x@example.com' }, { json: true });
      assert.equal((json.json() as { errors: Record<string, string> }).errors.author, commentFieldMessage('hi', 'author', 'required'));
    });

    // ── Validation, rule by rule ──────────────────────────────────────────────

    const longName = 'क'.repeat(101);
    const invalidCases: [string, CommentFields, string, string][] = [
      ['comment required', { comment: '   \n ' }, 'comment', 'required'],
      ['comment of only zero-width characters', { comment: '\u200b\u200d' }, 'comment', 'required'],
      ['name required', { author: '' }, 'author', 'required'],
      ['email required', { email: '' }, 'email', 'required'],
      ['email without @', { email: 'reader.example.com' }, 'email', 'invalid'],
      ['email without a domain dot', { email: 'reader@localhost' }, 'email', 'invalid'],
      ['email with a space', { email: 'rea der@example.com' }, 'email', 'invalid'],
      ['email with two @', { email: 'a@b@example.com' }, 'email', 'invalid'],
      ['email with angle brackets', { email: '<a@example.com>' }, 'email', 'invalid'],
      ['website javascript:', { url: 'javascript:alert(1)' }, 'url', 'scheme'],
      ['website JaVaScRiPt:', { url: ' JaVaScRiPt:alert(1)' }, 'url', 'scheme'],
      ['website data:', { url: 'data:text/html,<script>alert(1)</script>' }, 'url', 'scheme'],
      ['website ftp:', { url: 'ftp://example.com/' }, 'url', 'scheme'],
      ['website with a password', { url: 'https://user:pass@example.com/' }, 'url', 'invalid'],
      ['website that is not an address', { url: 'not a website' }, 'url', 'invalid'],
      ['comment of 5,001 characters', { comment: 'अ'.repeat(5001) }, 'comment', 'too-long'],
      ['name of 101 characters', { author: longName }, 'author', 'too-long'],
      ['website of 201 characters', { url: `https://example.com/${'a'.repeat(181)}` }, 'url', 'too-long'],
      ['NUL in the comment', { comment: 'पहले\u0000बाद' }, 'comment', 'control'],
      ['escape character in the comment', { comment: 'रंग \u001b[31m लाल' }, 'comment', 'control'],
      ['C1 control in the comment', { comment: 'a\u0085b' }, 'comment', 'control'],
      ['CR LF in the name', { author: 'राम\r\nBcc: x@example.com' }, 'author', 'control'],
      ['CR LF in the email', { email: 'a@example.com\r\nBcc: b@example.com' }, 'email', 'control'],
      ['tab in the name', { author: 'राम\tश्याम' }, 'author', 'control'],
      ['right-to-left override in the comment', { comment: 'abc \u202egnp.exe' }, 'comment', 'bidi'],
      ['bidi isolate in the name', { author: 'राम\u2066x\u2069' }, 'author', 'bidi'],
      ['zero-width space in the name', { author: 'Ad\u200bmin' }, 'author', 'invisible'],
      ['parent that is not a number', { parent: 'abc' }, 'parent', 'invalid'],
      ['parent that does not exist', { parent: '999999' }, 'parent', 'not-found'],
    ];
    for (const [name, override, field, problem] of invalidCases) {
      test(`refused: ${name}`, async () => {
        const before = (await stored(ref.id)).length;
        const res = await postComment(t, ref.path, validFields(override), { json: true });
        assert.equal(res.statusCode, 400, res.body);
        const errors = (res.json() as { errors: Record<string, string> }).errors;
        assert.equal(errors[field], msg(field, problem), JSON.stringify(errors));
        assert.equal((await stored(ref.id)).length, before, 'nothing stored');
      });
    }

    test('refused: bytes that are not UTF-8', async () => {
      const res = await postComment(t, ref.path, {}, { json: true, payload: `comment=%FF%FEabc&author=%E0%A4&email=${encodeURIComponent(nextEmail())}` });
      assert.equal(res.statusCode, 400);
      const errors = (res.json() as { errors: Record<string, string> }).errors;
      assert.equal(errors.comment, msg('comment', 'encoding'));
      assert.equal(errors.author, msg('author', 'encoding'));
    });

    test('accepted: 5,000 characters ending in a 4-byte emoji, stored exactly', async () => {
      const body = `${'अ'.repeat(4999)}😀`;
      const res = await postComment(t, ref.path, validFields({ comment: body }), { json: true });
      assert.equal(res.statusCode, 202, res.body.slice(0, 200));
      assert.equal((await latestStored()).body, body);
    });

    test('accepted: a comment with CR LF line breaks counts each break once', async () => {
      const body = `${'a'.repeat(2499)}\r\n${'b'.repeat(2500)}`;
      const res = await postComment(t, ref.path, validFields({ comment: body }), { json: true });
      assert.equal(res.statusCode, 202, res.body.slice(0, 200));
      assert.equal((await latestStored()).body, body.replace('\r\n', '\n'));
    });

    test('Hindi and emoji are stored as typed, in NFC; ZWJ and ZWNJ are kept', async () => {
      // क़ as क + nukta, and a family emoji joined by ZWJ; द्‍ with ZWJ; क्‌ष with ZWNJ.
      const typed = 'क़ानून 👨\u200d👩\u200d👧 द्\u200dव क्\u200cष 😀 नमस्ते';
      const name = 'शर्मा जी 🙏';
      const res = await postComment(t, ref.path, validFields({ comment: typed, author: name, url: 'example.in/राय' }), { json: true });
      assert.equal(res.statusCode, 202, res.body);
      const c = await latestStored();
      assert.equal(c.body, typed.normalize('NFC'));
      assert.equal(c.authorName, name);
      assert.equal(c.authorUrl, 'https://example.in/%E0%A4%B0%E0%A4%BE%E0%A4%AF');
    });

    test('a website without a scheme is read as https', async () => {
      await postComment(t, ref.path, validFields({ url: 'www.example.com/page' }), { json: true });
      assert.equal((await latestStored()).authorUrl, 'https://www.example.com/page');
    });

    test('refused: a reply whose parent belongs to another story, or is not published', async () => {
      const res = await postWithScript(t, other, validFields({ comment: 'दूसरी खबर पर टिप्पणी' }));
      assert.equal(res.statusCode, 202, 'a first comment is held');
      const onOther = (await stored(other.id))[0]!;
      // Still pending: no reply to it, even on its own story.
      const pendingParent = await postComment(t, other.path, validFields({ parent: String(onOther.id) }), { json: true });
      assert.equal(pendingParent.statusCode, 400);
      assert.equal((pendingParent.json() as { errors: Record<string, string> }).errors.parent, msg('parent', 'not-found'));
      await t.services.commentModeration.act(await adminUser(), [onOther.id], 'approve');
      const cross = await postComment(t, ref.path, validFields({ parent: String(onOther.id) }), { json: true });
      assert.equal(cross.statusCode, 400);
      assert.equal((cross.json() as { errors: Record<string, string> }).errors.parent, msg('parent', 'not-found'));
      const own = await postComment(t, other.path, validFields({ parent: String(onOther.id) }), { json: true });
      assert.equal(own.statusCode, 202, 'a reply on the same story is taken');
    });

    test('refused: comments on a draft, an unpublished story, a closed story, after auto-closing, or with comments off', async () => {
      const [section] = await t.services.sections.list();
      const now = t.services.now();
      const make = (status: Article['status'], commentsOpen: boolean, publishedAt: Date | null) =>
        t.services.articles.create({
          sectionId: section!.id,
          headline: `टिप्पणी परीक्षण ${status} ${Math.random()}`,
          dek: '',
          body: { version: 1, blocks: [] },
          heroMediaId: null,
          tagIds: [],
          authorIds: [],
          status,
          publishedAt,
          updatedAt: now,
          createdAt: now,
          commentsOpen,
        });
      const path = (id: number) => `/${section!.slug}/${id}`;
      const draft = await make('draft', true, null);
      const unpublished = await make('unpublished', true, new Date(now.getTime() - 3_600_000));
      const scheduled = await make('scheduled', true, new Date(now.getTime() + 3_600_000));
      const closed = await make('published', false, new Date(now.getTime() - 3_600_000));
      const old = await make('published', true, new Date(now.getTime() - 10 * 86_400_000));
      for (const id of [draft, unpublished, scheduled]) {
        const res = await postComment(t, path(id), validFields());
        assert.equal(res.statusCode, 404, `article ${id}`);
        assert.equal((await t.app.inject({ method: 'GET', url: `/api/comments/token?article=${id}` })).statusCode, 404);
      }
      const closedRes = await postComment(t, path(closed), validFields());
      assert.equal(closedRes.statusCode, 403);
      assert.ok(closedRes.body.includes('टिप्पणियां बंद हैं'));
      const closedJson = await postComment(t, path(closed), validFields(), { json: true });
      assert.equal((closedJson.json() as { message: string }).message, EN.closed);
      // Open, until the site closes comments after 7 days.
      assert.equal((await postComment(t, path(old), validFields())).statusCode, 303);
      await t.services.settings.update({ commentAutoCloseDays: 7 });
      assert.equal((await postComment(t, path(old), validFields())).statusCode, 403);
      const oldPage = await t.app.inject({ method: 'GET', url: path(old) });
      assert.ok(!(await page(String(oldPage.headers.location))).includes('id="commentform"'), 'no form on an auto-closed story');
      assert.ok((await page(ref.path)).includes('id="commentform"'), 'a story of today is still open');
      await t.services.settings.update({ commentAutoCloseDays: 0, commentsEnabled: false });
      assert.equal((await postComment(t, ref.path, validFields())).statusCode, 403);
      assert.ok(!(await page(ref.path)).includes('id="commentform"'));
    });

    test('a cross-site post is refused; a 1 MB body gets 413 with a clear message', async () => {
      const cross = await postComment(t, ref.path, validFields(), { headers: { origin: 'https://evil.example' } });
      assert.equal(cross.statusCode, 403);
      const big = await postComment(t, ref.path, {}, { json: true, payload: `comment=${'a'.repeat(1_048_576)}` });
      assert.equal(big.statusCode, 413);
      assert.equal((big.json() as { message: string }).message, EN.tooLarge);
      const bigHtml = await postComment(t, ref.path, {}, { payload: `comment=${'a'.repeat(1_048_576)}` });
      assert.equal(bigHtml.statusCode, 413);
      assert.match(bigHtml.body, /<html lang="hi"/);
    });

    // ── Display ───────────────────────────────────────────────────────────────

    test('comments show as plain text: markup inert, links auto-linked with rel, names linking to the website, times in the site’s style', async () => {
      await t.services.settings.update({ commentModeration: 'none' });
      const fields = validFields({
        email: (await latestStored()).authorEmail,
        author: '<b>Ravi</b>',
        url: 'https://ravi.example.in/',
        comment: '<script>alert(1)</script> देखें https://example.com/a?b=1&c=2. और (https://en.wikipedia.org/wiki/Foo_(bar)) javascript:alert(2)',
      });
      const res = await postWithScript(t, ref, fields);
      assert.equal(res.statusCode, 201, res.body);
      const known = (await latestStored()).id;
      const html = await page(ref.path);
      const at = html.indexOf(`id="comment-${known}"`);
      const item = html.slice(at, html.indexOf('</li>', at));
      assert.ok(item.includes('&lt;script>alert(1)&lt;/script>'));
      assert.ok(!item.includes('<script'));
      assert.ok(item.includes('<a href="https://example.com/a?b=1&amp;c=2" rel="nofollow ugc noopener">https://example.com/a?b=1&amp;c=2</a>.'));
      assert.ok(item.includes('<a href="https://en.wikipedia.org/wiki/Foo_(bar)" rel="nofollow ugc noopener">'));
      assert.ok(!item.includes('href="javascript'));
      assert.ok(item.includes('<a href="https://ravi.example.in/" rel="nofollow ugc noopener">&lt;b>Ravi&lt;/b></a>'));
      assert.match(item, />March \d\d, 2023, \d{1,2}:\d\d [AP]M IST<\/time>/, 'English date style');
      await t.services.settings.update({ readerLanguage: 'hi' });
      try {
        assert.match(await page(ref.path), />\d\d मार्च 2023, \d{1,2}:\d\d [AP]M IST<\/time><\/a><\/p><div class="comment-body"/, 'Hindi date style');
      } finally {
        await t.services.settings.update({ readerLanguage: 'en' });
      }
    });

    test('replies thread two levels deep; a reply to a reply names whom it answers; ?replyto= works without JavaScript', async () => {
      await t.services.settings.update({ commentModeration: 'none' });
      const admin = await adminUser();
      const email = nextEmail();
      const approve = async () => {
        const c = await latestStored();
        if (c.status !== 'approved') await t.services.commentModeration.act(admin, [c.id], 'approve');
        return c.id;
      };
      await postComment(t, ref.path, validFields({ email, author: 'पहला', comment: 'मूल टिप्पणी' }));
      const root = await approve();
      const replyPage = await page(`${ref.path}?replyto=${root}`);
      assert.ok(replyPage.includes('Reply to पहला'));
      assert.ok(replyPage.includes(`name="parent" id="comment-parent" value="${root}"`));
      await postComment(t, ref.path, validFields({ email, author: 'दूसरा', comment: 'पहला जवाब', parent: String(root) }));
      const reply = await approve();
      await postComment(t, ref.path, validFields({ email, author: 'तीसरा', comment: 'जवाब का जवाब', parent: String(reply) }));
      const replyToReply = await approve();
      const html = await page(ref.path);
      const rootAt = html.indexOf(`<li id="comment-${root}"`);
      const repliesAt = html.indexOf('<ol class="comment-replies">', rootAt);
      assert.ok(repliesAt > rootAt);
      assert.ok(html.indexOf(`<li id="comment-${reply}"`) > repliesAt);
      assert.ok(html.indexOf(`<li id="comment-${replyToReply}"`) > repliesAt);
      const deep = html.slice(html.indexOf(`<li id="comment-${replyToReply}"`));
      assert.ok(deep.slice(0, 1500).includes('in reply to</span> <bdi>दूसरा</bdi>'));
      const deepItem = deep.slice(0, deep.indexOf('</li>'));
      assert.ok(!deepItem.includes('<ol'), 'no third level');
    });

    test('story lists show each story’s number of published comments', async () => {
      await t.services.settings.update({ commentModeration: 'none' });
      const n = (await t.services.comments.countsFor([ref.id])).get(ref.id) ?? 0;
      assert.ok(n > 0, 'earlier tests published comments');
      const section = await page('/videsh');
      const at = section.indexOf(`href="${ref.path}"`);
      const card = section.slice(at, section.indexOf('</article>', at));
      assert.ok(card.includes(`href="${ref.path}#comments"`) && card.includes(n === 1 ? '1 टिप्पणी' : `${n} टिप्पणियां`), card);
      const home = await page('/');
      assert.ok(home.includes(`href="${ref.path}#comments"`));
      const heading = await page(ref.path);
      assert.ok(heading.includes(`>${n === 1 ? '1 टिप्पणी' : `${n} टिप्पणियां`}</h2>`));
    });

    test('the form has the reference notice, a honeypot no one fills, and the script as a module file', async () => {
      const html = await page(ref.path);
      assert.ok(html.includes('Your email address will not be published.'));
      assert.ok(html.includes('Required fields are marked'));
      assert.match(html, /<p class="hp-field" aria-hidden="true">.*?<input id="comment-subject" name="subject" type="text" tabindex="-1" autocomplete="off" value\/>/s);
      const src = /<script type="module" src="(\/assets\/comments\.[0-9a-f]{12}\.js)"><\/script>/.exec(html)?.[1];
      assert.ok(src, 'the comment script is loaded as a module');
      const js = await t.app.inject({ method: 'GET', url: src });
      assert.equal(js.statusCode, 200);
      assert.match(String(js.headers['content-type']), /text\/javascript/);
      assert.match(String(js.headers['cache-control']), /immutable/);
      assert.ok(!(await page('/')).includes('/assets/comments.'), 'only article pages load it');
      void TEST_NOW;
      void formToken;
    });
  });
}
