/**
 * Addresses on this site that come from a user: a sign-in's `next`, a path being
 * redirected, a link in a story. Pure (runs in the server and the editor's bundle).
 *
 * A site-relative address starts with exactly one `/`. Browsers read more into some
 * strings than they look like, so these never count as site-relative:
 * - a second `/` or a `\` at the start (`//evil`, `/\evil`): browsers treat `\` as `/`,
 *   and `//host` is another site;
 * - any `\`, and control characters (tab, CR, LF …): URL parsers drop tabs and newlines
 *   (`/<TAB>/evil` is `//evil`), and CR/LF in a `Location` header would split it (Node
 *   refuses the header with ERR_INVALID_CHAR, which used to surface as a raw 500);
 * - anything that, once dot segments are resolved, starts with `//` (`/.//evil`).
 */

/** The longest address accepted (the site refuses longer request URLs with 414 anyway). */
export const MAX_SITE_PATH_LENGTH = 2048;

const BASE = 'http://samachar.invalid';
// C0 controls, space is allowed (it is encoded), DEL and C1 controls, and the backslash.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const PRINTABLE_ASCII = /^[\u0021-\u007e]+$/;

/**
 * `input` as a safe redirect target on this site: path, query and fragment, with
 * everything outside printable ASCII percent-encoded (so it fits a header) and dot
 * segments resolved. Null when `input` is not plainly site-relative or too long.
 */
export function siteRelativeTarget(input: string, maxLength = MAX_SITE_PATH_LENGTH): string | null {
  if (!isSiteRelative(input) || input.length > maxLength) return null;
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const target = `${url.pathname}${url.search}${url.hash}`;
  if (!target.startsWith('/') || target.startsWith('//') || !PRINTABLE_ASCII.test(target) || target.length > maxLength) return null;
  return target;
}

/** Whether `href` is a link within this site (a path with one leading `/` and nothing a browser would read as another host). */
export function isSiteRelative(href: string): boolean {
  return href.startsWith('/') && href[1] !== '/' && !FORBIDDEN.test(href);
}
