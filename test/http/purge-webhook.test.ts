/**
 * PURGE_WEBHOOK_URL end to end: a change made through the services is POSTed, signed,
 * to the webhook once, with the content tags the page cache purged.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loadDemo } from '../../src/demo/demo-service.ts';
import { DIALECTS, openTestServices, type TestServices } from '../helpers/databases.ts';
import { actor } from '../helpers/newsroom.ts';

const SECRET = 'purge-secret-for-the-test';

for (const dialect of DIALECTS) {
  describe(`purge webhook (${dialect})`, () => {
    const received: { body: string; signature: string | undefined }[] = [];
    let server: http.Server;
    let t: TestServices;

    before(async () => {
      server = http.createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += String(d)));
        req.on('end', () => {
          received.push({ body, signature: req.headers['x-samachar-signature'] as string | undefined });
          res.end('ok');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      t = await openTestServices(dialect, { purgeWebhookUrl: `http://127.0.0.1:${port}/purge`, purgeWebhookSecret: SECRET });
    });
    after(async () => {
      await t?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    async function until(count: number): Promise<void> {
      for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 20));
    }

    test('each change is sent once, signed, with its tags', async () => {
      await loadDemo(t.services);
      const editor = await actor(t.services, 'editor');
      received.length = 0;
      const story = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      await t.services.desk.update(editor.user, story.id, { dek: 'बदला हुआ सार' });
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(received.length, 0, 'a pending edit of a live story purges nothing');
      await t.services.desk.applyPending(editor.user, story.id);
      await until(1);
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(received.length, 1, 'sent once');
      const { body, signature } = received[0]!;
      assert.equal(signature, `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`);
      const tags = (JSON.parse(body) as { tags: string[] }).tags;
      for (const tag of [`article:${story.id}`, `section:${story.section.id}`, 'search']) assert.ok(tags.includes(tag), `missing ${tag} in ${body}`);
      assert.ok(!tags.includes('latest'), 'an edit does not purge the latest list');
    });
  });
}
