/**
 * Failure counters for signing in and for password reset links, one row per key.
 *
 * Every change goes through `update`, which reads the rows of its keys, lets the caller
 * decide, and writes the result with those keys locked against every other caller, in
 * one transaction. That is what makes "check the limit, then count this attempt" one
 * step: a burst of parallel attempts is admitted one at a time, so no more of them get
 * through than the limit allows (a read followed by a later write let all 30 of an
 * audit's parallel tries through).
 *
 * Locking: SQLite runs one transaction at a time on its single connection (and the site
 * is one process on SQLite). PostgreSQL takes a transaction-scoped advisory lock per key,
 * in a fixed order so two attempts sharing keys cannot deadlock; rows that do not exist
 * yet (a first failure) are covered too, which a row lock could not do.
 */
import { type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import { readOptionalTime, readTime, writeTime } from '../../storage/columns.ts';
import type { Database } from '../../storage/schema.ts';

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  blockedUntil: Date | null;
}

export const NO_FAILURES: ThrottleState = Object.freeze({ failures: 0, lastFailureAt: null, blockedUntil: null });

/** What `update`'s decision writes: a new state per key, or null to delete the key's row. */
export type ThrottleWrites = ReadonlyMap<string, ThrottleState | null>;

/** The first number of the two-key advisory locks, so they never meet other locks of the site. */
const LOCK_CLASS = 0x5a7e;

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export class LoginThrottleStore {
  constructor(private readonly db: Kysely<Database>) {}

  async read(keys: string[]): Promise<Map<string, ThrottleState>> {
    return this.readWith(this.db, keys);
  }

  /**
   * Reads `keys` (a key without a row reads as NO_FAILURES), calls `decide` with the
   * states, writes its `writes`, and returns its `result`, atomically with respect to
   * every other `update` on any of these keys. `decide` must be synchronous and pure.
   */
  async update<T>(keys: string[], decide: (states: ReadonlyMap<string, ThrottleState>) => { writes: ThrottleWrites; result: T }): Promise<T> {
    const unique = [...new Set(keys)].sort();
    return this.db.transaction().execute(async (trx) => {
      if (isPostgres(this.db)) {
        // One statement, ordered by lock id: two attempts sharing keys take them in the same order.
        await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, h) from (select distinct hashtext(k) as h from unnest(${unique}::text[]) as k order by h) as locks`.execute(trx);
      }
      const states = await this.readWith(trx, unique);
      const { writes, result } = decide(new Map(unique.map((k) => [k, states.get(k) ?? NO_FAILURES])));
      for (const [key, state] of writes) await this.write(trx, key, state);
      return result;
    });
  }

  /** Counts one more failure for `key` and blocks it for `blockFor(failures)` ms (0: not blocked). */
  async recordFailure(key: string, now: Date, blockFor: (failures: number) => number): Promise<ThrottleState> {
    return this.update([key], (states) => {
      const failures = states.get(key)!.failures + 1;
      const ms = blockFor(failures);
      const state = { failures, lastFailureAt: now, blockedUntil: ms > 0 ? new Date(now.getTime() + ms) : null };
      return { writes: new Map([[key, state]]), result: state };
    });
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_throttle').where('key', '=', key).execute();
  }

  /** Deletes every key that starts with `prefix` (compared as text, so `%` and `_` in it are plain characters). */
  async clearStartingWith(prefix: string): Promise<void> {
    await this.db
      .deleteFrom('login_throttle')
      .where(sql<string>`substr(key, 1, ${prefix.length})`, '=', prefix)
      .execute();
  }

  /** Forgets keys whose last failure is older than `before` and that block nothing any more. */
  async prune(before: Date, now: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('login_throttle')
      .where('last_failure_at', '<', writeTime(before))
      .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', writeTime(now))]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async readWith(db: Kysely<Database> | Transaction<Database>, keys: string[]): Promise<Map<string, ThrottleState>> {
    if (keys.length === 0) return new Map();
    const rows = await db.selectFrom('login_throttle').selectAll().where('key', 'in', keys).execute();
    return new Map(rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: readTime(r.last_failure_at), blockedUntil: readOptionalTime(r.blocked_until) }]));
  }

  private async write(trx: Transaction<Database>, key: string, state: ThrottleState | null): Promise<void> {
    if (state === null || (state.failures <= 0 && state.blockedUntil === null)) {
      await trx.deleteFrom('login_throttle').where('key', '=', key).execute();
      return;
    }
    // A row always has a time of its last failure; a state without one is being restored.
    const values = {
      failures: Math.max(0, state.failures),
      last_failure_at: writeTime(state.lastFailureAt ?? new Date(0)),
      blocked_until: state.blockedUntil ? writeTime(state.blockedUntil) : null,
    };
    await trx
      .insertInto('login_throttle')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  }
}
