/**
 * 009: sign-in counters are forgotten a day after their last failure, and housekeeping
 * deletes them by that time. Anyone can add rows (a wrong password for any email from
 * any address makes some), so the delete walks an index instead of the whole table.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then, not as it is now
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await sql`create index login_throttle_last_failure on login_throttle (last_failure_at)`.execute(db);
}
