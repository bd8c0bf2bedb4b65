import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRichText } from '../../richtext/rich-text.ts';
import { type ConvertedBlock, convertContent, htmlToText } from './wp-content.ts';

/** The blocks with photos given media id 1, as the importer would after finding them, checked by the body gate. */
function valid(blocks: ConvertedBlock[]) {
  return parseRichText({ version: 1, blocks: blocks.map((b) => (b.type === 'pending-image' ? { type: 'image', mediaId: 1, ...(b.caption ? { caption: b.caption } : {}) } : b)) });
}

describe('convertContent: the classic editor', () => {
  it('blank lines make paragraphs; inline marks, headings, lists, quotes and [caption] carry over', () => {
    const html = [
      'पहला <strong>ज़रूरी</strong> वाक्य, <a href="https://example.com/x">लिंक</a> और <em>झुका</em>।',
      '',
      'दूसरा पैराग्राफ़<br />नई पंक्ति',
      '<h2>उपशीर्षक</h2>',
      '<h4>छोटा शीर्षक</h4>',
      '<ul>\n\t<li>एक</li>\n\t<li>दो<ul><li>अंदर</li></ul></li>\n</ul>',
      '<ol><li>पहला</li></ol>',
      '<blockquote>उद्धरण</blockquote>',
      '[caption id="attachment_6" align="aligncenter" width="300"]<img class="size-medium wp-image-6" src="https://old.example/wp-content/uploads/2024/03/a-300x200.jpg" alt="अल्ट" /> कैप्शन का पाठ[/caption]',
      '',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    ].join('\n');
    const { blocks, report } = convertContent(html, { siteUrl: 'https://old.example' });
    valid(blocks);
    assert.deepEqual(blocks, [
      { type: 'paragraph', content: [{ text: 'पहला ' }, { text: 'ज़रूरी', bold: true }, { text: ' वाक्य, ' }, { text: 'लिंक', href: 'https://example.com/x' }, { text: ' और ' }, { text: 'झुका', italic: true }, { text: '।' }] },
      { type: 'paragraph', content: [{ text: 'दूसरा पैराग्राफ़\nनई पंक्ति' }] },
      { type: 'heading', level: 2, text: 'उपशीर्षक' },
      { type: 'heading', level: 3, text: 'छोटा शीर्षक' },
      { type: 'list', ordered: false, items: [[{ text: 'एक' }], [{ text: 'दो' }], [{ text: 'अंदर' }]] },
      { type: 'list', ordered: true, items: [[{ text: 'पहला' }]] },
      { type: 'quote', content: [{ text: 'उद्धरण' }] },
      { type: 'pending-image', attachmentId: 6, src: 'https://old.example/wp-content/uploads/2024/03/a-300x200.jpg', alt: 'अल्ट', caption: 'कैप्शन का पाठ' },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
    ]);
    assert.deepEqual(report, { keptAsText: {}, removed: {}, unsafeLinks: 0 });
  });

  it('a photo inside a link, a paragraph, a list item, a heading or a quote becomes a block after that text, never lost', () => {
    const img = (id: number) => `<img class="wp-image-${id}" src="https://old.example/wp-content/uploads/${id}.jpg" alt="">`;
    const html = `<p><a href="https://old.example/wp-content/uploads/1.jpg">${img(1)}</a></p>\n\nपाठ <a href="/x">${img(2)}</a> आगे\n<ul><li><a href="/y">${img(3)}</a> सूची</li></ul><h2>${img(4)}शीर्षक</h2><blockquote>कथन ${img(5)}</blockquote>`;
    const { blocks } = convertContent(html);
    valid(blocks);
    assert.deepEqual(
      blocks.map((b) => (b.type === 'pending-image' ? `img${b.attachmentId}` : b.type)),
      ['img1', 'paragraph', 'img2', 'list', 'img3', 'heading', 'img4', 'quote', 'img5'],
    );
  });

  it('links to the old site become site paths, so its redirects answer them', () => {
    const { blocks } = convertContent('<p><a href="https://old.example/2024/03/12/x/">पुरानी ख़बर</a></p>', { siteUrl: 'https://old.example' });
    assert.deepEqual(blocks, [{ type: 'paragraph', content: [{ text: 'पुरानी ख़बर', href: '/2024/03/12/x/' }] }]);
  });
});

