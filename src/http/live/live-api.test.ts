/**
 * Live blogs over HTTP on every database: the integration API's live endpoints (checked
 * against the OpenAPI document), the story page rendering posts server-side with
 * LiveBlogPosting, its cached copy purged by each post, the stream delivering posts,
 * changes and deletions, a reconnect with Last-Event-ID missing nothing, malformed input
 * answered 400 with nothing written, and the stream's cap answered 503.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import { checkedInject, OpenApiChecker } from '../../../test/helpers/openapi.ts';
import { openSse } from '../../../test/helpers/sse.ts';
import { LIVE_BLOG_STRINGS, type LiveBlogStrings } from '../../render/components/live-blog-strings.ts';
import { demoLiveBlog } from '../../demo/content/live-blog.ts';
import { LIVE_OPERATIONS } from './live-api.ts';

const para = (text: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ text }] }] });

for (const dialect of DIALECTS) {
  describe(`live blogs (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let key: string;
    let base: string;
    let storyId: number;
    let storyPath: string;
    /** The page's words in the demo site's reader language. */
    let S: LiveBlogStrings;
    const checker = new OpenApiChecker();

    const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, json?: unknown) =>
      checkedInject(t.app, checker, {
        method,
        url,
        headers: { authorization: `Bearer ${key}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(json !== undefined ? { payload: typeof json === 'string' ? json : JSON.stringify(json) } : {}),
      });
    const live = (rest = '') => `/api/v1/admin/stories/${storyId}/live${rest}`;

    before(async () => {
      t = await openDemoApp(dialect);
      admin = await actor(t.services, 'admin');
      key = (await t.services.apiKeys.create(admin.user, { name: 'Live desk', role: 'editor' })).secret;
      const sectionId = (await t.services.sections.findBySlug('desh'))!.id;
      const created = await call('POST', '/api/v1/admin/stories', { headline: 'चुनाव नतीजे लाइव', sectionId, body: para('मतगणना जारी है।') });
      storyId = (created.json() as { story: { id: number } }).story.id;
      const published = await call('POST', `/api/v1/admin/stories/${storyId}/publish`, {});
      assert.equal(published.statusCode, 200, published.body);
      storyPath = new URL((published.json() as { story: { url: string } }).story.url).pathname;
      S = LIVE_BLOG_STRINGS[(await t.services.settings.get()).readerLanguage];
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(() => t.close());

    test('posting before the blog is started is refused; starting shows an empty live blog on the page', async () => {
      const early = await call('POST', live('/posts'), { kind: 'text', body: para('x') });
      assert.equal(early.statusCode, 409);
      assert.equal((early.json() as { error: { code: string } }).error.code, 'LIVE_BLOG_NOT_STARTED');
      const started = await call('POST', live('/start'));
      assert.equal(started.statusCode, 200, started.body);
      const page = await t.app.inject({ url: storyPath });
      assert.match(page.body, /id="live"/);
      assert.ok(page.body.includes(S.noPosts));
      assert.match(page.body, /data-live-stream="\/live\/events\?c=live%3A\d+&amp;since=\d+"/);
    });

    test('a post reaches an open stream, the cached page is purged and shows it, with LiveBlogPosting', async () => {
      await t.app.inject({ url: storyPath }); // cached now
      const stream = await openSse(`${base}/live/events?c=live:${storyId}`);
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
      assert.equal(stream.headers['cache-control'], 'no-store');
      try {
        const res = await call('POST', live('/posts'), { kind: 'text', body: para('पहला रुझान: भाजपा आगे'), keyEvent: true });
        assert.equal(res.statusCode, 201, res.body);
        const post = (res.json() as { post: { id: number } }).post;
        await stream.waitFor('the post', (ev) => ev.some((e) => e.event === 'post'));
        const event = stream.events.find((e) => e.event === 'post')!;
        const data = JSON.parse(event.data) as { id: number; html: string };
        assert.equal(data.id, post.id);
        assert.match(data.html, /पहला रुझान: भाजपा आगे/);
        assert.match(data.html, new RegExp(`id="post-${post.id}"`));
        const page = await t.app.inject({ url: storyPath });
        assert.match(page.body, /पहला रुझान: भाजपा आगे/, 'the cached page was purged');
        assert.match(page.body, /class="live-key-events"[^]*पहला रुझान[^]*class="live-posts"/, 'a key event is in the summary');
        assert.match(page.body, /"@type":"LiveBlogPosting"/);
        assert.match(page.body, /"coverageStartTime"/);
        assert.match(page.body, /"liveBlogUpdate":\[\{"@type":"BlogPosting"/);
      } finally {
        stream.close();
      }
    });

    test('a reader reconnecting with Last-Event-ID gets exactly what it missed, in order', async () => {
      const first = await openSse(`${base}/live/events?c=live:${storyId}`);
      await call('POST', live('/posts'), { kind: 'text', body: para('दूसरा अपडेट') });
      await first.waitFor('the second update', (ev) => ev.some((e) => e.event === 'post'));
      const lastId = first.events.at(-1)!.id!;
      first.close();
      for (const text of ['तीसरा अपडेट', 'चौथा अपडेट']) await call('POST', live('/posts'), { kind: 'text', body: para(text) });
      const again = await openSse(`${base}/live/events?c=live:${storyId}`, { 'last-event-id': lastId });
      try {
        await again.waitFor('both missed updates', (ev) => ev.filter((e) => e.event === 'post').length >= 2);
        assert.deepEqual(
          again.events.map((e) => /(तीसरा|चौथा) अपडेट/.exec(e.data)?.[0]),
          ['तीसरा अपडेट', 'चौथा अपडेट'],
        );
        assert.ok(again.events.every((e) => Number(e.id) > Number(lastId)));
      } finally {
        again.close();
      }
      const ancient = await openSse(`${base}/live/events?c=live:${storyId}`, { 'last-event-id': '5' });
      try {
        await ancient.waitFor('a reset', (ev) => ev.some((e) => e.event === 'reset'));
      } finally {
        ancient.close();
      }
    });

    test('editing marks a post updated, pinning and deleting reach the stream; bad input is 400 with nothing written', async () => {
      const stream = await openSse(`${base}/live/events?c=live:${storyId}`);
      try {
        const made = await call('POST', live('/posts'), { kind: 'quote', body: { version: 1, blocks: [{ type: 'quote', content: [{ text: 'जनता ने फैसला सुना दिया' }], cite: 'नेता' }] } });
        assert.equal(made.statusCode, 201, made.body);
        const id = (made.json() as { post: { id: number } }).post.id;
        const edited = await call('PATCH', live(`/posts/${id}`), { body: { version: 1, blocks: [{ type: 'quote', content: [{ text: 'जनता ने साफ फैसला सुना दिया' }] }] } });
        assert.equal(edited.statusCode, 200, edited.body);
        assert.notEqual((edited.json() as { post: { editedAt: string | null } }).post.editedAt, null);
        await stream.waitFor('the edit', (ev) => ev.some((e) => e.event === 'post' && e.data.includes('साफ फैसला') && e.data.includes(S.updated)));
        const deleted = await call('DELETE', live(`/posts/${id}`));
        assert.equal(deleted.statusCode, 200, deleted.body);
        await stream.waitFor('the deletion', (ev) => ev.some((e) => e.event === 'delete' && JSON.parse(e.data).id === id));
        assert.doesNotMatch((await t.app.inject({ url: storyPath })).body, /साफ फैसला/);

        const count = async () => (await t.services.liveBlogs.page(storyId))!.posts.length;
        const before = await count();
        const bad: [unknown, string][] = [
          [{ kind: 'video', body: para('x') }, 'kind'],
          [{ kind: 'photo', body: para('कोई फोटो नहीं') }, 'body.blocks'],
          [{ kind: 'text', body: { version: 1, blocks: [] } }, 'body.blocks'],
          [{ kind: 'text', body: { version: 1, blocks: [{ type: 'script', text: 'alert(1)' }] } }, 'body.blocks.0.type'],
          [{ kind: 'text', body: para('x'), extra: 1 }, 'extra'],
          ['{not json', ''],
        ];
        for (const [payload] of bad) {
          const res = await call('POST', live('/posts'), payload);
          assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
        }
        assert.equal((await call('PATCH', live('/posts/999999'), { keyEvent: true })).statusCode, 404);
        assert.equal(await count(), before, 'nothing written');
      } finally {
        stream.close();
      }
    });

    test('"load earlier" pages through older posts; only real post ids are kept in the cache', async () => {
      for (let i = 1; i <= 31; i++) await t.services.liveBlogs.addPost(admin.user, storyId, { kind: 'text', body: para(`पुराना-नया अपडेट ${i}`) });
      const page = await t.app.inject({ url: storyPath });
      assert.equal((page.body.match(/class="live-post /g) ?? []).length, 30, 'one page of 30');
      const before = /class="live-earlier" href="[^"?]+\?before=(\d+)#live"/.exec(page.body)?.[1];
      assert.ok(before, 'a link to earlier posts');
      assert.ok(page.body.includes(S.earlier));
      const earlier = await t.app.inject({ url: `${storyPath}?before=${before}` });
      assert.equal(earlier.statusCode, 200);
      assert.match(earlier.body, /पहला रुझान: भाजपा आगे/, 'the oldest posts are on the earlier page');
      assert.doesNotMatch(earlier.body, /पुराना-नया अपडेट 31/);
      assert.equal((await t.app.inject({ url: `${storyPath}?before=${before}` })).headers['x-cache'], 'HIT');
      // 999999: no such post; 1: a post of another live blog (the demo's).
      for (const junk of ['999999', '1']) {
        await t.app.inject({ url: `${storyPath}?before=${junk}` });
        assert.notEqual((await t.app.inject({ url: `${storyPath}?before=${junk}` })).headers['x-cache'], 'HIT', junk);
      }
    });

    test('the stream refuses malformed channels (400) and answers 503 with Retry-After past its cap', async () => {
      for (const q of ['', '?c=', '?c=live', '?c=live:1%0Aid:%202', `?${Array.from({ length: 9 }, (_, i) => `c=live:${i}`).join('&')}`]) {
        const res = await t.app.inject({ url: `/live/events${q}` });
        assert.equal(res.statusCode, 400, q);
        assert.match(res.headers['content-type'] as string, /json|html/);
      }
      const hub = t.services.live as unknown as { options: { maxConnections: number } };
      const cap = hub.options.maxConnections;
      hub.options.maxConnections = t.services.live.size;
      try {
        const res = await t.app.inject({ url: `/live/events?c=live:${storyId}` });
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['retry-after'], '30');
      } finally {
        hub.options.maxConnections = cap;
      }
    });

    test('ending the blog tells open streams and the page says it ended; posting afterwards is refused', async () => {
      const stream = await openSse(`${base}/live/events?c=live:${storyId}`);
      try {
        const ended = await call('POST', live('/end'));
        assert.equal(ended.statusCode, 200, ended.body);
        await stream.waitFor('the end', (ev) => ev.some((e) => e.event === 'end'));
      } finally {
        stream.close();
      }
      const page = await t.app.inject({ url: storyPath });
      assert.ok(page.body.includes(S.ended));
      assert.match(page.body, /"coverageEndTime"/);
      assert.doesNotMatch(page.body, /data-live-stream/);
      const late = await call('POST', live('/posts'), { kind: 'text', body: para('देर से') });
      assert.equal(late.statusCode, 409);
    });

    test('the demo site has a finished live blog: every post, key events, ended, no stream', async () => {
      const story = (await t.services.articles.latest(t.services.now(), 200)).find((a) => a.headline === demoLiveBlog.headline)!;
      const page = await t.app.inject({ url: `/${story.section.slug}/${story.slug}-${story.id}` });
      assert.equal(page.statusCode, 200);
      assert.equal((page.body.match(/class="live-post /g) ?? []).length, demoLiveBlog.posts.length);
      assert.ok(page.body.includes(S.ended));
      assert.match(page.body, /"coverageEndTime":"2023-03-19T09:30:00\+05:30"/);
      assert.doesNotMatch(page.body, /data-live-stream/);
    });

    test('every live operation was answered as documented', () => {
      for (const op of Object.values(LIVE_OPERATIONS)) assert.ok([...checker.seen].some((s) => s.endsWith(` ${op.id}`)), op.id);
    });
  });
}
