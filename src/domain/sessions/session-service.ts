/**
 * Sessions: a new random token at every sign-in (so a token planted before sign-in
 * is useless), idle and absolute timeouts enforced on every lookup, sign-out deleting
 * the session on the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, type Session } from './session.ts';
import type { SessionStore } from './session-store.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionService {
  constructor(
    private readonly store: SessionStore,
    private readonly now: () => Date,
  ) {}

  /** Starts a session; returns the token for the cookie (shown nowhere else). */
  async start(userId: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const now = this.now();
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
    await this.store.insert(hashToken(token), userId, csrfToken, now, expiresAt);
    return { token, csrfToken, expiresAt };
  }

  /** The live session for a cookie token, or null (unknown, idle too long, past its end, or user disabled). */
  async resume(token: string): Promise<Session | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = hashToken(token);
    const session = await this.store.find(hash);
    if (!session) return null;
    const now = this.now();
    if (session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_MS || session.user.disabled) {
      await this.store.delete(hash);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) await this.store.touch(hash, now);
    return session;
  }

  async end(token: string): Promise<void> {
    await this.store.delete(hashToken(token));
  }

  /** Ends all the user's sessions but the one holding `keepToken`. */
  async endOthers(userId: number, keepToken: string | null): Promise<void> {
    await this.store.deleteOthers(userId, keepToken ? hashToken(keepToken) : null);
  }

  async sweep(): Promise<void> {
    const now = this.now();
    await this.store.deleteExpired(now, new Date(now.getTime() - SESSION_IDLE_MS));
  }
}
