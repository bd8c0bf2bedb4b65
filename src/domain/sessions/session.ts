import type { User } from '../users/user.ts';

/** A signed-in browser. The cookie holds a random token; the server keeps only its hash. */
export interface Session {
  readonly user: User;
  /** Sent back in forms and the `x-csrf-token` header of every state-changing request. */
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

/** Ends after this long without a request. */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** Ends this long after sign-in, however active. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads stay reads. */
export const SESSION_TOUCH_MS = 60 * 1000;
