/**
 * Most read (issue 15, decision 029): which requests count as a reader's view. Pure.
 *
 * A view is one page load of a story by a person: the page's beacon (src/reader/view-beacon.ts)
 * posts once per load, carrying a token the tab keeps per story (sessionStorage, not a
 * cookie), so a reload repeats the token and counts once. Nothing identifies the reader:
 * the token is random, kept only in memory for the dedup window, and never stored.
 */

/** A repeated token within this window counts once (a reload, a restored tab). */
export const DEDUP_WINDOW_MS = 30 * 60_000;
/** How many tokens are remembered at most: the oldest are forgotten first (bounded memory, ~10 MB). */
export const MAX_TOKENS = 100_000;
/** How many distinct stories one process counts between flushes; views of others wait for the next. */
export const MAX_COUNTED_STORIES = 20_000;
/** The lists look back this far. */
export const WINDOW_HOURS = 24;
/** Buckets older than this are pruned. */
export const KEEP_HOURS = 48;
/** How many stories a list shows. */
export const MOST_READ_COUNT = 5;

/**
 * User agents that are not people reading: crawlers, link previewers, monitors, HTTP
 * libraries, headless browsers. An empty user agent is not a browser either.
 */
const BOT =
  /bot\b|bot\/|crawl|spider|slurp|scrap|archiver|facebookexternalhit|facebookcatalog|meta-externalagent|embedly|quora link preview|bingpreview|preview|whatsapp|telegram|discord|slack|skype|vkshare|pinterest|tumblr|redditbot|linkedin|outbrain|nuzzel|feedfetcher|mediapartners|adsbot|google-read-aloud|googleother|google-inspectiontool|lighthouse|pagespeed|gtmetrix|pingdom|uptime|monitor|statuscake|headless|phantomjs|puppeteer|playwright|selenium|webdriver|curl|wget|httpie|python|java\/|okhttp|axios|node-fetch|undici|go-http-client|libwww|httpclient|http_request|ruby|perl|php\/|postman|insomnia|check_http|dataprovider|ahrefs|semrush|mj12|dotbot|petalbot|yandex|baidu|bytespider|gptbot|chatgpt|claude|anthropic|perplexity|ccbot|amazonbot|applebot/i;

export function isBot(userAgent: string | undefined): boolean {
  const ua = (userAgent ?? '').trim();
  return ua.length < 8 || !/^mozilla\/|^opera\//i.test(ua) || BOT.test(ua);
}

/** A prefetch or prerender the reader may never see (`Sec-Purpose`, `Purpose`, `X-Purpose`, `X-Moz`). */
export function isPrefetch(headers: Readonly<Record<string, string | string[] | undefined>>): boolean {
  for (const name of ['sec-purpose', 'purpose', 'x-purpose', 'x-moz']) {
    const value = headers[name];
    const text = Array.isArray(value) ? value.join(',') : (value ?? '');
    if (/prefetch|prerender|preview/i.test(text)) return true;
  }
  return false;
}

/** A beacon's token: 16–64 URL-safe characters (the script sends 22). */
export function isViewToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(value);
}

/** Whole hours since 1970-01-01 UTC: the bucket a view at `at` counts in. */
export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / 3600_000);
}
