/**
 * One-time password reset links. An admin (on the users screen) or the command line
 * issues one for an account; whoever holds it may set that account's password once,
 * within an hour.
 *
 * - The token is 32 random bytes; only its SHA-256 is stored, so a copy of the
 *   database gives no working link.
 * - Issuing a link removes the account's earlier links: only the newest one works.
 * - Using it sets the password, marks the link used and ends every session of the
 *   account in one transaction; exactly one of two parallel uses succeeds.
 * - Nobody is signed in by a link: the person signs in with the new password, so a
 *   forwarded or intercepted link cannot open a session by itself.
 * - Expired, used, replaced, forged and unknown links, and links of disabled accounts,
 *   all look the same to the visitor (no hint of which), and each such try counts
 *   against the visitor's address like a failed sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../errors.ts';
import type { LoginThrottleStore } from './login-throttle-store.ts';
import { hashPassword, passwordProblem } from './password.ts';
import type { PasswordResetStore } from './password-reset-store.ts';
import { can, type User } from './user.ts';
import { blockFor, clearAccountThrottle, normalizeEmail } from './user-service.ts';
import type { UserStore } from './user-store.ts';

/** How long a link works. */
export const RESET_LINK_MS = 60 * 60 * 1000;

/** The path of a link; the token is its last segment. */
export const RESET_PATH = '/admin/reset-password';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedReset {
  readonly user: User;
  /** The absolute address to give the person (shown once, stored nowhere). */
  readonly url: string;
  readonly expiresAt: Date;
}

export type ResetCheck =
  | { ok: true; user: User; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export type ResetResult = ResetCheck;

export class PasswordResetService {
  constructor(
    private readonly deps: {
      store: PasswordResetStore;
      users: UserStore;
      throttle: LoginThrottleStore;
      now: () => Date;
      /** The site's public origin, for absolute links. */
      siteUrl: string;
    },
  ) {}

  /**
   * A new link for account `userId`. `actor` is the admin issuing it, or null for the
   * command line (whoever runs it already holds the database). Errors: FORBIDDEN unless
   * the actor manages users; NOT_FOUND for no such account; INVALID_INPUT on `disabled`
   * for a disabled account (enable it first).
   */
  async issue(actor: User | null, userId: number): Promise<IssuedReset> {
    if (actor && !can(actor, 'users.manage')) throw new DomainError('FORBIDDEN');
    const user = await this.deps.users.findById(userId);
    if (!user) throw new DomainError('NOT_FOUND');
    if (user.disabled) throw new DomainError('INVALID_INPUT', 'disabled', 'account disabled');
    const token = randomBytes(32).toString('base64url');
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + RESET_LINK_MS);
    await this.deps.store.replace({ tokenHash: hashToken(token), userId, createdBy: actor?.id ?? null, now, expiresAt });
    return { user, url: `${this.deps.siteUrl.replace(/\/+$/, '')}${RESET_PATH}/${token}`, expiresAt };
  }

  /** `issue` for the account with this email (the command line's way in). */
  async issueForEmail(email: string): Promise<IssuedReset> {
    const found = await this.deps.users.findCredentials(normalizeEmail(email));
    if (!found) throw new DomainError('NOT_FOUND', 'email');
    return this.issue(null, found.user.id);
  }

  /** Whether a link may be used now (to show its form), for a visitor at `ip`. */
  async check(token: string, ip: string): Promise<ResetCheck> {
    const throttled = await this.throttled(ip);
    if (throttled) return throttled;
    const found = TOKEN.test(token) ? await this.deps.store.find(hashToken(token)) : null;
    const now = this.deps.now();
    if (!found || found.usedAt !== null || found.expiresAt <= now || found.user.disabled) return this.refuse(ip);
    return { ok: true, user: found.user, expiresAt: found.expiresAt };
  }

  /**
   * Sets the account's password through a link and ends all its sessions. A password
   * that breaks the rules is INVALID_INPUT on `newPassword` and leaves the link unused.
   */
  async complete(token: string, newPassword: string, ip: string): Promise<ResetResult> {
    const checked = await this.check(token, ip);
    if (!checked.ok) return checked;
    if (passwordProblem(newPassword)) throw new DomainError('INVALID_INPUT', 'newPassword');
    const hash = await hashPassword(newPassword);
    // The clock is read again: the hash takes a moment, and the link may have run out meanwhile.
    const userId = await this.deps.store.consume(hashToken(token), hash, this.deps.now());
    if (userId === null) return this.refuse(ip);
    // Someone locked out by their own wrong guesses can sign in with the new password at once.
    await clearAccountThrottle(this.deps.throttle, checked.user.email);
    return { ok: true, user: (await this.deps.users.findById(userId))!, expiresAt: checked.expiresAt };
  }

  /** Voids every link of an account (it was disabled). */
  voidAll(userId: number): Promise<void> {
    return this.deps.store.deleteForUser(userId);
  }

  private key(ip: string): string {
    return `reset-ip:${ip}`;
  }

  private async throttled(ip: string): Promise<ResetCheck | null> {
    const now = this.deps.now().getTime();
    const state = (await this.deps.throttle.read([this.key(ip)])).get(this.key(ip));
    const until = state?.blockedUntil?.getTime() ?? 0;
    return until > now ? { ok: false, reason: 'throttled', retryAfterMs: until - now } : null;
  }

  private async refuse(ip: string): Promise<ResetCheck> {
    await this.deps.throttle.recordFailure(this.key(ip), this.deps.now(), blockFor);
    return { ok: false, reason: 'invalid' };
  }
}
