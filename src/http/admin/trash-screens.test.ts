/**
 * Taking a story down, through HTTP, on every database: the trash takes it off every
 * public page at once (its own address answers a Hindi 410, and the home page, its
 * section, the feed, the search API and other stories' related lists drop it, cached or
 * not, and the purge reaches the CDN's feed of changes); restoring brings it back as a
 * draft; deleting for good leaves a tombstone (410 for ever); roles, CSRF and unknown ids
 * are refused with nothing changed; every step is in the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ArticleSummary, articlePath } from '../../domain/articles/article.ts';
import type { AuditEntry } from '../../domain/audit/audit.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';
import { TRASH_ADMIN_STRINGS } from '../../render/admin/trash-admin-strings.ts';

/** Every piece of text of one language's take-down catalogue (functions called with a marker, their fixed parts kept). */
function catalogueText(lang: 'hi' | 'en'): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') out.push(...String((v as (x: string) => unknown)('\u2063')).split('\u2063'));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(TRASH_ADMIN_STRINGS[lang]);
  // Only text that is clearly of that language: a Latin word of 3+ letters, or a Devanagari letter.
  const own = lang === 'en' ? /[A-Za-z]*[a-z][A-Za-z]{2,}/ : /[\u0900-\u097f]/;
  return out.map((x) => x.trim().replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')).filter((x) => x.length > 0 && own.test(x));
}

