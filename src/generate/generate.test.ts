/** The generator alone: deterministic, plausible, and the same text the search benchmark always measured. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { parseArticleSegment } from '../domain/articles/article.ts';
import { slugify } from '../lib/slug.ts';
import { parseRichText } from '../richtext/rich-text.ts';
import { evalCorpus } from '../search/eval/corpus.ts';
import { type GeneratedArticle, generateArticles, type GenerateSetup } from './generate.ts';
import { GENERATED_AUTHORS } from './people.ts';

const DOCS = evalCorpus();
const SECTIONS = ['desh', 'videsh', 'rajneeti', 'khel', 'business', 'manoranjan', 'tech', 'swasthya'];
const END = new Date('2023-03-22T09:00:00+05:30');
const THREE_YEARS = 3 * 365 * 86_400_000;
/** A library like the demo's: the corpus's own photo captions, ids 1…n. */
const PHOTOS = [...new Set(DOCS.filter((d) => d.demo).flatMap((d) => d.captions))].map((caption, i) => ({ id: i + 1, caption }));
const SETUP: GenerateSetup = { docs: DOCS, sections: SECTIONS, authors: GENERATED_AUTHORS, photos: PHOTOS, end: END };
const DEVANAGARI = /[\u0900-\u097F]/;

const take = (setup: GenerateSetup, n: number): GeneratedArticle[] => [...generateArticles(setup, n)];

