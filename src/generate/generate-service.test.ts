/**
 * The generator on every database: what it writes in bulk reads back through the same
 * services and pages as what the newsroom writes: stories at their addresses, bylines, tags,
 * photos, comments, and search.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Article, articlePath } from '../domain/articles/article.ts';
import type { User } from '../domain/users/user.ts';
import { DomainError } from '../errors.ts';
import { openDemoApp, type TestApp } from '../../test/helpers/app.ts';
import { DIALECTS, TEST_NOW } from '../../test/helpers/databases.ts';
import { type GenerateReport, generateSite } from './generate-service.ts';
import { GENERATED_AUTHORS } from './people.ts';

/** Text as it appears in HTML (JSX escapes &, <, >). */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const dialect of DIALECTS) {
  describe(`generate (${dialect})`, () => {
    let t: TestApp;
    let report: GenerateReport;
    let demoCount: number;
    let generated: Article[];
    let admin: User;
    /** What later generations in these tests added (the bylines test runs a second one). */
    const more = { articles: 0, comments: 0 };

    before(async () => {
      t = await openDemoApp(dialect);
      demoCount = await t.services.articles.count();
      report = await generateSite(t.services, { articles: 300, seed: 5, commentsPerArticle: 8, end: TEST_NOW });
      generated = [];
      for (let id = report.firstId; id <= report.lastId; id++) {
        const a = await t.services.articles.getPublic(id, TEST_NOW);
        if (a) generated.push(a);
      }
      admin = (await t.services.users.create({ email: `gen-${dialect}@example.test`, name: 'Admin', role: 'admin', password: 'correct horse battery' })).user;
    });
    after(() => t.close());

    test('300 published stories, each readable through the articles service', async () => {
      assert.equal(report.articles, 300);
      assert.equal(report.lastId - report.firstId + 1, 300);
      assert.equal(await t.services.articles.count(), demoCount + 300);
      assert.equal(generated.length, 300, 'every generated story is public');
      assert.equal((await t.services.articles.listPublic(TEST_NOW, {}, 1, 10)).total, demoCount + 300);
      const sections = new Set((await t.services.sections.list()).map((s) => s.slug));
      for (const a of generated) {
        assert.equal(a.status, 'published');
        assert.ok(a.publishedAt && a.publishedAt <= TEST_NOW);
        assert.ok(sections.has(a.section.slug));
        assert.match(a.headline, /[\u0900-\u097F]/);
        assert.ok(a.body.blocks.filter((b) => b.type === 'paragraph').length >= 4);
        assert.ok(a.authors.length >= 1, 'a byline');
      }
      assert.ok(generated.filter((a) => a.tags.length > 0).length > 280, 'tagged');
    });

    test('bylines are created once, through the author service, and reused; page caches are dropped', async () => {
      const authors = await t.services.authors.list();
      for (const a of GENERATED_AUTHORS) assert.ok(authors.some((x) => x.slug === a.slug), a.slug);
      const before = authors.length;
      const changes: unknown[] = [];
      const unsubscribe = t.services.changes.subscribe((change) => changes.push(change));
      const again = await generateSite(t.services, { articles: 3, seed: 6, end: TEST_NOW });
      unsubscribe();
      // Cached pages anywhere may show the new stories: every process drops its cache.
      assert.ok(changes.some((c) => typeof c === 'object' && c !== null && 'all' in c), JSON.stringify(changes));
      assert.equal(again.articles, 3);
      more.articles += again.articles;
      more.comments += again.comments;
      assert.equal((await t.services.authors.list()).length, before);
      const byline = generated[0]!.authors[0]!;
      const page = await t.app.inject({ method: 'GET', url: `/author/${byline.slug}` });
      assert.equal(page.statusCode, 200);
    });

    test('photos from the library: heroes and body photos with their own captions', async () => {
      const withHero = generated.filter((a) => a.hero !== null);
      assert.ok(withHero.length > 200 && withHero.length < 300, `${withHero.length} heroes`);
      const images = generated.flatMap((a) => a.body.blocks.flatMap((b) => (b.type === 'image' ? [{ a, b }] : [])));
      assert.ok(images.length > 100);
      for (const { a, b } of images) {
        assert.ok(a.bodyMedia.get(b.mediaId), 'the photo is in the library');
        assert.ok(b.caption && b.credit);
      }
      // The library holds only the demo's photos: nothing new was encoded.
      assert.equal((await t.services.media.search('', 1, 10)).total, 47);
    });

    test('each story opens at its transliterated address; a wrong slug redirects there', async () => {
      for (const a of generated.slice(0, 25)) {
        const path = articlePath(a);
        assert.match(path, new RegExp(`^/${a.section.slug}/[a-z0-9]+(-[a-z0-9]+)*-${a.id}$`));
        const res = await t.app.inject({ method: 'GET', url: path });
        assert.equal(res.statusCode, 200, path);
        assert.ok(res.body.includes(html(a.headline)), `${path} shows its headline`);
        const last = a.body.blocks.at(-1);
        assert.ok(last?.type === 'paragraph' && res.body.includes(html(last.content[0]!.text)));
      }
      const a = generated[7]!;
      const moved = await t.app.inject({ method: 'GET', url: `/${a.section.slug}/not-the-slug-${a.id}` });
      assert.equal(moved.statusCode, 301);
      assert.equal(moved.headers.location, articlePath(a));
    });

    test('comments: published ones listed and shown under their story, after it, in threads', async () => {
      let shown = 0;
      let replies = 0;
      for (const a of generated) {
        const comments = await t.services.comments.listPublic(a.id);
        assert.ok(comments.length <= 8);
        const ids = new Set(comments.map((c) => c.id));
        for (const c of comments) {
          assert.ok(c.createdAt > a.publishedAt! && c.createdAt <= TEST_NOW, 'after the story');
          assert.ok(!('authorEmail' in c));
          if (c.parentId !== null) {
            replies++;
            assert.ok(ids.has(c.parentId), 'a reply answers a published comment of the same story');
            assert.ok(c.createdAt > comments.find((p) => p.id === c.parentId)!.createdAt);
          }
        }
        if (comments.length > 0 && shown < 5) {
          shown++;
          const page = await t.app.inject({ method: 'GET', url: articlePath(a) });
          for (const c of comments) assert.ok(page.body.includes(`id="comment-${c.id}"`), `comment ${c.id} is on the page`);
          assert.equal((await t.services.comments.countsFor([a.id])).get(a.id), comments.length);
        }
      }
      assert.equal(shown, 5);
      assert.ok(replies > 0, 'some replies');
      // The moderation queue has the rest, with the email kept for editors.
      const counts = await t.services.commentModeration.counts(admin);
      assert.ok(counts.approved > 300 && counts.pending > 0 && counts.spam > 0 && counts.trash > 0, JSON.stringify(counts));
      // The demo has no comments: every comment is a generated one.
      assert.equal(counts.approved + counts.pending + counts.spam + counts.trash, report.comments + more.comments);
      const held = (await t.services.commentModeration.list(admin, { status: 'pending' }, 1, 5)).items;
      assert.ok(held.length > 0 && held.every((c) => /@example\.(com|net|org)$/.test(c.authorEmail) && c.heldReason !== ''));
      const page = await t.app.inject({ method: 'GET', url: held[0]!.article.path });
      assert.ok(!page.body.includes(`id="comment-${held[0]!.id}"`), 'a held comment is not shown');
    });

    test('searchable: the index holds every story, and a generated story is found by its words', async () => {
      assert.equal(report.indexed, demoCount + 300);
      assert.equal(await t.services.search.indexedCount(), demoCount + 300 + more.articles);
      // The closing line names an invented place (`<place> से <person> की रिपोर्ट।`).
      const a = generated[11]!;
      const last = a.body.blocks.at(-1);
      assert.ok(last?.type === 'paragraph');
      const place = last.content[0]!.text.split(' से ')[0]!;
      const found = await t.services.search.search({ q: place, pageSize: 50 });
      assert.ok(found.items.some((h) => h.article.id === a.id), `"${place}" finds story ${a.id}`);
      const byHeadline = await t.services.search.search({ q: a.headline });
      assert.ok(byHeadline.total > 0);
    });

    test('bad options are refused before anything is written', async () => {
      const count = await t.services.articles.count();
      for (const articles of [0, -1, 1.5, Number.NaN, 1_000_001]) {
        await assert.rejects(generateSite(t.services, { articles }), (e: unknown) => e instanceof DomainError && e.field === 'articles', String(articles));
      }
      await assert.rejects(generateSite(t.services, { articles: 1, commentsPerArticle: 101 }), (e: unknown) => e instanceof DomainError && e.field === 'commentsPerArticle');
      await assert.rejects(generateSite(t.services, { articles: 1, seed: -3 }), (e: unknown) => e instanceof DomainError && e.field === 'seed');
      assert.equal(await t.services.articles.count(), count);
    });
  });
}

