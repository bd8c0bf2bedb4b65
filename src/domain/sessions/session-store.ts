import type { Kysely } from 'kysely';
import { readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import { toUser } from '../users/user-store.ts';
import type { Session } from './session.ts';

export class SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(tokenHash: string, userId: number, csrfToken: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ token_hash: tokenHash, user_id: userId, csrf_token: csrfToken, created_at: writeTime(now), last_seen_at: writeTime(now), expires_at: writeTime(expiresAt) })
      .execute();
  }

  async find(tokenHash: string): Promise<Session | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .selectAll('u')
      .select(['s.csrf_token', 's.created_at as s_created_at', 's.last_seen_at', 's.expires_at'])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      user: toUser(row),
      csrfToken: row.csrf_token,
      createdAt: readTime(row.s_created_at),
      lastSeenAt: readTime(row.last_seen_at),
      expiresAt: readTime(row.expires_at),
    };
  }

  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.db.updateTable('sessions').set({ last_seen_at: writeTime(now) }).where('token_hash', '=', tokenHash).execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of a user except one (after a password change). */
  async deleteOthers(userId: number, keepTokenHash: string | null): Promise<void> {
    let q = this.db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepTokenHash) q = q.where('token_hash', '!=', keepTokenHash);
    await q.execute();
  }

  async deleteExpired(now: Date, idleBefore: Date): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', writeTime(now)), eb('last_seen_at', '<=', writeTime(idleBefore))]))
      .execute();
  }
}
