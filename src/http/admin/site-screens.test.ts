/**
 * The newsroom's site screens over HTTP, on every database: each screen opens for a
 * role that may use it and answers 403 (changing nothing) for one that may not; each
 * kind of edit shows on the public site on the next request; a form with a mistake
 * comes back 400 with the field's message and what was typed, and nothing is saved.
 * Forms are posted as a browser posts them: urlencoded, with the `_csrf` field.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, type ArticleSummary } from '../../domain/articles/article.ts';
import { SITE_ADMIN_STRINGS } from '../../render/admin/site-admin-strings.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const E = SITE_ADMIN_STRINGS.hi.errors;

/** Text as Preact writes it into HTML. */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML from `start` (a tag's opening text) to the end of that element (`</tag>`). */
function part(html: string, start: string, tag: string): string {
  const i = html.indexOf(start);
  assert.ok(i >= 0, `${start} not in page`);
  const j = html.indexOf(`</${tag}>`, i);
  return html.slice(i, j);
}

const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);

for (const dialect of DIALECTS) {
  describe(`newsroom site screens (${dialect})`, () => {
    let t: TestApp;
    let admin: Actor, editor: Actor, reporter: Actor;
    let stories: ArticleSummary[];

    before(async () => {
      t = await openDemoApp(dialect);
      [admin, editor, reporter] = await Promise.all([actor(t.services, 'admin'), actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      stories = await t.services.articles.latest(t.services.now(), 12);
    });
    after(() => t.close());

    /** A form post as the browser sends it: cookie, same origin, `_csrf` in the body. */
    const post = (who: Actor, url: string, fields: Record<string, string> | [string, string][]) => {
      const params = new URLSearchParams(fields);
      params.set('_csrf', who.csrf);
      return t.app.inject({
        method: 'POST',
        url,
        headers: { cookie: who.cookie, origin: 'http://localhost:80', host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      });
    };
    const get = (who: Actor, url: string) => asActor(t.app, who, { method: 'GET', url });
    const site = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res.body;
    };
    const redirected = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, location?: string) => {
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      if (location) assert.equal(res.headers.location, location);
    };
    const invalid = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, message: string) => {
      assert.equal(res.statusCode, 400, res.body.slice(0, 500));
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.ok(res.body.includes(`class="field-error">${esc(message)}<`) || res.body.includes(`>${esc(message)}</`), `message "${message}" shown`);
    };

    test('each screen opens for a role that may use it, and the navigation offers it', async () => {
      const screens: [Actor, string][] = [
        [editor, '/admin/sections'],
        [editor, '/admin/tags'],
        [editor, '/admin/authors'],
        [editor, '/admin/authors/new'],
        [editor, '/admin/home'],
        [editor, '/admin/widgets'],
        [editor, '/admin/widgets/covid'],
        [admin, '/admin/settings'],
      ];
      for (const [who, url] of screens) {
        const res = await get(who, url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.ok(res.body.includes(`name="_csrf" value="${who.csrf}"`), `${url} forms carry the CSRF token`);
      }
      const nav = part((await get(editor, '/admin')).body, '<nav class="admin-nav"', 'nav');
      for (const href of ['/admin/home', '/admin/sections', '/admin/tags', '/admin/authors', '/admin/widgets']) assert.ok(nav.includes(`href="${href}"`), href);
      assert.ok(!nav.includes('/admin/settings'), 'editors are not offered settings');
      const reporterNav = part((await get(reporter, '/admin')).body, '<nav class="admin-nav"', 'nav');
      assert.ok(!reporterNav.includes('/admin/sections') && !reporterNav.includes('/admin/home'));
    });

    test('an editor who chose English gets the screens and messages in English', async () => {
      await t.services.users.setLocale(editor.user.id, 'en');
      try {
        const page = await get(editor, '/admin/sections');
        assert.ok(page.body.includes(SITE_ADMIN_STRINGS.en.newSection));
        const res = await post(editor, '/admin/sections', { name: '', nameLatin: 'X', slug: 'x', description: '' });
        invalid(res, SITE_ADMIN_STRINGS.en.errors.name!);
      } finally {
        await t.services.users.setLocale(editor.user.id, 'hi');
      }
    });

    test('403 for a role without the permission, on every screen and form, and nothing changes', async () => {
      const [section] = await t.services.sections.list();
      const { items: [tag] } = await t.services.tags.list('', 1, 1);
      const [author] = await t.services.authors.listFull();
      const before = {
        sections: await t.services.sections.list(),
        tag: await t.services.tags.findById(tag!.id),
        authors: await t.services.authors.listFull(),
        pinned: await t.services.articles.pinnedForDesk(),
        widget: await t.services.widgets.find('covid'),
        settings: await t.services.settings.get(),
      };
      const gets: [Actor, string][] = [
        [reporter, '/admin/sections'],
        [reporter, `/admin/sections/${section!.id}/edit`],
        [reporter, '/admin/tags'],
        [reporter, `/admin/tags/${tag!.id}/edit`],
        [reporter, '/admin/authors'],
        [reporter, `/admin/authors/${author!.id}/edit`],
        [reporter, '/admin/home'],
        [reporter, '/admin/widgets'],
        [reporter, '/admin/widgets/covid'],
        [editor, '/admin/settings'],
      ];
      for (const [who, url] of gets) assert.equal((await get(who, url)).statusCode, 403, `GET ${url} as ${who.user.role}`);
      const posts: [Actor, string, Record<string, string>][] = [
        [reporter, '/admin/sections', { name: 'नया', nameLatin: 'New', slug: 'naya' }],
        [reporter, `/admin/sections/${section!.id}`, { name: 'बदला', nameLatin: 'Changed', slug: section!.slug, description: '' }],
        [reporter, `/admin/sections/${section!.id}/move`, { direction: 'down' }],
        [reporter, `/admin/tags/${tag!.id}`, { name: 'बदला टैग' }],
        [reporter, '/admin/authors', { name: 'नया लेखक', nameLatin: 'New Author', bio: '', photoMediaId: '' }],
        [reporter, `/admin/authors/${author!.id}`, { name: 'बदला', nameLatin: 'Changed', bio: '', photoMediaId: '' }],
        [reporter, '/admin/home/pins', { articleId: String(stories[3]!.id) }],
        [reporter, '/admin/home/updates', { updatesMode: 'manual', updatesIds: String(stories[3]!.id) }],
        [reporter, '/admin/widgets/covid', { title: 'बदला', 'label.0': 'क', 'value.0': '1', source: '', asOf: '2023-03-21T09:00' }],
        [editor, '/admin/settings', { siteName: 'बदला', siteNameLatin: 'Changed', tagline: '', readerLanguage: 'hi', sidebarWidget: '' }],
      ];
      for (const [who, url, fields] of posts) assert.equal((await post(who, url, fields)).statusCode, 403, `POST ${url} as ${who.user.role}`);
      assert.deepEqual(
        {
          sections: await t.services.sections.list(),
          tag: await t.services.tags.findById(tag!.id),
          authors: await t.services.authors.listFull(),
          pinned: await t.services.articles.pinnedForDesk(),
          widget: await t.services.widgets.find('covid'),
          settings: await t.services.settings.get(),
        },
        before,
      );
    });

    test('a form without the CSRF token, or from another origin, is refused', async () => {
      const [section] = await t.services.sections.list();
      const noToken = await t.app.inject({
        method: 'POST',
        url: `/admin/sections/${section!.id}/move`,
        headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'direction=down',
      });
      assert.equal(noToken.statusCode, 403);
      const crossOrigin = await t.app.inject({
        method: 'POST',
        url: `/admin/sections/${section!.id}/move`,
        headers: { cookie: editor.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: `direction=down&_csrf=${editor.csrf}`,
      });
      assert.equal(crossOrigin.statusCode, 403);
      assert.equal((await t.services.sections.list())[0]!.id, section!.id);
    });

    // ── Sections ──────────────────────────────────────────────────────────────

    test('sections: rename, create and reorder show in the site navigation', async () => {
      const [first, second] = await t.services.sections.list();
      const rename = await post(editor, `/admin/sections/${first!.id}`, { name: 'अपना देश', nameLatin: 'Our Country', slug: first!.slug, description: 'देश की खबरें' });
      redirected(rename, '/admin/sections?saved=1');
      let nav = part(await site('/'), '<nav class="site-nav"', 'nav');
      assert.ok(nav.includes('अपना देश'), 'renamed section in the home nav');

      redirected(await post(editor, '/admin/sections', { name: 'शिक्षा', nameLatin: 'Education', slug: 'shiksha', description: '' }));
      nav = part(await site('/'), '<nav class="site-nav"', 'nav');
      const navLinks = hrefs(nav);
      assert.equal(navLinks.at(-1), '/shiksha', 'a new section goes to the end of the menu');
      assert.ok((await site('/shiksha')).includes('शिक्षा'));

      redirected(await post(editor, `/admin/sections/${second!.id}/move`, { direction: 'up' }), '/admin/sections');
      const order = hrefs(part(await site('/'), '<nav class="site-nav"', 'nav')).filter((h) => h !== '/');
      assert.equal(order[0], `/${second!.slug}`);
      assert.equal(order[1], `/${first!.slug}`);
      // Moving the first one up changes nothing.
      redirected(await post(editor, `/admin/sections/${second!.id}/move`, { direction: 'up' }));
      assert.equal((await t.services.sections.list())[0]!.id, second!.id);
      redirected(await post(editor, `/admin/sections/${second!.id}/move`, { direction: 'down' }));
      assert.equal((await t.services.sections.list())[0]!.id, first!.id);
    });

    test('sections: a new slug moves the section page', async () => {
      const section = (await t.services.sections.findBySlug('shiksha'))!;
      redirected(await post(editor, `/admin/sections/${section.id}`, { name: 'शिक्षा', nameLatin: 'Education', slug: 'padhai', description: '' }));
      assert.equal((await t.app.inject({ method: 'GET', url: '/shiksha' })).statusCode, 404);
      assert.ok((await site('/padhai')).includes('शिक्षा'));
    });

    test('sections: empty name, bad, reserved and taken slugs → 400 with the message and the typed values; nothing saved', async () => {
      const before = await t.services.sections.list();
      const [first, second] = before;
      const cases: [string, Record<string, string>, string][] = [
        ['/admin/sections', { name: '  ', nameLatin: 'Typed Latin', slug: 'typed-slug', description: 'typed description' }, E.name!],
        ['/admin/sections', { name: 'नया', nameLatin: 'New', slug: 'Bad Slug!', description: '' }, E.slug!],
        ['/admin/sections', { name: 'नया', nameLatin: 'New', slug: 'admin', description: '' }, E['slug:reserved']!],
        ['/admin/sections', { name: 'नया', nameLatin: 'New', slug: 'tag', description: '' }, E['slug:reserved']!],
        ['/admin/sections', { name: 'नया', nameLatin: 'New', slug: first!.slug, description: '' }, E['slug:taken']!],
        ['/admin/sections', { name: 'नया', nameLatin: '', slug: 'naya', description: '' }, E.nameLatin!],
        [`/admin/sections/${second!.id}`, { name: second!.name, nameLatin: second!.nameLatin, slug: first!.slug, description: '' }, E['slug:taken']!],
        [`/admin/sections/${second!.id}`, { name: '', nameLatin: 'Kept Latin', slug: second!.slug, description: '' }, E.name!],
      ];
      for (const [url, fields, message] of cases) {
        const res = await post(editor, url, fields);
        invalid(res, message);
        for (const v of Object.values(fields)) if (v.trim()) assert.ok(res.body.includes(esc(v)), `typed "${v}" kept`);
      }
      assert.deepEqual(await t.services.sections.list(), before);
    });

    // ── Tags ──────────────────────────────────────────────────────────────────

    test('tags: list with counts and search; a rename shows on the tag page at the same address', async () => {
      const { items } = await t.services.tags.list('', 1, 500);
      const tag = items.reduce((a, b) => (b.articleCount > a.articleCount ? b : a));
      assert.ok(tag.articleCount > 0);
      const list = await get(editor, '/admin/tags');
      assert.equal(list.statusCode, 200);
      const search = await get(editor, `/admin/tags?q=${encodeURIComponent(tag.name)}`);
      assert.equal(search.statusCode, 200);
      const row = part(search.body, `<td>${esc(tag.name)}</td>`, 'tr');
      assert.ok(row.includes(`<td class="num">${tag.articleCount}</td>`), 'the count is shown');
      const bySlug = await get(editor, `/admin/tags?q=${encodeURIComponent(tag.slug)}`);
      assert.ok(bySlug.body.includes(`/tag/${tag.slug}`));
      const none = await get(editor, `/admin/tags?q=${encodeURIComponent('%_')}`);
      assert.ok(!none.body.includes('<td class="num">'), 'wildcards are matched literally');

      const res = await post(editor, `/admin/tags/${tag.id}`, { name: '  नया   नाम  ' });
      redirected(res);
      const page = await site(`/tag/${tag.slug}`);
      assert.ok(page.includes('#नया नाम'), 'renamed tag on its page, same slug');
      assert.equal((await t.services.tags.findById(tag.id))!.slug, tag.slug);
    });

    test('tags: an empty name or one another tag has → 400; nothing saved', async () => {
      const { items } = await t.services.tags.list('', 1, 2);
      const [a, b] = items;
      invalid(await post(editor, `/admin/tags/${a!.id}`, { name: ' ' }), E.name!);
      const taken = await post(editor, `/admin/tags/${a!.id}`, { name: b!.name });
      invalid(taken, E['name:taken']!);
      assert.ok(taken.body.includes(`value="${esc(b!.name)}"`));
      assert.equal((await t.services.tags.findById(a!.id))!.name, a!.name);
      assert.equal((await get(editor, '/admin/tags/999999/edit')).statusCode, 404);
    });

    // ── Authors ───────────────────────────────────────────────────────────────

    test('authors: create with a library photo, then edit; the author page shows it', async () => {
      const { items: photos } = await t.services.media.search('', 1, 5);
      assert.ok(photos.length > 0, 'the demo library has photos');
      const form = await get(editor, '/admin/authors/new');
      assert.ok(form.body.includes(`<option value="${photos[0]!.id}"`), 'recent photos are offered');
      const res = await post(editor, '/admin/authors', { name: 'सीमा वर्मा', nameLatin: 'Seema Verma', bio: 'विदेश मामलों की संवाददाता।', photoMediaId: String(photos[0]!.id) });
      redirected(res, '/admin/authors?saved=1');
      const author = (await t.services.authors.findBySlug('seema-verma'))!;
      assert.equal(author.photo?.id, photos[0]!.id);
      assert.ok((await site('/author/seema-verma')).includes('विदेश मामलों की संवाददाता।'));
      // A second author with the same Latin name gets a slug of its own.
      redirected(await post(editor, '/admin/authors', { name: 'सीमा वर्मा', nameLatin: 'Seema Verma', bio: '', photoMediaId: '' }));
      assert.ok(await t.services.authors.findBySlug('seema-verma-2'));

      redirected(await post(editor, `/admin/authors/${author.id}`, { name: 'सीमा वर्मा शर्मा', nameLatin: 'Seema Verma Sharma', bio: 'नया परिचय', photoMediaId: '' }));
      const page = await site('/author/seema-verma');
      assert.ok(page.includes('सीमा वर्मा शर्मा') && page.includes('नया परिचय'), 'same address, new name and bio');
      assert.equal((await t.services.authors.get(author.id))!.photo, null);
    });

    test('authors: empty name, a photo not in the library → 400; nothing saved', async () => {
      const before = await t.services.authors.listFull();
      const [author] = before;
      const empty = await post(editor, '/admin/authors', { name: '', nameLatin: 'Typed Name', bio: 'typed bio', photoMediaId: '' });
      invalid(empty, E.name!);
      assert.ok(empty.body.includes('value="Typed Name"') && empty.body.includes('typed bio'));
      invalid(await post(editor, `/admin/authors/${author!.id}`, { name: 'क', nameLatin: 'K', bio: '', photoMediaId: '999999' }), E.photoMediaId!);
      invalid(await post(editor, `/admin/authors/${author!.id}`, { name: 'क', nameLatin: 'K', bio: '', photoMediaId: 'abc' }), E.photoMediaId!);
      invalid(await post(editor, `/admin/authors/${author!.id}`, { name: 'क', nameLatin: 'K', bio: 'x'.repeat(1001), photoMediaId: '' }), E.bio!);
      assert.deepEqual(await t.services.authors.listFull(), before);
    });

    // ── Home page ─────────────────────────────────────────────────────────────

    const leadHref = async () => hrefs(part(await site('/'), '<article class="card card-lead"', 'article')).find((h) => /[-/][0-9]+$/.test(h));
    const topHrefs = async () => hrefs(part(await site('/'), '<div class="top-list"', 'section')).filter((h) => /[-/][0-9]+$/.test(h));

    test('home: with nothing pinned, the lead is the newest story with a photo', async () => {
      const newestWithPhoto = stories.find((s) => s.hero !== null)!;
      assert.equal(await leadHref(), articlePath(newestWithPhoto));
    });

    test('home: a pinned story is the lead on the next request; order, move and remove', async () => {
      const a = stories[5]!;
      const b = stories[8]!;
      redirected(await post(editor, '/admin/home/pins', { articleId: String(a.id) }), '/admin/home?saved=1');
      assert.equal(await leadHref(), articlePath(a));
      redirected(await post(editor, '/admin/home/pins', { articleId: ` #${b.id} ` }));
      let top = await topHrefs();
      assert.equal(top[0], articlePath(b), 'the second pin is the first top story');
      assert.ok(!top.includes(articlePath(a)), 'the lead is not repeated');
      // Pinning again changes nothing.
      redirected(await post(editor, '/admin/home/pins', { articleId: String(a.id) }));
      assert.deepEqual((await t.services.articles.pinnedForDesk()).map((s) => s.id), [a.id, b.id]);

      redirected(await post(editor, `/admin/home/pins/${b.id}/move`, { direction: 'up' }));
      assert.equal(await leadHref(), articlePath(b));
      top = await topHrefs();
      assert.equal(top[0], articlePath(a));
      const screen = await get(editor, '/admin/home');
      assert.ok(part(screen.body, '<ol class="pinned-list"', 'ol').indexOf(`/admin/articles/${b.id}/edit`) < part(screen.body, '<ol class="pinned-list"', 'ol').indexOf(`/admin/articles/${a.id}/edit`));

      redirected(await post(editor, `/admin/home/pins/${b.id}/remove`, {}));
      assert.equal(await leadHref(), articlePath(a));
      redirected(await post(editor, `/admin/home/pins/${a.id}/remove`, {}));
      assert.equal(await leadHref(), articlePath(stories.find((s) => s.hero !== null)!), 'back to the newest story with a photo');
      assert.equal((await post(editor, `/admin/home/pins/${a.id}/remove`, {})).statusCode, 404);
    });

    test('home: an unknown id, text, or a draft cannot be pinned → 400; nothing pinned', async () => {
      const [section] = await t.services.sections.list();
      const draft = await t.services.desk.createDraft(editor.user, { sectionId: section!.id });
      const cases: [string, string][] = [
        ['999999', E['articleId:not-found']!],
        ['abc', E.articleId!],
        ['', E.articleId!],
        ['12.5', E.articleId!],
        [String(draft), E['articleId:not-public']!],
      ];
      for (const [articleId, message] of cases) {
        const res = await post(editor, '/admin/home/pins', { articleId });
        invalid(res, message);
        if (articleId) assert.ok(res.body.includes(`value="${esc(articleId)}"`), 'typed id kept');
      }
      assert.deepEqual(await t.services.articles.pinnedForDesk(), []);
    });

    test('home: at most seven pinned stories', async () => {
      for (const s of stories.slice(0, 7)) redirected(await post(editor, '/admin/home/pins', { articleId: String(s.id) }));
      invalid(await post(editor, '/admin/home/pins', { articleId: String(stories[7]!.id) }), E['articleId:too-many']!);
      assert.equal((await t.services.articles.pinnedForDesk()).length, 7);
      for (const s of stories.slice(0, 7)) redirected(await post(editor, `/admin/home/pins/${s.id}/remove`, {}));
    });

    const updatesHrefs = async (url: string) => hrefs(part(await site(url), '<section class="box updates"', 'section'));

    test('home: a manual Updates list shows on every page, in its order, only stories public now', async () => {
      const latestUpdates = await updatesHrefs('/');
      assert.deepEqual(latestUpdates, stories.slice(0, latestUpdates.length).map(articlePath), 'default: the newest stories');
      const [section] = await t.services.sections.list();
      const draft = await t.services.desk.createDraft(editor.user, { sectionId: section!.id });
      const chosen = [stories[9]!, stories[2]!, stories[6]!];
      const res = await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: `${chosen[0]!.id}, ${draft} ${chosen[1]!.id},${chosen[2]!.id}` });
      redirected(res, '/admin/home?saved=1');
      assert.deepEqual(await updatesHrefs('/'), chosen.map(articlePath), 'in order, the draft left out');
      const articleUrl = articlePath(chosen[1]!);
      assert.deepEqual(await updatesHrefs(articleUrl), [chosen[0]!, chosen[2]!].map(articlePath), 'an article page leaves itself out');
      const screen = await get(editor, '/admin/home');
      assert.ok(screen.body.includes(`value="${chosen[0]!.id}, ${draft}, ${chosen[1]!.id}, ${chosen[2]!.id}"`));

      const before = await t.services.settings.get();
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: `${chosen[0]!.id}, 999999` }), E['updatesIds:not-found']!);
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: 'abc, 12' }), E.updatesIds!);
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: '' }), E['updatesIds:empty']!);
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: `${chosen[0]!.id}, ${chosen[0]!.id}` }), E['updatesIds:duplicate']!);
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'manual', updatesIds: stories.slice(0, 11).map((s) => s.id).join(',') }), E.updatesIds!);
      invalid(await post(editor, '/admin/home/updates', { updatesMode: 'random', updatesIds: '' }), E.updatesMode!);
      assert.deepEqual(await t.services.settings.get(), before);

      redirected(await post(editor, '/admin/home/updates', { updatesMode: 'latest', updatesIds: '' }));
      assert.deepEqual(await updatesHrefs('/'), latestUpdates);
    });

    // ── Widgets ───────────────────────────────────────────────────────────────

    const figuresBox = async () => part(await site(articlePath(stories[0]!)), '<section class="box figures"', 'section');

    test('widgets: new figures, typed with Indian grouping, show in the article page’s box', async () => {
      const res = await post(editor, '/admin/widgets/covid', {
        title: 'COVID-19 CASES',
        'label.0': 'कुल मामले',
        'value.0': '4,46,99,999',
        'delta.0': '+1,280',
        'label.1': 'सक्रिय मामले',
        'value.1': '7605',
        'delta.1': '',
        'remove.1': '1',
        'label.2': 'मौतें',
        'value.2': '५,३०,८१८',
        'delta.2': '−2',
        'label.3': '',
        'value.3': '',
        'delta.3': '',
        source: 'स्वास्थ्य मंत्रालय, भारत सरकार',
        asOf: '2023-03-21T09:30',
      });
      redirected(res, '/admin/widgets/covid?saved=1');
      const box = await figuresBox();
      assert.ok(box.includes('<data value="44699999">4,46,99,999</data>'), box);
      assert.ok(box.includes('+1,280'));
      assert.ok(!box.includes('सक्रिय मामले'), 'the removed row is gone');
      assert.ok(box.includes('<data value="530818">5,30,818</data>'), 'Devanagari digits read');
      assert.ok(box.includes('−2'));
      assert.ok(box.includes('स्वास्थ्य मंत्रालय, भारत सरकार'));
      assert.ok(box.includes('datetime="2023-03-21T09:30:00+05:30"'), 'the time was read as IST');
      assert.ok(box.includes('March 21, 2023, 9:30 AM IST'));
      const widget = (await t.services.widgets.find('covid'))!;
      assert.ok(widget.box.kind === 'figures');
      assert.equal(widget.box.rows.length, 2);
      assert.equal(widget.box.rows[1]!.delta, -2);
    });

    test('widgets: not a number, too many rows, empty title, bad time → 400 by the field; nothing saved', async () => {
      const before = await t.services.widgets.find('covid');
      const base = { title: 'COVID-19 CASES', 'label.0': 'कुल मामले', 'value.0': '44699418', source: '', asOf: '2023-03-21T08:00' };
      const notNumber = await post(editor, '/admin/widgets/covid', { ...base, 'label.1': 'सक्रिय', 'value.1': 'सात हज़ार' });
      invalid(notNumber, E.value!);
      assert.ok(notNumber.body.includes('id="f-value-1-error"'), 'the message is beside row 2’s value');
      assert.ok(notNumber.body.includes('value="सात हज़ार"'), 'what was typed is kept');
      invalid(await post(editor, '/admin/widgets/covid', { ...base, 'value.0': '4,4699,418' }), E.value!);
      invalid(await post(editor, '/admin/widgets/covid', { ...base, 'delta.0': '12abc' }), E.delta!);
      const many: Record<string, string> = { ...base };
      for (let i = 0; i < 21; i++) Object.assign(many, { [`label.${i}`]: `पंक्ति ${i}`, [`value.${i}`]: String(i) });
      invalid(await post(editor, '/admin/widgets/covid', many), E['rows:too-many']!);
      invalid(await post(editor, '/admin/widgets/covid', { ...base, title: '' }), E.title!);
      invalid(await post(editor, '/admin/widgets/covid', { ...base, asOf: '2023-02-30T08:00' }), E.asOf!);
      invalid(await post(editor, '/admin/widgets/covid', { ...base, 'label.0': '', 'value.0': '' }), E['rows:empty']!);
      invalid(await post(editor, '/admin/widgets/covid', { ...base, 'label.0': '', 'value.0': '5' }), E.label!);
      assert.deepEqual(await t.services.widgets.find('covid'), before);
    });

    test('widgets: "add more rows" keeps what was typed and saves nothing; a new key makes a new widget', async () => {
      const before = await t.services.widgets.find('covid');
      const more = await post(editor, '/admin/widgets/covid', { op: 'add-rows', title: 'बदला शीर्षक', 'label.0': 'क', 'value.0': '1', source: '', asOf: '2023-03-21T08:00' });
      assert.equal(more.statusCode, 200);
      assert.ok(more.body.includes('value="बदला शीर्षक"') && more.body.includes('name="label.6"'));
      assert.deepEqual(await t.services.widgets.find('covid'), before);

      const open = await get(editor, '/admin/widgets?key=chunav-2024');
      redirected(open, '/admin/widgets/chunav-2024');
      assert.equal((await get(editor, '/admin/widgets/chunav-2024')).statusCode, 200);
      assert.equal((await get(editor, '/admin/widgets?key=Bad%20Key')).statusCode, 400);
      assert.equal((await get(editor, '/admin/widgets/Bad%20Key')).statusCode, 404);
      redirected(await post(editor, '/admin/widgets/chunav-2024', { title: 'चुनाव 2024', 'label.0': 'भाजपा', 'value.0': '240', source: '', asOf: '2024-06-04T20:00' }));
      const chunav = (await t.services.widgets.find('chunav-2024'))!.box;
      assert.ok(chunav.kind === 'figures');
      assert.equal(chunav.rows[0]!.value, 240);
    });

    // ── Settings ──────────────────────────────────────────────────────────────

    test('settings: the reader language, digits, site name and sidebar widget show on the site', async () => {
      const page = articlePath(stories[0]!);
      assert.ok((await site(page)).includes('March 21, 2023'));
      const fields = { siteName: 'नया समाचार', siteNameLatin: 'Naya Samachar', tagline: 'ताज़ा खबरें', readerLanguage: 'hi', sidebarWidget: 'chunav-2024', commentsEnabled: '1' };
      redirected(await post(admin, '/admin/settings', fields), '/admin/settings?saved=1');
      const html = await site(page);
      assert.ok(html.includes('21 मार्च 2023'), 'Hindi dates');
      assert.ok(html.includes('>अपडेट्स</h2>') && html.includes('अपनी टिप्पणी लिखें'), 'Hindi labels and comment form');
      redirected(await post(admin, '/admin/settings', { ...fields, devanagariDigits: '1' }));
      assert.ok((await site(page)).includes('२१ मार्च २०२३'), 'Devanagari digits');
      assert.equal((await t.services.settings.get()).devanagariDigits, true);
      assert.ok(html.includes('नया समाचार'));
      assert.ok(part(html, '<section class="box figures"', 'section').includes('चुनाव 2024'), 'the chosen widget is in the sidebar');
      const settings = await t.services.settings.get();
      assert.equal(settings.commentsEnabled, true);
      assert.equal(settings.reportersCanPublish, false);
      const screen = await get(admin, '/admin/settings?saved=1');
      assert.ok(screen.body.includes(SITE_ADMIN_STRINGS.hi.saved));

      const { commentsEnabled: _unticked, ...rest } = fields;
      redirected(await post(admin, '/admin/settings', { ...rest, readerLanguage: 'en', sidebarWidget: 'covid', reportersCanPublish: '1' }));
      const english = await site(page);
      assert.ok(english.includes('March 21, 2023') && english.includes('>Updates</h2>'), 'the reference page’s English labels again');
      assert.equal((await t.services.settings.get()).devanagariDigits, false, 'an unticked box turns it off');
      assert.equal((await t.services.settings.get()).reportersCanPublish, true);
      assert.equal((await t.services.settings.get()).commentsEnabled, false, 'an unticked box turns it off');
    });

    test('settings: empty name, unknown reader language or widget → 400; nothing saved', async () => {
      const before = await t.services.settings.get();
      const base = { siteName: 'समाचार', siteNameLatin: 'Samachar', tagline: '', readerLanguage: 'en', sidebarWidget: 'covid' };
      const empty = await post(admin, '/admin/settings', { ...base, siteName: ' ', tagline: 'typed tagline' });
      invalid(empty, E.siteName!);
      assert.ok(empty.body.includes('value="typed tagline"'));
      invalid(await post(admin, '/admin/settings', { ...base, readerLanguage: 'fr' }), E.readerLanguage!);
      invalid(await post(admin, '/admin/settings', { ...base, sidebarWidget: 'no-such-widget' }), E['sidebarWidget:not-found']!);
      invalid(await post(admin, '/admin/settings', { ...base, tagline: 'x'.repeat(121) }), E.tagline!);
      assert.deepEqual(await t.services.settings.get(), before);
    });
  });
}
