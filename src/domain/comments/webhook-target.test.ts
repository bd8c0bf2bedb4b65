/**
 * The comment webhook may not be aimed at this machine or its network (SSRF): every
 * spelling of a private address is refused when saved and when sent, names are checked by
 * what they resolve to, and the connection goes to the address checked.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';
import { articlePath } from '../articles/article.ts';
import { DomainError } from '../../errors.ts';
import { checkWebhookTarget, guardedLookup, isPublicAddress } from './webhook-target.ts';

const PRIVATE_URLS = [
  'http://127.0.0.1/hook',
  'http://127.1/hook',
  'http://2130706433/hook', // decimal
  'http://0x7f000001/hook', // hex
  'http://0177.0.0.1/hook', // octal
  'http://0x7f.1/hook',
  'http://0/hook',
  'http://localhost:8080/hook',
  'http://LOCALHOST./hook',
  'http://api.localhost/hook',
  'http://10.1.2.3/hook',
  'http://172.16.0.1/hook',
  'http://172.31.255.255/hook',
  'http://192.168.1.1/hook',
  'http://169.254.169.254/latest/meta-data/', // cloud metadata
  'http://100.64.0.1/hook',
  'http://[::1]/hook',
  'http://[::]/hook',
  'http://[0:0:0:0:0:0:0:1]/hook',
  'http://[::ffff:127.0.0.1]/hook', // IPv4-mapped
  'http://[::ffff:7f00:1]/hook',
  'http://[::ffff:a9fe:a9fe]/hook', // mapped 169.254.169.254
  'http://[64:ff9b::a00:1]/hook', // NAT64 of 10.0.0.1
  'http://[2002:c0a8:101::1]/hook', // 6to4 of 192.168.1.1
  'http://[fe80::1]/hook',
  'http://[fd12:3456::1]/hook',
  'http://[ff02::1]/hook',
];

/** A resolver that answers from a table (and fails for anything else). */
const table = (answers: Record<string, string[]>) => async (name: string) => {
  const found = answers[name];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address }));
};

describe('webhook target', () => {
  test('public and private addresses', () => {
    for (const ip of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8']) assert.equal(isPublicAddress(ip), true, ip);
    for (const ip of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.1', '169.254.1.1', '0.0.0.0', '255.255.255.255', '224.0.0.1', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', '::ffff:c0a8:1', 'not-an-ip'])
      assert.equal(isPublicAddress(ip), false, ip);
  });

  test('every spelling of a private address is refused, without asking DNS', async () => {
    const lookup = async () => {
      throw new Error('no lookup for a literal or localhost');
    };
    for (const url of PRIVATE_URLS) assert.equal((await checkWebhookTarget(url, lookup)).ok, false, url);
    assert.equal((await checkWebhookTarget('https://93.184.215.14/hook', lookup)).ok, true);
  });

  test('a name is judged by every address it resolves to', async () => {
    const lookup = table({ 'hooks.example': ['93.184.215.14'], 'inside.example': ['10.0.0.5'], 'mixed.example': ['93.184.215.14', '::1'] });
    assert.equal((await checkWebhookTarget('https://hooks.example/x', lookup)).ok, true);
    assert.equal((await checkWebhookTarget('https://inside.example/x', lookup)).ok, false);
    assert.equal((await checkWebhookTarget('https://mixed.example/x', lookup)).ok, false);
    assert.equal((await checkWebhookTarget('https://unknown.example/x', lookup)).ok, false, 'unresolvable at send time');
    assert.equal((await checkWebhookTarget('https://unknown.example/x', lookup, 'allow')).ok, true, 'may be set up later');
  });

  test('the connection goes only to an address the lookup checked', async () => {
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) => guardedLookup('localhost', {}, (err) => resolve(err)));
    assert.equal(refused?.code, 'EWEBHOOKPRIVATE');
    // Through http.request, as deliveries are sent: a name resolving to loopback never connects.
    let connected = false;
    const server = http.createServer((_req, res) => {
      connected = true;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
        http.request(`http://localhost:${port}/`, { method: 'POST', lookup: guardedLookup }, () => resolve(new Error('answered'))).on('error', resolve).end();
      });
      assert.equal(error.code, 'EWEBHOOKPRIVATE');
      assert.equal(connected, false);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`webhook target in the service (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor;
    let ref: { id: number; path: string };
    let server: http.Server;
    let hits = 0;
    let port = 0;
    const answers: Record<string, string[]> = { 'hooks.example': ['93.184.215.14'] };

    before(async () => {
      t = await openDemoApp(dialect);
      admin = await actor(t.services, 'admin');
      await t.services.settings.update({ commentModeration: 'none' });
      // Names resolve from this table (the deps are the service's own; no DNS in tests).
      (t.services.comments as unknown as { deps: { lookup: unknown } }).deps.lookup = table(answers);
      const a = (await t.services.articles.latest(t.services.now(), 1))[0]!;
      ref = { id: a.id, path: articlePath(a) };
      server = http.createServer((_req, res) => {
        hits++;
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await t?.close();
    });

    test('the comment settings refuse a private webhook URL', async () => {
      for (const url of [...PRIVATE_URLS, `http://127.0.0.1:${port}/hook`]) {
        await assert.rejects(
          t.services.commentModeration.updateSettings(admin.user, {}, url),
          (err: unknown) => err instanceof DomainError && err.code === 'INVALID_INPUT' && err.field === 'webhookUrl',
          url,
        );
      }
      await t.services.commentModeration.updateSettings(admin.user, {}, 'https://hooks.example/comments');
      assert.equal((await t.services.commentModeration.settings(admin.user)).webhookUrl, 'https://hooks.example/comments');
    });

    test('a name that resolves to a private address when sent (DNS rebinding) is refused, and nothing is sent', async () => {
      answers['rebind.example'] = ['93.184.215.14'];
      await t.services.commentModeration.updateSettings(admin.user, {}, `http://rebind.example:${port}/hook`);
      answers['rebind.example'] = ['127.0.0.1'];
      const posted = await postWithScript(t, ref, validFields());
      assert.equal(posted.statusCode, 201, posted.body);
      const report = await t.services.comments.deliverWebhooks();
      assert.deepEqual(report, { delivered: 0, failed: 0, retrying: 1 });
      const [last] = await t.services.comments.recentWebhooks(1);
      assert.match(last!.lastError, /^refused: rebind\.example resolves to 127\.0\.0\.1/);
      assert.equal(hits, 0);
      await t.services.commentModeration.updateSettings(admin.user, {}, '');
    });
  });
}
