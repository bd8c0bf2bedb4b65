/**
 * Keys of the integration API (`/api/v1/admin/`, decision 021). A key is 256 random bits,
 * written `sk_<43 base64url characters>`, shown once when it is made; only its SHA-256 is
 * kept. Each key acts through an account of its own with the key's role, so the newsroom's
 * permission rules (`can()` in domain/users/user.ts) decide what it may do.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../users/user.ts';

/** Roles a key may have: contributors write drafts only through the editor. */
export type ApiKeyRole = Extract<Role, 'reporter' | 'editor' | 'admin'>;
export const API_KEY_ROLES: readonly ApiKeyRole[] = ['reporter', 'editor', 'admin'];

export interface ApiKey {
  readonly id: number;
  readonly name: string;
  /** The first characters of the key (`sk_AbCd12`), to recognise it in a list. */
  readonly prefix: string;
  readonly role: Role;
  /** The account the key acts as. */
  readonly userId: number;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
  readonly revokedBy: string | null;
}

export const KEY_PREFIX = 'sk_';
/** sk_ and 32 random bytes in base64url. */
const KEY_PATTERN = /^sk_[A-Za-z0-9_-]{43}$/;
/** Characters of a key shown in the admin list: sk_ and six more (36 bits, never enough to use). */
export const SHOWN_PREFIX_LENGTH = 9;
export const API_KEY_NAME_MAX = 80;

/** Requests one key may make in one window; past it, 429 with Retry-After (per process). */
export const API_KEY_RATE = { requests: 120, windowMs: 60_000 } as const;
/** Last-used time is written at most this often per key, so a busy key is not a write per request. */
export const TOUCH_INTERVAL_MS = 60_000;

export function generateKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether `text` has the form of a key (checked before any lookup). */
export function looksLikeKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** The key from an `Authorization: Bearer sk_…` header; null when there is none or it is not a bearer header. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)[ ]*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * A fixed-window counter per key. Pure apart from its own memory: `now` is passed in.
 * Returns null when the request may go ahead, or the seconds until the window ends.
 */
export class RateWindow {
  private readonly windows = new Map<number, { start: number; count: number }>();
  constructor(private readonly limit: { requests: number; windowMs: number } = API_KEY_RATE) {}

  take(keyId: number, nowMs: number): number | null {
    let w = this.windows.get(keyId);
    if (!w || nowMs - w.start >= this.limit.windowMs || nowMs < w.start) {
      // Forget finished windows now and then, so revoked or idle keys do not pile up.
      if (this.windows.size > 10_000) this.windows.clear();
      w = { start: nowMs, count: 0 };
      this.windows.set(keyId, w);
    }
    if (w.count >= this.limit.requests) return Math.max(1, Math.ceil((w.start + this.limit.windowMs - nowMs) / 1000));
    w.count += 1;
    return null;
  }
}
