import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Action, can, type Role } from './user.ts';

const u = (role: Role, id = 1) => ({ id, role, disabled: false });
const own = (status: 'draft' | 'review' | 'published' = 'draft') => ({ article: { createdBy: 1, status } });
const others = (status: 'draft' | 'review' | 'published' = 'draft') => ({ article: { createdBy: 2, status } });

test('admins may do everything; a disabled account nothing', () => {
  for (const a of ['users.manage', 'settings.edit', 'article.publish', 'media.upload'] as Action[]) assert.ok(can(u('admin'), a), a);
  assert.ok(!can({ id: 1, role: 'admin', disabled: true }, 'article.edit'));
});

test('editors: all content, publishing and moderation; not users or settings', () => {
  for (const a of ['article.edit', 'article.publish', 'article.unpublish', 'article.setAuthors', 'media.upload', 'taxonomy.edit', 'home.edit', 'widgets.edit', 'comments.moderate'] as Action[]) {
    assert.ok(can(u('editor'), a, others('published')), a);
  }
  assert.ok(!can(u('editor'), 'users.manage'));
  assert.ok(!can(u('editor'), 'settings.edit'));
});

test('reporters: their own stories; publishing only when the site allows', () => {
  assert.ok(can(u('reporter'), 'article.edit', own('published')));
  assert.ok(can(u('reporter'), 'article.submit', own()));
  assert.ok(!can(u('reporter'), 'article.edit', others()));
  assert.ok(!can(u('reporter'), 'article.publish', own()));
  assert.ok(can(u('reporter'), 'article.publish', { ...own(), reportersCanPublish: true }));
  assert.ok(!can(u('reporter'), 'article.publish', { ...others(), reportersCanPublish: true }));
  assert.ok(can(u('reporter'), 'media.upload'));
  assert.ok(!can(u('reporter'), 'article.setAuthors', own()));
  assert.ok(!can(u('reporter'), 'taxonomy.edit'));
});

test('contributors: their own drafts only; no publishing, uploads, authors or times', () => {
  assert.ok(can(u('contributor'), 'article.create'));
  assert.ok(can(u('contributor'), 'article.edit', own('draft')));
  assert.ok(!can(u('contributor'), 'article.edit', own('review')));
  assert.ok(!can(u('contributor'), 'article.edit', others('draft')));
  for (const a of ['article.publish', 'media.upload', 'article.setAuthors', 'article.setPublishTime', 'article.unpublish'] as Action[]) {
    assert.ok(!can(u('contributor'), a, { ...own(), reportersCanPublish: true }), a);
  }
});
