/** Figures boxes of the demo site. */
import type { DemoWidget } from '../demo-content.ts';

/** India's COVID-19 figures as of the morning of 21 March 2023 (the reference page's box). */
export const covidWidget: DemoWidget = {
  key: 'covid',
  title: 'COVID-19 CASES',
  rows: [
    { label: 'कुल मामले', value: 44699418, delta: 699 },
    { label: 'सक्रिय मामले', value: 7605, delta: 154 },
    { label: 'ठीक हुए', value: 44160997, delta: 543 },
    { label: 'मौतें', value: 530816, delta: 2 },
  ],
  source: 'स्वास्थ्य मंत्रालय',
  asOf: '2023-03-21T08:00:00+05:30',
};

/** Data boxes of other kinds (src/domain/widgets/): structured data as BoxSchema reads it, and where each shows. */
export interface DemoDataBox {
  key: string;
  title: string;
  data: unknown;
  placement: '' | 'sidebar' | 'home';
}

/** Lok Sabha 2024 counting night: seats won and leading, the majority mark, on the home page. */
export const electionBox: DemoDataBox = {
  key: 'lok-sabha-2024',
  title: 'लोकसभा चुनाव 2024: नतीजे',
  placement: 'home',
  data: {
    kind: 'election',
    totalSeats: 543,
    majority: 272,
    parties: [
      { name: 'भाजपा', colour: '#e66100', won: 236, leading: 4 },
      { name: 'कांग्रेस', colour: '#1a5fb4', won: 97, leading: 2 },
      { name: 'सपा', colour: '#c01c28', won: 37, leading: 0 },
      { name: 'टीएमसी', colour: '#26a269', won: 29, leading: 0 },
      { name: 'अन्य', colour: '#5e5c64', won: 138, leading: 0 },
    ],
    source: 'चुनाव आयोग',
    asOf: '2024-06-04T21:30:00+05:30',
  },
};

/** A one-day final's second innings, shown where a story names it (its key in a story's data box block). */
export const cricketBox: DemoDataBox = {
  key: 'ind-aus-final',
  title: 'भारत बनाम ऑस्ट्रेलिया, फ़ाइनल',
  placement: '',
  data: {
    kind: 'cricket',
    innings: [
      { team: 'भारत', runs: 240, wickets: 10, overs: '50' },
      { team: 'ऑस्ट्रेलिया', runs: 196, wickets: 3, overs: '38.2' },
    ],
    batsmen: [
      { name: 'ट्रैविस हेड', runs: 124, balls: 113 },
      { name: 'मार्नस लाबुशेन', runs: 52, balls: 104 },
    ],
    lastBalls: ['1', '0', '4', '1', 'wd', '6'],
    status: 'ऑस्ट्रेलिया को 70 गेंदों में 45 रन चाहिए',
    source: '',
    asOf: '2023-11-19T20:40:00+05:30',
  },
};
