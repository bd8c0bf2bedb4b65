/**
 * Photos on slow phones: every <img> has width and height (no layout shift) and srcset
 * with sizes; the one above the fold loads at once at high priority, every other one is
 * lazy and decodes off the main thread. A story without a hero makes a photo that opens
 * its body the eager one.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { Media } from '../../domain/media/media.ts';
import type { Block } from '../../richtext/rich-text.ts';
import { ArticleBody } from './article-body.tsx';
import { Photo } from './photo.tsx';

const media = (id: number, width = 1600, height = 900): Media => ({
  id,
  fileKey: id.toString(16).padStart(16, '0'),
  mime: 'image/jpeg',
  width,
  height,
  variantWidths: [480, 960, 1440],
  alt: `तस्वीर ${id}`,
  caption: 'कैप्शन',
  credit: 'फोटो: समाचार',
});

const imgs = (html: string) => html.match(/<img [^>]*>/g) ?? [];
const attr = (img: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(img)?.[1];

describe('photos', () => {
  test('a lazy photo has its size, srcset and sizes, and decodes asynchronously', () => {
    const [img] = imgs(render(<Photo media={media(1, 1200, 800)} sizes="100vw" />));
    assert.ok(img);
    assert.equal(attr(img, 'width'), '960');
    assert.equal(attr(img, 'height'), '640');
    assert.match(attr(img, 'srcset') ?? '', /-480\.jpg 480w, .*-960\.jpg 960w, .*-1440\.jpg 1440w$/);
    assert.equal(attr(img, 'sizes'), '100vw');
    assert.equal(attr(img, 'loading'), 'lazy');
    assert.equal(attr(img, 'decoding'), 'async');
    assert.equal(attr(img, 'fetchpriority'), undefined);
  });

  test('an eager photo loads at once, at high priority', () => {
    const [img] = imgs(render(<Photo media={media(1)} sizes="100vw" eager />));
    assert.ok(img);
    assert.equal(attr(img, 'loading'), 'eager');
    assert.equal(attr(img, 'fetchpriority'), 'high');
    assert.ok(attr(img, 'width') && attr(img, 'height'));
  });

  const photo = (id: number): Block => ({ type: 'image', mediaId: id });
  const paragraph: Block = { type: 'paragraph', content: [{ text: 'पहला पैराग्राफ' }] };
  const library = new Map([1, 2].map((id) => [id, media(id)]));

  test('in a story without a hero, a photo that opens the body is eager; the rest stay lazy', () => {
    const html = render(<ArticleBody blocks={[photo(1), paragraph, photo(2)]} media={library} eagerOpeningPhoto />);
    assert.deepEqual(imgs(html).map((img) => [attr(img, 'loading'), attr(img, 'fetchpriority')]), [
      ['eager', 'high'],
      ['lazy', undefined],
    ]);
  });

  test('body photos are lazy when the story has a hero, or when the body opens with text', () => {
    for (const html of [
      render(<ArticleBody blocks={[photo(1), paragraph, photo(2)]} media={library} />),
      render(<ArticleBody blocks={[paragraph, photo(1), photo(2)]} media={library} eagerOpeningPhoto />),
    ]) {
      assert.deepEqual(imgs(html).map((img) => attr(img, 'loading')), ['lazy', 'lazy']);
      for (const img of imgs(html)) assert.ok(attr(img, 'width') && attr(img, 'height') && attr(img, 'decoding') === 'async');
    }
  });
});
