import type { Kysely } from 'kysely';
import { readOptionalTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';

export interface ThrottleState {
  failures: number;
  blockedUntil: Date | null;
}

export class LoginThrottleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows = await this.db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
    return new Map(rows.map((r) => [r.key, { failures: r.failures, blockedUntil: readOptionalTime(r.blocked_until) }]));
  }

  /** Counts one more failure for `key` and blocks it until `blockedUntil` (computed by the caller from the new count). */
  async recordFailure(key: string, now: Date, blockFor: (failures: number) => number): Promise<ThrottleState> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('login_throttle').select('failures').where('key', '=', key).executeTakeFirst();
      const failures = (row?.failures ?? 0) + 1;
      const ms = blockFor(failures);
      const blockedUntil = ms > 0 ? new Date(now.getTime() + ms) : null;
      const values = { failures, last_failure_at: writeTime(now), blocked_until: blockedUntil ? writeTime(blockedUntil) : null };
      await trx
        .insertInto('login_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
      return { failures, blockedUntil };
    });
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }
}
