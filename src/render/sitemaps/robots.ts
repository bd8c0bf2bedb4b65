/**
 * robots.txt: the rules (the admin's, or the default) and then the sitemap lines, which
 * always name this site's own addresses (SITE_URL), so a copy of the settings on a staging
 * site never points crawlers at production. Pure.
 */

/** The rules when the admin has written none: the newsroom, previews and search results are not for crawlers. */
export const DEFAULT_ROBOTS_RULES = ['User-agent: *', 'Disallow: /admin', 'Disallow: /preview/', 'Disallow: /search', 'Allow: /'].join('\n');

export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

export function renderRobotsTxt(rules: string, siteUrl: string): string {
  const origin = siteUrl.replace(/\/+$/, '');
  return `${rules.trim() || DEFAULT_ROBOTS_RULES}\n\nSitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/news-sitemap.xml\n`;
}