for (const dialect of DIALECTS) {
  describe(`trash and delete forever (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor;
    /** The story taken down, and another whose related stories list it. */
    let victim: ArticleSummary, neighbour: ArticleSummary;
    let path: string;
    const changes: string[][] = [];

    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const form = (who: Actor, url: string, fields: Record<string, string> = {}) =>
      asActor(t.app, who, {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
      });
    const audit = async (): Promise<AuditEntry[]> => {
      const res = await asActor(t.app, admin, { method: 'GET', url: '/admin/api/audit' });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: AuditEntry[] }).items;
    };
    /** A word of the headline that search finds it by. */
    const searchWord = () => victim.headline.split(/[\s:,-]+/).find((w) => [...w].length >= 4)!;
    const searchIds = async () => ((await get(`/api/search?q=${encodeURIComponent(searchWord())}&pageSize=50`)).json() as { items: { url: string }[] }).items.map((i) => i.url);

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      const now = t.services.now();
      const latest = await t.services.articles.latest(now, 40);
      // A story that another story lists among its related stories.
      for (const other of latest) {
        const related = await t.services.articles.related(now, other, 4);
        const hit = related.find((r) => r.id !== other.id);
        if (hit) {
          victim = hit;
          neighbour = other;
          break;
        }
      }
      assert.ok(victim, 'the demo has related stories');
      path = articlePath(victim);
      await t.services.articles.pin(victim.id, now);
      t.services.changes.subscribeLocal((c) => {
        if ('tags' in c) changes.push([...c.tags]);
      });
    });
    after(() => t.close());

    test('before: the story is on its page, the home page, its section, the feed, search and a related list (and cached)', async () => {
      assert.equal((await get(path)).statusCode, 200);
      for (const url of ['/', `/${victim.section.slug}`, '/feed', articlePath(neighbour)]) {
        await get(url);
        const res = await get(url);
        assert.equal(res.headers['x-cache'], 'HIT', url);
        assert.ok(res.body.includes(path), `${url} shows the story`);
      }
      assert.ok((await searchIds()).some((u) => u.endsWith(path)), 'search finds it');
    });

    test('a reporter may not trash or delete a published story; without CSRF nothing happens; unknown ids are 404', async () => {
      const byReporter = await asActor(t.app, reporter, { method: 'POST', url: `/admin/api/articles/${victim.id}/trash` });
      assert.equal(byReporter.statusCode, 403, byReporter.body);
      const formReporter = await form(reporter, `/admin/articles/${victim.id}/trash`);
      assert.equal(formReporter.statusCode, 403);
      const deleteReporter = await asActor(t.app, reporter, { method: 'DELETE', url: `/admin/api/articles/${victim.id}` });
      assert.equal(deleteReporter.statusCode, 403);
      const noCsrf = await t.app.inject({ method: 'POST', url: `/admin/articles/${victim.id}/trash`, headers: { cookie: editor.cookie, origin: 'http://localhost:80', host: 'localhost:80' } });
      assert.equal(noCsrf.statusCode, 403);
      const crossSite = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/articles/${victim.id}`, headers: { origin: 'https://evil.example' } });
      assert.equal(crossSite.statusCode, 403);
      assert.equal((await get(path)).statusCode, 200, 'still public');
      assert.equal((await t.services.trash.gone(victim.id)), null);
      for (const [method, url] of [
        ['POST', '/admin/api/articles/999999/trash'],
        ['POST', '/admin/api/trash/999999/restore'],
        ['DELETE', '/admin/api/articles/999999'],
        ['POST', '/admin/api/articles/abc/trash'],
      ] as const) {
        assert.equal((await asActor(t.app, editor, { method, url })).statusCode, 404, url);
      }
      assert.equal((await audit()).length, 0, 'nothing recorded');
    });

    test('move to trash: 410 in Hindi at once, gone from every page, feed, search and related list, purged for the CDN', async () => {
      changes.length = 0;
      const res = await form(editor, `/admin/articles/${victim.id}/trash`);
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/admin/trash?trashed=${victim.id}`);
      const page = await get(path);
      assert.equal(page.statusCode, 410);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.ok(page.body.includes('यह खबर हटा दी गई है'), 'the Hindi 410 page');
      assert.match(page.body, /<html[^>]*lang="hi"/);
      assert.equal(page.headers['cache-control'], 'no-store');
      for (const url of ['/', `/${victim.section.slug}`, '/feed', articlePath(neighbour)]) {
        const after = await get(url);
        assert.equal(after.statusCode, 200, url);
        assert.notEqual(after.headers['x-cache'], 'HIT', `${url} was purged`);
        assert.ok(!after.body.includes(path), `${url} no longer shows the story`);
      }
      assert.ok(!(await searchIds()).some((u) => u.endsWith(path)), 'search no longer finds it');
      const purged = changes.flat();
      for (const tag of [`article:${victim.id}`, `section:${victim.section.id}`, 'latest', 'home', 'search']) assert.ok(purged.includes(tag), `purged ${tag}`);
      assert.ok(!(await t.services.articles.pinnedForDesk()).some((a) => a.id === victim.id), 'unpinned from the home page');
      assert.equal(await t.services.trash.gone(victim.id), 'trashed');
      const again = await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${victim.id}/trash` });
      assert.equal(again.statusCode, 409, 'already in the trash');
    });

    test('the Trash screen lists it with who trashed it and when; the audit log has it', async () => {
      const screen = await asActor(t.app, editor, { method: 'GET', url: `/admin/trash?trashed=${victim.id}` });
      assert.equal(screen.statusCode, 200);
      assert.ok(screen.body.includes(victim.headline), 'headline listed');
      assert.ok(screen.body.includes(editor.user.name), 'who trashed it');
      assert.ok(screen.body.includes('ट्रैश में 1 खबर'), 'the count');
      assert.ok(screen.body.includes(`action="/admin/trash/${victim.id}/restore"`));
      assert.ok(screen.body.includes(`action="/admin/trash/${victim.id}/delete"`));
      const entries = await audit();
      assert.equal(entries[0]?.action, 'article.trash');
      assert.equal(entries[0]?.userId, editor.user.id);
      assert.equal(entries[0]?.subjectId, victim.id);
      assert.equal(entries[0]?.detail.status, 'published');
      const reporterScreen = await asActor(t.app, reporter, { method: 'GET', url: '/admin/trash' });
      assert.equal(reporterScreen.statusCode, 200);
      assert.ok(!reporterScreen.body.includes(victim.headline), 'a reporter sees only their own trashed stories');
    });

    test('restore brings it back as a draft: still not public (404) until published again', async () => {
      const res = await form(editor, `/admin/trash/${victim.id}/restore`);
      assert.equal(res.statusCode, 303);
      const article = await t.services.desk.get(admin.user, victim.id);
      assert.equal(article.status, 'draft');
      assert.equal((await get(path)).statusCode, 404);
      assert.equal(await t.services.trash.gone(victim.id), null);
      const republish = await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${victim.id}/transition`, json: { to: 'published' } });
      assert.equal(republish.statusCode, 200, republish.body);
      assert.equal((await get(path)).statusCode, 200, 'public again once published');
      assert.ok((await searchIds()).some((u) => u.endsWith(path)), 'and searchable again');
      assert.equal((await audit())[0]?.action, 'article.restore');
    });

    test('delete forever needs the confirmation box, then answers 410 for good with a tombstone', async () => {
      assert.equal((await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${victim.id}/trash` })).statusCode, 200);
      const unconfirmed = await form(editor, `/admin/trash/${victim.id}/delete`);
      assert.equal(unconfirmed.statusCode, 400);
      assert.equal(await t.services.trash.gone(victim.id), 'trashed', 'not deleted without confirmation');
      const res = await form(editor, `/admin/trash/${victim.id}/delete`, { confirm: '1' });
      assert.equal(res.statusCode, 303);
      assert.equal(await t.services.trash.gone(victim.id), 'deleted');
      const page = await get(path);
      assert.equal(page.statusCode, 410);
      assert.ok(page.body.includes('यह खबर हटा दी गई है'));
      assert.equal((await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${victim.id}` })).statusCode, 404);
      assert.equal((await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/articles/${victim.id}` })).statusCode, 404, 'gone already');
      assert.ok(!(await searchIds()).some((u) => u.endsWith(path)));
      assert.ok(!(await get('/feed')).body.includes(path));
      // Its photos stay in the library.
      if (victim.hero) assert.ok(await t.services.media.findById(victim.hero.id), 'its photo is unaffected');
      const entries = await audit();
      assert.deepEqual(entries.slice(0, 3).map((e) => e.action), ['article.delete', 'article.trash', 'article.restore']);
      assert.equal(entries[0]?.detail.headline, victim.headline);
    });

    test('a published story can be deleted straight away (a legal takedown), by an editor', async () => {
      const now = t.services.now();
      const story = (await t.services.articles.latest(now, 1))[0]!;
      const res = await asActor(t.app, editor, { method: 'DELETE', url: `/admin/api/articles/${story.id}` });
      assert.equal(res.statusCode, 204);
      assert.equal((await get(articlePath(story))).statusCode, 410);
      assert.ok(!(await get('/')).body.includes(articlePath(story)));
    });

    test('a reporter may trash and restore their own draft, but not delete it for good; others may not touch it', async () => {
      const [section] = await t.services.sections.list();
      const created = await asActor(t.app, reporter, { method: 'POST', url: '/admin/api/articles', json: { sectionId: section!.id, headline: 'छोड़ा गया ड्राफ्ट' } });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { article: { id: number } }).article.id;
      const other = await actor(t.services, 'reporter');
      assert.equal((await asActor(t.app, other, { method: 'POST', url: `/admin/api/articles/${id}/trash` })).statusCode, 403);
      assert.equal((await asActor(t.app, reporter, { method: 'POST', url: `/admin/api/articles/${id}/trash` })).statusCode, 200);
      const own = await asActor(t.app, reporter, { method: 'GET', url: '/admin/trash' });
      assert.ok(own.body.includes('छोड़ा गया ड्राफ्ट'), 'their own trashed draft is on their Trash');
      assert.ok(!own.body.includes(`action="/admin/trash/${id}/delete"`), 'no delete forever for a reporter');
      assert.equal((await asActor(t.app, reporter, { method: 'DELETE', url: `/admin/api/articles/${id}` })).statusCode, 403);
      assert.equal(await t.services.trash.gone(id), 'trashed');
      assert.equal((await asActor(t.app, reporter, { method: 'POST', url: `/admin/api/trash/${id}/restore` })).statusCode, 200);
      assert.equal((await t.services.desk.get(reporter.user, id)).status, 'draft');
    });

    test('the take-down screens are in the user’s language only (Hindi and English)', async () => {
      const other = await actor(t.services, 'admin');
      for (const lang of ['hi', 'en'] as const) {
        await t.services.users.setLocale(other.user.id, lang);
        const foreign = catalogueText(lang === 'hi' ? 'en' : 'hi');
        const own = catalogueText(lang);
        for (const url of ['/admin/trash', '/admin/audit', `/admin/articles/${(await t.services.articles.latest(t.services.now(), 1))[0]!.id}/edit`]) {
          const res = await asActor(t.app, other, { method: 'GET', url });
          assert.equal(res.statusCode, 200, url);
          // What a reader of the screen sees: no scripts' data, no markup.
          const text = res.body.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ');
          for (const phrase of foreign) assert.ok(!text.includes(phrase), `${lang} ${url} shows "${phrase}"`);
          assert.ok(own.some((phrase) => text.includes(phrase)), `${lang} ${url} shows its own language`);
        }
      }
    });

    test('the audit log is for admins only, newest first and paginated', async () => {
      assert.equal((await asActor(t.app, editor, { method: 'GET', url: '/admin/audit' })).statusCode, 403);
      assert.equal((await asActor(t.app, editor, { method: 'GET', url: '/admin/api/audit' })).statusCode, 403);
      const screen = await asActor(t.app, admin, { method: 'GET', url: '/admin/audit' });
      assert.equal(screen.statusCode, 200);
      assert.ok(screen.body.includes('खबर हमेशा के लिए हटाई'));
      assert.ok(screen.body.includes(victim.headline));
      const entries = await audit();
      const times = entries.map((e) => new Date(e.at).getTime());
      assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
      assert.equal((await asActor(t.app, admin, { method: 'GET', url: '/admin/audit?page=99' })).statusCode, 404);
    });
  });
}
