import { z } from 'zod';
import { adsTxtBadLine, hasControlCharacters, MAX_ADS_TXT, MAX_ROBOTS_TXT } from './site-files.ts';

/** Most stories a manual Updates list may name. */
export const MAX_UPDATES_IDS = 10;

/** Site-wide settings an admin edits. Every field has a default, so a new site works as is. */
export const SiteSettingsSchema = z.strictObject({
  siteName: z.string().min(1).max(60).default('समाचार'),
  siteNameLatin: z.string().min(1).max(60).default('Samachar'),
  tagline: z.string().max(120).default('हिंदी में ताज़ा खबरें'),
  /**
   * The reader site's interface language. 'hi': every label, the comment form and its
   * messages, and dates (`21 मार्च 2023`) in Hindi. 'en': the reference page's English labels
   * (`Updates`, `Leave a Reply` and the comment form, `March 21, 2023`) on an otherwise Hindi
   * page. Content is never translated. Replaces `dateStyle` and `commentFormLanguage`
   * (see migrateStoredSettings).
   */
  readerLanguage: z.enum(['en', 'hi']).default('en'),
  /** With `readerLanguage` 'hi': numbers the interface writes (dates, counts, figures) in Devanagari digits (२१ मार्च २०२३). */
  devanagariDigits: z.boolean().default(false),
  commentsEnabled: z.boolean().default(true),
  /** Reporters may publish (and unpublish) their own stories without an editor. */
  reportersCanPublish: z.boolean().default(false),
  /** Key of the figures widget shown beside articles, or '' for none. */
  sidebarWidget: z.string().max(40).default('covid'),
  /** The Updates list: the newest stories ('latest'), or the stories in `updatesIds`, in that order ('manual'). */
  updatesMode: z.enum(['latest', 'manual']).default('latest'),
  /** Article ids of the manual Updates list; only those public at the time of a request are shown. */
  updatesIds: z.array(z.number().int().positive().max(2_147_483_647)).max(MAX_UPDATES_IDS).default([]),
  /**
   * Comment moderation: 'all' holds every comment for an editor; 'first' holds a
   * commenter's comments until one of them has been approved; 'none' publishes at once
   * (the spam rules still hold or catch some).
   */
  commentModeration: z.enum(['all', 'first', 'none']).default('first'),
  /** Comments close this many days after a story is published; 0 keeps them open. */
  commentAutoCloseDays: z.number().int().min(0).max(3650).default(0),
  /** A comment with more links than this waits for moderation. */
  commentMaxLinks: z.number().int().min(0).max(50).default(2),
  /** Seconds that must pass between fetching a form token and posting with it (faster is a bot). */
  commentMinSeconds: z.number().int().min(0).max(600).default(3),
  /** Comments one IP address may post in 10 minutes (high: many readers share mobile carriers' addresses). */
  commentIpLimit: z.number().int().min(1).max(10_000).default(20),
  /** Comments one email address may post in 10 minutes. */
  commentEmailLimit: z.number().int().min(1).max(10_000).default(5),
  /** robots.txt's rules ('' = the generated default; the Sitemap lines are always added). See domain/settings/site-files.ts. */
  robotsTxt: z
    .string()
    .max(MAX_ROBOTS_TXT)
    .refine((s) => !hasControlCharacters(s))
    .default(''),
  /** ads.txt as served at /ads.txt ('' = none: /ads.txt is a 404); every line a record, a variable, a comment or blank. */
  adsTxt: z
    .string()
    .max(MAX_ADS_TXT)
    .refine((s) => !hasControlCharacters(s) && adsTxtBadLine(s) === null)
    .default(''),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** The reader site's interface language (a site setting). */
export type ReaderLanguage = SiteSettings['readerLanguage'];

/**
 * A stored settings document written before `readerLanguage` existed, brought up to date
 * before validation (the schema is strict, so an old key would otherwise make the whole
 * document fall back to defaults). The two old settings, `dateStyle` and
 * `commentFormLanguage`, become one: Hindi if either was Hindi (the site had asked for Hindi
 * somewhere, and the new setting makes it consistent), otherwise the reference page's
 * English labels, which is what such a site showed. Anything else passes through unchanged.
 */
export function migrateStoredSettings(stored: unknown): unknown {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  const { dateStyle, commentFormLanguage, ...rest } = stored as Record<string, unknown>;
  if (dateStyle === undefined && commentFormLanguage === undefined) return stored;
  if (rest.readerLanguage === undefined) rest.readerLanguage = dateStyle === 'hi' || commentFormLanguage === 'hi' ? 'hi' : 'en';
  return rest;
}

export const DEFAULT_SETTINGS: SiteSettings = SiteSettingsSchema.parse({});
