import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blocksToDoc, docToBlocks, type MediaDisplay, type PmNode } from './prosemirror.ts';
import { parseRichText, type RichText, RichTextError } from './rich-text.ts';

const library: Record<number, MediaDisplay> = {
  7: { src: '/media/abc-480.webp', alt: 'पुतिन और जिनपिंग', caption: 'लाइब्रेरी कैप्शन', credit: 'एपी' },
};
const media = (id: number) => library[id];

const body: RichText = {
  version: 1,
  blocks: [
    { type: 'paragraph', content: [{ text: 'पुतिन ने ' }, { text: 'जिनपिंग', bold: true }, { text: ' का ' }, { text: 'स्वागत', italic: true, bold: true }, { text: ' किया।' }] },
    { type: 'paragraph', content: [{ text: 'पहली पंक्ति\nदूसरी पंक्ति' }, { text: 'लिंक', href: 'https://example.com/a?b=1' }, { text: '\n' }, { text: 'b\nc', bold: true }] },
    { type: 'paragraph', content: [{ text: 'a\n', bold: true }, { text: 'साइट का लिंक', href: '/videsh/story-12', italic: true }] },
    { type: 'heading', level: 2, text: 'जंग खत्म करवाना चाहते हैं जिनपिंग' },
    { type: 'heading', level: 3, text: 'दो\nपंक्तियां' },
    { type: 'image', mediaId: 7, caption: 'क्रेमलिन में मुलाकात', credit: 'रॉयटर्स' },
    { type: 'image', mediaId: 7 },
    { type: 'image', mediaId: 99, caption: '' },
    { type: 'quote', content: [{ text: 'वेलकम, ' }, { text: 'डियर फ्रेंड', bold: true }, { text: '\nदूसरी लाइन' }], cite: 'पुतिन' },
    { type: 'quote', content: [{ text: 'बिना स्रोत' }] },
    { type: 'list', ordered: false, items: [[{ text: 'एक' }], [{ text: 'दो', href: 'mailto:desk@example.com' }, { text: ' और' }]] },
    { type: 'list', ordered: true, items: [[{ text: 'पहला', bold: true }], [{ text: 'दूसरा\nजारी' }]] },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'वीडियो' },
    { type: 'embed', provider: 'x', url: 'https://x.com/PMOIndia/status/1234567890' },
  ],
};

test('blocks → doc → blocks is the identity for every block kind', () => {
  assert.deepEqual(parseRichText(body), body);
  for (const block of body.blocks) {
    const one: RichText = { version: 1, blocks: [block] };
    assert.deepEqual(docToBlocks(blocksToDoc(one, media)), one, block.type);
  }
  assert.deepEqual(docToBlocks(blocksToDoc(body, media)), body);
  // Through JSON too, as the browser sends it.
  assert.deepEqual(docToBlocks(JSON.parse(JSON.stringify(blocksToDoc(body, media)))), body);
  assert.deepEqual(docToBlocks(blocksToDoc({ version: 1, blocks: [] }, media)), { version: 1, blocks: [] });
});

test('blocksToDoc gives the editor its nodes, with display-only photo attributes', () => {
  const doc = blocksToDoc(body, media);
  assert.equal(doc.type, 'doc');
  const [p1, p2, , h2, h3, img, imgDefault, imgMissing, quote, , ul, ol, yt] = doc.content!;
  assert.deepEqual(p1!.content![1], { type: 'text', text: 'जिनपिंग', marks: [{ type: 'bold' }] });
  assert.deepEqual(
    p2!.content!.map((n) => n.type),
    ['text', 'hardBreak', 'text', 'text', 'hardBreak', 'text', 'hardBreak', 'text'],
  );
  assert.deepEqual(h2!.attrs, { level: 2 });
  assert.deepEqual(h3!.content, [{ type: 'text', text: 'दो' }, { type: 'hardBreak' }, { type: 'text', text: 'पंक्तियां' }]);
  assert.deepEqual(img!.attrs, {
    mediaId: 7,
    caption: 'क्रेमलिन में मुलाकात',
    credit: 'रॉयटर्स',
    src: '/media/abc-480.webp',
    alt: 'पुतिन और जिनपिंग',
    defaultCaption: 'लाइब्रेरी कैप्शन',
    defaultCredit: 'एपी',
  });
  assert.equal(imgDefault!.attrs!.caption, null);
  assert.equal(imgMissing!.attrs!.src, '');
  assert.deepEqual(quote!.attrs, { cite: 'पुतिन' });
  assert.equal(quote!.content!.length, 1);
  assert.equal(ul!.type, 'bulletList');
  assert.equal(ol!.type, 'orderedList');
  assert.deepEqual(ol!.content![0], { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'पहला', marks: [{ type: 'bold' }] }] }] });
  assert.deepEqual(yt!.attrs, { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'वीडियो' });
});

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, ...marks: unknown[]) => (marks.length ? { type: 'text', text, marks } : { type: 'text', text });

