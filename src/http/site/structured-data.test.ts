/**
 * Structured data and social cards on every public page type, on every database (issue 14,
 * points 3, 4 and 8): the JSON-LD of each page is parsed the way a crawler reads it (an HTML
 * parser, then JSON.parse) and checked against the committed checklist of Google's required
 * and recommended properties; og:* and twitter:* are read back; every image they name is
 * fetched and has the size it claims. A story whose headline and dek hold `</script>`, `]]>`,
 * quotes, emoji, bidi marks and Devanagari with nukta comes back byte-exact, with no
 * element of its own.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Parser } from 'htmlparser2';
import sharp from 'sharp';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import path from 'node:path';
import { actor } from '../../../test/helpers/newsroom.ts';
import { type Article, articlePath } from '../../domain/articles/article.ts';
import { cropPath } from '../../domain/media/crops.ts';

interface Checklist {
  types: Record<string, { required: string[]; recommended: string[]; samachar: string[] }>;
  pages: Record<string, string[]>;
}
const CHECKLIST = JSON.parse(fs.readFileSync(new URL('../../../test/fixtures/structured-data/google-article-checklist.json', import.meta.url), 'utf8')) as Checklist;

type Node = Record<string, unknown>;

interface Head {
  /** og:* and article:* by property, twitter:* by name; repeated keys keep every value. */
  meta: Map<string, string[]>;
  /** Parsed JSON-LD nodes (a @graph flattened). */
  nodes: Node[];
  /** Every <script> element's type or src, to see that nothing opened one of its own. */
  scripts: string[];
  title: string;
}

/** Reads a page as a browser's parser would: a script's text ends at the first `</script`. */
function readHead(html: string): Head {
  const head: Head = { meta: new Map(), nodes: [], scripts: [], title: '' };
  let inLd = false;
  let ld = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'meta') {
          const key = attrs.property ?? attrs.name;
          if (key && attrs.content !== undefined) head.meta.set(key, [...(head.meta.get(key) ?? []), attrs.content]);
        }
        if (name === 'script') {
          head.scripts.push(attrs.type ?? attrs.src ?? '(inline)');
          inLd = attrs.type === 'application/ld+json';
          ld = '';
        }
        if (name === 'title') inTitle = true;
      },
      ontext(text) {
        if (inLd) ld += text;
        if (inTitle) head.title += text;
      },
      onclosetag(name) {
        if (name === 'script' && inLd) {
          const doc = JSON.parse(ld) as Node;
          assert.equal(doc['@context'], 'https://schema.org');
          head.nodes.push(...((doc['@graph'] as Node[] | undefined) ?? [doc]));
          inLd = false;
        }
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return head;
}

/** Whether `node` has `path` (checklist syntax: dots, `x[]` for every element, `key=value`). */
function has(node: unknown, path: string): boolean {
  const [first, ...rest] = path.split('.');
  if (first === undefined) return true;
  if (node === null || typeof node !== 'object') return false;
  const [rawKey, expected] = first.split('=') as [string, string | undefined];
  const every = rawKey.endsWith('[]');
  const key = every ? rawKey.slice(0, -2) : rawKey;
  const value = (node as Node)[key];
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value) && value.length === 0) return false;
  if (expected !== undefined) return value === expected;
  if (rest.length === 0) return true;
  const items = every ? (Array.isArray(value) ? value : [value]) : [value];
  return items.every((v) => has(v, rest.join('.')));
}

function checkNode(node: Node, type: string) {
  const list = CHECKLIST.types[type]!;
  for (const path of [...list.required, ...list.recommended, ...list.samachar]) assert.ok(has(node, path), `${type}: ${path} missing in ${JSON.stringify(node)}`);
}

// `</script>`, `]]>`, both quotes, `&`, `<!--`, emoji, bidi marks (LRM, RLM), a line separator,
// and Devanagari with nukta written as NFC keeps it (base letter + U+093C).
const HOSTILE_HEADLINE = 'पुतिन </script><script>alert(1)</script> ]]> "वेलकम" \'डियर\' & <!-- 😀🇮🇳 \u200f\u200e क़ज़ा ज़िंदगी फ़िल्म';
const HOSTILE_DEK = 'मुलाक़ात के बाद </SCRIPT ]]> "उद्धरण" \u2028 ग़ज़ल 👍 \u200f<b>मोटा</b>';

