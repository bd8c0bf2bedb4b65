/**
 * Webhooks on every database, below HTTP, against a real HTTP receiver on 127.0.0.1
 * (COMMENT_WEBHOOK_ALLOW_PRIVATE on): a story's publish, update, unpublish and delete are
 * each one event; a delivery that fails twice is retried with back-off from the outbox,
 * survives the services being stopped and started again, and the third attempt arrives
 * with a signature the receiver can verify; two processes sending at once deliver each
 * event once; addresses that are not http(s), private or too long are refused.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, DIALECTS, TEST_NOW, type TestDatabase } from '../../../test/helpers/databases.ts';
import { createServices, type Services } from '../../services.ts';
import { loadDemo } from '../../demo/demo-service.ts';
import type { User } from '../users/user.ts';
import { DomainError } from '../../errors.ts';
import { verifyWebhook } from './webhook.ts';

interface Received {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each request with the next of `statuses` (then 200). */
async function receiver(): Promise<{ url: string; got: Received[]; statuses: number[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/samachar`, got, statuses, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

for (const dialect of DIALECTS) {
  describe(`webhooks (${dialect})`, () => {
    let db: TestDatabase;
    let now = TEST_NOW;
    const open: Services[] = [];
    let hook: Awaited<ReturnType<typeof receiver>>;

    const start = async () => {
      const s = await createServices(db.config, { now: () => now, ...(db.schema ? { schema: db.schema, maxConnections: 4 } : {}) });
      open.push(s);
      return s;
    };
    const stop = async (s: Services) => {
      open.splice(open.indexOf(s), 1);
      await s.close();
    };
    const later = (ms: number) => {
      now = new Date(now.getTime() + ms);
    };

    before(async () => {
      db = createTestDatabase(dialect, { commentWebhookAllowPrivate: true });
      const s = await start();
      await loadDemo(s);
      hook = await receiver();
    });
    after(async () => {
      for (const s of [...open]) await s.close();
      await hook.close();
      await db.cleanup();
    });

    async function newsroom(s: Services): Promise<{ admin: User; editor: User }> {
      const n = Math.random().toString(36).slice(2);
      const admin = (await s.users.create({ email: `a-${n}@example.test`, name: 'एडमिन', role: 'admin', password: 'correct horse battery' })).user;
      const editor = (await s.users.create({ email: `e-${n}@example.test`, name: 'संपादक', role: 'editor', password: 'correct horse battery' })).user;
      return { admin, editor };
    }

    test('a failing receiver gets the event again after back-off, across a restart; the third attempt is signed and verifiable', async () => {
      let s = open[0]!;
      const { admin, editor } = await newsroom(s);
      const endpoint = await s.webhooks.createEndpoint(admin, { url: hook.url, events: ['story.published'] });
      assert.match(endpoint.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      const [section] = await s.sections.list();
      const id = await s.desk.createDraft(editor, { sectionId: section!.id, headline: 'वेबहुक की पहली खबर' });
      await s.desk.update(editor, id, { body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] } });
      await s.desk.transition(editor, id, 'published');
      await s.webhooks.settled();
      let log = await s.webhooks.deliveries(admin, endpoint.id, 1, 10);
      assert.equal(log.total, 1, 'one delivery queued by the publish');
      assert.equal(log.items[0]!.event, 'story.published');
      assert.equal(hook.got.length, 0, 'nothing sent in the request');

      hook.statuses.push(500, 503);
      assert.deepEqual(await s.webhooks.deliverDue(), { delivered: 0, retrying: 1, failed: 0 });
      assert.equal(hook.got.length, 1);
      assert.deepEqual(await s.webhooks.deliverDue(), { delivered: 0, retrying: 0, failed: 0 }, 'not due again yet');
      log = await s.webhooks.deliveries(admin, endpoint.id, 1, 10);
      assert.deepEqual([log.items[0]!.attempts, log.items[0]!.lastStatus, log.items[0]!.lastError], [1, 500, 'HTTP 500']);

      // The process stops mid-retry; a new one on the same database takes over.
      await stop(s);
      s = await start();
      later(11_000);
      assert.deepEqual(await s.webhooks.deliverDue(), { delivered: 0, retrying: 1, failed: 0 });
      assert.equal(hook.got.length, 2);
      later(29_000);
      assert.deepEqual(await s.webhooks.deliverDue(), { delivered: 0, retrying: 0, failed: 0 }, 'the second wait is longer (30 s)');
      later(2_000);
      assert.deepEqual(await s.webhooks.deliverDue(), { delivered: 1, retrying: 0, failed: 0 });
      assert.equal(hook.got.length, 3);

      const third = hook.got[2]!;
      const nowSeconds = Math.floor(now.getTime() / 1000);
      assert.equal(third.headers['x-samachar-event'], 'story.published');
      assert.equal(third.headers['x-samachar-timestamp'], String(nowSeconds));
      assert.ok(verifyWebhook(endpoint.secret, { timestamp: third.headers['x-samachar-timestamp'] as string, signature: third.headers['x-samachar-signature'] as string }, third.body, nowSeconds), 'the signature verifies');
      assert.ok(!verifyWebhook(endpoint.secret, { timestamp: third.headers['x-samachar-timestamp'] as string, signature: third.headers['x-samachar-signature'] as string }, `${third.body} `, nowSeconds), 'not for another body');
      assert.ok(!verifyWebhook('whsec_other', { timestamp: third.headers['x-samachar-timestamp'] as string, signature: third.headers['x-samachar-signature'] as string }, third.body, nowSeconds), 'nor another secret');
      assert.ok(!verifyWebhook(endpoint.secret, { timestamp: third.headers['x-samachar-timestamp'] as string, signature: third.headers['x-samachar-signature'] as string }, third.body, nowSeconds + 600), 'a replay ten minutes later is refused');
      const first = hook.got[0]!;
      assert.notEqual(first.headers['x-samachar-signature'], third.headers['x-samachar-signature'], 'each attempt signs its own time');
      const body = JSON.parse(third.body) as { id: string; type: string; data: { story: { id: number; headline: string; url: string } } };
      assert.equal(body.id, JSON.parse(first.body).id, 'the same event id in every attempt');
      assert.equal(third.headers['x-samachar-event-id'], body.id);
      assert.equal(body.type, 'story.published');
      assert.equal(body.data.story.id, id);
      assert.equal(body.data.story.headline, 'वेबहुक की पहली खबर');
      assert.match(body.data.story.url, new RegExp(`^http://localhost:3000/.+-${id}$`));
      log = await s.webhooks.deliveries(admin, endpoint.id, 1, 10);
      assert.deepEqual([log.items[0]!.attempts, log.items[0]!.lastStatus, log.items[0]!.deliveredAt?.getTime()], [3, 200, now.getTime()]);
      await s.webhooks.deleteEndpoint(admin, endpoint.id);
    });

    test('publish, update, unpublish, trash and delete are one event each, and only what readers see counts', async () => {
      const s = open[0]!;
      const { admin, editor } = await newsroom(s);
      const endpoint = await s.webhooks.createEndpoint(admin, { url: hook.url, events: ['story.published', 'story.updated', 'story.unpublished', 'story.deleted'] });
      const events = async () => {
        await s.webhooks.settled();
        return (await s.webhooks.deliveries(admin, endpoint.id, 1, 50)).items.map((d) => d.event).reverse();
      };
      const [section] = await s.sections.list();
      const id = await s.desk.createDraft(editor, { sectionId: section!.id, headline: 'जीवनचक्र' });
      await s.desk.update(editor, id, { body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला' }] }] } });
      assert.deepEqual(await events(), [], 'a draft is nobody else’s business');
      await s.desk.transition(editor, id, 'published');
      await s.desk.update(editor, id, { headline: 'जीवनचक्र: बदली हेडलाइन' });
      assert.deepEqual(await events(), ['story.published'], 'a pending edit is not an update');
      await s.desk.applyPending(editor, id);
      assert.deepEqual(await events(), ['story.published', 'story.updated']);
      await s.desk.transition(editor, id, 'unpublished');
      await s.desk.transition(editor, id, 'published');
      await s.trash.trash(editor, id);
      await s.trash.deleteForever(admin, id);
      assert.deepEqual(await events(), ['story.published', 'story.updated', 'story.unpublished', 'story.published', 'story.unpublished', 'story.deleted']);
      const last = (await s.webhooks.deliveries(admin, endpoint.id, 1, 1)).items[0]!;
      assert.deepEqual(JSON.parse(last.payload).data, { story: { id }, reason: 'deleted' });
      await s.webhooks.deleteEndpoint(admin, endpoint.id);
    });

    test('two processes sending at once deliver each event once', async () => {
      const a = open[0]!;
      const b = await start();
      const { admin, editor } = await newsroom(a);
      const endpoint = await a.webhooks.createEndpoint(admin, { url: `${hook.url}?both`, events: ['story.published'] });
      const [section] = await a.sections.list();
      for (let i = 0; i < 6; i++) {
        const id = await a.desk.createDraft(editor, { sectionId: section!.id, headline: `साथ-साथ ${i}` });
        await a.desk.update(editor, id, { body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] } });
        await a.desk.transition(editor, id, 'published');
      }
      await a.webhooks.settled();
      hook.got.length = 0;
      const [ra, rb] = await Promise.all([a.webhooks.deliverDue(), b.webhooks.deliverDue()]);
      assert.equal(ra.delivered + rb.delivered, hook.got.length, 'every send counted once');
      const ids = hook.got.filter((g) => g.url.endsWith('?both')).map((g) => (JSON.parse(g.body) as { id: string }).id);
      assert.equal(ids.length, 6);
      assert.equal(new Set(ids).size, 6, 'no event twice');
      await stop(b);
      await a.webhooks.deleteEndpoint(admin, endpoint.id);
    });

    test('endpoint addresses: not http(s), with a password, too long, private without the setting, or no events are refused', async () => {
      const s = open[0]!;
      const { admin, editor } = await newsroom(s);
      const refused = async (input: { url: string; events: string[] }, field: string, reason?: string, service = s) => {
        await assert.rejects(service.webhooks.createEndpoint(admin, input), (err: unknown) => err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === field && (reason === undefined || err.message === reason));
      };
      await refused({ url: 'ftp://example.com/x', events: ['story.published'] }, 'url', 'scheme');
      await refused({ url: 'javascript:alert(1)', events: ['story.published'] }, 'url', 'scheme');
      await refused({ url: 'not a url', events: ['story.published'] }, 'url', 'url');
      await refused({ url: 'https://user:pw@example.com/', events: ['story.published'] }, 'url', 'credentials');
      await refused({ url: `https://example.com/${'a'.repeat(2100)}`, events: ['story.published'] }, 'url', 'too-long');
      await refused({ url: 'https://example.com/', events: [] }, 'events');
      await refused({ url: 'https://example.com/', events: ['story.exploded'] }, 'events');
      await assert.rejects(s.webhooks.createEndpoint(editor, { url: 'https://example.com/', events: ['story.published'] }), (err: unknown) => err instanceof DomainError && err.code === 'FORBIDDEN');
      // Without COMMENT_WEBHOOK_ALLOW_PRIVATE: loopback, private and metadata addresses are refused.
      const strictDb = createTestDatabase(dialect);
      const strict = await createServices(strictDb.config, { now: () => now, ...(strictDb.schema ? { schema: strictDb.schema, maxConnections: 2 } : {}) });
      try {
        const boss = (await strict.users.create({ email: 'boss@example.test', name: 'बॉस', role: 'admin', password: 'correct horse battery' })).user;
        for (const url of ['http://127.0.0.1:8080/', 'http://localhost/', 'http://169.254.169.254/latest', 'http://[::1]/', 'http://10.1.2.3/', 'http://2130706433/']) {
          await assert.rejects(strict.webhooks.createEndpoint(boss, { url, events: ['story.published'] }), (err: unknown) => err instanceof DomainError && err.field === 'url' && err.message === 'private', url);
        }
        assert.equal((await strict.webhooks.listEndpoints(boss)).length, 0, 'nothing saved');
      } finally {
        await strict.close();
        await strictDb.cleanup();
      }
    });
  });
}
