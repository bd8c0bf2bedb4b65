/**
 * The breaking-news banner over HTTP on every database (issue 15, points 3 and 6): an editor
 * sets it on Admin → Breaking news and every cached reader page shows it on the next view
 * (the `breaking` tag every page carries is purged); a bad link or a past expiry comes back
 * 400 in the user's language with nothing saved; reporters are refused; at its expiry the
 * banner leaves cached pages (the expiry job purges them) and clearing it does the same.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIALECTS, TEST_NOW } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { BREAKING_ADMIN_STRINGS } from '../../render/admin/breaking-admin-strings.ts';

const BANNER = 'चुनाव आयोग ने नतीजों की तारीख बदली';

for (const dialect of DIALECTS) {
  describe(`breaking-news banner (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor, reporter: Actor;
    let storyPath: string;

    const form = (who: Actor, url: string, fields: Record<string, string> = {}) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': who.csrf },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const read = (url: string) => t.app.inject({ method: 'GET', url });
    /** Every reader page kind, requested twice so each is a cache hit before the change. */
    const warm = async (paths: readonly string[]) => {
      for (const p of paths) {
        await read(p);
        assert.equal((await read(p)).headers['x-cache'], 'HIT', `${p} is cached`);
      }
    };

    before(async () => {
      t = await openDemoApp(dialect);
      [editor, reporter] = await Promise.all([actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      const [story] = await t.services.articles.latest(TEST_NOW, 1);
      assert.ok(story);
      storyPath = `/${story.section.slug}/${story.slug}-${story.id}`;
      const res = await read(storyPath);
      if (res.statusCode === 301) storyPath = String(res.headers.location);
    });
    after(() => t.close());

    test('an editor sets it: cached pages show it at once, with its link, in a labelled region', async () => {
      const pages = ['/', storyPath, `/${storyPath.split('/')[1]}`];
      await warm(pages);
      for (const p of pages) assert.ok(!/class="breaking"/.test((await read(p)).body), '/class="breaking"/');
      const nav = await asActor(t.app, editor, { method: 'GET', url: '/admin' });
      assert.ok(/href="\/admin\/breaking"/.test(nav.body), 'the nav links the screen');
      const expires = new Date(TEST_NOW.getTime() + 3600_000);
      const res = await form(editor, '/admin/breaking', { text: `  ${BANNER}\n`, link: '/videsh', expiresAt: '2023-03-21T19:00' });
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/admin/breaking?saved=1');
      const stored = await t.services.breaking.stored();
      assert.equal(stored?.text, BANNER, 'trimmed, one line');
      assert.equal(stored?.expiresAt?.getTime(), expires.getTime(), 'the expiry is read as India time');
      for (const p of pages) {
        const page = await read(p);
        assert.equal(page.statusCode, 200);
        assert.notEqual(page.headers['x-cache'], 'HIT', `${p} was purged`);
        assert.ok(/<section class="breaking" aria-labelledby="breaking-label">/.test(page.body), 'the banner region');
        assert.ok(new RegExp(`<a href="/videsh">${BANNER}</a>`).test(page.body), p);
        assert.match(String(page.headers['surrogate-key']), /\bbreaking\b/, 'a CDN can purge it too');
      }
      const screen = await asActor(t.app, editor, { method: 'GET', url: '/admin/breaking?saved=1' });
      assert.ok(new RegExp(BREAKING_ADMIN_STRINGS.hi.saved).test(screen.body), 'new RegExp(BREAKING_ADMIN_STRINGS.hi.saved)');
      assert.ok(new RegExp(BANNER).test(screen.body), 'new RegExp(BANNER)');
      assert.equal(String(screen.headers['cache-control']), 'no-store');
    });

    test('bad input: 400 with the reason in Hindi, what was typed kept, nothing changed', async () => {
      const before = await t.services.breaking.stored();
      const cases: [Record<string, string>, string][] = [
        [{ text: 'कुछ', link: 'javascript:alert(1)' }, BREAKING_ADMIN_STRINGS.hi.errors.link!],
        [{ text: 'कुछ', link: '//evil.example/' }, BREAKING_ADMIN_STRINGS.hi.errors.link!],
        [{ text: '   ' }, BREAKING_ADMIN_STRINGS.hi.errors['text:empty']!],
        [{ text: 'क'.repeat(161) }, BREAKING_ADMIN_STRINGS.hi.errors['text:too-long']!],
        [{ text: 'क'.repeat(5000) }, BREAKING_ADMIN_STRINGS.hi.errors['text:too-long']!],
        [{ text: 'कुछ', expiresAt: '2023-03-21T17:00' }, BREAKING_ADMIN_STRINGS.hi.errors['expiresAt:past']!],
        [{ text: 'कुछ', expiresAt: 'kal subah' }, BREAKING_ADMIN_STRINGS.hi.errors.expiresAt!],
      ];
      for (const [fields, message] of cases) {
        const res = await form(editor, '/admin/breaking', fields);
        assert.equal(res.statusCode, 400, JSON.stringify(fields));
        assert.ok(res.body.includes(message), `${JSON.stringify(fields).slice(0, 60)}: ${message}`);
        assert.ok(/aria-invalid="true"/.test(res.body), '/aria-invalid="true"/');
      }
      const kept = await form(editor, '/admin/breaking', { text: 'टाइप की गई लाइन', link: 'data:text/html,x' });
      assert.ok(/value="टाइप की गई लाइन"/.test(kept.body), '/value="टाइप की गई लाइन"/');
      const arrays = await asActor(t.app, editor, { method: 'POST', url: '/admin/breaking', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': editor.csrf }, payload: `_csrf=${editor.csrf}&text=a&text=b` });
      assert.equal(arrays.statusCode, 400);
      assert.deepEqual(await t.services.breaking.stored(), before);
    });

    test('reporters may not set it; a post without the CSRF token is refused', async () => {
      const before = await t.services.breaking.stored();
      assert.equal((await form(reporter, '/admin/breaking', { text: 'नहीं' })).statusCode, 403);
      assert.equal((await form(reporter, '/admin/breaking/clear')).statusCode, 403);
      const noCsrf = await asActor(t.app, editor, { method: 'POST', url: '/admin/breaking', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'wrong' }, payload: '_csrf=wrong&text=x' });
      assert.equal(noCsrf.statusCode, 403);
      assert.deepEqual(await t.services.breaking.stored(), before);
    });

    test('a banner with expiry: gone from cached pages at its expiry, and clearing takes it down', async () => {
      await warm(['/', storyPath]);
      assert.ok(new RegExp(BANNER).test((await read('/')).body), 'new RegExp(BANNER)');
      // Before the expiry the job leaves it.
      assert.equal(await t.services.breaking.expireDue(new Date(TEST_NOW.getTime() + 59 * 60_000)), false);
      assert.equal((await read('/')).headers['x-cache'], 'HIT');
      t.setNow(new Date(TEST_NOW.getTime() + 3600_000));
      try {
        assert.equal(await t.services.breaking.expireDue(), true, 'the job removes it once');
        assert.equal(await t.services.breaking.expireDue(), false);
        for (const p of ['/', storyPath]) {
          const page = await read(p);
          assert.notEqual(page.headers['x-cache'], 'HIT');
          assert.ok(!/class="breaking"/.test(page.body), '/class="breaking"/');
        }
        // Without an expiry it stays until cleared.
        assert.equal((await form(editor, '/admin/breaking', { text: BANNER })).statusCode, 303);
        await warm(['/']);
        assert.ok(new RegExp(`<span>${BANNER}</span>`).test((await read('/')).body), 'the banner without a link');
        const cleared = await form(editor, '/admin/breaking/clear');
        assert.equal(cleared.statusCode, 303);
        assert.equal(cleared.headers.location, '/admin/breaking?cleared=1');
        assert.ok(!/class="breaking"/.test((await read('/')).body), '/class="breaking"/');
        assert.equal(await t.services.breaking.stored(), null);
      } finally {
        t.setNow(TEST_NOW);
      }
    });
  });
}
