/**
 * The reader's suggestions script (src/reader/search-suggest.ts), bundled at start
 * (http/assets/browser-bundle.ts). Served at a fixed address (every page's header refers
 * to it, and render/ is pure), so it is cached for an hour, not forever.
 */
import { bundleBrowserScript } from '../assets/browser-bundle.ts';

/** Where every page loads the script from (see render/layout.tsx). */
export const SEARCH_SCRIPT_PATH = '/search/suggest.js';

export function buildSearchScript(): Promise<Buffer> {
  return bundleBrowserScript('src/reader/search-suggest.ts');
}
