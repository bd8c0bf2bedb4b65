/**
 * Spam rules that need no I/O and no third party: counting links, the key for duplicate
 * detection, matching the blocklist, and the signed single-use form token.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Links in a comment: http(s) addresses and bare `www.` ones. */
export function countLinks(body: string): number {
  return (body.match(/\bhttps?:\/\/|(?<![\p{L}\p{N}.])www\./giu) ?? []).length;
}

/**
 * The key two comments share when they say the same thing: NFKC, lower case, and
 * spacing, punctuation and invisible characters dropped, hashed.
 */
export function bodyKey(body: string): string {
  const folded = body
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{Cf}]+/gu, '');
  return createHash('sha256').update(folded).digest('hex');
}

/** The email as rate limits, the blocklist and "known commenter" compare it. */
export const emailKey = (email: string): string => email.normalize('NFC').trim().toLowerCase();

export type BlocklistKind = 'word' | 'email' | 'ip';

export interface BlocklistEntry {
  readonly id: number;
  readonly kind: BlocklistKind;
  /** word: lower-cased text; email: an address or `@domain`; ip: the address's salted hash. */
  readonly value: string;
  readonly note: string;
  readonly createdAt: Date;
}

/** The blocklist entry a comment matches, if any: IP, then email, then words in any field. */
export function matchBlocklist(
  entries: readonly BlocklistEntry[],
  comment: { ipHash: string | null; email: string; name: string; url: string | null; body: string },
): BlocklistEntry | null {
  const email = emailKey(comment.email);
  const text = [comment.name, comment.email, comment.url ?? '', comment.body].join('\n').normalize('NFKC').toLowerCase();
  for (const e of entries) if (e.kind === 'ip' && comment.ipHash !== null && e.value === comment.ipHash) return e;
  for (const e of entries) if (e.kind === 'email' && (e.value.startsWith('@') ? email.endsWith(e.value) : email === e.value)) return e;
  for (const e of entries) if (e.kind === 'word' && e.value && text.includes(e.value)) return e;
  return null;
}

/** A blocklist value as stored: words and emails folded; an email domain may be given as `@domain`. */
export function normalizeBlocklistValue(kind: Exclude<BlocklistKind, 'ip'>, value: string): string | null {
  const v = value.normalize('NFKC').trim().toLowerCase();
  if (!v || v.length > 200) return null;
  if (/[\u0000-\u001f\u007f-\u009f]/.test(v)) return null;
  if (kind === 'email' && !/^[^\s@]*@[^\s@]+\.[^\s@]+$/.test(v)) return null;
  return v;
}

/** Keys derived from the site's secret, one per use, so one leaking reveals nothing of the others. */
export function deriveKey(secret: string, purpose: 'ip' | 'form-token' | 'webhook'): Buffer {
  return createHmac('sha256', secret).update(`samachar-comments:${purpose}`).digest();
}

/** HMAC of an IP address: the same address gives the same hash on this site, and the address cannot be read back. */
export function hashIp(key: Buffer, ip: string): string {
  return createHmac('sha256', key).update(ip.trim().toLowerCase()).digest('hex').slice(0, 32);
}

// ── Form tokens ──────────────────────────────────────────────────────────────

/** A token older than this is treated as no token (the page was left open for a day). */
export const FORM_TOKEN_MAX_AGE_MS = 24 * 3_600_000;

export type TokenCheck =
  | { readonly kind: 'none' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'forged' }
  | { readonly kind: 'too-fast' }
  | { readonly kind: 'valid'; readonly nonce: string };

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url').slice(0, 32);

/** `<articleId>.<issued ms, base 36>.<nonce>.<mac>`: bound to one story, signed, with a nonce used once. */
export function issueFormToken(key: Buffer, articleId: number, now: Date, nonce = randomBytes(12).toString('base64url')): string {
  const text = `${articleId}.${now.getTime().toString(36)}.${nonce}`;
  return `${text}.${mac(key, text)}`;
}

/**
 * Reads a token sent with a comment on `articleId`. Guarantees: only a token this site
 * signed for this story is 'valid' or 'too-fast'; an empty one is 'none'; a day-old one
 * is 'expired'. Whether its nonce was used before is the store's to say.
 */
export function checkFormToken(key: Buffer, token: string, articleId: number, now: Date, minSeconds: number): TokenCheck {
  if (token === '') return { kind: 'none' };
  const m = /^([1-9][0-9]{0,9})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return { kind: 'forged' };
  const expected = Buffer.from(mac(key, `${m[1]}.${m[2]}.${m[3]}`));
  const sent = Buffer.from(m[4]!);
  if (expected.length !== sent.length || !timingSafeEqual(expected, sent)) return { kind: 'forged' };
  if (Number(m[1]) !== articleId) return { kind: 'forged' };
  const age = now.getTime() - parseInt(m[2]!, 36);
  if (age > FORM_TOKEN_MAX_AGE_MS) return { kind: 'expired' };
  if (age < minSeconds * 1000) return { kind: 'too-fast' };
  return { kind: 'valid', nonce: m[3]! };
}
