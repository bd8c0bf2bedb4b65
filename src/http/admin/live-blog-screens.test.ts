/**
 * The live-blog composer on the story editor over HTTP, on every database (issue 15 point 1):
 * plain form posts with the CSRF token start a blog, add posts of each kind, edit one (shown
 * "updated"), pin and unpin key events, delete, and end it; two staff posting at once both
 * keep their post; a reporter on a published story gets the service's refusal in Hindi;
 * bad input and a missing CSRF token are refused with nothing saved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, TEST_NOW } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { LIVE_BLOG_ADMIN_STRINGS } from '../../render/admin/live-blog-admin-strings.ts';

const T = LIVE_BLOG_ADMIN_STRINGS.hi;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

for (const dialect of DIALECTS) {
  describe(`live-blog composer (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor, editor2: Actor, reporter: Actor;
    let storyId: number;

    const form = (who: Actor, url: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const editorScreen = (who: Actor, id = storyId) => asActor(t.app, who, { method: 'GET', url: `/admin/articles/${id}/edit` });
    const posts = async (id = storyId) => (await t.services.liveBlogs.page(id))?.posts ?? [];
    const live = (path: string) => `/admin/articles/${storyId}/live${path}`;

    before(async () => {
      t = await openDemoApp(dialect);
      [editor, reporter] = await Promise.all([actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      // A second desk editor with a name of her own, to tell whose post is whose.
      const { user } = await t.services.users.create({ email: 'second-editor@example.test', name: 'दूसरी संपादक', role: 'editor', password: 'correct horse battery' });
      const session = await t.services.sessions.start(user.id);
      editor2 = { user, cookie: `samachar_session=${session.token}`, csrf: session.csrfToken };
      const [story] = await t.services.articles.latest(TEST_NOW, 1);
      assert.ok(story);
      storyId = story.id;
    });
    after(() => t.close());

    test('the editor screen offers to start; starting shows the composer; a text post is added newest first', async () => {
      const before = await editorScreen(editor);
      assert.equal(before.statusCode, 200);
      assert.ok(before.body.includes('id="live-blog"'), 'the panel is on the editor screen');
      assert.ok(before.body.includes(T.notStarted));
      assert.ok(before.body.includes(`action="/admin/articles/${storyId}/live/start"`));

      const started = await form(editor, live('/start'));
      assert.equal(started.statusCode, 303, started.body);
      assert.equal(started.headers.location, `/admin/articles/${storyId}/edit#live-blog`);

      const first = await form(editor, live('/posts'), { kind: 'text', text: 'पहला अपडेट\r\n\r\nदूसरा पैराग्राफ़' });
      assert.equal(first.statusCode, 303, first.body);
      const quote = await form(editor, live('/posts'), { kind: 'quote', text: 'हम जीतेंगे', source: 'मुख्यमंत्री', keyEvent: '1' });
      assert.equal(quote.statusCode, 303, quote.body);
      const list = await posts();
      assert.equal(list.length, 2);
      assert.equal(list[0]!.kind, 'quote', 'newest first');
      assert.equal(list[0]!.keyEvent, true);
      assert.deepEqual(list[0]!.body.blocks, [{ type: 'quote', content: [{ text: 'हम जीतेंगे' }], cite: 'मुख्यमंत्री' }]);
      assert.deepEqual(
        list[1]!.body.blocks.map((b) => b.type),
        ['paragraph', 'paragraph'],
        'a blank line starts a new paragraph',
      );
      assert.equal(first.headers.location, `/admin/articles/${storyId}/edit#live-post-${list[1]!.id}`);

      const screen = await editorScreen(editor);
      const a = screen.body.indexOf('हम जीतेंगे');
      const b = screen.body.indexOf('पहला अपडेट');
      assert.ok(a > 0 && b > a, 'the screen lists the newest post first');
      assert.ok(screen.body.includes(T.end), 'the end button');
      assert.ok(/<form data-save-first method="post" action="\/admin\/articles\/\d+\/live\/posts"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+"/.test(screen.body), 'a plain form with the CSRF token');
    });

    test('embed posts keep the canonical link; edit marks the post "updated"; key event toggles; delete removes', async () => {
      const embed = await form(editor, live('/posts'), { kind: 'embed', source: 'https://youtu.be/dQw4w9WgXcQ', text: 'वीडियो' });
      assert.equal(embed.statusCode, 303, embed.body);
      const [post] = await posts();
      assert.equal(post!.kind, 'embed');
      assert.deepEqual(post!.body.blocks[0], { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'वीडियो' });
      assert.equal(post!.editedAt, null);

      const edited = await form(editor, live(`/posts/${post!.id}`), { kind: 'embed', source: 'https://youtu.be/dQw4w9WgXcQ', text: 'नया कैप्शन' });
      assert.equal(edited.statusCode, 303, edited.body);
      const [after] = await posts();
      assert.equal(after!.id, post!.id);
      assert.equal((after!.body.blocks[0] as { caption?: string }).caption, 'नया कैप्शन');
      assert.ok(after!.editedAt, 'marked edited');
      const screen = await editorScreen(editor);
      const item = screen.body.slice(screen.body.indexOf(`id="live-post-${post!.id}"`));
      assert.ok(item.slice(0, item.indexOf('</li>')).includes(T.updated), 'the screen shows it as updated');

      assert.equal((await form(editor, live(`/posts/${post!.id}/key-event`), { keyEvent: '1' })).statusCode, 303);
      assert.equal((await posts())[0]!.keyEvent, true);
      const summary = await t.services.liveBlogs.page(storyId);
      assert.ok(summary!.keyEvents.some((p) => p.id === post!.id), 'pinned to the key events');
      assert.equal((await form(editor, live(`/posts/${post!.id}/key-event`), { keyEvent: '0' })).statusCode, 303);
      assert.equal((await posts())[0]!.keyEvent, false);

      const count = (await posts()).length;
      const deleted = await form(editor, live(`/posts/${post!.id}/delete`));
      assert.equal(deleted.statusCode, 303, deleted.body);
      assert.equal((await posts()).length, count - 1);
      assert.ok(!(await posts()).some((p) => p.id === post!.id));
    });

    test('two staff posting at once: both posts exist', async () => {
      const count = (await posts()).length;
      const [a, b] = await Promise.all([form(editor, live('/posts'), { kind: 'text', text: 'संवाददाता एक' }), form(editor2, live('/posts'), { kind: 'text', text: 'संवाददाता दो' })]);
      assert.equal(a.statusCode, 303, a.body);
      assert.equal(b.statusCode, 303, b.body);
      const list = await posts();
      assert.equal(list.length, count + 2);
      const by = new Map(list.slice(0, 2).map((p) => [JSON.stringify(p.body), p.authorName]));
      assert.deepEqual(
        [...by].map(([body, name]) => [body.includes('संवाददाता एक') ? 'एक' : body.includes('संवाददाता दो') ? 'दो' : '?', name]).sort(),
        [
          ['एक', editor.user.name],
          ['दो', 'दूसरी संपादक'],
        ],
        'each post is its own row, under its own author',
      );
      const screen = await editorScreen(editor2);
      assert.ok(screen.body.includes('संवाददाता एक') && screen.body.includes('संवाददाता दो'), 'both show on the composer');
    });

    test('a reporter may not post to a published story: the refusal in Hindi, nothing saved', async () => {
      const count = (await posts()).length;
      const res = await form(reporter, live('/posts'), { kind: 'text', text: 'रिपोर्टर का अपडेट' });
      assert.equal(res.statusCode, 403);
      assert.ok(res.body.includes(esc(T.forbidden)), 'the reason in Hindi');
      assert.ok(res.body.includes('रिपोर्टर का अपडेट'), 'what was typed is kept');
      for (const [path, fields] of [['/end', {}], ['/start', {}], [`/posts/${(await posts())[0]!.id}/delete`, {}]] as const) {
        assert.equal((await form(reporter, live(path), fields)).statusCode, 403, path);
      }
      assert.equal((await t.services.liveBlogs.findBlog(storyId))?.endedAt, null, 'still live');
      assert.equal((await posts()).length, count);
    });

    test('a reporter may run a live blog on their own unpublished story', async () => {
      const [section] = await t.services.sections.list();
      const draft = await t.services.desk.createDraft(reporter.user, { sectionId: section!.id });
      const url = (path: string) => `/admin/articles/${draft}/live${path}`;
      assert.equal((await form(reporter, url('/start'))).statusCode, 303);
      const res = await form(reporter, url('/posts'), { kind: 'text', text: 'मसौदे पर अपडेट' });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal((await posts(draft)).length, 1);
      const screen = await editorScreen(reporter, draft);
      assert.ok(screen.body.includes('मसौदे पर अपडेट'));
      assert.ok(screen.body.includes(`action="/admin/articles/${draft}/live/posts"`), 'with the composer');
    });

    test('bad input: 400 with a Hindi message, nothing saved', async () => {
      const count = (await posts()).length;
      const [latest] = await posts();
      const cases: [string, Record<string, string>, string][] = [
        [live('/posts'), { kind: 'text', text: '  \r\n ' }, T.errors['text:empty']!],
        [live('/posts'), { kind: 'text', text: 'क'.repeat(5001) }, T.errors['text:too-long']!],
        [live('/posts'), { kind: 'text', text: Array.from({ length: 21 }, (_, i) => `पैरा ${i}`).join('\n\n') }, T.errors['text:paragraphs']!],
        [live('/posts'), { kind: 'poll', text: 'कुछ' }, T.errors.kind!],
        [live('/posts'), { kind: 'embed', source: 'https://evil.example/x', text: 'कुछ' }, T.errors['source:embed']!],
        [live('/posts'), { kind: 'photo', source: 'abc' }, T.errors['source:photo']!],
        [live('/posts'), { kind: 'photo', source: '999999' }, T.errors['source:photo']!],
        [live('/posts'), { kind: 'text', text: 'नियंत्रण \u0001 अक्षर' }, T.errors.text!],
        [live('/posts/abc'), { kind: 'text', text: 'कुछ' }, T.errors.postId!],
        [live('/posts/0/delete'), {}, T.errors.postId!],
        [live(`/posts/${latest!.id}/key-event`), { keyEvent: 'maybe' }, T.errors.keyEvent!],
        [`/admin/articles/x1/live/posts`, { kind: 'text', text: 'कुछ' }, T.errors.id!],
      ];
      for (const [url, fields, message] of cases) {
        const res = await form(editor, url, fields);
        assert.equal(res.statusCode, 400, `${url} ${JSON.stringify(fields).slice(0, 80)}: ${res.statusCode}`);
        assert.ok(res.body.includes(esc(message)), `${url}: ${message}`);
        assert.ok(!/at .*\.ts:\d+/.test(res.body), 'no stack trace');
      }
      const missing = await form(editor, live('/posts/2147483000'), { kind: 'text', text: 'कुछ' });
      assert.equal(missing.statusCode, 404);
      assert.ok(missing.body.includes(esc(T.errors.postId!)));
      assert.equal((await posts()).length, count, 'nothing saved');
    });

    test('a post without the CSRF token is refused, nothing saved', async () => {
      const count = (await posts()).length;
      const res = await asActor(t.app, editor, {
        method: 'POST',
        url: live('/posts'),
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': '' },
        payload: new URLSearchParams({ kind: 'text', text: 'बिना टोकन' }).toString(),
      });
      assert.equal(res.statusCode, 403);
      const wrong = await form(editor, live('/posts'), { kind: 'text', text: 'गलत टोकन', _csrf: 'x'.repeat(43) }, { 'x-csrf-token': 'x'.repeat(43) });
      assert.equal(wrong.statusCode, 403);
      assert.equal((await posts()).length, count);
    });

    test('ending: "लाइव ब्लॉग समाप्त" stops new posts (409 in Hindi); restarting allows them again', async () => {
      const ended = await form(editor, live('/end'));
      assert.equal(ended.statusCode, 303, ended.body);
      const blog = await t.services.liveBlogs.findBlog(storyId);
      assert.ok(blog?.endedAt, 'ended');
      const screen = await editorScreen(editor);
      assert.ok(screen.body.includes(T.restart), 'the screen offers to restart');
      assert.ok(!screen.body.includes(`action="/admin/articles/${storyId}/live/posts"`), 'no add form on an ended blog');
      const count = (await posts()).length;
      const late = await form(editor, live('/posts'), { kind: 'text', text: 'देर से' });
      assert.equal(late.statusCode, 409);
      assert.ok(late.body.includes(esc(T.endedError)));
      assert.equal((await posts()).length, count);
      assert.equal((await form(editor, live('/start'))).statusCode, 303);
      assert.equal((await form(editor, live('/posts'), { kind: 'text', text: 'फिर शुरू' })).statusCode, 303);
      assert.equal((await posts()).length, count + 1);
    });
  });
}
