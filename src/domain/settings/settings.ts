import { z } from 'zod';

/** Most stories a manual Updates list may name. */
export const MAX_UPDATES_IDS = 10;

/** Site-wide settings an admin edits. Every field has a default, so a new site works as is. */
export const SiteSettingsSchema = z.strictObject({
  siteName: z.string().min(1).max(60).default('समाचार'),
  siteNameLatin: z.string().min(1).max(60).default('Samachar'),
  tagline: z.string().max(120).default('हिंदी में ताज़ा खबरें'),
  /** 'en' shows `March 21, 2023` as the reference page does; 'hi' shows `21 मार्च 2023`. */
  dateStyle: z.enum(['en', 'hi']).default('en'),
  commentsEnabled: z.boolean().default(true),
  /** Reporters may publish (and unpublish) their own stories without an editor. */
  reportersCanPublish: z.boolean().default(false),
  /** Key of the figures widget shown beside articles, or '' for none. */
  sidebarWidget: z.string().max(40).default('covid'),
  /** The Updates list: the newest stories ('latest'), or the stories in `updatesIds`, in that order ('manual'). */
  updatesMode: z.enum(['latest', 'manual']).default('latest'),
  /** Article ids of the manual Updates list; only those public at the time of a request are shown. */
  updatesIds: z.array(z.number().int().positive().max(2_147_483_647)).max(MAX_UPDATES_IDS).default([]),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const DEFAULT_SETTINGS: SiteSettings = SiteSettingsSchema.parse({});