describe('convertContent: Gutenberg block markup', () => {
  const html = `<!-- wp:paragraph -->
<p>राज्य में <strong>शांतिपूर्ण</strong> मतदान।</p>
<!-- /wp:paragraph -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading">कहां कितना</h3>
<!-- /wp:heading -->

<!-- wp:image {"id":7} -->
<figure class="wp-block-image size-large"><img src="https://old.example/wp-content/uploads/2024/03/n.png" alt="नक्शा" class="wp-image-7"/><figcaption class="wp-element-caption">राज्यों में मतदान</figcaption></figure>
<!-- /wp:image -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>लोकतंत्र का उत्सव।</p>
<!-- /wp:paragraph --><cite>अधिकारी</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>उत्तर</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":5} -->
<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/k.jpg" alt="" class="wp-image-5"/><figcaption class="wp-element-caption">खेत</figcaption></figure>
<!-- /wp:image -->
<!-- wp:image {"id":6} -->
<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/s.jpg" alt="" class="wp-image-6"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->

<!-- wp:embed {"url":"https://twitter.com/ECISVEEP/status/1780000000000000000","providerNameSlug":"twitter"} -->
<figure class="wp-block-embed is-provider-twitter"><div class="wp-block-embed__wrapper">
https://twitter.com/ECISVEEP/status/1780000000000000000
</div><figcaption>ट्वीट</figcaption></figure>
<!-- /wp:embed -->

<!-- wp:table -->
<figure class="wp-block-table"><table><tbody><tr><td>पटना</td><td>57%</td></tr></tbody></table></figure>
<!-- /wp:table -->

<!-- wp:acme/countdown {"to":"2024-04-01"} -->
<div class="wp-block-acme-countdown">मतगणना में 10 दिन</div>
<!-- /wp:acme/countdown -->

<!-- wp:latest-posts {"postsToShow":3} /-->`;

  it('paragraph, heading, image with figcaption, quote with cite, list, gallery and X embed become blocks', () => {
    const { blocks, report } = convertContent(html);
    valid(blocks);
    assert.deepEqual(blocks.slice(0, 8), [
      { type: 'paragraph', content: [{ text: 'राज्य में ' }, { text: 'शांतिपूर्ण', bold: true }, { text: ' मतदान।' }] },
      { type: 'heading', level: 3, text: 'कहां कितना' },
      { type: 'pending-image', attachmentId: 7, src: 'https://old.example/wp-content/uploads/2024/03/n.png', alt: 'नक्शा', caption: 'राज्यों में मतदान' },
      { type: 'quote', content: [{ text: 'लोकतंत्र का उत्सव।' }], cite: 'अधिकारी' },
      { type: 'list', ordered: false, items: [[{ text: 'उत्तर' }]] },
      { type: 'pending-image', attachmentId: 5, src: 'https://old.example/wp-content/uploads/k.jpg', alt: '', caption: 'खेत' },
      { type: 'pending-image', attachmentId: 6, src: 'https://old.example/wp-content/uploads/s.jpg', alt: '', caption: '' },
      { type: 'embed', provider: 'x', url: 'https://x.com/ECISVEEP/status/1780000000000000000', caption: 'ट्वीट' },
    ]);
    // What Samachar has no block for is kept as its text and counted, never dropped.
    assert.deepEqual(blocks.slice(8), [
      { type: 'paragraph', content: [{ text: 'पटना 57%' }] },
      { type: 'paragraph', content: [{ text: 'मतगणना में 10 दिन' }] },
    ]);
    assert.deepEqual(report.keptAsText, { table: 1, 'block:acme/countdown': 1 });
    // A dynamic block has no content in the post; it is named among what was removed.
    assert.deepEqual(report.removed, { 'block:latest-posts': 1 });
  });
});

describe('convertContent: hostile HTML', () => {
  it('drops scripts, styles, frames and forms with their content; event handlers and javascript: links never come through', () => {
    const html = `<p onclick="steal()" style="x">सुरक्षित<script>alert(document.cookie)</script> <a href="javascript:alert(1)" onmouseover="x()">क्लिक</a> <a href=" JaVaScRiPt:alert(1)">दो</a></p>
<img src="x" onerror="alert(1)">
<style>body{display:none}</style><iframe src="https://evil.example/"></iframe><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>
<form action="/x"><input name="a"><button>भेजें</button></form>
<svg onload="alert(1)"><script>alert(2)</script></svg>
<div><p>अंदर<object data="x.swf"></object></p></div>`;
    const { blocks, report } = convertContent(html);
    valid(blocks);
    const json = JSON.stringify(blocks);
    for (const bad of ['alert', 'steal', 'onclick', 'onerror', 'javascript', 'evil.example', 'display:none', 'भेजें', 'swf']) assert.ok(!json.includes(bad), `${bad} came through: ${json}`);
    assert.deepEqual(blocks.filter((b) => b.type === 'paragraph'), [
      { type: 'paragraph', content: [{ text: 'सुरक्षित क्लिक दो' }] },
      { type: 'paragraph', content: [{ text: 'अंदर' }] },
    ]);
    assert.ok(blocks.some((b) => b.type === 'embed' && b.provider === 'youtube'));
    assert.deepEqual(report.removed, { script: 1, style: 1, iframe: 1, form: 1, svg: 1, object: 1 });
    assert.equal(report.unsafeLinks, 2);
  });

  it('never throws, and keeps every text inside the body limits', () => {
    for (const html of ['', '<', '<p', '</p></p></div>', '<<<>>>', '\u0000\u0001text\u0007', '<p>' + 'क'.repeat(50_000) + '</p>', '[caption]unclosed', '<ul>' + '<li>x</li>'.repeat(450) + '</ul>']) {
      const { blocks } = convertContent(html);
      valid(blocks);
    }
  });
});

describe('htmlToText', () => {
  it('gives titles, captions and comments as text: entities decoded, tags gone, paragraphs kept', () => {
    assert.equal(htmlToText('Tom &amp; Jerry &#8211; <em>भाग</em> 2'), 'Tom & Jerry – भाग 2');
    assert.equal(htmlToText('<p>पहली</p><p>दूसरी<br>पंक्ति</p><script>x()</script>'), 'पहली\n\nदूसरी\nपंक्ति');
  });
});