describe('generated articles', () => {
  const articles = take({ ...SETUP, seed: 11, commentsPerArticle: 8 }, 2000);
  const comments = articles.flatMap((a) => a.comments);

  test('the same seed gives the same site; another seed another', () => {
    const again = take({ ...SETUP, seed: 11, commentsPerArticle: 8 }, 2000);
    assert.deepEqual(again, articles);
    const other = take({ ...SETUP, seed: 12, commentsPerArticle: 8 }, 50);
    assert.notDeepEqual(other.map((a) => a.headline), articles.slice(0, 50).map((a) => a.headline));
  });

  test("the text is the search benchmark's, as it always was (its figures depend on it)", () => {
    // Fingerprints of the text of the first 3000 stories made by src/search/bench/generate.ts
    // before it moved here (section, headline, dek, paragraphs, tags, publishing time).
    const fingerprint = (seed: number) => {
      const h = createHash('sha256');
      for (const a of generateArticles({ ...SETUP, seed }, 3000)) h.update(JSON.stringify([a.section, a.headline, a.dek, a.paragraphs, a.tags, a.publishedAt.toISOString()]));
      return h.digest('hex');
    };
    assert.equal(fingerprint(42), '75c64efa404f157d0fd2b4582af3755595ec928ecdbdd98db9b53be746111239');
    assert.equal(fingerprint(7), '40fdf958d7c399b7b0f844714e6e0051ab1ee4644c8b6b77a71b95d52131d4bd');
  });

  test('Hindi text, with an address readers can open', () => {
    for (const a of articles) {
      assert.match(a.headline, DEVANAGARI);
      assert.ok(a.headline.length > 10 && a.headline.length <= 300, a.headline);
      assert.ok(a.dek.length > 0 && a.dek.length <= 600);
      assert.ok(a.paragraphs.length >= 4 && a.paragraphs.every((p) => DEVANAGARI.test(p)));
      assert.equal(a.slug, slugify(a.headline, { maxLength: 80 }));
      assert.ok(a.slug.length > 0);
      assert.deepEqual(parseArticleSegment(`${a.slug}-123`), { slug: a.slug, id: 123 });
      assert.doesNotThrow(() => parseRichText(a.body));
      const texts = a.body.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.content.map((i) => i.text).join('')] : []));
      assert.deepEqual(texts, a.paragraphs);
    }
    assert.ok(new Set(articles.map((a) => a.headline)).size > 500, 'headlines vary');
  });

  test('sections, tags and bylines come from the site', () => {
    const sections = new Set(articles.map((a) => a.section));
    assert.deepEqual([...sections].sort(), [...SECTIONS].sort(), 'every section gets stories');
    const slugs = new Set(GENERATED_AUTHORS.map((a) => a.slug));
    const corpusTags = new Set(DOCS.flatMap((d) => d.tags));
    for (const a of articles) {
      assert.ok(a.authors.length >= 1 && a.authors.length <= 2);
      assert.equal(new Set(a.authors).size, a.authors.length);
      assert.ok(a.authors.every((s) => slugs.has(s)));
      assert.ok(a.tags.every((t) => corpusTags.has(t)));
    }
    assert.ok(articles.filter((a) => a.tags.length > 0).length > 1900, 'almost every story is tagged');
    assert.ok(new Set(articles.flatMap((a) => a.authors)).size >= 35, 'most bylines write');
    // Reporters mostly write for their beat.
    const beatOf = new Map(GENERATED_AUTHORS.map((a) => [a.slug, a.beat]));
    const onBeat = articles.filter((a) => beatOf.get(a.authors[0]!) === a.section).length;
    assert.ok(onBeat > articles.length * 0.6, `${onBeat} of ${articles.length} on their reporter's beat`);
  });

  test("a site without one of the corpus's sections gets those stories in its own sections", () => {
    const few = take({ ...SETUP, sections: ['desh', 'khel'], seed: 3 }, 300);
    assert.deepEqual([...new Set(few.map((a) => a.section))].sort(), ['desh', 'khel']);
    assert.throws(() => take({ ...SETUP, sections: [] }, 1), /no sections/);
  });

  test('photos from the library: a hero for most stories, 0 to 2 in the body with captions of their own', () => {
    const ids = new Set(PHOTOS.map((p) => p.id));
    const withHero = articles.filter((a) => a.hero !== null);
    assert.ok(withHero.length > articles.length * 0.75 && withHero.length < articles.length * 0.95, `${withHero.length} heroes`);
    assert.ok(withHero.every((a) => ids.has(a.hero!)));
    const counts = new Set<number>();
    for (const a of articles) {
      assert.ok(a.photos.length <= 2);
      counts.add(a.photos.length);
      const images = a.body.blocks.filter((b) => b.type === 'image');
      assert.deepEqual(images.map((b) => b.mediaId), a.photos.map((p) => p.mediaId));
      for (const p of a.photos) {
        assert.ok(ids.has(p.mediaId));
        assert.match(p.caption, DEVANAGARI);
        assert.ok(p.credit.length > 0);
      }
      // Never after the closing line.
      assert.equal(a.body.blocks.at(-1)?.type, 'paragraph');
    }
    assert.deepEqual([...counts].sort(), [0, 1, 2]);
    // A story whose photos are in the library mostly shows its own at the top.
    const captionOf = new Map(PHOTOS.map((p) => [p.id, p.caption]));
    const ref = DOCS.find((d) => d.key === 'ref')!;
    const fromRef = withHero.filter((a) => a.headline.includes(ref.headline));
    assert.ok(fromRef.length > 5);
    const own = fromRef.filter((a) => ref.captions.includes(captionOf.get(a.hero!)!)).length;
    assert.ok(own > fromRef.length / 2, `${own} of ${fromRef.length} stories on the reference show its photos`);
  });

  test('no library, no photos; no comments when asked for none', () => {
    const bare = take({ ...SETUP, photos: [], commentsPerArticle: 0 }, 200);
    assert.ok(bare.every((a) => a.hero === null && a.photos.length === 0 && a.comments.length === 0));
  });

  test('times: over three years up to the end, written before published, updated after', () => {
    for (const a of articles) {
      assert.ok(a.publishedAt.getTime() <= END.getTime() && a.publishedAt.getTime() >= END.getTime() - THREE_YEARS);
      assert.ok(a.createdAt < a.publishedAt);
      assert.ok(a.updatedAt >= a.publishedAt && a.updatedAt <= END);
    }
    const lastMonth = articles.filter((a) => a.publishedAt.getTime() > END.getTime() - 30 * 86_400_000).length;
    assert.ok(lastMonth > articles.length * 0.05, 'recent stories are more frequent');
  });

  test('comments: 0 to N per story, after the story, replies after what they answer, mostly published', () => {
    const perStory = articles.map((a) => a.comments.length);
    assert.ok(Math.max(...perStory) <= 8);
    assert.ok(perStory.includes(0) && perStory.includes(8));
    for (const a of articles) {
      for (const [i, c] of a.comments.entries()) {
        assert.ok(c.createdAt > a.publishedAt, 'a comment comes after its story');
        assert.ok(c.createdAt <= END, 'and not after the end');
        if (i > 0) assert.ok(c.createdAt >= a.comments[i - 1]!.createdAt, 'oldest first');
        if (c.replyTo !== null) {
          assert.ok(c.replyTo < i);
          const parent = a.comments[c.replyTo]!;
          assert.equal(parent.replyTo, null, 'threads are two levels deep');
          assert.equal(parent.status, 'approved', 'replies answer published comments');
          assert.ok(c.createdAt > parent.createdAt);
        }
        assert.ok(c.body.length > 0 && c.body.length <= 5000);
        assert.ok(c.authorName.length > 0);
        assert.match(c.authorEmail, /^[a-z.]+[0-9]*@example\.(com|net|org)$/);
        if (c.status === 'trash') assert.ok(c.previousStatus && c.moderatedAt && c.moderatedAt >= c.createdAt);
        else assert.equal(c.previousStatus, null);
        assert.ok(!/\{(place|person|name)\}/.test(c.body), c.body);
      }
    }
    const share = (f: (c: (typeof comments)[number]) => boolean) => comments.filter(f).length / comments.length;
    assert.ok(comments.length > 2000);
    assert.ok(share((c) => c.status === 'approved') > 0.8);
    for (const status of ['pending', 'spam', 'trash'] as const) assert.ok(share((c) => c.status === status) > 0.005, status);
    assert.ok(share((c) => c.replyTo !== null) > 0.05, 'some replies');
    assert.ok(share((c) => DEVANAGARI.test(c.body)) > 0.7, 'mostly Hindi');
    assert.ok(share((c) => DEVANAGARI.test(c.authorName)) > 0.4, 'names mostly in Devanagari');
    assert.ok(new Set(comments.map((c) => c.authorEmail)).size > 300, 'many readers');
  });
});

describe('bylines', () => {
  test('40 of them, demo first, with unique slugs as the newsroom makes them', () => {
    assert.equal(GENERATED_AUTHORS.length, 40);
    assert.equal(GENERATED_AUTHORS[0]?.slug, 'samachar-desk');
    assert.equal(new Set(GENERATED_AUTHORS.map((a) => a.slug)).size, 40);
    for (const a of GENERATED_AUTHORS) {
      assert.match(a.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(a.name, DEVANAGARI);
      assert.match(a.bio, DEVANAGARI);
    }
    assert.equal(GENERATED_AUTHORS.find((a) => a.nameLatin === 'Priyanka Mishra')?.slug, 'priyanka-mishra');
  });
});
