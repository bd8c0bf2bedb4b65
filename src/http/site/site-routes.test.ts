/**
 * The reader site over HTTP, on every database: each page, its content, and the
 * answers to bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articlePath } from '../../domain/articles/article.ts';
import { referenceArticle, updatesStories } from '../../demo/content/index.ts';
import { DIALECTS } from '../../../test/helpers/databases.ts';
import { openDemoApp, type TestApp } from '../../../test/helpers/app.ts';

/** The text a reader sees for `s`, as it appears in HTML (JSX escapes &, <, >, and quotes in attributes). */
const html = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const dialect of DIALECTS) {
  describe(`reader site (${dialect})`, () => {
    let t: TestApp;
    let refPath: string;

    before(async () => {
      t = await openDemoApp(dialect);
      const latest = await t.services.articles.latest(t.services.now(), 50);
      const ref = latest.find((a) => a.headline === referenceArticle.headline);
      assert.ok(ref, 'the reference article is published in the demo');
      refPath = articlePath(ref);
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

    test('the reference article has a readable transliterated address under its section', () => {
      assert.match(refPath, /^\/videsh\/jinping-se-bole-putin-welcome-dear-friend-[1-9][0-9]*$/);
    });

    test('the reference article page shows all the reference page shows', async () => {
      const res = await get(refPath);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html; charset=utf-8/);
      const body = res.body;
      assert.match(body, /^<!doctype html><html lang="hi"/);
      assert.ok(body.includes(`<h1 id="headline" class="headline">${html(referenceArticle.headline)}</h1>`));
      assert.ok(body.includes(`<p class="dek">${html(referenceArticle.dek)}</p>`));
      // Every block in order: paragraphs, subheadings, and the photo captions.
      let at = body.indexOf('class="article-body"');
      assert.ok(at > 0);
      for (const block of referenceArticle.body) {
        const text = 'p' in block ? block.p : 'h' in block ? block.h : 'photo' in block ? block.photo.caption : null;
        assert.ok(text, 'reference blocks are paragraphs, headings and photos');
        const found = body.indexOf(html(text), at);
        assert.ok(found > at, `block in order: ${text.slice(0, 40)}`);
        at = found;
      }
      const subheadings = referenceArticle.body.flatMap((b) => ('h' in b ? [b.h] : []));
      for (const h of subheadings) assert.ok(body.includes(`<h2>${html(h)}</h2>`), `subheading ${h}`);
      const captions = referenceArticle.body.flatMap((b) => ('photo' in b ? [b.photo.caption] : []));
      assert.equal(captions.length, 2);
      for (const c of captions) assert.ok(body.includes(`<figcaption>${html(c)}`), `caption ${c}`);
      // Byline with published and updated times; hero photo with its caption.
      assert.match(body, /प्रकाशित: <time datetime="2023-03-21T10:30:00\+05:30">March 21, 2023, 10:30 AM IST<\/time>/);
      assert.match(body, /अपडेट: <time datetime="2023-03-21T13:15:00\+05:30">March 21, 2023, 1:15 PM IST<\/time>/);
      assert.ok(body.includes(html(referenceArticle.hero.caption)));
      assert.match(body, /<img [^>]*fetchpriority="high"/);
      // Updates list with the reference's two stories and English dates.
      assert.ok(body.includes('>Updates</h2>'));
      for (const s of updatesStories) assert.ok(body.includes(html(`${s.headline}:${s.dek}`)), s.headline);
      assert.ok(body.includes('>March 21, 2023</time>'));
      // The COVID-19 CASES box with Indian digit grouping.
      assert.ok(body.includes('COVID-19 CASES'));
      assert.match(body, /<data value="\d+">\d{1,2}(,\d\d)*,\d{3}<\/data>/);
      // The comment section as the reference has it.
      assert.ok(body.includes('Leave a Reply'));
      assert.ok(body.includes('Your email address will not be published.'));
      assert.ok(body.includes('Required fields are marked'));
      for (const name of ['comment', 'author', 'email', 'url']) assert.match(body, new RegExp(`name="${name}"`));
      // Tags and related stories.
      assert.match(body, /<a href="\/tag\/[a-z0-9-]+" rel="tag">#/);
      assert.ok(body.includes('ये भी पढ़ें'));
    });

    test('a correction note and SEO fields set in the newsroom show on the page', async () => {
      const id = Number(refPath.split('-').pop());
      const { user } = await t.services.users.create({ email: `ed-${dialect}@example.test`, name: 'Ed', role: 'editor', password: 'password-1234' });
      const before = await t.services.desk.get(user, id);
      await t.services.desk.update(user, id, { correctionNote: 'पहले इस खबर में बैठक का समय गलत छपा था।', seoTitle: 'पुतिन-जिनपिंग मुलाकात', seoDescription: 'क्रेमलिन में हुई बैठक का ब्योरा' });
      await t.services.desk.applyPending(user, id);
      try {
        const res = await get(refPath);
        assert.match(res.body, /<aside class="correction"[^>]*><strong>सुधार:<\/strong> पहले इस खबर में बैठक का समय गलत छपा था।<\/aside>/);
        assert.match(res.body, /<title>पुतिन-जिनपिंग मुलाकात \| समाचार<\/title>/);
        assert.match(res.body, /<meta name="description" content="क्रेमलिन में हुई बैठक का ब्योरा"\/>/);
      } finally {
        await t.services.desk.update(user, id, { correctionNote: before.correctionNote, seoTitle: before.seoTitle, seoDescription: before.seoDescription });
        await t.services.desk.applyPending(user, id);
      }
    });

    test('the reader language setting switches labels and dates to Hindi, and digits to Devanagari', async () => {
      await get(refPath);
      assert.equal((await get(refPath)).headers['x-cache'], 'HIT', 'the English page is cached');
      await t.services.settings.update({ readerLanguage: 'hi' });
      try {
        const res = await get(refPath);
        assert.ok(res.body.includes('>21 मार्च 2023</time>'), 'Hindi dates');
        assert.ok(!res.body.includes('>March 21, 2023</time>'), 'no English dates');
        assert.ok(res.body.includes('>अपडेट्स</h2>') && !res.body.includes('>Updates</h2>'), 'the Updates box in Hindi');
        assert.ok(res.body.includes('>अपनी टिप्पणी लिखें</h2>') && !res.body.includes('Leave a Reply'), 'the comment form in Hindi');
        await t.services.settings.update({ devanagariDigits: true });
        const digits = await get(refPath);
        assert.ok(digits.body.includes('>२१ मार्च २०२३</time>'), 'dates in Devanagari digits');
        assert.ok(digits.body.includes('datetime="2023-03-21T'), 'machine-readable dates keep ASCII digits');
        // The headline's own digits are content, never converted.
        assert.ok(digits.body.includes(html(referenceArticle.headline)), 'the headline as written');
      } finally {
        await t.services.settings.update({ readerLanguage: 'en', devanagariDigits: false });
      }
      const back = await get(refPath);
      assert.ok(back.body.includes('>March 21, 2023</time>') && back.body.includes('>Updates</h2>') && back.body.includes('Leave a Reply'), 'the reference page’s labels again');
    });

    test('an old slug or section answers 301 with the current address', async () => {
      const id = refPath.split('-').pop()!;
      for (const old of [`/videsh/old-headline-${id}`, `/desh/jinping-se-bole-putin-welcome-dear-friend-${id}`, `/videsh/${id}`]) {
        const res = await get(old);
        assert.equal(res.statusCode, 301, old);
        assert.equal(res.headers.location, refPath);
      }
    });

    test('the home page has a lead story, section blocks, Updates and the widget', async () => {
      const res = await get('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /class="card card-lead"/);
      assert.ok(res.body.includes(html(referenceArticle.headline)), 'the newest story with a photo leads');
      const blocks = res.body.match(/class="section-block"/g) ?? [];
      assert.ok(blocks.length >= 6, `section blocks: ${blocks.length}`);
      assert.ok(res.body.includes('>Updates</h2>'));
      assert.ok(res.body.includes('COVID-19 CASES'));
      assert.ok(res.body.includes('<nav class="site-nav"'));
    });

    test('section, tag and author pages list their stories', async () => {
      const section = await get('/videsh');
      assert.equal(section.statusCode, 200);
      assert.ok(section.body.includes('<h1>विदेश</h1>'));
      assert.ok(section.body.includes(html(referenceArticle.headline)));
      assert.ok(section.body.includes('aria-current="page"'));

      const tagHref = /<a href="(\/tag\/[a-z0-9-]+)" rel="tag">/.exec((await get(refPath)).body)?.[1];
      assert.ok(tagHref);
      const tag = await get(tagHref);
      assert.equal(tag.statusCode, 200);
      assert.ok(tag.body.includes(html(referenceArticle.headline)));

      const authorHref = /<a href="(\/author\/[a-z0-9-]+)" rel="author">/.exec((await get(refPath)).body)?.[1];
      assert.ok(authorHref);
      const author = await get(authorHref);
      assert.equal(author.statusCode, 200);
      assert.ok(author.body.includes(html(referenceArticle.headline)));
    });

    test('lists paginate with ?page=N, rel prev/next, and 404 past the end', async () => {
      const { services } = t;
      const section = await services.sections.create({ slug: 'pagination-test', name: 'पेजिनेशन', nameLatin: 'Pagination' });
      const base = new Date('2023-03-10T10:00:00+05:30').getTime();
      for (let i = 0; i < 17; i++) {
        const at = new Date(base + i * 60_000);
        await services.articles.create({
          sectionId: section.id,
          headline: `परीक्षण खबर नंबर ${i + 1}`,
          dek: '',
          body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पाठ' }] }] },
          heroMediaId: null,
          tagIds: [],
          authorIds: [],
          status: 'published',
          publishedAt: at,
          updatedAt: at,
          createdAt: at,
          commentsOpen: true,
        });
      }
      const p1 = await get('/pagination-test');
      assert.equal(p1.statusCode, 200);
      assert.equal((p1.body.match(/<article class="card/g) ?? []).length, 15);
      assert.ok(p1.body.includes('परीक्षण खबर नंबर 17<'), 'newest first');
      assert.ok(p1.body.includes('<a rel="next" href="/pagination-test?page=2">'));
      const p2 = await get('/pagination-test?page=2');
      assert.equal(p2.statusCode, 200);
      assert.equal((p2.body.match(/<article class="card/g) ?? []).length, 2);
      assert.ok(p2.body.includes('परीक्षण खबर नंबर 1<'));
      assert.ok(p2.body.includes('<a rel="prev" href="/pagination-test">'));
      assert.equal((await get('/pagination-test?page=3')).statusCode, 404);
    });

    test('a draft is not public', async () => {
      const { services } = t;
      const [section] = await services.sections.list();
      const now = services.now();
      const id = await services.articles.create({
        sectionId: section!.id,
        headline: 'अभी प्रकाशित नहीं हुई खबर',
        dek: '',
        body: { version: 1, blocks: [] },
        heroMediaId: null,
        tagIds: [],
        authorIds: [],
        status: 'draft',
        publishedAt: null,
        updatedAt: now,
        createdAt: now,
        commentsOpen: true,
      });
      const res = await get(`/${section!.slug}/abhi-${id}`);
      assert.equal(res.statusCode, 404);
      assert.ok(!(await get(`/${section!.slug}`)).body.includes('अभी प्रकाशित नहीं हुई खबर'));
    });

    const badRequests: [string, number][] = [
      ['/no-such-section', 404],
      ['/videsh/no-such-story', 404],
      ['/videsh/abc-0', 404],
      ['/videsh/123abc', 404],
      ['/videsh/story-99999999999', 404],
      ['/videsh/story-2147483647', 404],
      ['/videsh/' + 'a'.repeat(390) + '-999999', 404],
      ['/videsh/a/b/c', 404],
      ['/tag/no-such-tag', 404],
      ['/author/no-such-person', 404],
      ['/media/../../etc/passwd', 404],
      ['/media/..%2f..%2fetc%2fpasswd', 404],
      ['/media/0123456789abcdef-480.webp', 404],
      ['/assets/site.000000000000.css', 404],
      ['/%FF', 400],
      ['/videsh/%E0%A4', 400],
      ['/%', 400],
      ['/videsh?page=abc', 400],
      ['/videsh?page=0', 400],
      ['/videsh?page=-1', 400],
      ['/videsh?page=1e3', 400],
      ['/videsh?page=99', 404],
      ['/' + 'x'.repeat(3000), 414],
      ['/videsh?q=' + 'y'.repeat(3000), 414],
    ];
    for (const [url, status] of badRequests) {
      test(`bad input ${url.slice(0, 50)} → ${status}, a Hindi page`, async () => {
        const res = await get(url);
        assert.equal(res.statusCode, status);
        assert.match(String(res.headers['content-type']), /^text\/html/);
        assert.match(res.body, /<html lang="hi"/);
        assert.match(res.body, /<h1 id="error-title">[\u0900-\u097F ]+<\/h1>/);
        assert.ok(!/at .+\.(ts|js):\d+/.test(res.body), 'no stack trace');
        assert.equal(res.headers['cache-control'], 'no-store');
      });
    }

    test('methods that the site does not take get a 4xx, never a 500', async () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
        const res = await t.app.inject({ method, url: refPath, payload: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} → ${res.statusCode}`);
      }
    });

    test('a trailing slash redirects to the one address; // never redirects off-site', async () => {
      const res = await get('/videsh/');
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, '/videsh');
      const evil = await get('//evil.example/');
      assert.notEqual(evil.statusCode, 301);
      assert.ok(!String(evil.headers.location ?? '').includes('evil'));
    });

    test('no page asks for anything from another host', async () => {
      for (const url of ['/', refPath, '/videsh', '/no-such-page']) {
        const res = await get(url);
        const refs = [...res.body.matchAll(/<(?:img|source|script|link|iframe)\b[^>]*>/g)].map((m) => m[0]);
        assert.ok(refs.length > 0);
        for (const tag of refs) {
          if (/rel="canonical"/.test(tag)) continue; // an address, not a request
          for (const [, attr, value] of tag.matchAll(/\b(src|href|srcset)="([^"]*)"/g)) {
            for (const u of value!.split(',').map((s) => s.trim().split(' ')[0]!)) {
              assert.ok(u.startsWith('/') && !u.startsWith('//'), `${url}: ${attr}=${u} in ${tag}`);
            }
          }
        }
      }
    });

    test('pages carry a strict CSP and the security headers', async () => {
      const res = await get(refPath);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|https?:/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      // The only script is the comment form's module, from this host; nothing inline runs.
      // Structured data is a data block (`type="application/ld+json"`), which no browser runs.
      assert.ok(!/<script(?![^>]*\ssrc="\/assets\/)(?! type="application\/ld\+json">)/.test(res.body), 'no inline script');
      assert.equal(res.body.match(/<script type="application\/ld\+json">/g)?.length, 1, 'one structured-data block');
    });

    test('assets, fonts and photos are served by Samachar with long caching', async () => {
      const page = (await get(refPath)).body;
      const css = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1];
      assert.ok(css);
      const cssRes = await get(css);
      assert.equal(cssRes.statusCode, 200);
      assert.match(String(cssRes.headers['cache-control']), /immutable/);
      assert.match(cssRes.body, /@font-face\{font-family:'Noto Sans Devanagari'/);
      assert.match(cssRes.body, /unicode-range:U\+0900-097F/);
      const font = /<link rel="preload" href="([^"]+\.woff2)"/.exec(page)?.[1];
      assert.ok(font);
      const fontRes = await get(font);
      assert.equal(fontRes.statusCode, 200);
      assert.equal(fontRes.headers['content-type'], 'font/woff2');
      assert.equal(fontRes.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
      const img = /<img src="(\/media\/[^"]+\.jpg)"/.exec(page)?.[1];
      assert.ok(img);
      const imgRes = await get(img);
      assert.equal(imgRes.statusCode, 200);
      assert.equal(imgRes.headers['content-type'], 'image/jpeg');
      assert.equal(imgRes.rawPayload[0], 0xff);
      const webp = /srcset="(\/media\/[^" ]+\.webp)/.exec(page)?.[1];
      assert.ok(webp);
      const webpRes = await get(webp);
      assert.equal(webpRes.headers['content-type'], 'image/webp');
      assert.equal(webpRes.rawPayload.subarray(8, 12).toString('latin1'), 'WEBP');
    });

    test('pages are compressed for slow networks', async () => {
      const res = await get(refPath, { 'accept-encoding': 'br, gzip' });
      assert.equal(res.headers['content-encoding'], 'br');
    });
  });
}
