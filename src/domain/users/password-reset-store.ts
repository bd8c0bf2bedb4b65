import type { Kysely } from 'kysely';
import { readTime, writeBool, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';
import type { User } from './user.ts';
import { toUser } from './user-store.ts';

/** A reset link as stored: only the SHA-256 of its token. */
export interface StoredReset {
  readonly user: User;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

export class PasswordResetStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores a new link for `userId` and removes every earlier link of that user (used or
   * not), so only the newest link can ever work. Links of anyone that ran out are swept
   * at the same time; they can never be used again.
   */
  async replace(input: { tokenHash: string; userId: number; createdBy: number | null; now: Date; expiresAt: Date }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom('password_resets')
        .where((eb) => eb.or([eb('user_id', '=', input.userId), eb('expires_at', '<=', writeTime(input.now))]))
        .execute();
      await trx
        .insertInto('password_resets')
        .values({
          token_hash: input.tokenHash,
          user_id: input.userId,
          created_by: input.createdBy,
          created_at: writeTime(input.now),
          expires_at: writeTime(input.expiresAt),
          used_at: null,
        })
        .execute();
    });
  }

  async find(tokenHash: string): Promise<StoredReset | null> {
    const row = await this.db
      .selectFrom('password_resets as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .selectAll('u')
      .select(['r.created_at as r_created_at', 'r.expires_at as r_expires_at', 'r.used_at as r_used_at'])
      .where('r.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return null;
    return {
      user: toUser(row),
      createdAt: readTime(row.r_created_at),
      expiresAt: readTime(row.r_expires_at),
      usedAt: row.r_used_at === null ? null : readTime(row.r_used_at),
    };
  }

  /**
   * Uses a link, all or nothing: marks it used only if it is still unused and unexpired
   * (one conditional UPDATE, so of two parallel uses exactly one gets the row: PostgreSQL
   * re-checks the condition after the first commits, SQLite runs writers one at a time),
   * sets the password only if the account is still enabled, ends every session of the
   * account and removes its other links. Returns the account's id, or null when the link
   * was not usable (nothing is changed then).
   */
  async consume(tokenHash: string, passwordHash: string, now: Date): Promise<number | null> {
    const usable = new Error('reset link not usable');
    try {
      return await this.db.transaction().execute(async (trx) => {
        const marked = await trx
          .updateTable('password_resets')
          .set({ used_at: writeTime(now) })
          .where('token_hash', '=', tokenHash)
          .where('used_at', 'is', null)
          .where('expires_at', '>', writeTime(now))
          .returning('user_id')
          .executeTakeFirst();
        if (!marked) throw usable;
        const updated = await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, password_changed_at: writeTime(now) })
          .where('id', '=', marked.user_id)
          .where('disabled', '=', writeBool(false))
          .executeTakeFirst();
        // A disabled account is never reset into use: roll the whole thing back.
        if (Number(updated.numUpdatedRows) !== 1) throw usable;
        await trx.deleteFrom('sessions').where('user_id', '=', marked.user_id).execute();
        await trx.deleteFrom('password_resets').where('user_id', '=', marked.user_id).where('token_hash', '!=', tokenHash).execute();
        return marked.user_id;
      });
    } catch (err) {
      if (err === usable) return null;
      throw err;
    }
  }

  /** Voids every link of an account (when it is disabled). */
  async deleteForUser(userId: number): Promise<void> {
    await this.db.deleteFrom('password_resets').where('user_id', '=', userId).execute();
  }
}
