/** The words of data boxes on reader pages, in the site's two languages. */
import type { ReaderLanguage } from '../../domain/settings/settings.ts';

const hi = {
  party: 'दल',
  won: 'जीते',
  leading: 'आगे',
  total: 'कुल',
  majority: 'बहुमत',
  seatsOf: (n: string) => `कुल ${n} सीटें`,
  seatBarTitle: (title: string) => `${title}: सीटों का बंटवारा`,
  seatBarDesc: (parts: string, majority: string) => `${parts}। बहुमत के लिए ${majority} सीटें।`,
  partyDesc: (name: string, won: string, leading: string) => `${name}: ${won} जीते, ${leading} पर आगे`,
  team: 'टीम',
  score: 'स्कोर',
  overs: 'ओवर',
  batter: 'बल्लेबाज़',
  runs: 'रन',
  balls: 'गेंदें',
  lastBalls: 'पिछली गेंदें',
  ballsTitle: (title: string) => `${title}: पिछली गेंदें`,
  ballsDesc: (list: string) => `पुरानी से नई: ${list}`,
  wicket: 'विकेट',
  barsTitle: (title: string, column: string) => `${title}: ${column}`,
  barsDesc: (list: string) => list,
};

export type DataBoxStrings = typeof hi;

const en: DataBoxStrings = {
  party: 'Party',
  won: 'Won',
  leading: 'Leading',
  total: 'Total',
  majority: 'Majority',
  seatsOf: (n) => `${n} seats in all`,
  seatBarTitle: (title) => `${title}: seats by party`,
  seatBarDesc: (parts, majority) => `${parts}. ${majority} seats for a majority.`,
  partyDesc: (name, won, leading) => `${name}: ${won} won, leading in ${leading}`,
  team: 'Team',
  score: 'Score',
  overs: 'Overs',
  batter: 'Batter',
  runs: 'Runs',
  balls: 'Balls',
  lastBalls: 'Last balls',
  ballsTitle: (title) => `${title}: last balls`,
  ballsDesc: (list) => `Oldest to newest: ${list}`,
  wicket: 'wicket',
  barsTitle: (title, column) => `${title}: ${column}`,
  barsDesc: (list) => list,
};

export const dataBoxStrings = (lang: ReaderLanguage): DataBoxStrings => (lang === 'en' ? en : hi);
