/**
 * A reader whose comment meets a failing database (503) and who sends it again, with the
 * same form token, must not be taken for a bot: the token is used up only by a comment that
 * is stored. On both databases, with an insert that fails once (as a lost connection does).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, formToken, nextIp, postComment, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

/** Makes the next `count` comment inserts fail as a dropped database connection does. */
function failInserts(t: TestApp, count: number): () => number {
  // The service's store (http/ may not import stores: only its shape is named here).
  type Insert = (...args: unknown[]) => Promise<number>;
  const store = (t.services.comments as unknown as { store: { insert: Insert } }).store;
  const original = store.insert;
  let left = count;
  store.insert = async function (this: unknown, ...args: unknown[]) {
    if (left > 0) {
      left--;
      throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    }
    return original.apply(this, args);
  };
  return () => count - left;
}

for (const dialect of DIALECTS) {
  describe(`a comment retried after a failed insert (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    let article: { id: number; path: string };

    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor');
      await t.services.settings.update({ commentModeration: 'none' });
      const s = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      article = { id: s.id, path: `/${s.section.slug}/${s.slug}-${s.id}` };
    });
    after(async () => t?.close());

    test('the same token is accepted on the retry, and the comment is not spam', async () => {
      const { token, minSeconds } = await formToken(t, article.id);
      advance(t, (minSeconds + 1) * 1000);
      const fields = validFields({ token });
      const ip = nextIp();
      const failed = failInserts(t, 1);
      const first = await postComment(t, article.path, fields, { json: true, ip });
      assert.equal(failed(), 1, 'the insert was attempted and failed');
      assert.equal(first.statusCode, 503, first.body);
      assert.ok(first.headers['retry-after']);
      const retry = await postComment(t, article.path, fields, { json: true, ip });
      assert.equal(retry.statusCode, 201, retry.body);
      const stored = await t.services.commentModeration.list(editor.user, { articleId: article.id, q: fields.email! }, 1);
      assert.deepEqual(
        stored.items.map((c) => [c.status, c.heldReason]),
        [['approved', '']],
      );
      // The token is used up now: a third post with it is a replay.
      const replay = await postComment(t, article.path, validFields({ token }), { json: true, ip: nextIp() });
      assert.equal(replay.statusCode, 202, replay.body);
      const spam = await t.services.commentModeration.list(editor.user, { status: 'spam', articleId: article.id }, 1);
      assert.ok(spam.items.some((c) => c.heldReason === 'token-reused'));
    });

    test('without JavaScript, the retry after a 503 is published too', async () => {
      const { token, minSeconds } = await formToken(t, article.id);
      advance(t, (minSeconds + 1) * 1000);
      const fields = validFields({ token });
      failInserts(t, 1);
      const first = await postComment(t, article.path, fields);
      assert.equal(first.statusCode, 503);
      const retry = await postComment(t, article.path, fields);
      assert.equal(retry.statusCode, 303, retry.body);
      assert.match(String(retry.headers.location), /\?posted=\d+#comment-\d+$/);
    });
  });
}
