/**
 * Atom and JSON Feed documents, read back with a real feed parser (feedsmith) and, for
 * Atom, the strict well-formedness reader: fields, hostile text byte-exact, and purity.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAtomFeed, parseJsonFeed } from 'feedsmith';
import type { Article } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';
import { renderAtom, type AtomInput } from './atom.ts';
import { JSON_FEED_VERSION, renderJsonFeed } from './json-feed.ts';
import { readXml } from './read-xml.ts';
import { HOSTILE_HEADLINE } from '../../../test/helpers/hostile-text.ts';
import type { FeedInput } from './rss.ts';

const photo: Media = {
  id: 7,
  fileKey: '0123456789abcdef',
  mime: 'image/jpeg',
  width: 1600,
  height: 900,
  variantWidths: [480, 960, 1440],
  alt: 'क्रेमलिन में दोनों नेता',
  caption: 'रूसी राष्ट्रपति भवन- क्रेमलिन में',
  credit: 'फोटो: रॉयटर्स',
};


function article(overrides: Partial<Article> = {}): Article {
  const at = new Date('2023-03-21T05:00:00Z');
  return {
    id: 1,
    slug: 'jinping-se-bole-putin',
    headline: 'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड',
    dek: 'मुलाकात के बाद बोले',
    section: { id: 2, slug: 'videsh', name: 'विदेश' },
    hero: photo,
    status: 'published',
    publishedAt: at,
    updatedAt: new Date('2023-03-22T08:30:00Z'),
    body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'पहला ' }, { text: 'लिंक', href: '/videsh/x-2' }] }] },
    bodyMedia: new Map(),
    tags: [
      { id: 1, slug: 'putin', name: 'पुतिन' },
      { id: 2, slug: 'videsh-tag', name: 'विदेश' },
    ],
    authors: [{ id: 1, slug: 'asha', name: 'आशा वर्मा', nameLatin: 'Asha Verma', bio: '', photo: null }],
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

const input = (over: Partial<FeedInput> = {}): AtomInput => ({
  siteUrl: 'https://news.example/',
  settings: { siteName: 'समाचार', tagline: 'हिंदी में ताज़ा खबरें' },
  pagePath: '/videsh',
  feedPath: '/videsh/feed/atom',
  title: 'विदेश',
  items: [{ article: article(), heroBytes: 12345 }],
  emptyUpdated: new Date('2024-01-01T00:00:00Z'),
  ...over,
});

describe('renderAtom', () => {
  it('is an Atom feed a real parser reads, with every field', () => {
    const xml = renderAtom(input());
    readXml(xml);
    const feed = parseAtomFeed(xml);
    assert.equal(feed.id, 'https://news.example/videsh/feed/atom');
    assert.equal(feed.title?.value, 'विदेश | समाचार');
    assert.equal(feed.subtitle?.value, 'हिंदी में ताज़ा खबरें');
    assert.equal(feed.updated, '2023-03-22T08:30:00.000Z', 'the newest change among the items');
    assert.deepEqual(
      feed.links?.map((l) => [l.rel, l.href]),
      [
        ['alternate', 'https://news.example/videsh'],
        ['self', 'https://news.example/videsh/feed/atom'],
      ],
    );
    const entry = feed.entries![0]!;
    const link = 'https://news.example/videsh/jinping-se-bole-putin-1';
    assert.equal(entry.id, link);
    assert.equal(entry.title?.value, 'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड');
    assert.equal(entry.published, '2023-03-21T05:00:00.000Z');
    assert.equal(entry.updated, '2023-03-22T08:30:00.000Z');
    assert.deepEqual(entry.authors, [{ name: 'आशा वर्मा', uri: 'https://news.example/author/asha' }]);
    // The section, then tags; a tag named as the section is not repeated.
    assert.deepEqual(entry.categories, [{ term: 'videsh', label: 'विदेश', scheme: 'https://news.example/' }, { term: 'putin', label: 'पुतिन', scheme: 'https://news.example/tag/' }]);
    assert.equal(entry.summary?.value, 'मुलाकात के बाद बोले');
    assert.equal(entry.content?.type, 'html');
    assert.equal(entry.content?.value, '<p>पहला <a href="https://news.example/videsh/x-2">लिंक</a></p>');
    const links = entry.links!;
    assert.deepEqual(links.find((l) => l.rel === 'alternate')?.href, link);
    assert.deepEqual(links.find((l) => l.rel === 'enclosure'), { href: 'https://news.example/media/0123456789abcdef-960.jpg', rel: 'enclosure', type: 'image/jpeg', length: 12345 });
  });

  it('keeps a hostile headline byte for byte, and names the site when a story has no author', () => {
    const xml = renderAtom(input({ items: [{ article: article({ headline: HOSTILE_HEADLINE, dek: HOSTILE_HEADLINE, authors: [] }), heroBytes: null }] }));
    readXml(xml);
    const entry = parseAtomFeed(xml).entries![0]!;
    assert.equal(entry.title?.value, HOSTILE_HEADLINE);
    assert.equal(entry.summary?.value, HOSTILE_HEADLINE);
    assert.deepEqual(entry.authors, [{ name: 'समाचार' }]);
    assert.equal(entry.links?.find((l) => l.rel === 'enclosure')?.length, undefined, 'no length when unknown');
  });

  it('an empty feed is dated by emptyUpdated, and the same input gives the same bytes', () => {
    const feed = parseAtomFeed(renderAtom(input({ items: [] })));
    assert.equal(feed.updated, '2024-01-01T00:00:00.000Z');
    assert.equal(feed.entries, undefined);
    assert.equal(renderAtom(input()), renderAtom(input()));
  });
});

describe('renderJsonFeed', () => {
  it('is JSON Feed 1.1 a real parser reads, with every field', () => {
    const json = renderJsonFeed(input({ feedPath: '/videsh/feed.json' }));
    assert.equal((JSON.parse(json) as { version: string }).version, JSON_FEED_VERSION);
    const feed = parseJsonFeed(json);
    assert.equal(feed.title, 'विदेश | समाचार');
    assert.equal(feed.home_page_url, 'https://news.example/videsh');
    assert.equal(feed.feed_url, 'https://news.example/videsh/feed.json');
    assert.equal(feed.language, 'hi');
    const item = feed.items![0]!;
    const link = 'https://news.example/videsh/jinping-se-bole-putin-1';
    assert.equal(item.id, link);
    assert.equal(item.url, link);
    assert.equal(item.title, 'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड');
    assert.equal(item.summary, 'मुलाकात के बाद बोले');
    assert.equal(item.content_html, '<p>पहला <a href="https://news.example/videsh/x-2">लिंक</a></p>');
    assert.equal(item.date_published, '2023-03-21T05:00:00.000Z');
    assert.equal(item.date_modified, '2023-03-22T08:30:00.000Z');
    assert.deepEqual(item.authors, [{ name: 'आशा वर्मा', url: 'https://news.example/author/asha' }]);
    assert.deepEqual(item.tags, ['विदेश', 'पुतिन']);
    assert.equal(item.image, 'https://news.example/media/0123456789abcdef-960.jpg');
    assert.deepEqual(item.attachments, [{ url: 'https://news.example/media/0123456789abcdef-960.jpg', mime_type: 'image/jpeg', size_in_bytes: 12345 }]);
    assert.equal(item.language, undefined, 'a Hindi story in a Hindi feed');
  });

  it('a story in another language says so, in both formats', () => {
    const items = [{ article: article({ lang: 'en', headline: 'Putin meets Xi' }), heroBytes: null }];
    assert.equal(parseJsonFeed(renderJsonFeed(input({ items }))).items![0]!.language, 'en');
    const xml = renderAtom(input({ items }));
    assert.ok(xml.includes('<entry xml:lang="en">'), xml.slice(0, 600));
    assert.ok(xml.includes('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="hi">'));
  });

  it('keeps a hostile headline byte for byte', () => {
    const item = parseJsonFeed(renderJsonFeed(input({ items: [{ article: article({ headline: HOSTILE_HEADLINE, hero: null }), heroBytes: null }] }))).items![0]!;
    assert.equal(item.title, HOSTILE_HEADLINE);
    assert.equal(item.image, undefined);
    assert.equal(item.attachments, undefined);
  });
});
