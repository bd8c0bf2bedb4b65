/**
 * The structured-data and social-card builders, pure (issue 14, points 3 and 4): the
 * serialiser keeps every string byte-exact while no character can end the script element;
 * NewsArticle carries corrections, crops around the focal point and authors as people;
 * social tags repeat per tag and author.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';
import { newsArticleJsonLd, serialiseJsonLd, shareImage, type SiteFacts } from './json-ld.ts';
import { ogLocale, socialMeta } from './social-meta.ts';

const site: SiteFacts = { origin: 'https://news.example', settings: { siteName: 'समाचार', siteNameLatin: 'Samachar', tagline: 'ताज़ा खबरें' } };

const photo: Media = {
  id: 7,
  fileKey: '0123456789abcdef',
  mime: 'image/jpeg',
  width: 3000,
  height: 2000,
  variantWidths: [480, 960, 1440, 2400],
  alt: 'क्रेमलिन',
  caption: 'क्रेमलिन में',
  credit: 'रॉयटर्स',
  focal: { x: 0.25, y: 0.75 },
};

function article(overrides: Partial<Article> = {}): Article {
  const at = new Date('2023-03-21T05:00:00Z');
  return {
    id: 1,
    slug: 'putin',
    headline: 'जिनपिंग से बोले पुतिन',
    dek: 'मुलाकात के बाद',
    section: { id: 2, slug: 'videsh', name: 'विदेश' },
    hero: photo,
    status: 'published',
    publishedAt: at,
    updatedAt: new Date('2023-03-21T06:00:00Z'),
    body: { version: 1, blocks: [] },
    bodyMedia: new Map(),
    tags: [
      { id: 1, slug: 'putin', name: 'पुतिन' },
      { id: 2, slug: 'cheen', name: 'चीन' },
    ],
    authors: [{ id: 1, slug: 'asha-varma', name: 'आशा वर्मा', nameLatin: 'Asha Varma', bio: '', photo: null }],
    commentsOpen: true,
    createdAt: at,
    correctionNote: '',
    corrections: [],
    lang: 'hi',
    translation: null,
    seoTitle: '',
    seoDescription: '',
    ...overrides,
  };
}

describe('serialiseJsonLd', () => {
  const hostile = '</script><!-- ]]> "q" \'s\' & \u2028\u2029 😀 \u200f क़ज़ा \\ \u0000';
  it('round-trips every string byte-exact and leaves no < > & U+2028 U+2029 in the output', () => {
    const out = serialiseJsonLd([{ '@type': 'Thing', name: hostile, list: [hostile, { deep: hostile }] }]);
    assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
    assert.ok(!out.toLowerCase().includes('</script'));
    const back = JSON.parse(out) as { '@context': string; name: string; list: [string, { deep: string }] };
    assert.equal(back['@context'], 'https://schema.org');
    assert.equal(back.name, hostile);
    assert.equal(back.list[0], hostile);
    assert.equal(back.list[1].deep, hostile);
  });
  it('several nodes become one @graph', () => {
    const back = JSON.parse(serialiseJsonLd([{ '@type': 'A' }, { '@type': 'B' }])) as { '@graph': { '@type': string }[] };
    assert.deepEqual(back['@graph'].map((n) => n['@type']), ['A', 'B']);
  });
});

describe('newsArticleJsonLd', () => {
  it('has the story, its crops around the focal point, people with URLs and the publisher', () => {
    const n = newsArticleJsonLd(site, article(), 'मुलाकात के बाद') as Record<string, unknown>;
    assert.equal(n['@type'], 'NewsArticle');
    assert.equal(n.url, 'https://news.example/videsh/putin-1');
    assert.equal(n.headline, 'जिनपिंग से बोले पुतिन');
    assert.equal(n.alternativeHeadline, 'मुलाकात के बाद');
    assert.deepEqual(n.image, [
      { '@type': 'ImageObject', url: 'https://news.example/media/crop/7-16x9-2500-7500.jpg', width: 1200, height: 675 },
      { '@type': 'ImageObject', url: 'https://news.example/media/crop/7-4x3-2500-7500.jpg', width: 1200, height: 900 },
      { '@type': 'ImageObject', url: 'https://news.example/media/crop/7-1x1-2500-7500.jpg', width: 1200, height: 1200 },
    ]);
    assert.equal(n.datePublished, '2023-03-21T10:30:00+05:30');
    assert.equal(n.dateModified, '2023-03-21T11:30:00+05:30');
    assert.deepEqual(n.author, [{ '@type': 'Person', name: 'आशा वर्मा', alternateName: 'Asha Varma', url: 'https://news.example/author/asha-varma' }]);
    const publisher = n.publisher as { '@type': string; logo: { url: string; width: number } };
    assert.equal(publisher['@type'], 'NewsMediaOrganization');
    assert.match(publisher.logo.url, /^https:\/\/news\.example\/media\/logo\/[0-9a-f]{16}\.png$/);
    assert.deepEqual(n.keywords, ['पुतिन', 'चीन']);
    assert.equal(n.articleSection, 'विदेश');
    assert.equal(n.inLanguage, 'hi');
    assert.equal(n.isAccessibleForFree, true);
    assert.equal(n.correction, undefined, 'no corrections, no property');
  });

  it('lists corrections as CorrectionComment, oldest first; an English story says en', () => {
    const n = newsArticleJsonLd(
      site,
      article({
        lang: 'en',
        corrections: [
          { date: new Date('2023-03-22T04:30:00Z'), text: 'नाम की वर्तनी </script> ठीक की गई' },
          { date: new Date('2023-03-23T04:30:00Z'), text: 'तारीख सुधारी' },
        ],
      }),
      '',
    ) as Record<string, unknown>;
    assert.deepEqual(n.correction, [
      { '@type': 'CorrectionComment', text: 'नाम की वर्तनी </script> ठीक की गई', datePublished: '2023-03-22T10:00:00+05:30' },
      { '@type': 'CorrectionComment', text: 'तारीख सुधारी', datePublished: '2023-03-23T10:00:00+05:30' },
    ]);
    assert.equal(n.inLanguage, 'en');
    assert.equal(n.description, undefined);
  });

  it('a story without a photo or a byline: the share card is its image, the newsroom its author', () => {
    const n = newsArticleJsonLd(site, article({ hero: null, authors: [] }), '') as Record<string, unknown>;
    const img = n.image as { url: string; width: number; height: number }[];
    assert.equal(img.length, 1);
    assert.match(img[0]!.url, /^https:\/\/news\.example\/media\/share\/1-[0-9a-f]{16}\.png$/);
    assert.equal(img[0]!.width, 1200);
    assert.equal(img[0]!.height, 630);
    assert.equal((n.author as { '@type': string }[])[0]!['@type'], 'NewsMediaOrganization');
    // The card's address follows its headline (a changed headline is a new image).
    assert.notEqual(shareImage(site, article({ hero: null, headline: 'दूसरी' })).url, img[0]!.url);
  });
});

describe('socialMeta', () => {
  it('writes og, article and twitter tags, one per tag and author, skipping empty ones', () => {
    const tags = socialMeta({
      siteName: 'समाचार',
      title: 'शीर्षक "उद्धरण"',
      description: '',
      url: 'https://news.example/a-1',
      type: 'article',
      image: { url: 'https://news.example/media/crop/7-1200x630-5000-5000.jpg', width: 1200, height: 630, alt: 'फोटो' },
      article: { publishedTime: '2023-03-21T10:30:00+05:30', modifiedTime: '2023-03-21T11:30:00+05:30', section: 'विदेश', tags: ['पुतिन', 'चीन'], authors: ['https://news.example/author/a'] },
    });
    const get = (k: string) => tags.filter((t) => t.key === k).map((t) => t.content);
    assert.deepEqual(get('og:title'), ['शीर्षक "उद्धरण"']);
    assert.deepEqual(get('og:description'), [], 'empty: left out');
    assert.deepEqual(get('og:locale'), ['hi_IN']);
    assert.deepEqual(get('og:image:width'), ['1200']);
    assert.deepEqual(get('article:tag'), ['पुतिन', 'चीन']);
    assert.deepEqual(get('article:author'), ['https://news.example/author/a']);
    assert.deepEqual(get('twitter:card'), ['summary_large_image']);
    assert.ok(tags.filter((t) => t.key.startsWith('twitter:')).every((t) => t.attr === 'name'));
    assert.ok(tags.filter((t) => !t.key.startsWith('twitter:')).every((t) => t.attr === 'property'));
  });
  it('og:locale follows the content language', () => {
    assert.equal(ogLocale(undefined), 'hi_IN');
    assert.equal(ogLocale('en'), 'en_IN');
    assert.equal(ogLocale('x"y'), 'hi_IN');
  });
});
