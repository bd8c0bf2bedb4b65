// Every domain's data, by name (LEXICON_STATS.byDomain uses these names), and the synonym groups.
import { COURTS } from './courts.ts';
import { CRIME } from './crime.ts';
import { ECONOMY } from './economy.ts';
import { EDUCATION } from './education.ts';
import { ENTERTAINMENT } from './entertainment.ts';
import { GENERAL } from './general.ts';
import { HEALTH } from './health.ts';
import { POLITICS } from './politics.ts';
import { SPORT } from './sport.ts';
import { TECHNOLOGY } from './technology.ts';
import { WEATHER } from './weather.ts';

export const DOMAINS: Readonly<Record<string, string>> = {
  politics: POLITICS,
  courts: COURTS,
  crime: CRIME,
  economy: ECONOMY,
  sport: SPORT,
  weather: WEATHER,
  health: HEALTH,
  education: EDUCATION,
  technology: TECHNOLOGY,
  entertainment: ENTERTAINMENT,
  general: GENERAL,
};

export { SYNONYM_GROUPS } from './synonyms.ts';
