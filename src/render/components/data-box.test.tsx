/**
 * Each kind of data box renders for readers without client JavaScript: an inline SVG chart
 * with role="img" labelled by its <title> and <desc> (which says the numbers in words), a
 * <table> of the same numbers, Indian grouping and, when the site chooses, Devanagari
 * digits; nothing on the box requests anything from anywhere.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { render } from 'preact-render-to-string';
import type { BoxData, Widget } from '../../domain/widgets/widget.ts';
import { readerLocale } from '../reader-locale.ts';
import { DataBox } from './data-box.tsx';

const hi = readerLocale({ readerLanguage: 'hi', devanagariDigits: false });
const deva = readerLocale({ readerLanguage: 'hi', devanagariDigits: true });
const asOf = '2024-06-04T20:00:00+05:30';
const widget = (key: string, box: BoxData): Widget => ({ key, title: 'नतीजे', box, placement: '', updatedAt: new Date(asOf) });

const election = widget('chunav', {
  kind: 'election',
  totalSeats: 543,
  majority: 272,
  parties: [
    { name: 'भाजपा', colour: '#e66100', won: 240, leading: 0 },
    { name: 'कांग्रेस', colour: '#1a5fb4', won: 99, leading: 2 },
  ],
  source: 'चुनाव आयोग',
  asOf,
});
const cricket = widget('score', {
  kind: 'cricket',
  innings: [
    { team: 'ऑस्ट्रेलिया', runs: 240, wickets: 10, overs: '50' },
    { team: 'भारत', runs: 196, wickets: 4, overs: '41.2' },
  ],
  batsmen: [{ name: 'विराट कोहली', runs: 85, balls: 92 }],
  lastBalls: ['1', '4', 'W', '6'],
  status: 'भारत को 45 रन चाहिए',
  source: '',
  asOf,
});
const table = widget('turnout', { kind: 'table', columns: ['राज्य', 'मतदाता'], rows: [['उत्तर प्रदेश', '15,29,00,000'], ['बिहार', '7,64,33,329']], source: '', asOf });

/** Every chart is an accessible inline SVG: role, and aria-labelledby naming its title and desc. */
function checkChart(html: string, desc: RegExp) {
  const svg = /<svg[^>]*>/.exec(html)?.[0];
  assert.ok(svg, 'a chart');
  assert.match(svg, /role="img"/);
  const ids = /aria-labelledby="([^"]+)"/.exec(svg)![1]!.split(' ');
  assert.equal(ids.length, 2);
  assert.match(html, new RegExp(`<title id="${ids[0]}">[^<]+</title>`));
  const d = new RegExp(`<desc id="${ids[1]}">([^<]+)</desc>`).exec(html);
  assert.ok(d, 'a description');
  assert.match(d[1]!, desc);
  assert.match(html, /<table/, 'a table of the same numbers');
  // Nothing fetched: no external references, fonts, images or scripts.
  assert.doesNotMatch(html.replace('<script src="/live/data-box.js" defer></script>', ''), /(src|href)=|url\(|<script|@import/);
}

describe('data boxes', () => {
  test('election: a seat bar with the majority mark and a results table', () => {
    const html = render(<DataBox widget={election} locale={hi} />);
    checkChart(html, /भाजपा: 240 जीते, 0 पर आगे; कांग्रेस: 99 जीते, 2 पर आगे। बहुमत के लिए 272 सीटें।/);
    assert.match(html, /viewBox="0 0 543 40"/, 'drawn in seats');
    assert.match(html, /<line x1="272"/, 'the majority mark');
    assert.match(html, /<rect x="240" y="8" width="99"/, 'the second party starts where the first ends');
    assert.match(html, /<td>101<\/td>/, 'won plus leading');
  });

  test('cricket: scores, the batter, the last balls as a strip', () => {
    const html = render(<DataBox widget={cricket} locale={hi} />);
    checkChart(html, /पुरानी से नई: 1, 4, विकेट, 6/);
    assert.match(html, /196\/4/);
    assert.match(html, /41.2/);
    assert.match(html, /विराट कोहली/);
    assert.match(html, /भारत को 45 रन चाहिए/);
    assert.equal([...html.matchAll(/<circle/g)].length, 4);
  });

  test('table: bars for a numeric last column, cells in Indian grouping', () => {
    const html = render(<DataBox widget={table} locale={hi} />);
    checkChart(html, /उत्तर प्रदेश: 15,29,00,000; बिहार: 7,64,33,329/);
    assert.match(html, /<td>15,29,00,000<\/td>/);
    // A column of text draws no chart.
    const words = render(<DataBox widget={widget('t', { kind: 'table', columns: ['राज्य', 'दल'], rows: [['बिहार', 'जदयू']], source: '', asOf })} locale={hi} />);
    assert.doesNotMatch(words, /<svg/);
    assert.match(words, /<td>जदयू<\/td>/);
  });

  test('Devanagari digits when the site chooses them, in tables and charts alike', () => {
    const html = render(<DataBox widget={election} locale={deva} />);
    assert.match(html, /<td>२४०<\/td>/);
    assert.match(html, /बहुमत के लिए २७२ सीटें/);
    assert.match(render(<DataBox widget={table} locale={deva} />), /१५,२९,००,०००/);
  });

  test('figures boxes render as they always have; a box shown twice keeps its ids unique', () => {
    const figures = widget('covid', { kind: 'figures', rows: [{ label: 'कुल मामले', value: 44699418, delta: 699 }], source: '', asOf });
    const html = render(<DataBox widget={figures} locale={hi} />);
    assert.match(html, /<data value="44699418">4,46,99,418<\/data>/);
    assert.match(html, /class="box figures"/);
    const side = render(<DataBox widget={election} locale={hi} />);
    const story = render(<DataBox widget={election} locale={hi} place="story" />);
    const ids = (h: string) => [...h.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    for (const id of ids(side)) assert.ok(!ids(story).includes(id), id);
  });
});
