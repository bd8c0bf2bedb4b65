/**
 * The breaking-news banner (issue 15, decision 029): one line every reader page shows
 * above its content, with an optional link and an optional expiry. Pure rules; the
 * service stores, caches and announces it.
 */
import { isSiteRelative, siteRelativeTarget } from '../../lib/site-path.ts';

/** The longest banner line: one line on a phone, two at most. */
export const MAX_BREAKING_TEXT = 160;
/** The longest link an editor may give. */
export const MAX_BREAKING_LINK = 2048;

export interface BreakingNews {
  readonly text: string;
  /** http(s) on any host, or site-relative (`/videsh/...`); null for none. */
  readonly link: string | null;
  /** When it stops showing; null: until cleared. */
  readonly expiresAt: Date | null;
  readonly updatedAt: Date;
}

export interface BreakingInput {
  text: string;
  link?: string | null;
  expiresAt?: Date | null;
}

/** Why an input was refused: the field, and a reason the admin strings name. */
export type BreakingProblem = { field: 'text'; reason: 'empty' | 'too-long' } | { field: 'link'; reason: 'invalid' } | { field: 'expiresAt'; reason: 'past' };

/**
 * The banner as stored: the text NFC, trimmed and on one line (any line break or run of
 * spaces becomes one space); the link absolute http(s) (no user:password part) or a
 * safe site-relative address, anything else (javascript:, data:, //host) refused; an
 * expiry, if any, after `now`.
 */
export function checkBreaking(input: BreakingInput, now: Date): { ok: true; value: Omit<BreakingNews, 'updatedAt'> } | { ok: false; problem: BreakingProblem } {
  const text = input.text.normalize('NFC').replace(/[\s\u0085\u2028\u2029]+/gu, ' ').trim();
  if (text === '') return { ok: false, problem: { field: 'text', reason: 'empty' } };
  if ([...text].length > MAX_BREAKING_TEXT) return { ok: false, problem: { field: 'text', reason: 'too-long' } };
  const rawLink = (input.link ?? '').trim();
  let link: string | null = null;
  if (rawLink !== '') {
    link = safeLink(rawLink);
    if (link === null) return { ok: false, problem: { field: 'link', reason: 'invalid' } };
  }
  const expiresAt = input.expiresAt ?? null;
  if (expiresAt && !(expiresAt.getTime() > now.getTime())) return { ok: false, problem: { field: 'expiresAt', reason: 'past' } };
  return { ok: true, value: { text, link, expiresAt } };
}

/** `raw` as a link readers may follow, or null. */
export function safeLink(raw: string): string | null {
  if (raw.length > MAX_BREAKING_LINK) return null;
  if (raw.startsWith('/')) return isSiteRelative(raw) ? siteRelativeTarget(raw) : null;
  if (!/^https?:\/\//i.test(raw) || /[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) return null;
  return url.href;
}

/** Whether the banner shows at `now`. */
export function isShowing(news: BreakingNews | null, now: Date): news is BreakingNews {
  return news !== null && (news.expiresAt === null || news.expiresAt.getTime() > now.getTime());
}
