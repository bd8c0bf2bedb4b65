/**
 * A commenter's email never leaves the server, on every database. Comments are posted
 * every way a reader can (without and with JavaScript, published, held, caught as spam,
 * replies) and an editor replies as the newsroom; then every public response is searched
 * for each address: the answers to the posts themselves, every page reachable from the
 * home page (crawled), every article page with its comment variants, the token endpoint,
 * static files and error pages; bodies and headers alike, and also for the address's
 * MD5/SHA-256 (a Gravatar URL) and its URL- and entity-encoded forms.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { articlePath } from '../../domain/articles/article.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { advance, nextEmail, postComment, postWithScript, validFields } from '../../../test/helpers/comments.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { type Actor, actor } from '../../../test/helpers/newsroom.ts';

/** Every form an address could leak in. */
function leakForms(email: string): string[] {
  const lower = email.toLowerCase();
  const [local = '', domain = ''] = lower.split('@');
  return [
    lower,
    local,
    encodeURIComponent(lower),
    `${local}&#64;${domain}`,
    `${local}&#x40;${domain}`,
    `${local}\\u0040${domain}`,
    createHash('md5').update(lower).digest('hex'),
    createHash('sha256').update(lower).digest('hex'),
    Buffer.from(lower).toString('base64').replace(/=+$/, ''),
  ];
}

for (const dialect of DIALECTS) {
  describe(`commenters’ emails stay on the server (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor;
    const emails: string[] = [];
    const responses: { label: string; res: LightMyRequestResponse }[] = [];
    let stories: { id: number; path: string }[];

    before(async () => {
      t = await openDemoApp(dialect);
      editor = await actor(t.services, 'editor', 'desk-editor.private@newsroom.example');
      const latest = await t.services.articles.latest(t.services.now(), 100);
      stories = latest.map((a) => ({ id: a.id, path: articlePath(a) }));
      const [first, second] = stories;
      const mail = (tag: string) => {
        const e = nextEmail(`secret-${tag}-${Math.random().toString(36).slice(2, 8)}`);
        emails.push(e);
        return e;
      };
      const keep = (label: string, res: LightMyRequestResponse) => responses.push({ label, res });

      await t.services.settings.update({ commentModeration: 'none' });
      // Held (no token), then approved by an editor; then published with JavaScript.
      const known = mail('known');
      keep('post without JS (held)', await postComment(t, first!.path, validFields({ email: known, url: 'https://reader.example.in/' })));
      const heldId = (await t.services.commentModeration.list(editor.user, { status: 'pending' }, 1, 1)).items[0]!.id;
      await t.services.commentModeration.act(editor.user, [heldId], 'approve');
      keep('post without JS (published)', await postComment(t, first!.path, validFields({ email: known.toUpperCase(), comment: 'दोबारा, बड़े अक्षरों वाले ईमेल से' })));
      advance(t, 60_000);
      keep('post with JS (published)', await postWithScript(t, first!, validFields({ email: mail('js') })));
      keep('post with JS (reply)', await postWithScript(t, first!, validFields({ email: mail('reply'), parent: String(heldId) })));
      // Held, spam and a mistake (the error answer is the reader's own, but carries no other address).
      await t.services.settings.update({ commentModeration: 'all' });
      keep('post with JS (held)', await postWithScript(t, second!, validFields({ email: mail('held') })));
      keep('post caught as spam', await postComment(t, second!.path, validFields({ email: mail('spam'), subject: 'bot' }), { json: true }));
      keep('post with a mistake (JSON)', await postComment(t, second!.path, validFields({ email: mail('mistake'), comment: '' }), { json: true }));
      await t.services.settings.update({ commentModeration: 'none' });
      // The newsroom's reply carries the editor's account email in the database.
      await t.services.commentModeration.reply(editor.user, heldId, 'संपादक का जवाब');
      emails.push(editor.user.email);
    });
    after(() => t.close());

    const get = async (url: string, label = url) => {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      responses.push({ label, res });
      return res;
    };

    test('every public response is searched for every address and its encodings', async () => {
      // Crawl the site from the home page, following every same-site link.
      const seen = new Set<string>();
      const queue = ['/', ...stories.map((s) => s.path)];
      while (queue.length > 0 && seen.size < 400) {
        const url = queue.shift()!;
        if (seen.has(url)) continue;
        seen.add(url);
        const res = await get(url);
        if (!String(res.headers['content-type']).startsWith('text/html')) continue;
        for (const m of res.body.matchAll(/(?:href|src)="(\/[^"#]*)/g)) {
          const next = m[1]!.replace(/&amp;/g, '&');
          if (!seen.has(next) && !next.startsWith('/admin') && !next.startsWith('/media/')) queue.push(next);
        }
      }
      assert.ok(seen.size > 50, `crawled ${seen.size} addresses`);
      const commented = stories[0]!;
      const ids = (await t.services.comments.listPublic(commented.id)).map((c) => c.id);
      assert.ok(ids.length >= 4, 'the published comments are on the page');
      for (const id of ids) {
        await get(`${commented.path}?posted=${id}`);
        await get(`${commented.path}?replyto=${id}`);
      }
      await get(`${commented.path}?held=1`);
      await get(`/api/comments/token?article=${commented.id}`);
      await get('/no-such-page');
      await get('/api/comments/token?article=999999');

      assert.ok(responses.length > 60);
      for (const email of emails) {
        for (const form of leakForms(email)) {
          for (const { label, res } of responses) {
            // A reader's own mistaken post may show their own address back to them; no other.
            if (label === 'post with a mistake (JSON)' && email.includes('-mistake-')) continue;
            const text = `${JSON.stringify(res.headers)}\n${res.body}`.toLowerCase();
            assert.ok(!text.includes(form), `${label}: leaks ${email} as ${form}`);
          }
        }
      }
      for (const { label, res } of responses) assert.ok(!/gravatar/i.test(res.body), `${label}: no Gravatar`);
    });

    test('a reader’s own mistaken post (without JavaScript) shows only their own address back, on a no-store page', async () => {
      const mine = nextEmail('own');
      const res = await postComment(t, stories[0]!.path, validFields({ email: mine, comment: '' }));
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.ok(res.body.includes(`value="${mine}"`), 'what they typed is kept');
      for (const other of emails) assert.ok(!res.body.toLowerCase().includes(other.toLowerCase()), other);
    });

    test('the public objects carry no email field at all', async () => {
      for (const c of await t.services.comments.listPublic(stories[0]!.id)) {
        assert.deepEqual(Object.keys(c).sort(), ['authorName', 'authorUrl', 'body', 'byNewsroom', 'createdAt', 'id', 'parentId']);
      }
    });
  });
}