test('what the editor produces is normalised: empty paragraphs dropped, equal runs merged, levels mapped', () => {
  const result = docToBlocks(
    doc(
      { type: 'paragraph' },
      p(),
      p(t('   ')),
      p(t('a', { type: 'bold' }), t('b', { type: 'bold' }), t('c', { type: 'bold' }, { type: 'italic' }), t('d', { type: 'italic' }, { type: 'bold' })),
      p(t('x', { type: 'link', attrs: { href: 'https://a.in', target: '_blank', rel: 'noopener noreferrer nofollow', class: null } }), t('y', { type: 'link', attrs: { href: 'https://a.in' } })),
      { type: 'heading', attrs: { level: 1 }, content: [t('एक')] },
      { type: 'heading', attrs: { level: 5 }, content: [t('पांच', { type: 'bold' })] },
      { type: 'heading', attrs: { level: 3 } },
      { type: 'blockquote', attrs: { cite: '  ' }, content: [p(t('पहला')), p(), p(t('दूसरा'))] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('a')), p(t('b')), { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('nested'))] }] }] }, { type: 'listItem', content: [p()] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [p()] }] },
    ),
  );
  assert.deepEqual(result.blocks, [
    { type: 'paragraph', content: [{ text: 'ab', bold: true }, { text: 'cd', bold: true, italic: true }] },
    { type: 'paragraph', content: [{ text: 'xy', href: 'https://a.in' }] },
    { type: 'heading', level: 2, text: 'एक' },
    { type: 'heading', level: 3, text: 'पांच' },
    { type: 'quote', content: [{ text: 'पहला\nदूसरा' }] },
    { type: 'list', ordered: false, items: [[{ text: 'a\nb' }], [{ text: 'nested' }]] },
  ]);
});

test('a photo or embed dropped inside a list or quote splits it instead of failing', () => {
  const result = docToBlocks(
    doc({
      type: 'orderedList',
      content: [
        { type: 'listItem', content: [p(t('one')), { type: 'figureImage', attrs: { mediaId: 7, caption: null, credit: 'c', src: 'x', alt: 'y' } }, p(t('one, continued'))] },
        { type: 'listItem', content: [p(t('two'))] },
      ],
    }),
  );
  assert.deepEqual(result.blocks, [
    { type: 'list', ordered: true, items: [[{ text: 'one' }]] },
    { type: 'image', mediaId: 7, credit: 'c' },
    { type: 'list', ordered: true, items: [[{ text: 'one, continued' }], [{ text: 'two' }]] },
  ]);
});

