import { z } from 'zod';

/** Site-wide settings an admin edits. Every field has a default, so a new site works as is. */
export const SiteSettingsSchema = z.strictObject({
  siteName: z.string().min(1).max(60).default('समाचार'),
  siteNameLatin: z.string().min(1).max(60).default('Samachar'),
  tagline: z.string().max(120).default('हिंदी में ताज़ा खबरें'),
  /** 'en' shows `March 21, 2023` as the reference page does; 'hi' shows `21 मार्च 2023`. */
  dateStyle: z.enum(['en', 'hi']).default('en'),
  commentsEnabled: z.boolean().default(true),
  /** Key of the figures widget shown beside articles, or '' for none. */
  sidebarWidget: z.string().max(40).default('covid'),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const DEFAULT_SETTINGS: SiteSettings = SiteSettingsSchema.parse({});
