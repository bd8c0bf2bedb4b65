/**
 * A data box inside a story's body: the body shows the box as it is saved now, where the
 * story places it, with ids unique per place; a key with no box (unknown, deleted) or a
 * page rendered without boxes (feeds) shows nothing, never an error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { Widget } from '../../domain/widgets/widget.ts';
import { parseRichText } from '../../richtext/rich-text.ts';
import { renderFeedBody } from '../feeds/feed-body.tsx';
import { readerLocale } from '../reader-locale.ts';
import { ArticleBody } from './article-body.tsx';

const locale = readerLocale({ readerLanguage: 'hi', devanagariDigits: false });
const asOf = '2024-06-04T20:00:00+05:30';
const election: Widget = {
  key: 'chunav-2029',
  title: 'आम चुनाव 2029',
  box: {
    kind: 'election',
    totalSeats: 543,
    majority: 272,
    parties: [
      { name: 'भाजपा', colour: '#e66100', won: 240, leading: 0 },
      { name: 'कांग्रेस', colour: '#1a5fb4', won: 99, leading: 2 },
    ],
    source: 'चुनाव आयोग',
    asOf,
  },
  placement: '',
  updatedAt: new Date(asOf),
};

const body = parseRichText({
  version: 1,
  blocks: [
    { type: 'paragraph', content: [{ text: 'मतगणना जारी है।' }] },
    { type: 'dataBox', key: 'chunav-2029' },
    { type: 'dataBox', key: 'gone' },
    { type: 'dataBox', key: 'chunav-2029' },
  ],
});

test('the box as saved, where the story places it; an unknown key shows nothing', () => {
  const html = render(<ArticleBody blocks={body.blocks} media={new Map()} boxes={{ boxes: new Map([[election.key, election]]), locale }} />);
  assert.match(html, /^<div class="article-body"><p>मतगणना जारी है।<\/p><section class="box data-box election"/);
  assert.match(html, /आम चुनाव 2029/);
  assert.match(html, /<svg[^>]*role="img"/, 'the seat bar');
  assert.match(html, /भाजपा/);
  assert.ok(html.includes('id="box-chunav-2029-body-1"') && html.includes('id="box-chunav-2029-body-3"'), 'the same box twice keeps ids unique');
  assert.equal((html.match(/ data-box="/g) ?? []).length, 2, 'the unknown key adds nothing');
});

test('without boxes (or in a feed) a dataBox block shows nothing', () => {
  assert.equal(render(<ArticleBody blocks={body.blocks} media={new Map()} />), '<div class="article-body"><p>मतगणना जारी है।</p></div>');
  const feed = renderFeedBody({ blocks: body.blocks, media: new Map(), origin: 'https://example.com', correctionNote: '' });
  assert.doesNotMatch(feed, /chunav|data-box/);
  assert.match(feed, /मतगणना जारी है।/);
});
