/**
 * A published story changes only on an explicit Update (issue 10): autosaves and saves of
 * a live story go to its pending version, and every public page stays byte-identical until
 * someone allowed to publish presses Update. Also: conflicts between two editors, the
 * working copy and its checkpoints, presence, and previews (staff and shared links).
 * Through HTTP, on every database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath, type EditableArticle } from '../../domain/articles/article.ts';
import { maskSecrets } from '../../app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { type Actor, actor, asActor } from '../../../test/helpers/newsroom.ts';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ text }] });

for (const dialect of DIALECTS) {
  describe(`pending versions, conflicts and previews (${dialect})`, () => {
    let t: TestApp;
    let editor: Actor, editor2: Actor, reporter: Actor;
    let sectionId: number;

    before(async () => {
      t = await openDemoApp(dialect);
      [editor, editor2, reporter] = await Promise.all([actor(t.services, 'editor'), actor(t.services, 'editor'), actor(t.services, 'reporter')]);
      sectionId = (await t.services.sections.list())[0]!.id;
    });
    after(() => t.close());

    const anon = (url: string) => t.app.inject({ method: 'GET', url });
    const getArticle = async (who: Actor, id: number) => ((await asActor(t.app, who, { method: 'GET', url: `/admin/api/articles/${id}` })).json() as { article: EditableArticle }).article;
    const put = (who: Actor, id: number, json: Record<string, unknown>) => asActor(t.app, who, { method: 'PUT', url: `/admin/api/articles/${id}`, json });
    const post = (who: Actor, url: string, json: unknown = {}) => asActor(t.app, who, { method: 'POST', url, json });

    /** A new published story by `who` (published by an editor), with a tag of its own. */
    const publishedStory = async (who: Actor, headline: string): Promise<{ id: number; path: string }> => {
      const created = await post(who, '/admin/api/articles', { sectionId, headline });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { article: EditableArticle }).article.id;
      const saved = await put(who, id, { dek: `${headline}: सार`, tagNames: [`टैग ${id}`], body: { version: 1, blocks: [paragraph('पहला संस्करण, जो पाठक पढ़ते हैं।')] } });
      assert.equal(saved.statusCode, 200, saved.body);
      const pub = await post(editor, `/admin/api/articles/${id}/transition`, { to: 'published' });
      assert.equal(pub.statusCode, 200, pub.body);
      const a = await t.services.articles.getPublic(id, t.services.now());
      assert.ok(a);
      return { id, path: articlePath(a) };
    };

    /** Every public page a story shows on, with bodies to compare byte for byte. */
    const publicPages = async (id: number, path: string) => {
      const a = (await t.services.articles.getPublic(id, t.services.now()))!;
      const urls = [path, '/', `/${a.section.slug}`, '/feed', `/${a.section.slug}/feed`, `/tag/${a.tags[0]!.slug}`, `/api/search?q=${encodeURIComponent(a.headline)}`];
      const out: Record<string, string> = {};
      for (const url of urls) {
        const res = await anon(url);
        assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
        out[url] = res.body;
      }
      return out;
    };

    test('an autosave and a save of a published story leave every public page byte-identical; Update changes them on the next request', async () => {
      const { id, path } = await publishedStory(editor, 'पहली प्रकाशित खबर');
      const before = await publicPages(id, path);
      const start = await getArticle(editor, id);
      assert.equal(start.live, true);
      assert.equal(start.pending, null);

      const autosave = await put(editor, id, { headline: 'आधा लिखा शीर्षक', baseVersion: start.version, autosave: true });
      assert.equal(autosave.statusCode, 200, autosave.body);
      const afterAutosave = autosave.json() as { article: EditableArticle; version: number; revision: number };
      assert.equal(afterAutosave.article.headline, 'आधा लिखा शीर्षक', 'the editor gets its working copy back');
      assert.ok(afterAutosave.article.pending, 'and sees that it has unpublished changes');
      assert.equal(afterAutosave.revision, start.revision, 'an autosave keeps no revision');
      assert.deepEqual(await publicPages(id, path), before, 'readers see nothing of an autosave');

      const save = await put(editor, id, { headline: 'पूरा लिखा नया शीर्षक', dek: 'नया सार', baseVersion: afterAutosave.version });
      assert.equal(save.statusCode, 200, save.body);
      const saved = save.json() as { article: EditableArticle; version: number; revision: number };
      assert.equal(saved.revision, start.revision + 1, 'an explicit save keeps a revision, and reports its own number');
      assert.deepEqual(await publicPages(id, path), before, 'nor of an explicit save');

      const update = await post(editor, `/admin/api/articles/${id}/update`, { baseVersion: saved.version });
      assert.equal(update.statusCode, 200, update.body);
      assert.equal((update.json() as { article: EditableArticle }).article.pending, null);
      const page = await anon(path);
      assert.match(page.body, /पूरा लिखा नया शीर्षक/, 'the article page shows the update at once');
      assert.doesNotMatch(page.body, /आधा लिखा शीर्षक/);
      assert.match((await anon('/feed')).body, /पूरा लिखा नया शीर्षक/, 'and the feed');
      assert.match((await anon(`/api/search?q=${encodeURIComponent('पूरा लिखा नया शीर्षक')}`)).body, new RegExp(`"headline":"पूरा लिखा नया शीर्षक"`), 'and search');
      const revisions = (await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${id}/revisions` })).json() as { revisions: { kind: string }[] };
      assert.deepEqual(revisions.revisions.slice(0, 2).map((r) => r.kind), ['update', 'pending']);
    });

    test('Ctrl+S on a draft saves the story itself; a draft has no pending version', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'मसौदा' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      const res = await put(editor, id, { headline: 'मसौदा, बदला हुआ', autosave: true });
      assert.equal(res.statusCode, 200);
      const a = await getArticle(editor, id);
      assert.equal(a.pending, null);
      assert.equal(a.live, false);
      const desk = await t.services.deskList.list(editor.user, { q: '', status: 'draft', dateField: 'updated', sort: 'updated', dir: 'desc', page: 1 });
      assert.equal(desk.items.find((r) => r.id === id)?.headline, 'मसौदा, बदला हुआ', 'the desk shows what was typed');
    });

    test('a reporter cannot change a live story, nor restore a revision onto it; their edit goes to review', async () => {
      const { id, path } = await publishedStory(reporter, 'रिपोर्टर की प्रकाशित खबर');
      const before = await publicPages(id, path);
      const res = await put(reporter, id, { headline: 'रिपोर्टर का बदलाव' });
      assert.equal(res.statusCode, 200, res.body);
      const update = await post(reporter, `/admin/api/articles/${id}/update`);
      assert.equal(update.statusCode, 403);
      const restore = await post(reporter, `/admin/api/articles/${id}/revisions/1/restore`);
      assert.equal(restore.statusCode, 200, restore.body);
      assert.deepEqual(await publicPages(id, path), before, 'the live story is untouched');

      const staleSubmit = await post(reporter, `/admin/api/articles/${id}/submit-update`, { note: 'कृपया देखें', baseVersion: 1 });
      assert.equal(staleSubmit.statusCode, 409, 'a submit from an old version is refused');
      const submit = await post(reporter, `/admin/api/articles/${id}/submit-update`, { note: 'कृपया देखें', baseVersion: (await getArticle(reporter, id)).version });
      assert.equal(submit.statusCode, 200, submit.body);
      const submitted = (submit.json() as { article: EditableArticle }).article;
      assert.ok(submitted.pending?.submittedAt);
      assert.equal(submitted.pending?.submittedBy, reporter.user.name);
      const history = await t.services.desk.history(editor.user, id);
      assert.ok(history.events.some((e) => e.action === 'update-submitted' && e.note === 'कृपया देखें'));
      assert.deepEqual(await publicPages(id, path), before);
      const desk = await t.services.deskList.list(editor.user, { q: '', dateField: 'updated', sort: 'updated', dir: 'desc', page: 1 });
      assert.equal(desk.items.find((r) => r.id === id)?.pending, 'submitted', 'the desk shows the changes waiting for review');
      assert.match((await asActor(t.app, editor, { method: 'GET', url: '/admin' })).body, /बदलाव समीक्षा के लिए भेजे गए/);

      // An editor applies it.
      assert.equal((await post(editor, `/admin/api/articles/${id}/update`)).statusCode, 200);
      assert.match((await anon(path)).body, /<h1[^>]*>[^<]*<\/h1>|रिपोर्टर/);
    });

    test('discarding a pending version returns the editor to what readers see', async () => {
      const { id, path } = await publishedStory(editor, 'छोड़े जाने वाले बदलाव');
      const before = (await anon(path)).body;
      const v = (await getArticle(editor, id)).version;
      assert.equal((await put(editor, id, { headline: 'गलत बदलाव', baseVersion: v, autosave: true })).statusCode, 200);
      const discard = await post(editor, `/admin/api/articles/${id}/discard`);
      assert.equal(discard.statusCode, 200, discard.body);
      const a = (discard.json() as { article: EditableArticle }).article;
      assert.equal(a.headline, 'छोड़े जाने वाले बदलाव');
      assert.equal(a.pending, null);
      assert.equal((await anon(path)).body, before);
    });

    test('two saves from the same version at the same moment: one 200, one 409 naming who saved', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'साझा खबर' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      for (let round = 0; round < 5; round++) {
        const base = (await getArticle(editor, id)).version;
        const [a, b] = await Promise.all([
          put(editor, id, { dek: `पहला संपादक ${round}`, baseVersion: base }),
          put(editor2, id, { dek: `दूसरा संपादक ${round}`, baseVersion: base }),
        ]);
        assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `round ${round}: ${a.body} / ${b.body}`);
        const [winner, loser] = a.statusCode === 200 ? [a, b] : [b, a];
        const conflict = loser.json() as { error: { code: string; message: string; messageHi: string }; current: { version: number; updatedBy: string } };
        assert.equal(conflict.error.code, 'EDIT_CONFLICT');
        assert.match(conflict.error.messageHi, /किसी और ने/);
        assert.equal(conflict.current.version, (winner.json() as { version: number }).version);
        assert.equal(conflict.current.updatedBy, editor.user.name, 'both test editors share a name; the field is there');
        const stored = await getArticle(editor, id);
        assert.equal(stored.dek, (winner.json() as { article: EditableArticle }).article.dek, 'the loser overwrote nothing');
      }
    });

    test('each save reports its own revision, even when another save lands at the same moment', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'एक साथ दो सेव' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      for (let round = 0; round < 4; round++) {
        const saves = await Promise.all([put(editor, id, { dek: `पहला ${round}` }), put(editor2, id, { dek: `दूसरा ${round}` })]);
        const numbers = saves.map((r) => (r.json() as { revision: number }).revision);
        assert.notEqual(numbers[0], numbers[1], `round ${round}: two saves, two revisions`);
        for (const [i, dek] of [`पहला ${round}`, `दूसरा ${round}`].entries()) {
          assert.equal((await t.services.desk.revision(editor.user, id, numbers[i]!)).snapshot.dek, dek, 'the number answered is the revision this save made');
        }
      }
    });

    test('"keep mine" after a conflict keeps the other editor\'s pending work as a revision', async () => {
      const { id } = await publishedStory(editor, 'दो संपादकों की खबर');
      const base = (await getArticle(editor, id)).version;
      assert.equal((await put(editor2, id, { dek: 'दूसरे संपादक का अधूरा काम', baseVersion: base, autosave: true })).statusCode, 200);
      const stale = await put(editor, id, { dek: 'मेरा काम', baseVersion: base });
      assert.equal(stale.statusCode, 409);
      const force = await put(editor, id, { dek: 'मेरा काम', force: true });
      assert.equal(force.statusCode, 200, force.body);
      const { revisions } = await t.services.desk.history(editor.user, id);
      const kept = revisions.find((r) => r.kind === 'kept');
      assert.ok(kept, 'the other editor\'s working copy became a revision');
      assert.equal((await t.services.desk.revision(editor.user, id, kept.number)).snapshot.dek, 'दूसरे संपादक का अधूरा काम');
      assert.equal(revisions[0]!.kind, 'pending');
      assert.equal((await t.services.desk.revision(editor.user, id, revisions[0]!.number)).snapshot.dek, 'मेरा काम');
    });

    test('autosaves keep one working copy: at most one checkpoint per 10 minutes, pruned after two weeks', async () => {
      const { id } = await publishedStory(editor, 'लंबी लिखाई');
      const start = t.services.now();
      const count = async () => (await t.services.desk.history(editor.user, id)).revisions.length;
      const first = await count();
      try {
        for (let i = 0; i < 12; i++) {
          t.setNow(new Date(start.getTime() + i * 10_000));
          assert.equal((await put(editor, id, { dek: `टाइपिंग ${i}`, autosave: true })).statusCode, 200);
        }
        assert.equal(await count(), first, 'two minutes of typing, no revision');
        t.setNow(new Date(start.getTime() + 11 * 60_000));
        await put(editor, id, { dek: 'दस मिनट बाद', autosave: true });
        await put(editor, id, { dek: 'दस मिनट बाद, फिर', autosave: true });
        assert.equal(await count(), first + 1, 'one checkpoint after ten minutes');
        assert.equal((await t.services.desk.history(editor.user, id)).revisions[0]!.kind, 'checkpoint');
        t.setNow(new Date(start.getTime() + 15 * 86_400_000));
        assert.ok((await t.services.desk.pruneCheckpoints()) >= 1);
        assert.equal(await count(), first, 'old checkpoints are pruned; explicit revisions stay');
      } finally {
        t.setNow(start);
      }
    });

    test('presence: each editor sees who else has the story open', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'साथ में संपादन' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      const first = (await post(editor, `/admin/api/articles/${id}/presence`)).json() as { others: { name: string }[]; version: number };
      assert.deepEqual(first.others, []);
      const second = (await post(editor2, `/admin/api/articles/${id}/presence`)).json() as { others: { name: string }[] };
      assert.deepEqual(second.others.map((o) => o.name), [editor.user.name]);
      await put(editor2, id, { dek: 'दूसरे ने सहेजा' });
      const again = (await post(editor, `/admin/api/articles/${id}/presence`)).json() as { others: { name: string }[]; version: number };
      assert.equal(again.others.length, 1);
      assert.ok(again.version > first.version, 'the editor learns that someone saved');
      const start = t.services.now();
      try {
        t.setNow(new Date(start.getTime() + 60_000));
        const later = (await post(editor, `/admin/api/articles/${id}/presence`)).json() as { others: unknown[] };
        assert.deepEqual(later.others, [], 'an editor that stopped reporting has left');
      } finally {
        t.setNow(start);
      }
      assert.equal((await post(reporter, `/admin/api/articles/${id}/presence`)).statusCode, 403, 'nobody learns of a story they may not open');
    });

    test('staff preview a draft as readers will see it; never cached, never indexed; signed-out visitors get no draft text', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'अभी गुप्त मसौदा' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      await put(editor, id, { body: { version: 1, blocks: [paragraph('मसौदे का गुप्त पाठ')] } });
      const res = await asActor(t.app, editor, { method: 'GET', url: `/admin/articles/${id}/preview` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /अभी गुप्त मसौदा/);
      assert.match(res.body, /मसौदे का गुप्त पाठ/);
      assert.match(res.body, /<meta name="robots" content="noindex"/);
      assert.match(res.body, /<html lang="hi"/, 'the reader template, not the newsroom\'s');
      assert.match(String(res.headers['cache-control']), /no-store/);
      assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
      const signedOut = await t.app.inject({ method: 'GET', url: `/admin/articles/${id}/preview` });
      assert.equal(signedOut.statusCode, 303);
      assert.doesNotMatch(signedOut.body, /गुप्त/);
      assert.equal((await asActor(t.app, reporter, { method: 'GET', url: `/admin/articles/${id}/preview` })).statusCode, 403);
    });

    test('a pending version previews with its changes while readers keep the published one', async () => {
      const { id, path } = await publishedStory(editor, 'पूर्वावलोकन वाली खबर');
      await put(editor, id, { headline: 'पूर्वावलोकन में नया शीर्षक', autosave: true });
      const preview = await asActor(t.app, editor, { method: 'GET', url: `/admin/articles/${id}/preview` });
      assert.match(preview.body, /पूर्वावलोकन में नया शीर्षक/);
      assert.doesNotMatch((await anon(path)).body, /पूर्वावलोकन में नया शीर्षक/);
    });

    test('a shared preview link works signed out until it expires or is revoked; forged tokens get 404 and no draft text', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'साझा पूर्वावलोकन' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      await put(editor, id, { tagNames: ['गुप्त टैग'], body: { version: 1, blocks: [paragraph('बाहर दिखाने वाला पाठ')] } });
      const made = await post(editor, `/admin/api/articles/${id}/preview-links`);
      assert.equal(made.statusCode, 201, made.body);
      const link = (made.json() as { link: { id: number; url: string; expiresAt: string } }).link;
      const path = new URL(link.url).pathname;
      assert.equal(new Date(link.expiresAt).getTime() - t.services.now().getTime(), 48 * 3_600_000);

      for (let i = 0; i < 2; i++) {
        const res = await anon(path);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /बाहर दिखाने वाला पाठ/);
        assert.equal(res.headers['x-cache'], undefined, 'never served from the page cache');
        assert.match(String(res.headers['cache-control']), /private, no-store/);
        assert.equal(res.headers['x-robots-tag'], 'noindex, nofollow');
        assert.equal(res.headers['referrer-policy'], 'no-referrer', 'the token does not leave in a Referer');
        assert.match(res.body, /<meta name="robots" content="noindex"/);
      }
      assert.equal(maskSecrets(`${path}?x=1`), '/preview/…?x=1', 'the access log never holds the token');
      assert.equal(maskSecrets('/admin/reset-password/abc'), '/admin/reset-password/…');
      assert.equal(maskSecrets('/desh/khabar-1'), '/desh/khabar-1');
      // Nothing leaks into public lists.
      for (const url of ['/', '/feed', `/${(await t.services.sections.findById(sectionId))!.slug}`]) {
        assert.doesNotMatch((await anon(url)).body, /साझा पूर्वावलोकन/, url);
      }
      for (const q of ['साझा पूर्वावलोकन', 'sajha purvavlokan', 'बाहर दिखाने वाला पाठ']) {
        const items = ((await anon(`/api/search?q=${encodeURIComponent(q)}`)).json() as { items: { id: number }[] }).items;
        assert.ok(!items.some((i) => i.id === id), `search for ${q}`);
      }
      const listed = (await asActor(t.app, editor, { method: 'GET', url: `/admin/api/articles/${id}/preview-links` })).json() as { links: { id: number }[] };
      assert.deepEqual(listed.links.map((l) => l.id), [link.id]);
      assert.doesNotMatch(JSON.stringify(listed), /preview\//, 'the address is never shown again');

      const forged = [path.slice(0, -1) + (path.endsWith('A') ? 'B' : 'A'), '/preview/abc', '/preview/' + 'x'.repeat(43), `/preview/${encodeURIComponent('../../admin')}`];
      for (const url of forged) {
        const res = await anon(url);
        assert.equal(res.statusCode, 404, url);
        assert.doesNotMatch(res.body, /बाहर दिखाने वाला पाठ|साझा पूर्वावलोकन/);
      }

      const start = t.services.now();
      try {
        t.setNow(new Date(start.getTime() + 49 * 3_600_000));
        assert.equal((await anon(path)).statusCode, 404, 'expired after 48 hours');
      } finally {
        t.setNow(start);
      }
      assert.equal((await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${id}/preview-links/${link.id}/revoke`, json: {} })).statusCode, 204);
      const revoked = await anon(path);
      assert.equal(revoked.statusCode, 404, 'revoked');
      assert.doesNotMatch(revoked.body, /बाहर दिखाने वाला पाठ/);
      assert.equal((await asActor(t.app, editor, { method: 'POST', url: `/admin/api/articles/${id}/preview-links/${link.id}/revoke`, json: {} })).statusCode, 404);
      assert.equal((await asActor(t.app, reporter, { method: 'POST', url: `/admin/api/articles/${id}/preview-links`, json: {} })).statusCode, 403);
    });

    test('a story in the trash cannot be saved, updated or published until it is restored', async () => {
      const { id } = await publishedStory(editor, 'हटाई जाने वाली खबर');
      assert.equal((await put(editor, id, { dek: 'हटाने से पहले', autosave: true })).statusCode, 200);
      const trashed = await post(editor, `/admin/api/articles/${id}/trash`);
      assert.equal(trashed.statusCode, 200, trashed.body);
      for (const [method, url, json] of [
        ['PUT', `/admin/api/articles/${id}`, { dek: 'कूड़ेदान से' }],
        ['POST', `/admin/api/articles/${id}/update`, {}],
        ['POST', `/admin/api/articles/${id}/transition`, { to: 'published' }],
        ['POST', `/admin/api/articles/${id}/revisions/1/restore`, {}],
      ] as const) {
        const res = await asActor(t.app, editor, { method, url, json });
        assert.equal(res.statusCode, 410, `${method} ${url}: ${res.body}`);
      }
      const a = await t.services.desk.get(editor.user, id);
      assert.equal(a.status, 'draft');
      assert.equal(a.dek, 'हटाने से पहले', 'nothing written');
    });

    test('malformed save options are 400 and write nothing', async () => {
      const created = await post(editor, '/admin/api/articles', { sectionId, headline: 'जांच' });
      const id = (created.json() as { article: EditableArticle }).article.id;
      const before = await getArticle(editor, id);
      for (const [json, field] of [
        [{ headline: 'x', baseVersion: 'one' }, 'baseVersion'],
        [{ headline: 'x', baseVersion: 0 }, 'baseVersion'],
        [{ headline: 'x', autosave: 'yes' }, 'autosave'],
        [{ headline: 'x', force: 1 }, 'force'],
      ] as const) {
        const res = await put(editor, id, json);
        assert.equal(res.statusCode, 400, JSON.stringify(json));
        assert.equal((res.json() as { error: { field: string } }).error.field, field);
      }
      assert.equal((await post(editor, `/admin/api/articles/${id}/update`, { baseVersion: -1 })).statusCode, 400);
      assert.equal((await post(editor, `/admin/api/articles/${id}/update`)).statusCode, 400, 'a draft has no pending version to update');
      assert.deepEqual(await getArticle(editor, id), before);
    });
  });
}
