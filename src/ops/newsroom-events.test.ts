/**
 * Newsroom events in the log, on each database: a person signs in through the form,
 * unpublishes and publishes a story, changes the settings, adds an account, deletes a story
 * and signs out; a reader comments; an integration calls the API with its key. Every event
 * is logged with the acting user's id (and the story's), and ALL log output is scanned for
 * the password, the generated password, the session and CSRF tokens, the API key and the
 * commenter's email: none may appear.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { loadDemo } from '../demo/demo-service.ts';
import { articlePath } from '../domain/articles/article.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../test/helpers/databases.ts';
import { postWithScript, validFields } from '../../test/helpers/comments.ts';

const PASSWORD = 'a-long-secret-password-9f3k2';

function cookieOf(setCookie: string | string[] | undefined, name: string): string | null {
  for (const line of ([] as string[]).concat(setCookie ?? [])) {
    const [pair] = line.split(';');
    if (pair!.startsWith(`${name}=`)) return pair!.slice(name.length + 1);
  }
  return null;
}

for (const dialect of DIALECTS) {
  describe(`newsroom events in the log (${dialect})`, () => {
    let t: TestServices;
    let app: FastifyInstance;
    const raw: string[] = [];
    before(async () => {
      t = await openTestServices(dialect);
      await loadDemo(t.services);
      app = await buildApp(t.services, { logger: true, logStream: { write: (line: string) => void raw.push(line) } });
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    test('each change is logged with who and which story; no secret or email ever is', async () => {
      const { user: admin } = await t.services.users.create({ email: 'editor-in-chief@example.test', name: 'संपादक', role: 'admin', password: PASSWORD });
      const secrets: string[] = [PASSWORD];

      // Sign in through the form, as a browser would.
      const form = await app.inject({ method: 'GET', url: '/admin/sign-in' });
      const pre = cookieOf(form.headers['set-cookie'], 'samachar_pre')!;
      const formCsrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
      const signIn = await app.inject({
        method: 'POST',
        url: '/admin/sign-in',
        headers: { cookie: `samachar_pre=${pre}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
        payload: new URLSearchParams({ _csrf: formCsrf, email: 'editor-in-chief@example.test', password: PASSWORD }).toString(),
      });
      assert.equal(signIn.statusCode, 303);
      const session = cookieOf(signIn.headers['set-cookie'], 'samachar_session')!;
      const desk = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: `samachar_session=${session}` } });
      const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(desk.body)![1]!;
      secrets.push(session, csrf, pre);
      const headers = { cookie: `samachar_session=${session}`, 'x-csrf-token': csrf, origin: 'http://localhost:80', host: 'localhost:80' };

      // A wrong password is logged as refused, without the email or the password tried.
      const wrong = await app.inject({
        method: 'POST',
        url: '/admin/sign-in',
        remoteAddress: '203.0.113.99',
        headers: { cookie: `samachar_pre=${pre}`, 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:80' },
        payload: new URLSearchParams({ _csrf: formCsrf, email: 'editor-in-chief@example.test', password: 'wrong-password-tried-7x' }).toString(),
      });
      assert.equal(wrong.statusCode, 401);
      secrets.push('wrong-password-tried-7x');

      const latest = await t.services.articles.latest(t.services.now(), 2);
      const [story, other] = latest.map((a) => a.id);
      assert.ok(story && other);
      for (const to of ['unpublished', 'published']) {
        const res: { statusCode: number; body: string } = await app.inject({ method: 'POST', url: `/admin/api/articles/${story}/transition`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ to }) });
        assert.equal(res.statusCode, 200, res.body);
      }

      const settings = await t.services.settings.get();
      const saved = await app.inject({
        method: 'POST',
        url: '/admin/settings',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ siteName: settings.siteName, siteNameLatin: settings.siteNameLatin, tagline: 'नई टैगलाइन', readerLanguage: settings.readerLanguage, commentsEnabled: '1', robotsTxt: '', adsTxt: '' }).toString(),
      });
      assert.ok(saved.statusCode < 400, `settings: ${saved.statusCode}`);

      // The generated password is shown once on the page: it must not reach the log.
      const users = t.services.users as unknown as { create: (input: unknown) => Promise<{ password: string }> };
      const create = users.create;
      users.create = async (input) => {
        const result = await create.call(t.services.users, input);
        secrets.push(result.password);
        return result;
      };
      const created = await app.inject({
        method: 'POST',
        url: '/admin/users',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ email: 'new-reporter@example.test', name: 'नया रिपोर्टर', role: 'reporter' }).toString(),
      });
      assert.equal(created.statusCode, 200, raw.filter((l) => l.includes('"level":50')).join('\n').slice(0, 2000));
      users.create = create;
      assert.equal(secrets.length, 6, 'the generated password was seen');

      await t.services.trash.trash(admin, other);
      const deleted = await app.inject({ method: 'POST', url: `/admin/trash/${other}/delete`, headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'confirm=1' });
      assert.equal(deleted.statusCode, 303, deleted.body.slice(0, 300));

      const { secret } = await t.services.apiKeys.create(admin, { name: 'feed robot', role: 'editor' });
      secrets.push(secret);
      await app.inject({ method: 'GET', url: '/api/v1/admin/articles', headers: { authorization: `Bearer ${secret}` } });

      const fields = validFields();
      secrets.push(fields.email!);
      await postWithScript({ ...t, app }, { id: story, path: articlePath(latest[0]!) }, fields);

      const signOut = await app.inject({ method: 'POST', url: '/admin/sign-out', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      assert.ok(signOut.statusCode < 400);

      await new Promise((resolve) => setImmediate(resolve));
      const text = raw.join('');
      for (const s of secrets) assert.ok(!text.includes(s), `the log holds a secret or an email: ${s.slice(0, 6)}…`);
      assert.ok(!text.includes('editor-in-chief@example.test'), 'no account email either');

      const events = raw.flatMap((l) => l.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => typeof l.action === 'string');
      const has = (action: string, extra: Record<string, unknown> = {}) =>
        assert.ok(
          events.some((e) => e.action === action && Object.entries(extra).every(([k, v]) => e[k] === v)),
          `${action} ${JSON.stringify(extra)} in ${JSON.stringify(events)}`,
        );
      has('sign-in', { userId: admin.id });
      has('sign-in-refused', { userId: null, reason: 'invalid' });
      has('unpublish', { userId: admin.id, storyId: story });
      has('publish', { userId: admin.id, storyId: story });
      has('settings-change', { userId: admin.id });
      has('user-create', { userId: admin.id });
      has('trash', { userId: admin.id, storyId: other });
      has('delete', { userId: admin.id, storyId: other });
      has('api-key-create', { userId: admin.id });
      has('sign-out', { userId: admin.id });
    });
  });
}
