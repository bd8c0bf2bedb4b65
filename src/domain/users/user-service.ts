/**
 * Accounts and signing in. Sign-in failures are counted per account and address, per
 * address, and per account from everywhere (the rules are in `sign-in-limits.ts`); an
 * attempt over a limit is refused before the password is even checked, and the check of
 * the limits and the counting of the attempt are one atomic step.
 */
import { DomainError } from '../../errors.ts';
import { slugify } from '../../lib/slug.ts';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from './password.ts';
import type { LoginThrottleStore } from './login-throttle-store.ts';
import { accountAddressPrefix, accountThrottleKey, admit, FORGET_AFTER_MS, keyList, release, signInKeys } from './sign-in-limits.ts';
import type { Locale, Role, User } from './user.ts';
import { can, isPersonAccount, ROLES } from './user.ts';
import type { UserStore } from './user-store.ts';

export { accountThrottleKey, blockFor, FREE_FAILURES } from './sign-in-limits.ts';

/**
 * Forgets every sign-in failure counted against an account (its password was just reset
 * through a link, so its owner can sign in with the new one at once, from anywhere).
 */
export async function clearAccountThrottle(throttle: LoginThrottleStore, email: string): Promise<void> {
  await throttle.clear(accountThrottleKey(email));
  await throttle.clearStartingWith(accountAddressPrefix(email));
}

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  /** Generated (and returned) when not given. */
  password?: string;
  locale?: Locale;
  authorId?: number | null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,255}\.[^\s@<>()[\]\\,;:"]{2,63}$/;

export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * A byline made from an account: its name, and a Latin name transliterated from it
 * (`आशा वर्मा` → `Asha Varma`; a Latin name is kept as typed), from which the author's
 * page gets its slug. The email's local part stands in when the name has no letters.
 */
export function bylineFromAccount(user: Pick<User, 'name' | 'email'>): { name: string; nameLatin: string; bio: string; photoMediaId: null } {
  // Bylines allow 80 characters (AUTHOR_LIMITS); account names 100.
  const points = [...user.name.normalize('NFC').trim()];
  while (points.join('').length > 80) points.pop();
  const name = points.join('').trim();
  const latin = /^[\p{Script=Latin}\p{N}\s.'-]+$/u.test(name)
    ? name
    : (slugify(name) || slugify(user.email.split('@')[0] ?? '') || 'author')
        .split('-')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ');
  return { name, nameLatin: latin.slice(0, 80), bio: '', photoMediaId: null };
}

// A hash of a random password, so unknown accounts take as long to refuse as known ones.
let dummyHash: Promise<string> | null = null;

export class UserService {
  constructor(
    private readonly store: UserStore,
    private readonly throttle: LoginThrottleStore,
    private readonly now: () => Date,
  ) {}

  findById(id: number): Promise<User | null> {
    return this.store.findById(id);
  }

  list(): Promise<User[]> {
    return this.store.list();
  }

  count(): Promise<number> {
    return this.store.count();
  }

  async create(input: NewUser): Promise<{ user: User; password: string }> {
    const email = normalizeEmail(input.email);
    if (!EMAIL.test(email)) throw new DomainError('INVALID_INPUT', 'email');
    const name = input.name.normalize('NFC').trim();
    if (!name || name.length > 100) throw new DomainError('INVALID_INPUT', 'name');
    if (!ROLES.includes(input.role)) throw new DomainError('INVALID_INPUT', 'role');
    const password = input.password ?? generatePassword();
    if (passwordProblem(password)) throw new DomainError('INVALID_INPUT', 'password');
    if (await this.store.findCredentials(email)) throw new DomainError('CONFLICT', 'email');
    const user = await this.store.insert({
      email,
      name,
      role: input.role,
      passwordHash: await hashPassword(password),
      locale: input.locale ?? 'hi',
      authorId: input.authorId ?? null,
      now: this.now(),
    });
    return { user, password };
  }

  async signIn(emailInput: string, password: string, ip: string): Promise<SignInResult> {
    const email = normalizeEmail(emailInput).slice(0, 320);
    const keys = signInKeys(email, ip);
    const now = this.now();
    // Checked and counted as a failure in one step, before the password is looked at.
    const admission = await this.throttle.update(keyList(keys), (states) => admit(keys, states, now));
    if (!admission.ok) return { ok: false, reason: 'throttled', retryAfterMs: admission.retryAfterMs };

    const found = await this.store.findCredentials(email);
    const tooLong = passwordProblem(password) === 'too-long';
    dummyHash ??= hashPassword(generatePassword());
    const valid = !tooLong && (await verifyPassword(password, found?.passwordHash ?? (await dummyHash))) && found !== null && !found.user.disabled;
    if (!valid || !found) return { ok: false, reason: 'invalid' };
    await this.throttle.update(keyList(keys), (states) => release(keys, states, admission.reservation));
    return { ok: true, user: found.user };
  }

  /** Forgets sign-in counters with no failure for a day (newsroom housekeeping). */
  pruneSignInLimits(): Promise<number> {
    const now = this.now();
    return this.throttle.prune(new Date(now.getTime() - FORGET_AFTER_MS), now);
  }

  /** Changes a password after checking the current one. The caller ends the user's other sessions. */
  async changePassword(userId: number, current: string, next: string): Promise<void> {
    const hash = await this.store.passwordHash(userId);
    if (!hash || passwordProblem(current) === 'too-long' || !(await verifyPassword(current, hash))) {
      throw new DomainError('INVALID_INPUT', 'currentPassword');
    }
    if (passwordProblem(next)) throw new DomainError('INVALID_INPUT', 'newPassword');
    await this.store.setPassword(userId, await hashPassword(next), this.now());
  }

  /**
   * An admin changes another account's role or disables it. The last active admin can be
   * neither demoted nor disabled, so the site can never lock itself out.
   */
  async updateAccount(actor: User, id: number, patch: { role?: Role; disabled?: boolean }): Promise<User> {
    if (!can(actor, 'users.manage')) throw new DomainError('FORBIDDEN');
    const target = await this.store.findById(id);
    if (!target) throw new DomainError('NOT_FOUND');
    if (patch.role !== undefined && !ROLES.includes(patch.role)) throw new DomainError('INVALID_INPUT', 'role');
    const losesAdmin = target.role === 'admin' && !target.disabled && ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
    if (losesAdmin) {
      // An API key's account cannot sign in: it never keeps the site administrable.
      const admins = (await this.store.list()).filter((u) => u.role === 'admin' && !u.disabled && isPersonAccount(u));
      if (admins.length <= 1) throw new DomainError('INVALID_INPUT', 'role', 'last admin');
    }
    await this.store.update(id, patch);
    return (await this.store.findById(id))!;
  }

  /**
   * An admin links an account to a byline (null unlinks); the account's new stories carry
   * it. A byline already linked to another account is refused (CONFLICT on `authorId`):
   * a byline is one person's, and two accounts writing as one would misattribute stories.
   * Errors: FORBIDDEN, NOT_FOUND (account), INVALID_INPUT on `authorId` (no such byline).
   */
  async linkAuthor(actor: User, id: number, authorId: number | null): Promise<User> {
    if (!can(actor, 'users.manage')) throw new DomainError('FORBIDDEN');
    if (!(await this.store.findById(id))) throw new DomainError('NOT_FOUND');
    if (authorId !== null && (!Number.isSafeInteger(authorId) || authorId <= 0)) throw new DomainError('INVALID_INPUT', 'authorId', 'not-found');
    const result = await this.store.linkAuthor(id, authorId);
    if (result === 'no-author') throw new DomainError('INVALID_INPUT', 'authorId', 'not-found');
    if (result === 'taken') throw new DomainError('CONFLICT', 'authorId', 'byline linked to another account');
    return (await this.store.findById(id))!;
  }

  async setLocale(userId: number, locale: Locale): Promise<void> {
    await this.store.update(userId, { locale });
  }
}
