/**
 * The sign-in limits, as pure rules over failure counters (stored by
 * `login-throttle-store.ts`). Three counters see each attempt:
 *
 * - **account and address** (`account-ip:<email> <ip>`): 5 failures free, then each
 *   further try waits 1 s, 2 s, 4 s … 15 minutes. This is what stops someone guessing one
 *   account from one place, and it is theirs alone: the owner elsewhere is not touched.
 * - **address** (`ip:<ip>`): 10 failures free over all accounts, then the same waits.
 *   It stops one address trying a few passwords on many accounts; it is higher than
 *   the per-account one because a newsroom often shares one address.
 * - **account** (`account:<email>`), from every address together: 10 failures free,
 *   then a wait of 1 s, 2 s … 5 minutes that applies only to addresses that have
 *   already failed on this account. So anyone who knows an account's email (the demo
 *   prints the admin's) cannot lock its owner out: an address with no failed try on the
 *   account is always let through to the password check, and the right password signs
 *   in. An attacker spread over many addresses gets one guess per address per wait
 *   instead of five, and each address is still bounded by its own counter.
 *
 * Each attempt is counted *before* its password is checked, in the same atomic step as
 * the check of the limits (a reservation), and handed back when the password was right.
 * Parallel attempts therefore cannot slip past the limit while others are being checked.
 * Counters older than a day (and no longer blocking) are forgotten.
 */
import type { ThrottleState, ThrottleWrites } from './login-throttle-store.ts';

/** Failures allowed for one account from one address before waits start. */
export const FREE_FAILURES = 5;
/** Failures allowed from one address over all accounts. */
export const ADDRESS_FREE_FAILURES = 10;
/** Failures allowed on one account from all addresses before its wait applies. */
export const ACCOUNT_FREE_FAILURES = 10;
const MAX_BLOCK_MS = 15 * 60 * 1000;
/** Shorter than MAX_BLOCK_MS: the owner who mistyped once during an attack waits at most this. */
const ACCOUNT_MAX_BLOCK_MS = 5 * 60 * 1000;
/** A counter with no failure for this long starts again from zero. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** The wait after the `failures`-th failure (0: none yet): 1 s at the first failure past `free`, doubling to `max`. */
export function blockFor(failures: number, free = FREE_FAILURES, max = MAX_BLOCK_MS): number {
  if (failures < free) return 0;
  return Math.min(max, 1000 * 2 ** Math.min(30, failures - free));
}

/** The sign-in throttle's key for an account from all addresses. */
export function accountThrottleKey(email: string): string {
  return `account:${email}`;
}

/** The start of every account-and-address key of an account (emails have no spaces). */
export function accountAddressPrefix(email: string): string {
  return `account-ip:${email} `;
}

export interface SignInKeys {
  readonly pair: string;
  readonly address: string;
  readonly account: string;
}

export function signInKeys(email: string, ip: string): SignInKeys {
  return { pair: `${accountAddressPrefix(email)}${ip}`, address: `ip:${ip}`, account: accountThrottleKey(email) };
}

export function keyList(keys: SignInKeys): string[] {
  return [keys.pair, keys.address, keys.account];
}

type Kind = keyof SignInKeys;
const FREE: Record<Kind, number> = { pair: FREE_FAILURES, address: ADDRESS_FREE_FAILURES, account: ACCOUNT_FREE_FAILURES };
const MAX: Record<Kind, number> = { pair: MAX_BLOCK_MS, address: MAX_BLOCK_MS, account: ACCOUNT_MAX_BLOCK_MS };
const KINDS: readonly Kind[] = ['pair', 'address', 'account'];

/** The attempt's counters as they were, and as the reservation wrote them (to hand it back). */
export interface Reservation {
  readonly before: Readonly<Record<Kind, ThrottleState>>;
  readonly after: Readonly<Record<Kind, ThrottleState>>;
}

export type Admission = { ok: true; reservation: Reservation } | { ok: false; retryAfterMs: number };

const NONE: ThrottleState = { failures: 0, lastFailureAt: null, blockedUntil: null };

/** A counter as it counts now: an old one, blocking nothing, is forgotten. */
function current(state: ThrottleState | undefined, now: Date): ThrottleState {
  if (!state) return NONE;
  const blocking = state.blockedUntil !== null && state.blockedUntil > now;
  const old = state.lastFailureAt === null || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  return old && !blocking ? NONE : state;
}

/**
 * Decides whether an attempt may have its password checked and, if so, counts it as a
 * failure already (the reservation). Run inside `LoginThrottleStore.update`.
 */
export function admit(keys: SignInKeys, states: ReadonlyMap<string, ThrottleState>, now: Date): { writes: ThrottleWrites; result: Admission } {
  const before = { pair: current(states.get(keys.pair), now), address: current(states.get(keys.address), now), account: current(states.get(keys.account), now) };
  const until = (s: ThrottleState) => (s.blockedUntil && s.blockedUntil > now ? s.blockedUntil.getTime() : 0);
  const waits = [until(before.pair), until(before.address), before.pair.failures > 0 ? until(before.account) : 0];
  const wait = Math.max(...waits);
  if (wait > 0) return { writes: new Map(), result: { ok: false, retryAfterMs: wait - now.getTime() } };

  const after = {} as Record<Kind, ThrottleState>;
  const writes = new Map<string, ThrottleState>();
  for (const kind of KINDS) {
    const failures = before[kind].failures + 1;
    const ms = blockFor(failures, FREE[kind], MAX[kind]);
    // The account's wait may already run (this address was let through as a clean one): never shorten it.
    const blockedUntil = Math.max(until(before[kind]), ms > 0 ? now.getTime() + ms : 0);
    after[kind] = { failures, lastFailureAt: now, blockedUntil: blockedUntil > 0 ? new Date(blockedUntil) : null };
    writes.set(keys[kind], after[kind]);
  }
  return { writes, result: { ok: true, reservation: { before, after } } };
}

const sameTime = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Hands back the reservation of an attempt whose password was right: the account and
 * address counter go back to their state before it (their wait too, unless another
 * attempt has counted since), and this address's counter on the account is cleared.
 */
export function release(keys: SignInKeys, states: ReadonlyMap<string, ThrottleState>, reservation: Reservation): { writes: ThrottleWrites; result: void } {
  const writes = new Map<string, ThrottleState | null>([[keys.pair, null]]);
  for (const kind of ['address', 'account'] as const) {
    const now = states.get(keys[kind]);
    if (!now || now.failures <= 0) continue;
    const untouched = now.failures === reservation.after[kind].failures && sameTime(now.blockedUntil, reservation.after[kind].blockedUntil);
    writes.set(
      keys[kind],
      untouched
        ? reservation.before[kind]
        : { failures: now.failures - 1, lastFailureAt: now.lastFailureAt, blockedUntil: now.blockedUntil },
    );
  }
  return { writes, result: undefined };
}
