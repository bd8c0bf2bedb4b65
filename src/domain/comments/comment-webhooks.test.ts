/**
 * The new-comment webhook, on every database: queued by the post and sent only by the
 * background job (the reader never waits for it), signed, without the email or IP,
 * retried with back-off and finally marked failed, and sent once even when two processes
 * run the job at the same moment.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { buildApp } from '../../app.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import { commentJobs } from '../../jobs/comment-jobs.ts';
import type { TestApp } from '../../../test/helpers/app.ts';
import { advance, nextEmail, postComment, postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS, openTestServices } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import { articlePath } from '../articles/article.ts';
import { WEBHOOK_BACKOFF_MS } from './comment-service.ts';

/**
 * The demo site with COMMENT_WEBHOOK_ALLOW_PRIVATE on: these tests' receiver listens on
 * 127.0.0.1, which the webhook may not reach otherwise.
 */
async function openAllowingPrivate(dialect: (typeof DIALECTS)[number]): Promise<TestApp> {
  const t = await openTestServices(dialect, { commentWebhookAllowPrivate: true });
  await loadDemo(t.services);
  const app = await buildApp(t.services);
  return {
    ...t,
    app,
    async close() {
      await app.close();
      await t.close();
    },
  };
}

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

for (const dialect of DIALECTS) {
  describe(`comment webhook (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let ref: { id: number; path: string };
    let server: http.Server;
    let url: string;
    const received: Received[] = [];
    let answer = 200;

    before(async () => {
      t = await openAllowingPrivate(dialect);
      admin = await actor(t.services, 'admin');
      const a = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      ref = { id: a.id, path: articlePath(a) };
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString('utf8')));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.writeHead(answer).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      await t.services.commentModeration.updateSettings(admin.user, { commentModeration: 'none' }, url);
    });
    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t.close();
    });
    beforeEach(async () => {
      advance(t, 20 * 60_000);
      received.length = 0;
      answer = 200;
      // Leave nothing due from a previous test.
      while ((await t.services.comments.deliverWebhooks()).retrying > 0) advance(t, 7 * 3_600_000);
      received.length = 0;
    });

    test('a new comment is queued, sent by the job (not during the request), signed, and without email or IP', async () => {
      const email = nextEmail('hook');
      const res = await postWithScript(t, ref, validFields({ email, comment: 'वेबहुक वाली टिप्पणी' }), { ip: '203.0.113.77' });
      assert.equal(res.statusCode, 201);
      assert.equal(received.length, 0, 'nothing sent while the reader waited');
      const report = await commentJobs(t.services);
      assert.deepEqual(report, { delivered: 1, failed: 0, retrying: 0 });
      assert.equal(received.length, 1);
      const [hit] = received;
      const key = Buffer.from(await t.services.comments.webhookSigningKey(), 'base64url');
      assert.equal(hit!.headers['x-samachar-signature'], `sha256=${createHmac('sha256', key).update(hit!.body).digest('hex')}`);
      assert.equal(hit!.headers['x-samachar-event'], 'comment.created');
      const payload = JSON.parse(hit!.body) as { comment: { id: number; status: string; excerpt: string; url: string }; article: { id: number; url: string } };
      assert.equal(payload.comment.status, 'approved');
      assert.equal(payload.comment.excerpt, 'वेबहुक वाली टिप्पणी');
      assert.equal(payload.article.id, ref.id);
      assert.ok(payload.comment.url.endsWith(`${ref.path}#comment-${payload.comment.id}`));
      assert.ok(!hit!.body.toLowerCase().includes(email.toLowerCase()), 'no email');
      assert.ok(!hit!.body.includes('203.0.113.77'), 'no IP');
      assert.deepEqual(await commentJobs(t.services), { delivered: 0, failed: 0, retrying: 0 }, 'sent once');
    });

    test('held comments are announced too (for moderators); spam is not', async () => {
      await t.services.settings.update({ commentModeration: 'all' });
      try {
        await postComment(t, ref.path, validFields());
        await postComment(t, ref.path, validFields({ subject: 'bot' }));
        const report = await commentJobs(t.services);
        assert.equal(report.delivered, 1);
        assert.equal((JSON.parse(received[0]!.body) as { comment: { status: string } }).comment.status, 'pending');
      } finally {
        await t.services.settings.update({ commentModeration: 'none' });
      }
    });

    test('a failing endpoint is retried with back-off, then marked failed', async () => {
      answer = 500;
      await postWithScript(t, ref, validFields());
      assert.deepEqual(await commentJobs(t.services), { delivered: 0, failed: 0, retrying: 1 });
      assert.equal(received.length, 1);
      assert.deepEqual(await commentJobs(t.services), { delivered: 0, failed: 0, retrying: 0 }, 'not again before the back-off');
      assert.equal(received.length, 1);
      for (const [i, delay] of WEBHOOK_BACKOFF_MS.entries()) {
        advance(t, delay + 1000);
        const report = await commentJobs(t.services);
        assert.equal(received.length, i + 2);
        assert.deepEqual(report, i === WEBHOOK_BACKOFF_MS.length - 1 ? { delivered: 0, failed: 1, retrying: 0 } : { delivered: 0, failed: 0, retrying: 1 });
      }
      advance(t, 24 * 3_600_000);
      assert.deepEqual(await commentJobs(t.services), { delivered: 0, failed: 0, retrying: 0 }, 'given up');
      const [last] = await t.services.comments.recentWebhooks(1);
      assert.ok(last!.failedAt);
      assert.equal(last!.lastError, 'HTTP 500');
      assert.equal(last!.attempts, WEBHOOK_BACKOFF_MS.length + 1);
      // The admin sees it on the settings screen (a fresh session: the clock moved a day).
      const now = await actor(t.services, 'admin');
      const page = await t.app.inject({ method: 'GET', url: '/admin/comments/settings', headers: { cookie: now.cookie } });
      assert.ok(page.body.includes('HTTP 500'));
    });

    test('a second failure then success: delivered on the retry', async () => {
      answer = 503;
      await postWithScript(t, ref, validFields());
      await commentJobs(t.services);
      answer = 200;
      advance(t, WEBHOOK_BACKOFF_MS[0] + 1000);
      assert.deepEqual(await commentJobs(t.services), { delivered: 1, failed: 0, retrying: 0 });
      assert.equal(received.length, 2);
      assert.equal(received[0]!.body, received[1]!.body, 'the same payload');
    });

    test('two processes running the job at once send each delivery once', async () => {
      await postWithScript(t, ref, validFields());
      await postWithScript(t, ref, validFields());
      const [a, b] = await Promise.all([commentJobs(t.services), commentJobs(t.services)]);
      assert.equal(a.delivered + b.delivered, 2);
      assert.equal(received.length, 2);
    });

    test('an unreachable endpoint is an error that is retried, never an exception in the job', async () => {
      await t.services.commentModeration.updateSettings(admin.user, {}, 'http://127.0.0.1:9/none');
      try {
        await postWithScript(t, ref, validFields());
        const report = await commentJobs(t.services);
        assert.deepEqual(report, { delivered: 0, failed: 0, retrying: 1 });
        const [last] = await t.services.comments.recentWebhooks(1);
        assert.ok(last!.lastError.length > 0);
      } finally {
        await t.services.commentModeration.updateSettings(admin.user, {}, url);
      }
    });
  });
}
