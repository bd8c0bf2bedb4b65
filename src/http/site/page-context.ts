/**
 * Gathers what every reader page shows around its content (settings, sections,
 * the Updates list, the figures box) through the domain services.
 */
import { DEFAULT_SETTINGS } from '../../domain/settings/settings.ts';
import type { AssetUrls, Chrome, Sidebar } from '../../render/chrome.ts';
import type { Services } from '../../services.ts';

/** How many stories the Updates box lists. */
export const UPDATES_COUNT = 6;

export async function loadChrome(services: Services, assets: AssetUrls, now: Date, currentSection?: string): Promise<Chrome> {
  const [settings, sections, breaking] = await Promise.all([services.settings.get(), services.sections.list(), services.breaking.current(now)]);
  return {
    settings,
    sections,
    breaking,
    assets,
    siteUrl: services.config.siteUrl,
    now,
    ...(currentSection === undefined ? {} : { currentSection }),
  };
}

/** Chrome that needs no database: for error pages when the database is what failed. */
export function fallbackChrome(services: Services, assets: AssetUrls, now: Date): Chrome {
  return { settings: DEFAULT_SETTINGS, sections: [], assets, siteUrl: services.config.siteUrl, now };
}

/**
 * The side column. The Updates list is the newest stories, or, when the site's setting
 * says 'manual', the stories editors chose, in their order, leaving out any not public at `now`.
 */
export async function loadSidebar(services: Services, now: Date, excludeId?: number, mostReadSectionId?: number): Promise<Sidebar> {
  const settings = await services.settings.get();
  const [updates, widget, placed] = await Promise.all([
    settings.updatesMode === 'manual'
      ? services.articles.publicByIds(now, settings.updatesIds.filter((id) => id !== excludeId))
      : services.articles.latest(now, UPDATES_COUNT, excludeId === undefined ? {} : { excludeIds: [excludeId] }),
    settings.sidebarWidget ? services.widgets.findShown(settings.sidebarWidget) : Promise.resolve(null),
    services.widgets.placedIn('sidebar'),
  ]);
  // Most read: the section's on its own pages, otherwise site-wide (decision 029).
  const mostRead = await services.mostRead.list(now, mostReadSectionId);
  // Boxes placed in the sidebar follow the one the settings name (never shown twice).
  return { updates, widget, boxes: placed.filter((b) => b.key !== widget?.key), mostRead };
}