for (const dialect of DIALECTS) {
  describe(`structured data and social cards (${dialect})`, () => {
    let t: TestApp;
    let origin: string;
    let withPhoto: Article;
    let noPhoto: Article;
    let photoId: number;

    before(async () => {
      t = await openDemoApp(dialect);
      origin = t.services.config.siteUrl.replace(/\/$/, '');
      // A photo large enough for 1200 px crops, with its subject near the right edge.
      const jpeg = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#3a6ea5' } })
        .composite([{ input: { create: { width: 120, height: 120, channels: 3, background: '#ff0000' } }, left: 1640, top: 390 }])
        .jpeg()
        .toBuffer();
      const photo = await t.services.media.ingest(jpeg, { alt: 'लाल निशान "वाली" फोटो', caption: 'परीक्षण', credit: 'समाचार' });
      photoId = photo.id;
      await t.services.media.setFocalPoint(photo.id, { x: 0.85, y: 0.3 });
      const [section] = await t.services.sections.list();
      const authors = await t.services.authors.list();
      const tag = await t.services.tags.findOrCreate('परीक्षण "टैग"');
      const now = t.services.now();
      const make = (headline: string, heroMediaId: number | null) =>
        t.services.articles.create({
          sectionId: section!.id,
          headline,
          dek: HOSTILE_DEK,
          body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला पैराग्राफ।' }] }] },
          heroMediaId,
          tagIds: [tag.id],
          authorIds: [authors[0]!.id],
          status: 'published',
          publishedAt: new Date(now.getTime() - 3_600_000),
          updatedAt: new Date(now.getTime() - 600_000),
          createdAt: new Date(now.getTime() - 7_200_000),
          commentsOpen: true,
        });
      withPhoto = (await t.services.articles.getPublic(await make(HOSTILE_HEADLINE, photo.id), now))!;
      noPhoto = (await t.services.articles.getPublic(await make(`${HOSTILE_HEADLINE} बिना फोटो`, null), now))!;
    });
    after(() => t.close());

    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return res;
    };
    const page = async (url: string) => readHead((await get(url)).body);
    const image = async (absolute: string) => {
      assert.ok(absolute.startsWith(`${origin}/media/`), `${absolute} is served by Samachar`);
      const res = await get(absolute.slice(origin.length));
      assert.match(String(res.headers['cache-control']), /immutable/);
      return { meta: await sharp(res.rawPayload).metadata(), res };
    };

    test('hostile headline and dek survive byte-exact in JSON-LD and meta tags, and open no element', async () => {
      assert.equal(withPhoto.headline, HOSTILE_HEADLINE, 'stored as written');
      const html = (await get(articlePath(withPhoto))).body;
      assert.ok(!html.includes('<script>alert(1)'), 'the headline never becomes markup');
      const head = readHead(html);
      // The page's own scripts only: one JSON-LD block and the comment form's module.
      assert.deepEqual(
        head.scripts.filter((s) => s !== 'module' && !s.startsWith('/')),
        ['application/ld+json'],
      );
      const article = head.nodes.find((n) => n['@type'] === 'NewsArticle')!;
      assert.equal(article.headline, HOSTILE_HEADLINE);
      assert.equal(article.alternativeHeadline, HOSTILE_DEK);
      assert.equal(article.description, HOSTILE_DEK);
      const crumbs = head.nodes.find((n) => n['@type'] === 'BreadcrumbList')!;
      assert.equal((crumbs.itemListElement as Node[]).at(-1)!.name, HOSTILE_HEADLINE);
      for (const key of ['og:title', 'twitter:title']) assert.deepEqual(head.meta.get(key), [HOSTILE_HEADLINE], key);
      for (const key of ['og:description', 'twitter:description']) assert.deepEqual(head.meta.get(key), [HOSTILE_DEK], key);
      assert.deepEqual(head.meta.get('article:tag'), ['परीक्षण "टैग"']);
      assert.ok(head.title.startsWith(HOSTILE_HEADLINE));
      // The raw bytes of the JSON-LD have no character that could end or comment the element.
      const raw = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]!;
      assert.doesNotMatch(raw, /[<>&\u2028\u2029]/);
    });

    test('every page type has JSON-LD meeting the checklist, and og/twitter cards with a sized image', async () => {
      const author = withPhoto.authors[0]!;
      const pages: [string, string][] = [
        ['home', '/'],
        ['section', `/${withPhoto.section.slug}`],
        ['story', articlePath(withPhoto)],
        ['story', articlePath(noPhoto)],
        ['author', `/author/${author.slug}`],
      ];
      for (const [kind, url] of pages) {
        const head = await page(url);
        const types = head.nodes.map((n) => n['@type'] as string);
        for (const type of CHECKLIST.pages[kind]!) assert.ok(types.includes(type), `${url}: ${type} in ${types.join(', ')}`);
        for (const node of head.nodes) if (CHECKLIST.types[node['@type'] as string]) checkNode(node, node['@type'] as string);
        for (const key of ['og:site_name', 'og:title', 'og:type', 'og:url', 'og:image', 'og:image:width', 'og:image:height']) assert.ok(head.meta.get(key)?.[0], `${url}: ${key}`);
        assert.deepEqual(head.meta.get('og:locale'), ['hi_IN'], url);
        assert.deepEqual(head.meta.get('twitter:card'), ['summary_large_image'], url);
        const og = await image(head.meta.get('og:image')![0]!);
        assert.equal(og.meta.width, Number(head.meta.get('og:image:width')![0]), `${url}: og:image width`);
        assert.equal(og.meta.height, Number(head.meta.get('og:image:height')![0]), `${url}: og:image height`);
      }
      // The publisher's logo is made from the site's name and served here.
      const home = await page('/');
      const publisher = home.nodes.find((n) => n['@type'] === 'NewsMediaOrganization')!;
      const logo = publisher.logo as { url: string; width: number; height: number };
      const made = await image(logo.url);
      assert.equal(made.meta.format, 'png');
      assert.equal(made.meta.width, logo.width);
      assert.equal(made.meta.height, logo.height);
      // Tag pages are public pages too: cards, no structured data asked.
      const tagHead = await page(`/tag/${withPhoto.tags[0]!.slug}`);
      assert.deepEqual(tagHead.meta.get('twitter:card'), ['summary_large_image']);
    });

    test('a story: NewsArticle images are 16:9, 4:3 and 1:1 crops of at least 1200 px; article:* tags; the share image is 1200×630', async () => {
      const head = await page(articlePath(withPhoto));
      const article = head.nodes.find((n) => n['@type'] === 'NewsArticle')!;
      const images = article.image as { url: string; width: number; height: number }[];
      assert.equal(images.length, 3);
      const ratios = [16 / 9, 4 / 3, 1];
      for (const [i, img] of images.entries()) {
        assert.ok(img.width >= 1200, `${img.url} is ${img.width} wide`);
        assert.ok(Math.abs(img.width / img.height - ratios[i]!) < 0.01, img.url);
        const got = await image(img.url);
        assert.equal(got.meta.format, 'jpeg');
        assert.equal(got.meta.width, img.width);
        assert.equal(got.meta.height, img.height);
      }
      assert.equal(article.datePublished, head.meta.get('article:published_time')![0]);
      assert.equal(article.dateModified, head.meta.get('article:modified_time')![0]);
      assert.ok(Date.parse(article.dateModified as string) > Date.parse(article.datePublished as string));
      assert.deepEqual(head.meta.get('article:section'), [withPhoto.section.name]);
      assert.deepEqual(head.meta.get('article:author'), [`${origin}/author/${withPhoto.authors[0]!.slug}`]);
      assert.deepEqual((article.author as Node[])[0]!.url, `${origin}/author/${withPhoto.authors[0]!.slug}`);
      assert.equal(article.inLanguage, 'hi');
      assert.equal(article.isAccessibleForFree, true);
      assert.deepEqual(head.meta.get('og:type'), ['article']);
      const share = head.meta.get('og:image')![0]!;
      assert.match(share, /\/media\/crop\/\d+-1200x630-8500-3000\.jpg$/, 'the hero cut around its focal point');
      const cut = await image(share);
      assert.equal(cut.meta.width, 1200);
      assert.equal(cut.meta.height, 630);
      // The red subject near the right edge is in the share image (a centred cut would lose it).
      const { data, info } = await sharp(cut.res.rawPayload).raw().toBuffer({ resolveWithObject: true });
      let red = 0;
      for (let p = 0; p < data.length; p += info.channels) if (data[p]! > 200 && data[p + 1]! < 80 && data[p + 2]! < 80) red++;
      assert.ok(red > 1000, `the subject is in frame (${red} red pixels)`);
    });

    test('a story without a photo gets a share card with its headline; stale names redirect, unknown ones are 404', async () => {
      const head = await page(articlePath(noPhoto));
      const share = head.meta.get('og:image')![0]!;
      assert.match(share, /\/media\/share\/\d+-[0-9a-f]{16}\.png$/);
      const card = await image(share);
      assert.equal(card.meta.format, 'png');
      assert.equal(card.meta.width, 1200);
      assert.equal(card.meta.height, 630);
      const article = head.nodes.find((n) => n['@type'] === 'NewsArticle')!;
      assert.deepEqual((article.image as { url: string }[]).map((i) => i.url), [share]);
      // A second request is served from disk (the same bytes).
      const again = await get(share.slice(origin.length));
      assert.deepEqual(again.rawPayload, card.res.rawPayload);

      const stale = await t.app.inject({ method: 'GET', url: `/media/share/${noPhoto.id}-0000000000000000.png` });
      assert.equal(stale.statusCode, 301);
      assert.equal(stale.headers.location, share.slice(origin.length));
      for (const url of [
        '/media/share/999999-0000000000000000.png',
        `/media/share/${noPhoto.id}-zz.png`,
        '/media/share/..%2F..%2Fetc%2Fpasswd',
        '/media/crop/999999-16x9-5000-5000.jpg',
        `/media/crop/${photoId}-2x1-5000-5000.jpg`,
        `/media/crop/${photoId}-16x9-99999-5000.jpg`,
        '/media/logo/nothex.png',
      ]) {
        const res = await t.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
      }
    });

    test('deleting a photo deletes its crops; its crop addresses are then 404', async () => {
      const jpeg = await sharp({ create: { width: 900, height: 700, channels: 3, background: '#123456' } }).jpeg().toBuffer();
      const lone = await t.services.media.ingest(jpeg, { alt: 'अकेली', caption: 'अकेली', credit: 'समाचार' });
      const url = cropPath(lone, '4x3');
      const made = await image(`${origin}${url}`);
      assert.deepEqual([made.meta.width, made.meta.height], [900, 675], 'the widest 4:3 inside 900×700, not enlarged to 1200');
      const dir = path.join(t.services.config.mediaDir, 'crop');
      const mine = async () => (await fs.promises.readdir(dir)).filter((n) => n.startsWith(`${lone.fileKey}-`));
      assert.equal((await mine()).length, 1);
      const { user } = await actor(t.services, 'editor');
      await t.services.mediaUsage.delete(user, lone.id);
      assert.deepEqual(await mine(), []);
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404);
    });

    test('a photo whose files are missing answers 404 for its crops, never a 500', async () => {
      const colour = `#${Math.floor(Math.random() * 0xffffff).toString(16).padStart(6, '0')}`;
      const jpeg = await sharp({ create: { width: 700, height: 500, channels: 3, background: colour } }).jpeg().toBuffer();
      const gone = await t.services.media.ingest(jpeg, { alt: 'गुम', caption: 'गुम', credit: 'समाचार' });
      const widest = gone.variantWidths.at(-1)!;
      await fs.promises.rm(path.join(t.services.config.mediaDir, `${gone.fileKey}-${widest}.jpg`));
      assert.equal((await t.app.inject({ method: 'GET', url: cropPath(gone, '1x1') })).statusCode, 404);
    });

    test('moving the focal point gives new crop addresses on the page; the old ones redirect', async () => {
      const before = (await page(articlePath(withPhoto))).meta.get('og:image')![0]!;
      // Cards crop with CSS around the same point (object-position through fx-/fy- classes).
      const card = (html: string) => new RegExp(`class="card-photo (fx-\\d+ fy-\\d+)"[^>]*><div class="photo"><picture><source type="image/avif" srcset="/media/${withPhoto.hero!.fileKey}-`).exec(html)?.[1];
      assert.equal(card((await get(`/${withPhoto.section.slug}`)).body), 'fx-85 fy-30');
      await t.services.media.setFocalPoint(photoId, { x: 0.1, y: 0.9 });
      assert.equal(card((await get(`/${withPhoto.section.slug}`)).body), 'fx-10 fy-90', 'the cached section page was purged');
      const after = (await page(articlePath(withPhoto))).meta.get('og:image')![0]!;
      assert.notEqual(after, before);
      assert.match(after, /-1000-9000\.jpg$/);
      const old = await t.app.inject({ method: 'GET', url: before.slice(origin.length) });
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, after.slice(origin.length));
      await t.services.media.setFocalPoint(photoId, { x: 0.85, y: 0.3 });
    });
  });
}
