import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSafeHref, mediaIdsOf, parseRichText, parseRichTextJson, RichTextError } from './rich-text.ts';
import { excerpt, toPlainText } from './to-plain-text.ts';

const doc = {
  version: 1,
  blocks: [
    { type: 'paragraph', content: [{ text: 'पुतिन ने ' }, { text: 'जिनपिंग', bold: true }, { text: ' का स्वागत किया।' }] },
    { type: 'heading', level: 2, text: 'जंग खत्म करवाना चाहते हैं जिनपिंग' },
    { type: 'image', mediaId: 7, caption: 'क्रेमलिन में मुलाकात' },
    { type: 'quote', content: [{ text: 'वेलकम, डियर फ्रेंड' }], cite: 'पुतिन' },
    { type: 'list', ordered: false, items: [[{ text: 'एक' }], [{ text: 'दो', href: 'https://example.com/a' }]] },
    { type: 'image', mediaId: 7 },
  ],
};

test('a valid body passes unchanged', () => {
  assert.deepEqual(parseRichText(doc), doc);
  assert.deepEqual(parseRichTextJson(JSON.stringify(doc)), doc);
});

test('unknown block types, unknown fields and raw HTML are refused, naming the field', () => {
  const cases: [unknown, string][] = [
    [{ version: 1, blocks: [{ type: 'html', html: '<b>x</b>' }] }, 'blocks.0.type'],
    [{ version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'x', onclick: 'alert(1)' }] }] }, 'blocks.0.content.0'],
    [{ version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'x' }], style: 'color:red' }] }, 'blocks.0'],
    [{ version: 1, blocks: [{ type: 'heading', level: 1, text: 'x' }] }, 'blocks.0.level'],
    [{ version: 1, blocks: [{ type: 'image', mediaId: -3 }] }, 'blocks.0.mediaId'],
    [{ version: 2, blocks: [] }, 'version'],
    [{ version: 1, blocks: [{ type: 'paragraph', content: [] }] }, 'blocks.0.content'],
    [{ version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'a\u0000b' }] }] }, 'blocks.0.content.0.text'],
  ];
  for (const [input, field] of cases) {
    assert.throws(() => parseRichText(input), (e: unknown) => e instanceof RichTextError && e.field === field, field);
  }
  assert.throws(() => parseRichTextJson('{not json'), RichTextError);
});

test('links: only http(s), mailto and site paths', () => {
  for (const ok of ['https://example.com', 'http://x.in/a?b=1', 'mailto:desk@example.com', '/videsh/story-1']) assert.ok(isSafeHref(ok), ok);
  for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example', 'vbscript:x', ' javascript:alert(1)', 'ftp://x']) {
    assert.ok(!isSafeHref(bad), bad);
  }
  // Other hosts dressed as site paths: browsers read `\` as `/` and drop tabs and newlines.
  for (const disguised of ['/\\evil.example', '\\\\evil.example', '/\\\\evil.example', '\\/evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '\t//evil.example', ' //evil.example', '/x\\y', '/a\u0000b']) {
    assert.ok(!isSafeHref(disguised), JSON.stringify(disguised));
  }
  for (const path of ['/', '/search?q=पुतिन', '/videsh/story-1#comments', '/a%5Cb']) assert.ok(isSafeHref(path), path);
  assert.throws(
    () => parseRichText({ version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] }),
    (e: unknown) => e instanceof RichTextError && e.field === 'blocks.0.content.0.href',
  );
});

test('plain text keeps reading order and captions; excerpt cuts at a word', () => {
  const parsed = parseRichText(doc);
  assert.equal(
    toPlainText(parsed),
    'पुतिन ने जिनपिंग का स्वागत किया।\n\nजंग खत्म करवाना चाहते हैं जिनपिंग\n\nक्रेमलिन में मुलाकात\n\nवेलकम, डियर फ्रेंड\n\nएक\nदो',
  );
  assert.equal(excerpt(parsed, 16), 'पुतिन ने जिनपिंग…');
  assert.equal(excerpt(parsed, 15), 'पुतिन ने…');
  assert.equal(excerpt(parsed), 'पुतिन ने जिनपिंग का स्वागत किया।');
  assert.deepEqual(mediaIdsOf(parsed), [7]);
});

test('embeds: YouTube and X URLs are recognised and made canonical; others refused', async () => {
  const { parseEmbedUrl } = await import('./rich-text.ts');
  assert.deepEqual(parseEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10'), { provider: 'youtube', id: 'dQw4w9WgXcQ', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
  assert.equal(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')?.id, 'dQw4w9WgXcQ');
  assert.equal(parseEmbedUrl('https://m.youtube.com/shorts/dQw4w9WgXcQ')?.id, 'dQw4w9WgXcQ');
  assert.deepEqual(parseEmbedUrl('https://twitter.com/PMOIndia/status/1637812345678901234'), { provider: 'x', id: '1637812345678901234', url: 'https://x.com/PMOIndia/status/1637812345678901234' });
  for (const bad of ['javascript:alert(1)', 'https://evil.example/watch?v=dQw4w9WgXcQ', 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=<script>', 'not a url', 'https://x.com/a/status/abc']) {
    assert.equal(parseEmbedUrl(bad), null, bad);
  }
  assert.throws(() => parseRichText({ version: 1, blocks: [{ type: 'embed', provider: 'youtube', url: 'https://evil.example/x' }] }), (e: unknown) => e instanceof RichTextError && e.field === 'blocks.0.url');
});
