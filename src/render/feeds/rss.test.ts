import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../domain/articles/article.ts';
import type { Media } from '../../domain/media/media.ts';
import { childNamed, childrenNamed, readXml, textOf, XmlSyntaxError, type XmlElement } from './read-xml.ts';
import { type FeedInput, lastChanged, renderRss, rfc822 } from './rss.ts';

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

const HOSTILE = `<b>"Tom" & 'Jerry'</b> ]]> \u0001\u0008\u000b\u000c\uFFFE\uFFFF\uD800 end`;
const HOSTILE_CLEAN = `<b>"Tom" & 'Jerry'</b> ]]>  end`;

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
    updatedAt: at,
    body: {
      version: 1,
      blocks: [
        { type: 'paragraph', content: [{ text: 'पहला ' }, { text: 'लिंक', href: '/videsh/x-2' }, { text: ' और ' }, { text: 'बाहर', href: 'https://example.org/a?b=1&c=2' }] },
        { type: 'heading', level: 2, text: 'जंग खत्म करवाना चाहते हैं जिनपिंग' },
        { type: 'image', mediaId: 7 },
        { type: 'quote', content: [{ text: 'उद्धरण ]]> <script>' }], cite: 'कोई' },
        { type: 'list', ordered: true, items: [[{ text: 'एक', bold: true }], [{ text: 'दो', italic: true }]] },
        { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      ],
    },
    bodyMedia: new Map([[7, photo]]),
    tags: [
      { id: 1, slug: 'putin', name: 'पुतिन' },
      { id: 2, slug: 'videsh', name: 'विदेश' },
    ],
    authors: [
      { id: 1, slug: 'a', name: 'आशा वर्मा', nameLatin: 'Asha Verma', bio: '', photo: null },
      { id: 2, slug: 'b', name: 'डेस्क', nameLatin: 'Desk', bio: '', photo: null },
    ],
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

const input = (over: Partial<FeedInput> = {}): FeedInput => ({
  siteUrl: 'https://news.example/',
  settings: { siteName: 'समाचार', tagline: 'हिंदी में ताज़ा खबरें' },
  pagePath: '/',
  feedPath: '/feed',
  items: [{ article: article(), heroBytes: 12345 }],
  ...over,
});

const channelOf = (xml: string): XmlElement => {
  const rss = readXml(xml);
  assert.equal(rss.name, 'rss');
  assert.equal(rss.attrs.version, '2.0');
  const channel = childNamed(rss, 'channel');
  assert.ok(channel, 'a channel');
  return channel;
};

describe('renderRss', () => {
  it('writes a well-formed RSS 2.0 channel', () => {
    const xml = renderRss(input());
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '), 'XML declaration, then <rss>');
    const channel = channelOf(xml);
    assert.equal(textOf(childNamed(channel, 'title')), 'समाचार');
    assert.equal(textOf(childNamed(channel, 'link')), 'https://news.example/');
    assert.equal(textOf(childNamed(channel, 'description')), 'हिंदी में ताज़ा खबरें');
    assert.equal(textOf(childNamed(channel, 'language')), 'hi');
    assert.equal(textOf(childNamed(channel, 'lastBuildDate')), 'Tue, 21 Mar 2023 05:00:00 GMT');
    assert.deepEqual(childNamed(channel, 'atom:link')?.attrs, { href: 'https://news.example/feed', rel: 'self', type: 'application/rss+xml' });
  });

  it('names a section, tag or author feed after it, then the site', () => {
    const channel = channelOf(renderRss(input({ title: 'विदेश', description: 'दुनिया की खबरें', pagePath: '/videsh', feedPath: '/videsh/feed' })));
    assert.equal(textOf(childNamed(channel, 'title')), 'विदेश | समाचार');
    assert.equal(textOf(childNamed(channel, 'description')), 'दुनिया की खबरें');
    assert.equal(textOf(childNamed(channel, 'link')), 'https://news.example/videsh');
    assert.equal(childNamed(channel, 'atom:link')?.attrs.href, 'https://news.example/videsh/feed');
  });

  it('gives each item its headline, absolute link and guid, date, dek, authors, categories and photo', () => {
    const item = childNamed(channelOf(renderRss(input())), 'item')!;
    const link = 'https://news.example/videsh/jinping-se-bole-putin-1';
    assert.equal(textOf(childNamed(item, 'title')), 'जिनपिंग से बोले पुतिन- वेलकम, डियर फ्रेंड');
    assert.equal(textOf(childNamed(item, 'link')), link);
    assert.equal(textOf(childNamed(item, 'guid')), link);
    assert.equal(childNamed(item, 'guid')?.attrs.isPermaLink, 'true');
    assert.equal(textOf(childNamed(item, 'pubDate')), 'Tue, 21 Mar 2023 05:00:00 GMT');
    assert.equal(textOf(childNamed(item, 'description')), 'मुलाकात के बाद बोले');
    assert.deepEqual(childrenNamed(item, 'dc:creator').map(textOf), ['आशा वर्मा', 'डेस्क']);
    // The section first, then the tags; a tag named as the section is not repeated.
    assert.deepEqual(childrenNamed(item, 'category').map(textOf), ['विदेश', 'पुतिन']);
    const jpeg = 'https://news.example/media/0123456789abcdef-960.jpg';
    assert.deepEqual(childNamed(item, 'enclosure')?.attrs, { url: jpeg, length: '12345', type: 'image/jpeg' });
    const media = childNamed(item, 'media:content')!;
    assert.deepEqual(media.attrs, { url: jpeg, type: 'image/jpeg', medium: 'image', width: '960', height: '540', fileSize: '12345' });
    assert.equal(textOf(childNamed(media, 'media:description')), photo.caption);
    assert.equal(textOf(childNamed(media, 'media:credit')), photo.credit);
  });

  it('puts the body in content:encoded as HTML from the allowlist, with absolute URLs', () => {
    const item = childNamed(channelOf(renderRss(input({ items: [{ article: article({ correctionNote: 'समय गलत छपा था' }), heroBytes: 1 }] }))), 'item')!;
    const html = textOf(childNamed(item, 'content:encoded'));
    assert.ok(html.startsWith('<p>पहला <a href="https://news.example/videsh/x-2">लिंक</a> और <a href="https://example.org/a?b=1&amp;c=2">बाहर</a></p>'), html);
    assert.ok(html.includes('<h2>जंग खत्म करवाना चाहते हैं जिनपिंग</h2>'), html);
    assert.ok(html.includes(`<img src="https://news.example/media/0123456789abcdef-960.jpg" width="960" height="540" alt="${photo.alt}"/>`), html);
    assert.ok(html.includes(`<figcaption>${photo.caption} ${photo.credit}</figcaption>`), html);
    // The text of a quote that looks like markup or ends CDATA is still text.
    assert.ok(html.includes('<blockquote><p>उद्धरण ]]> &lt;script></p><cite>कोई</cite></blockquote>'), html);
    assert.ok(html.includes('<ol><li><strong>एक</strong></li><li><em>दो</em></li></ol>'), html);
    assert.ok(html.includes('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">YouTube पर वीडियो देखें</a>'), html);
    assert.ok(html.endsWith('<p><strong>सुधार:</strong> समय गलत छपा था</p>'), html);
    assert.ok(!/ (src|href)="\//.test(html), 'no relative URL');
  });

  it('escapes hostile text everywhere and drops characters XML forbids', () => {
    const hostile = article({
      headline: HOSTILE,
      dek: HOSTILE,
      section: { id: 2, slug: 'videsh', name: HOSTILE },
      tags: [{ id: 9, slug: 't', name: `R&D <"x">` }],
      authors: [{ id: 1, slug: 'a', name: `O'Brien & <Sons>`, nameLatin: '', bio: '', photo: null }],
      hero: { ...photo, caption: HOSTILE, credit: '"&"' },
      body: { version: 1, blocks: [{ type: 'paragraph', content: [{ text: HOSTILE.replace(/[\u0001-\u001f]/g, '') }] }] },
    });
    const xml = renderRss(input({ title: HOSTILE, description: HOSTILE, items: [{ article: hostile, heroBytes: 5 }] }));
    const channel = channelOf(xml);
    assert.equal(textOf(childNamed(channel, 'title')), `${HOSTILE_CLEAN} | समाचार`);
    assert.equal(textOf(childNamed(channel, 'description')), HOSTILE_CLEAN);
    const item = childNamed(channel, 'item')!;
    assert.equal(textOf(childNamed(item, 'title')), HOSTILE_CLEAN);
    assert.equal(textOf(childNamed(item, 'description')), HOSTILE_CLEAN);
    assert.deepEqual(childrenNamed(item, 'category').map(textOf), [HOSTILE_CLEAN, `R&D <"x">`]);
    assert.deepEqual(childrenNamed(item, 'dc:creator').map(textOf), [`O'Brien & <Sons>`]);
    assert.equal(textOf(childNamed(childNamed(item, 'media:content')!, 'media:credit')), '"&"');
    // In the body's HTML, `]]>` stays as it is: the CDATA section is split around it.
    assert.equal(textOf(childNamed(item, 'content:encoded')), `<p>&lt;b>&quot;Tom&quot; &amp; 'Jerry'&lt;/b> ]]>  end</p>`);
  });

  it('keeps line breaks and carriage returns in text', () => {
    const item = childNamed(channelOf(renderRss(input({ items: [{ article: article({ dek: 'a\r\nb\tc' }), heroBytes: null }] }))), 'item')!;
    assert.equal(textOf(childNamed(item, 'description')), 'a\r\nb\tc');
  });

  it('leaves out the enclosure when the file length is unknown, and photo elements when there is no hero', () => {
    let item = childNamed(channelOf(renderRss(input({ items: [{ article: article(), heroBytes: null }] }))), 'item')!;
    assert.equal(childNamed(item, 'enclosure'), undefined);
    assert.equal(childNamed(item, 'media:content')?.attrs.fileSize, undefined);
    item = childNamed(channelOf(renderRss(input({ items: [{ article: article({ hero: null, dek: '' }), heroBytes: null }] }))), 'item')!;
    assert.equal(childNamed(item, 'enclosure'), undefined);
    assert.equal(childNamed(item, 'media:content'), undefined);
    assert.equal(childNamed(item, 'description'), undefined, 'no dek, no description');
  });

  it('uses the SEO description when there is no dek', () => {
    const item = childNamed(channelOf(renderRss(input({ items: [{ article: article({ dek: '', seoDescription: 'खोज के लिए' }), heroBytes: null }] }))), 'item')!;
    assert.equal(textOf(childNamed(item, 'description')), 'खोज के लिए');
  });

  it('dates the channel by its newest item, publishing or update, and leaves it out when empty', () => {
    const older = article({ id: 2, publishedAt: new Date('2023-03-20T10:00:00Z'), updatedAt: new Date('2023-03-22T08:30:00Z') });
    const items = [
      { article: article(), heroBytes: null },
      { article: older, heroBytes: null },
    ];
    assert.equal(lastChanged(items)?.toISOString(), '2023-03-22T08:30:00.000Z');
    assert.equal(textOf(childNamed(channelOf(renderRss(input({ items }))), 'lastBuildDate')), 'Wed, 22 Mar 2023 08:30:00 GMT');
    const empty = channelOf(renderRss(input({ items: [] })));
    assert.equal(childNamed(empty, 'lastBuildDate'), undefined);
    assert.equal(childrenNamed(empty, 'item').length, 0);
  });

  it('is pure: the same input gives the same bytes', () => {
    assert.equal(renderRss(input()), renderRss(input()));
  });

  it('writes RFC 822 dates in UTC', () => {
    assert.equal(rfc822(new Date('2023-03-21T18:00:00+05:30')), 'Tue, 21 Mar 2023 12:30:00 GMT');
    assert.equal(rfc822(new Date('2024-01-05T00:00:09Z')), 'Fri, 05 Jan 2024 00:00:09 GMT');
  });
});

describe('readXml (the tests’ well-formedness check)', () => {
  it('reads elements, attributes, references and CDATA', () => {
    const root = readXml(`<?xml version="1.0" encoding="UTF-8"?>\n<a xmlns:x="u" k='v &amp; &#x41;'><x:b>1 &lt; 2</x:b><!-- c --><c><![CDATA[<p>]]></c></a>\n`);
    assert.equal(root.attrs.k, 'v & A');
    assert.equal(textOf(childNamed(root, 'x:b')), '1 < 2');
    assert.equal(textOf(childNamed(root, 'c')), '<p>');
  });

  const bad: [string, string][] = [
    ['bare ampersand', '<a>Tom & Jerry</a>'],
    ['unknown entity', '<a>&nbsp;</a>'],
    ['reference to a forbidden character', '<a>&#1;</a>'],
    ['raw control character', '<a>\u0001</a>'],
    ['lone surrogate', '<a>\uD800</a>'],
    ['< in text', '<a>1 < 2</a>'],
    ['< in an attribute', '<a k="<"/>'],
    [']]> in text', '<a>]]></a>'],
    ['unclosed element', '<a><b></a>'],
    ['mismatched end tag', '<a></b>'],
    ['unquoted attribute', '<a k=v/>'],
    ['repeated attribute', '<a k="1" k="2"/>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>x'],
    ['undeclared prefix', '<a><dc:creator>x</dc:creator></a>'],
    ['no root', '<?xml version="1.0"?>'],
    ['doctype', '<!DOCTYPE a><a/>'],
  ];
  for (const [what, xml] of bad) {
    it(`refuses ${what}`, () => {
      assert.throws(() => readXml(xml), XmlSyntaxError);
    });
  }
});
