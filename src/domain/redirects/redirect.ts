/**
 * Old addresses that answer 301 with a new one (issue 13): WordPress permalinks after an
 * import, and any an editor adds. Pure: how paths are compared and what a target may be.
 */
import { MAX_SITE_PATH_LENGTH, siteRelativeTarget } from '../../lib/site-path.ts';

export interface Redirect {
  readonly id: number;
  /** Normalised (see normaliseRedirectPath): decoded, NFC, no trailing slash. */
  readonly fromPath: string;
  /** A site-relative address, percent-encoded, as sent in `Location`. */
  readonly toPath: string;
  /** Who made it: 'manual', 'wordpress', … */
  readonly origin: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export const REDIRECT_ORIGIN_MANUAL = 'manual';
export const REDIRECT_ORIGIN_WORDPRESS = 'wordpress';
/** An origin is a short lower-case word: it is shown in the admin list and filtered on. */
const ORIGIN = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The query parameters that name a page by themselves on WordPress's home path
 * (`/?p=123`, `/?page_id=7`, `/?cat=3` …). Only these are kept in a key; any other query
 * (`?utm_source=…`, `?replytocom=…`) is dropped, so a shared link with tracking still
 * finds its redirect.
 */
export const KEYED_QUERY_PARAMS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author', 'm', 'feed'] as const;

// Controls, DEL and C1 controls, and the backslash never belong in a stored path.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;
const BASE = 'http://samachar.invalid';

export function isValidOrigin(origin: string): boolean {
  return ORIGIN.test(origin);
}

/**
 * One spelling for every way an old address can be written, or null when it cannot be
 * one of this site's paths. Accepts a path (`/2024/03/21/slug/`) or a whole URL
 * (`https://old.example/2024/03/21/slug/`: the host is dropped, since the old site's
 * domain now points here). The result:
 * - percent-encoding decoded (`/%e0%a4%96` and `/ख` are one path; WordPress writes
 *   Devanagari slugs encoded, readers' browsers may send either case of hex), then NFC;
 * - dot segments resolved, no trailing slash (`/a/` and `/a` are one; `/` stays `/`);
 * - no query, except one parameter from KEYED_QUERY_PARAMS on the home path
 *   (`/?p=123&preview=true` is `/?p=123`); no fragment.
 */
export function normaliseRedirectPath(input: string): string | null {
  const raw = input.trim();
  if (!raw || raw.length > MAX_SITE_PATH_LENGTH || FORBIDDEN.test(raw)) return null;
  let url: URL;
  try {
    if (/^https?:\/\//i.test(raw)) url = new URL(raw);
    else if (raw.startsWith('/') && raw[1] !== '/') url = new URL(raw, BASE);
    else return null;
  } catch {
    return null;
  }
  const segments: string[] = [];
  for (const segment of url.pathname.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    // An encoded slash or control inside a segment would make a different path when decoded.
    if (decoded.includes('/') || FORBIDDEN.test(decoded)) return null;
    segments.push(decoded.normalize('NFC'));
  }
  while (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
  if (segments.some((s) => s === '')) return null;
  const path = `/${segments.join('/')}`;
  if (path === '/') {
    for (const name of KEYED_QUERY_PARAMS) {
      const value = url.searchParams.get(name)?.trim();
      if (value && !FORBIDDEN.test(value)) return `/?${name}=${value.normalize('NFC')}`.slice(0, MAX_SITE_PATH_LENGTH);
    }
  }
  return path.length > MAX_SITE_PATH_LENGTH ? null : path;
}

/**
 * The address a redirect answers with: site-relative only (no other host, ever: an
 * editor's typo or a crafted import must not make this site an open redirect),
 * percent-encoded for the `Location` header. Null when it is not one.
 */
export function redirectTarget(input: string): string | null {
  const raw = input.trim().normalize('NFC');
  if (!raw) return null;
  return siteRelativeTarget(raw);
}
