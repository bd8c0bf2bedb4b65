/**
 * The WordPress import on every database, against a real WordPress's export
 * (test/fixtures/wordpress/, made by scripts/wordpress-fixture/ with WordPress 6.1 and
 * its own exporter) and the figures WordPress's database gave for it (figures.json):
 * counts by status, text, photos, comments with their threading and states, sticky pins,
 * and old addresses answering with the new ones. Then: a second run creates nothing, a dry
 * run writes nothing, and hostile files change nothing.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../../app.ts';
import type { Article } from '../../domain/articles/article.ts';
import { ArticleStore } from '../../domain/articles/article-store.ts';
import { MediaStore } from '../../domain/media/media-store.ts';
import { DIALECTS, openTestServices, type TestServices } from '../../../test/helpers/databases.ts';
import { importWordpress, type WordpressImportReport, WxrError } from './wordpress-import.ts';

const FIXTURE = 'test/fixtures/wordpress';
const AFTER_FIXTURE = new Date('2027-06-01T00:00:00Z');
const EXPORT = path.join(FIXTURE, 'export.xml');
const UPLOADS = path.join(FIXTURE, 'uploads');

interface Figures {
  site: string;
  posts_by_status: Record<string, number>;
  pages_by_status: Record<string, number>;
  attachments: number;
  comments_by_state: Record<string, number>;
  terms_by_taxonomy: Record<string, number>;
  sticky: number[];
  posts: { id: number; type: string; status: string; title: string; excerpt: string; permalink: string | null; thumbnail: number | null; comments: Record<string, number> | []; date_gmt: string }[];
  terms: { id: number; taxonomy: string; name: string; slug: string; parent: number; link: string }[];
  attachment_list: { id: number; file: string; caption: string; alt: string; credit: string; link: string }[];
  authors: { id: number; login: string; display_name: string; link: string }[];
}
const figures = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'figures.json'), 'utf8')) as Figures;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samachar-wp-import-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
function file(name: string, content: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}

const TABLES = ['articles', 'comments', 'sections', 'tags', 'authors', 'media', 'redirects', 'article_tags', 'article_authors'] as const;

/** What is in the database, counted by kind (the import must never add to it on a second run). */
async function contentCounts(t: TestServices): Promise<Record<(typeof TABLES)[number], number>> {
  const db = t.services.storage.db;
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) out[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

const wxr = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>x</title><link>https://hostile.example</link><wp:base_blog_url>https://hostile.example</wp:base_blog_url>
<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>news</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>News</wp:cat_name></wp:category>
${items}
</channel></rss>`;
const post = (id: number, title: string, content: string, extra = '') =>
  `<item><title>${title}</title><link>https://hostile.example/?p=${id}</link><dc:creator>x</dc:creator><content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>2024-01-01 10:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 04:30:00</wp:post_date_gmt><wp:post_modified_gmt>2024-01-01 04:30:00</wp:post_modified_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>p-${id}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="news"><![CDATA[News]]></category>${extra}</item>`;

for (const dialect of DIALECTS) {
  describe(`WordPress import of a real WordPress export (${dialect})`, () => {
    let t: TestServices;
    let app: FastifyInstance;
    let first: WordpressImportReport;
    const byHeadline = new Map<string, Article>();

    before(async () => {
      t = await openTestServices(dialect);
      // After the fixture was made (its stories are from 2024, WordPress's sample post from the day it ran).
      t.setNow(AFTER_FIXTURE);
      app = await buildApp(t.services);
      first = await importWordpress(t.services, { file: EXPORT, uploadsDir: UPLOADS });
      // Every story as the newsroom has it (drafts and scheduled ones too).
      const articles = new ArticleStore(t.services.storage.db, new MediaStore(t.services.storage.db));
      for (const { id } of await t.services.storage.db.selectFrom('articles').select('id').execute()) {
        const a = await articles.findById(id);
        if (a) byHeadline.set(a.headline, a);
      }
    });
    after(async () => {
      await app.close();
      await t.close();
    });

    test("stories, pages, photos, sections and tags match WordPress's own figures", async () => {
      const posts = figures.posts_by_status;
      const pages = figures.pages_by_status;
      const importable = (counts: Record<string, number>) => Object.entries(counts).filter(([s]) => ['publish', 'future', 'draft', 'pending', 'private'].includes(s)).reduce((n, [, c]) => n + c, 0);
      assert.equal(first.created.articles, importable(posts));
      assert.equal(first.created.pages, importable(pages));
      assert.deepEqual(first.statuses, {
        published: (posts['publish'] ?? 0) + (pages['publish'] ?? 0),
        scheduled: posts['future'] ?? 0,
        draft: (posts['draft'] ?? 0) + (pages['draft'] ?? 0),
        unpublished: posts['private'] ?? 0,
      });
      // Trashed posts are skipped, with a count.
      assert.equal(first.skipped['status:trash'], posts['trash']);
      assert.equal(first.created.photos, figures.attachments);
      const categories = figures.terms.filter((c) => c.taxonomy === 'category');
      const topLevel = categories.filter((c) => c.parent === 0).length;
      // Top-level categories are sections (plus one for pages); sub-categories and tags are tags.
      assert.equal(first.created.sections, topLevel + 1);
      assert.equal(first.created.tags, (figures.terms_by_taxonomy['post_tag'] ?? 0) + categories.length - topLevel);
      assert.equal(first.created.authors, figures.authors.length);
      assert.equal(first.missingPhotos, 0);
      assert.deepEqual(first.keptAsText, { table: 1 });
      const counts = await contentCounts(t);
      assert.equal(counts.articles, importable(posts) + importable(pages));
      assert.equal(counts.media, figures.attachments);
      assert.equal(counts.authors, figures.authors.length);
    });

    test('the classic-editor story: section, tags, byline, dek, dates, text, photos with caption, alt and credit, sticky → home pin', async () => {
      const wp = figures.posts.find((p) => p.id === 4)!;
      const article = byHeadline.get(wp.title)!;
      assert.ok(article, 'the story was imported');
      assert.equal(article.section.slug, 'desh');
      assert.equal(article.section.name, 'देश');
      assert.equal(article.dek, wp.excerpt);
      assert.equal(article.publishedAt?.toISOString(), new Date(`${wp.date_gmt.replace(' ', 'T')}Z`).toISOString());
      assert.deepEqual(article.tags.map((t) => t.name).sort(), ['चुनाव', 'संसद']);
      assert.deepEqual(article.authors.map((a) => a.name), ['आशा वर्मा']);
      // The hero is the featured image, with what WordPress kept about it.
      const hero = figures.attachment_list.find((a) => a.id === wp.thumbnail)!;
      assert.equal(article.hero?.alt, hero.alt);
      assert.equal(article.hero?.caption, hero.caption);
      assert.equal(article.hero?.credit, hero.credit);
      const types = article.body.blocks.map((b) => b.type);
      assert.deepEqual(types, ['paragraph', 'paragraph', 'heading', 'list', 'quote', 'image', 'list']);
      const image = article.body.blocks[5];
      assert.ok(image?.type === 'image');
      assert.equal(image.caption, 'संसद भवन में बजट के दिन');
      // The [caption]'s photo is the sansad.jpg attachment, found from its 300×200 sub-size.
      assert.equal(article.bodyMedia.get(image.mediaId)?.credit, figures.attachment_list.find((a) => a.file.endsWith('sansad.jpg'))!.credit);
      const firstPara = article.body.blocks[0];
      assert.ok(firstPara?.type === 'paragraph');
      assert.deepEqual(firstPara.content.find((i) => i.href), { text: 'यहां पढ़ें', href: 'https://example.com/budget' });
      const pins = await t.services.articles.pinned(t.services.now());
      assert.deepEqual(pins.map((p) => p.id), [article.id]);
      assert.equal(figures.sticky.length, 1);
    });

    test('the Gutenberg story: sub-category → its section and a tag; image, quote, gallery and embeds', async () => {
      const wp = figures.posts.find((p) => p.id === 9)!;
      const article = byHeadline.get(wp.title)!;
      assert.equal(article.section.slug, 'desh');
      assert.ok(article.tags.some((t) => t.name === 'राज्य'));
      assert.deepEqual(article.authors.map((a) => a.name), ['रवि कुमार']);
      assert.deepEqual(
        article.body.blocks.map((b) => b.type),
        ['paragraph', 'heading', 'image', 'quote', 'list', 'image', 'image', 'embed', 'embed', 'paragraph'],
      );
      const quote = article.body.blocks[3];
      assert.ok(quote?.type === 'quote' && quote.cite === 'मुख्य चुनाव अधिकारी');
      assert.deepEqual(article.body.blocks.filter((b) => b.type === 'embed').map((b) => b.type === 'embed' && b.provider), ['youtube', 'x']);
      assert.equal(article.hero?.alt, 'भारत के राज्यों का नक्शा');
    });

    test("comments keep their threading and moderation state; WordPress's counts agree", async () => {
      const db = t.services.storage.db;
      const rows = await db.selectFrom('comments').select(['id', 'article_id', 'parent_id', 'status', 'author_name', 'author_email', 'ip_hash']).execute();
      // WordPress's exporter leaves spam out; every other state is imported as its own.
      const expected = { approved: figures.comments_by_state['1'] ?? 0, pending: figures.comments_by_state['0'] ?? 0, trash: figures.comments_by_state['trash'] ?? 0 };
      const got = { approved: 0, pending: 0, trash: 0 } as Record<string, number>;
      for (const r of rows) got[r.status] = (got[r.status] ?? 0) + 1;
      assert.deepEqual(got, expected);
      assert.equal(first.created.comments, rows.length);
      const reply = rows.find((r) => r.author_name === 'राहुल')!;
      const parent = rows.find((r) => r.id === reply.parent_id)!;
      assert.equal(parent.author_name, 'मीना');
      assert.ok(rows.every((r) => r.ip_hash === null), 'no IP comes over');
      // Emails are kept for moderation, never shown: the story's page has the comment, not the address.
      const budget = byHeadline.get(figures.posts.find((p) => p.id === 4)!.title)!;
      const page = await app.inject({ method: 'GET', url: `/desh/${budget.slug}-${budget.id}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /मैं सहमत नहीं हूं।/);
      assert.doesNotMatch(page.body, /rahul@example\.com|meena@example\.com/);
      assert.doesNotMatch(page.body, /इंतज़ार में टिप्पणी/, 'a pending comment is not shown');
    });

    test('old WordPress addresses answer with the new ones: posts, /?p=, categories (nested), tags, authors, attachment pages, feeds', async () => {
      for (const p of figures.posts.filter((p) => p.status === 'publish' && p.permalink)) {
        const article = byHeadline.get(p.title)!;
        const target = await t.services.redirects.find(p.permalink!);
        assert.ok(target?.endsWith(`-${article.id}`), `${p.permalink} → ${target}`);
        assert.equal(await t.services.redirects.find(p.type === 'page' ? `/?page_id=${p.id}` : `/?p=${p.id}`), target);
        assert.equal(await t.services.redirects.find(`${p.permalink}feed/`), target);
      }
      for (const term of figures.terms) {
        const target = await t.services.redirects.find(term.link);
        assert.ok(target, `${term.link} has a redirect`);
        assert.equal(await t.services.redirects.find(`${term.link}feed/`), `${target}/feed`);
      }
      assert.equal(await t.services.redirects.find(figures.terms.find((c) => c.name === 'देश')!.link), '/desh');
      assert.equal(await t.services.redirects.find(figures.terms.find((c) => c.name === 'राज्य')!.link), '/tag/rajya');
      for (const a of figures.authors) assert.equal(await t.services.redirects.find(`/?author=${a.id}`), `/author/${a.login}`);
      const attached = figures.attachment_list.find((a) => a.file.endsWith('kisan.jpg'))!;
      const budget = byHeadline.get(figures.posts.find((p) => p.id === 4)!.title)!;
      assert.equal(await t.services.redirects.find(attached.link), `/desh/${budget.slug}-${budget.id}`);
      // Through the site: the Devanagari permalink, percent-encoded as WordPress wrote it, is one hop.
      const permalink = figures.posts.find((p) => p.id === 4)!.permalink!;
      const res = await app.inject({ method: 'GET', url: permalink });
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, `/desh/${budget.slug}-${budget.id}`);
      for (const [url, location] of [
        ['/?p=4', `/desh/${budget.slug}-${budget.id}`],
        [figures.terms.find((c) => c.name === 'देश')!.link, '/desh'],
        [`${figures.terms.find((c) => c.name === 'राज्य')!.link}feed/`, '/tag/rajya/feed'],
      ] as const) {
        const hop = await app.inject({ method: 'GET', url });
        assert.equal(hop.statusCode, 301, url);
        assert.equal(hop.headers.location, location, url);
      }
    });

    test('running the same import again creates nothing new', async () => {
      const before = await contentCounts(t);
      const again = await importWordpress(t.services, { file: EXPORT, uploadsDir: UPLOADS });
      assert.deepEqual(await contentCounts(t), before);
      assert.deepEqual(again.created, { sections: 0, tags: 0, authors: 0, accounts: 0, photos: 0, articles: 0, pages: 0, comments: 0, pins: 0, redirects: 0 });
      assert.equal(again.existing.articles, first.created.articles);
      assert.equal(again.existing.pages, first.created.pages);
      assert.equal(again.existing.photos, first.created.photos);
    });

    test('a dry run reports what it would do and writes nothing', async () => {
      const fresh = await openTestServices(dialect);
      fresh.setNow(AFTER_FIXTURE);
      try {
        const dry = await importWordpress(fresh.services, { file: EXPORT, uploadsDir: UPLOADS, dryRun: true });
        assert.equal(dry.dryRun, true);
        assert.deepEqual(dry.created, first.created);
        assert.deepEqual(dry.statuses, first.statuses);
        const counts = await contentCounts(fresh);
        assert.deepEqual(counts, { articles: 0, comments: 0, sections: 0, tags: 0, authors: 0, media: 0, redirects: 0, article_tags: 0, article_authors: 0 });
        const mapped = await fresh.services.storage.db.withTables<{ wordpress_ids: { site: string } }>().selectFrom('wordpress_ids').select('site').execute();
        assert.equal(mapped.length, 0);
      } finally {
        await fresh.close();
      }
    });

    test('hostile files stop with a clear message and change nothing; hostile HTML is imported inert', async () => {
      const before = await contentCounts(t);
      const whole = fs.readFileSync(EXPORT, 'utf8');
      const bad = [
        file('xxe.xml', wxr(post(1, '&xxe;', 'x')).replace('<rss', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss')),
        file('truncated.xml', whole.slice(0, Math.floor(whole.length * 0.8))),
        file('latin1.xml', Buffer.concat([Buffer.from(wxr(post(2, 'a', 'b')).slice(0, 400)), Buffer.from([0xff, 0xfe]), Buffer.from(wxr(post(2, 'a', 'b')).slice(400))])),
      ];
      for (const f of bad) {
        await assert.rejects(importWordpress(t.services, { file: f, uploadsDir: UPLOADS }), WxrError);
        assert.deepEqual(await contentCounts(t), before, `${path.basename(f)} changed nothing`);
      }
      const hostile = file(
        'scripts.xml',
        wxr(post(50, 'स्क्रिप्ट &lt;script&gt;alert(1)&lt;/script&gt;', '<p onclick="steal()">पाठ<script>alert(1)</script></p><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">लिंक</a><iframe src="https://evil.example/"></iframe>', '<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[<b onmouseover="x()">हैकर</b>]]></wp:comment_author><wp:comment_author_email>h@example.com</wp:comment_author_email><wp:comment_author_url>javascript:alert(4)</wp:comment_author_url><wp:comment_date_gmt>2024-01-01 05:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[<script>alert(5)</script>नमस्ते <img src=x onerror=alert(6)>]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>')),
      );
      const report = await importWordpress(t.services, { file: hostile });
      assert.equal(report.created.articles, 1);
      assert.deepEqual(report.removed, { script: 1, iframe: 1 });
      assert.equal(report.unsafeLinks, 1);
      const id = (await t.services.storage.db.selectFrom('articles').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
      const res = await app.inject({ method: 'GET', url: `/news/p-50-${id}` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /पाठ/);
      assert.match(res.body, /नमस्ते/);
      for (const bad of ['alert(', 'steal()', 'onerror', 'onclick', 'onmouseover', 'javascript:', 'evil.example']) assert.ok(!res.body.includes(bad), `${bad} is on the page`);
    });

    test('photo paths from the export cannot leave the uploads folder (.., absolute, a symbolic link out)', async () => {
      const uploads = path.join(tmp, `uploads-${dialect}`);
      fs.mkdirSync(path.join(uploads, '2024'), { recursive: true });
      const outside = path.join(tmp, `outside-${dialect}.jpg`);
      fs.copyFileSync(path.join(UPLOADS, '2024/03/kisan.jpg'), outside);
      fs.symlinkSync(outside, path.join(uploads, '2024', 'link.jpg'));
      const attachment = (id: number, file: string) =>
        `<item><title>p${id}</title><link>https://hostile.example/?attachment_id=${id}</link><wp:post_id>${id}</wp:post_id><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:post_parent>0</wp:post_parent><wp:attachment_url>https://hostile.example/wp-content/uploads/${file}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta></item>`;
      const before = await contentCounts(t);
      const report = await importWordpress(t.services, {
        file: file(`paths-${dialect}.xml`, wxr([attachment(901, '../outside.jpg'), attachment(902, outside), attachment(903, '2024/link.jpg'), attachment(904, '2024/../../x.jpg')].join(''))),
        uploadsDir: uploads,
      });
      assert.equal(report.created.photos, 0);
      assert.equal(report.skipped['attachment:file-missing'], 4);
      assert.equal((await contentCounts(t)).media, before.media);
    });

    test('a story is written whole or not at all: a failure at its second comment leaves nothing of it, and the next run brings it in', async () => {
      const db = t.services.storage.db;
      // A database that refuses one comment, as a full disk or a lost connection would half-way through a story.
      if (dialect === 'sqlite') {
        await sql`create trigger refuse_boom before insert on comments when new.body = 'BOOM' begin select raise(abort, 'refused'); end`.execute(db);
      } else {
        await sql`create function refuse_boom() returns trigger language plpgsql as $$ begin if new.body = 'BOOM' then raise exception 'refused'; end if; return new; end $$`.execute(db);
        await sql`create trigger refuse_boom before insert on comments for each row execute function refuse_boom()`.execute(db);
      }
      const comment = (id: number, body: string) =>
        `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>a</wp:comment_author><wp:comment_author_email>a@example.com</wp:comment_author_email><wp:comment_date_gmt>2024-01-01 05:00:00</wp:comment_date_gmt><wp:comment_content>${body}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
      const source = file(`whole-${dialect}.xml`, wxr(post(70, 'पूरी ख़बर', '<p>पाठ</p>', comment(1, 'पहली') + comment(2, 'BOOM') + comment(3, 'तीसरी'))).replace(/hostile\.example/g, 'whole.example'));
      const before = await contentCounts(t);
      await assert.rejects(importWordpress(t.services, { file: source }));
      const after = await contentCounts(t);
      assert.equal(after.articles, before.articles, 'no article');
      assert.equal(after.comments, before.comments, 'no comment');
      assert.equal(after.article_tags + after.article_authors, before.article_tags + before.article_authors);
      const mapped = await db.withTables<{ wordpress_ids: { site: string; kind: string } }>().selectFrom('wordpress_ids').select('kind').where('site', '=', 'https://whole.example').where('kind', 'in', ['post', 'comment']).execute();
      assert.deepEqual(mapped, []);
      await sql`drop trigger refuse_boom${sql.raw(dialect === 'postgres' ? ' on comments' : '')}`.execute(db);
      const again = await importWordpress(t.services, { file: source });
      assert.equal(again.created.articles, 1);
      assert.equal(again.created.comments, 3);
      assert.equal((await contentCounts(t)).comments, before.comments + 3);
    });

    test('--accounts: a contributor account per author, linked to the byline, that nobody can sign in to until a password is set', async () => {
      const report = await importWordpress(t.services, { file: EXPORT, uploadsDir: UPLOADS, accounts: true });
      assert.equal(report.created.accounts, figures.authors.length);
      assert.equal(report.created.articles, 0);
      const users = await t.services.users.list();
      const ravi = users.find((u) => u.email === 'ravi@example.com')!;
      assert.equal(ravi.role, 'contributor');
      assert.equal(ravi.name, 'रवि कुमार');
      const byline = (await t.services.authors.list()).find((a) => a.name === 'रवि कुमार')!;
      assert.equal(ravi.authorId, byline.id);
      const signIn = await t.services.users.signIn('ravi@example.com', 'correct horse battery', '203.0.113.1');
      assert.equal(signIn.ok, false);
      // The way in: a reset link, as for any account.
      const link = await t.services.passwordResets.issueForEmail('ravi@example.com');
      assert.match(link.url, /reset/);
      const again = await importWordpress(t.services, { file: EXPORT, uploadsDir: UPLOADS, accounts: true });
      assert.equal(again.created.accounts, 0);
      assert.equal(again.existing.accounts, figures.authors.length);
      assert.equal((await t.services.users.list()).length, users.length);
    });
  });
}
