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
