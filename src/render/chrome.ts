/**
 * What every page shows around its content, gathered by the http layer and passed
 * in: render/ never fetches anything itself.
 */
import type { ArticleSummary } from '../domain/articles/article.ts';
import type { BreakingNews } from '../domain/breaking/breaking.ts';
import type { Section } from '../domain/sections/section.ts';
import type { SiteSettings } from '../domain/settings/settings.ts';
import type { Widget } from '../domain/widgets/widget.ts';

/** URLs of the hashed static assets, known at start. */
export interface AssetUrls {
  readonly css: string;
  /** Font files the first screen draws with, to preload: the Devanagari and Latin subsets at the normal weight. */
  readonly preloadFonts: readonly string[];
  readonly favicon: string;
}

export interface Chrome {
  readonly settings: SiteSettings;
  readonly sections: readonly Section[];
  readonly assets: AssetUrls;
  /** Public origin for canonical and og: URLs, e.g. `https://example.com`. */
  readonly siteUrl: string;
  /** The moment the page is rendered for (dates on the page; passed in, never read). */
  readonly now: Date;
  /** Slug of the section the page belongs to, to mark it in the navigation ('' for the home page). */
  readonly currentSection?: string;
  /** The breaking-news banner showing at `now`, if any (every page carries its tag). */
  readonly breaking?: BreakingNews | null;
  /** A story page's most-read beacon (decision 029): its script's URL and the story's id. */
  readonly viewBeacon?: { readonly scriptUrl: string; readonly articleId: number };
}

/** The side column: the Updates list and the figures box. */
export interface Sidebar {
  readonly updates: readonly ArticleSummary[];
  readonly widget: Widget | null;
  /** Data boxes placed in the sidebar (besides `widget`), by key. */
  readonly boxes?: readonly Widget[];
  /** सबसे ज़्यादा पढ़ी गई: the most-read stories of the last 24 hours (site-wide, or the section's on its pages). */
  readonly mostRead?: readonly ArticleSummary[];
}
