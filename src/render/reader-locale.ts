/**
 * How the reader site speaks: its interface language and digits, from the site settings.
 * Every reader template takes its labels, dates and numbers through one of these, so a
 * page never mixes the two languages. Pure.
 */
import type { ReaderLanguage, SiteSettings } from '../domain/settings/settings.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { toDevanagariDigits } from '../lib/digits.ts';
import { COMMENT_STRINGS, READER_STRINGS, type ReaderStrings } from './strings.ts';

export interface ReaderLocale {
  readonly lang: ReaderLanguage;
  /** The page's labels. */
  readonly t: ReaderStrings;
  /** The comment form's labels and messages. */
  readonly comments: (typeof COMMENT_STRINGS)[ReaderLanguage];
  /** Numbers the interface writes (dates, counts, figures) in Devanagari digits. */
  readonly devanagariDigits: boolean;
}

export function readerLocale(settings: Pick<SiteSettings, 'readerLanguage' | 'devanagariDigits'>): ReaderLocale {
  const lang = settings.readerLanguage;
  return {
    lang,
    t: READER_STRINGS[lang],
    comments: COMMENT_STRINGS[lang],
    // Devanagari digits only make sense with Hindi labels: `March २१, २०२३` would be neither.
    devanagariDigits: lang === 'hi' && settings.devanagariDigits,
  };
}

/**
 * Text the interface generated with numbers in it (a count, a page number), in the
 * site's digits. Never for content: a headline's `20 मार्च` stays as the newsroom wrote it,
 * and so do catalogue strings such as `UTF-8`.
 */
export function digits(locale: ReaderLocale, text: string | number): string {
  return locale.devanagariDigits ? toDevanagariDigits(String(text)) : String(text);
}

/** `March 21, 2023`, `21 मार्च 2023` or `२१ मार्च २०२३`. */
export function readerDate(locale: ReaderLocale, date: Date): string {
  return digits(locale, formatDate(date, locale.lang));
}

/** `March 21, 2023, 10:30 AM IST`, `21 मार्च 2023, 10:30 AM IST`, or with Devanagari digits. */
export function readerDateTime(locale: ReaderLocale, date: Date): string {
  return digits(locale, formatDateTime(date, locale.lang));
}

/** `lang="en"` on an English label inside the Hindi page, so it is pronounced as English. */
export function englishLabel(locale: ReaderLocale): { lang?: 'en' } {
  return locale.lang === 'en' ? { lang: 'en' } : {};
}