test('hostile text stays text; unsafe links and unknown marks are dropped', () => {
  const result = docToBlocks(
    doc(
      p(t('<script>alert(1)</script>'), t(' <img src=x onerror=alert(1)>', { type: 'italic' })),
      p(
        t('js', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
        t(' data', { type: 'link', attrs: { href: 'data:text/html,<b>x</b>' } }),
        t(' proto', { type: 'link', attrs: { href: '//evil.example' } }),
        t(' none', { type: 'link' }),
        t(' obj', { type: 'link', attrs: { href: { toString: 'x' } } }),
        t(' long', { type: 'link', attrs: { href: `https://a.in/${'x'.repeat(3000)}` } }),
        t(' u', { type: 'underline' }, { type: 'textStyle', attrs: { color: 'red' } }),
      ),
      p(t('ctrl\u0000\u0007a\r\nb')),
    ),
  );
  assert.deepEqual(result.blocks, [
    { type: 'paragraph', content: [{ text: '<script>alert(1)</script>' }, { text: ' <img src=x onerror=alert(1)>', italic: true }] },
    { type: 'paragraph', content: [{ text: 'js data proto none obj long u' }] },
    { type: 'paragraph', content: [{ text: 'ctrla\nb' }] },
  ]);
  // The embed's provider comes from its URL, not from the attribute.
  assert.deepEqual(docToBlocks(doc({ type: 'embed', attrs: { provider: 'evil', url: 'https://youtu.be/dQw4w9WgXcQ', extra: '<x>' } })).blocks, [
    { type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' },
  ]);
});

function throwsAt(json: unknown, field: string) {
  assert.throws(
    () => docToBlocks(json),
    (e: unknown) => e instanceof RichTextError && e.field === field,
    `expected RichTextError at ${field}`,
  );
}

test('anything that cannot be mapped is refused, naming the path', () => {
  throwsAt(null, '');
  throwsAt('<p>x</p>', '');
  throwsAt({ type: 'paragraph' }, 'type');
  throwsAt(doc({ type: 'codeBlock', content: [t('x')] }), 'content.0.type');
  throwsAt(doc(p(t('ok')), { type: 'horizontalRule' }), 'content.1.type');
  throwsAt(doc({ type: 'html', attrs: { html: '<script>x</script>' } }), 'content.0.type');
  throwsAt(doc(p({ type: 'image', attrs: { src: 'javascript:x' } })), 'content.0.content.0.type');
  throwsAt(doc(p(t('x'), { type: 'figureImage', attrs: { mediaId: 1 } })), 'content.0.content.1.type');
  throwsAt(doc(p({ type: 'text', text: 5 })), 'content.0.content.0.text');
  throwsAt(doc(t('bare text')), 'content.0.type');
  throwsAt(doc('x'), 'content.0');
  throwsAt({ type: 'doc', content: 'x' }, 'content');
  throwsAt(doc({ type: 'figureImage', attrs: { mediaId: '7' } }), 'content.0.attrs.mediaId');
  throwsAt(doc({ type: 'figureImage', attrs: { mediaId: -1 } }), 'content.0.attrs.mediaId');
  throwsAt(doc({ type: 'figureImage', attrs: { mediaId: 1, caption: 5 } }), 'content.0.attrs.caption');
  throwsAt(doc({ type: 'embed', attrs: { provider: 'youtube', url: 'https://evil.example/watch?v=dQw4w9WgXcQ' } }), 'content.0.attrs.url');
  throwsAt(doc({ type: 'embed', attrs: { provider: 'youtube', url: 'javascript:alert(1)//youtube.com' } }), 'content.0.attrs.url');
  throwsAt(doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'table' }] }] }), 'content.0.content.0.content.0.type');
  // Limits of the body schema are reported on the converted body.
  throwsAt(doc(p(t('x'.repeat(20_001)))), 'blocks.0.content.0.text');
});

test('deep nesting is refused before it can exhaust the stack', () => {
  let node: unknown = p(t('deep'));
  for (let i = 0; i < 10_000; i++) node = { type: 'blockquote', content: [node] };
  assert.throws(() => docToBlocks(doc(node)), (e: unknown) => e instanceof RichTextError && /nested too deeply/.test(e.message));
  // Moderate nesting, as the editor can make it, flattens.
  let ok: unknown = { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('in'))] }] };
  for (let i = 0; i < 5; i++) ok = { type: 'bulletList', content: [{ type: 'listItem', content: [p(t(`level ${i}`)), ok] }] };
  assert.equal((docToBlocks(doc(ok)).blocks[0] as { items: unknown[] }).items.length, 6);
});

test('the output always passes parseRichText', () => {
  const inputs: unknown[] = [
    blocksToDoc(body, media),
    doc(p(t('a', { type: 'bold' }), { type: 'hardBreak' }, t('b', { type: 'link', attrs: { href: 'https://x.in' } }))),
    doc({ type: 'blockquote', attrs: { cite: 'स्रोत\u0001' }, content: [p(t('q'))] }, { type: 'embed', attrs: { url: ' https://twitter.com/a/status/1 ', caption: null } }),
    doc({ type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'blockquote', content: [p(t('x'))] }] }] }),
  ];
  for (const input of inputs) {
    const out = docToBlocks(input);
    assert.deepEqual(parseRichText(JSON.parse(JSON.stringify(out))), out);
  }
});

test('a PmNode is what Tiptap JSON looks like', () => {
  const node: PmNode = blocksToDoc({ version: 1, blocks: [{ type: 'paragraph', content: [{ text: 'x' }] }] }, media);
  assert.deepEqual(node, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }] }] });
});
