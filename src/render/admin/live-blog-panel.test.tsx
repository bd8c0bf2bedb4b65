/**
 * The live-blog panel's markup: a user who may not write to the blog sees its posts and why
 * there are no forms; an ended blog offers a restart and no add form; a post's body comes back
 * to the composer's plain fields for each kind (what the inline edit form is filled with).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { LivePost } from '../../domain/live-blogs/live-blog.ts';
import type { User } from '../../domain/users/user.ts';
import { parseRichText } from '../../richtext/rich-text.ts';
import type { AdminChrome } from './admin-layout.tsx';
import { LIVE_BLOG_ADMIN_STRINGS } from './live-blog-admin-strings.ts';
import { LiveBlogPanel, livePostFormValues } from './live-blog-panel.tsx';

const at = new Date('2023-03-21T12:30:00Z');
const user = { id: 1, email: 'e@example.test', name: 'संपादक', role: 'editor', locale: 'hi', authorId: null, disabled: false, createdAt: at, passwordChangedAt: at } satisfies User;
const chrome: AdminChrome = { user, csrfToken: 'token-123', siteName: 'समाचार', cssUrl: '/admin.css', nav: [] };
const post = (id: number, kind: LivePost['kind'], body: unknown, extra: Partial<LivePost> = {}): LivePost => ({
  id,
  articleId: 7,
  kind,
  body: parseRichText(body),
  keyEvent: false,
  authorName: 'रिपोर्टर',
  createdAt: at,
  editedAt: null,
  updatedAt: at,
  ...extra,
});
const text = post(2, 'text', { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला ' }, { text: 'भाग', bold: true }] }, { type: 'paragraph', content: [{ text: 'दूसरा' }] }] }, { editedAt: at });
const T = LIVE_BLOG_ADMIN_STRINGS.hi;

test('read-only: the posts and the reason, no forms', () => {
  const html = render(<LiveBlogPanel chrome={chrome} articleId={7} page={{ blog: { articleId: 7, startedAt: at, endedAt: null, updatedAt: at }, posts: [text], earlierBefore: null }} readOnly />);
  assert.ok(html.includes(T.readOnly));
  assert.ok(html.includes('id="live-post-2"') && html.includes(T.updated));
  assert.ok(!html.includes('<form'), 'no forms');
});

test('ended: a restart button, the posts with their forms, no add form and no end button', () => {
  const html = render(<LiveBlogPanel chrome={chrome} articleId={7} page={{ blog: { articleId: 7, startedAt: at, endedAt: at, updatedAt: at }, posts: [text], earlierBefore: 2 }} />);
  assert.ok(html.includes('action="/admin/articles/7/live/start"') && html.includes(T.restart));
  assert.ok(!html.includes('action="/admin/articles/7/live/posts"'));
  assert.ok(!html.includes('action="/admin/articles/7/live/end"'));
  assert.ok(html.includes('action="/admin/articles/7/live/posts/2/delete"'));
  assert.ok(html.includes(T.more), 'older posts are on the page');
  assert.equal((html.match(/name="_csrf" value="token-123"/g) ?? []).length, (html.match(/<form/g) ?? []).length, 'every form carries the token');
});

test('a post body as the composer fields, for each kind', () => {
  assert.deepEqual(livePostFormValues(text), { kind: 'text', text: 'पहला भाग\n\nदूसरा', source: '', keyEvent: false });
  assert.deepEqual(livePostFormValues(post(3, 'quote', { version: 1, blocks: [{ type: 'quote', content: [{ text: 'कथन' }], cite: 'मंत्री' }] }, { keyEvent: true })), {
    kind: 'quote',
    text: 'कथन',
    source: 'मंत्री',
    keyEvent: true,
  });
  assert.deepEqual(livePostFormValues(post(4, 'photo', { version: 1, blocks: [{ type: 'image', mediaId: 12, caption: 'कैप्शन' }] })), { kind: 'photo', text: 'कैप्शन', source: '12', keyEvent: false });
  assert.deepEqual(livePostFormValues(post(5, 'embed', { version: 1, blocks: [{ type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }] })), {
    kind: 'embed',
    text: '',
    source: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    keyEvent: false,
  });
});
