import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articlePath, isPublic, parseArticleSegment } from './article.ts';

test('article paths are /<section>/<slug>-<id>, and the id is read back', () => {
  const path = articlePath({ id: 42, slug: 'jinping-se-bole-putin', section: { id: 1, slug: 'videsh', name: 'विदेश' } });
  assert.equal(path, '/videsh/jinping-se-bole-putin-42');
  assert.deepEqual(parseArticleSegment('jinping-se-bole-putin-42'), { slug: 'jinping-se-bole-putin', id: 42 });
  assert.deepEqual(parseArticleSegment('42'), { slug: '', id: 42 });
  assert.equal(articlePath({ id: 7, slug: '', section: { id: 1, slug: 'desh', name: 'देश' } }), '/desh/7');
});

test('malformed segments are not ids', () => {
  for (const bad of ['', 'abc', '0', 'x-0', '-5', 'x--5', 'X-5', 'a_b-5', '5x', 'x-05', 'x-99999999999', 'x-2147483648', 'जिनपिंग-5', 'x-1.5', 'x-1e3']) {
    assert.equal(parseArticleSegment(bad), null, bad);
  }
  assert.deepEqual(parseArticleSegment('x-2147483647'), { slug: 'x', id: 2147483647 });
});

test('public means published with its time come', () => {
  const now = new Date('2023-03-21T12:00:00Z');
  assert.ok(isPublic({ status: 'published', publishedAt: new Date('2023-03-21T11:59:59Z') }, now));
  assert.ok(!isPublic({ status: 'published', publishedAt: new Date('2023-03-21T12:00:01Z') }, now));
  assert.ok(!isPublic({ status: 'scheduled', publishedAt: new Date('2023-03-20T00:00:00Z') }, now));
  assert.ok(!isPublic({ status: 'published', publishedAt: null }, now));
});
