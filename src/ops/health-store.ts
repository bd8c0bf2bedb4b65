/**
 * The database facts readiness needs: that it answers, and that its migrations are current.
 */
import { sql } from 'kysely';
import type { Storage } from '../storage/connect.ts';
import { pendingMigrations } from '../storage/migrate.ts';

export class HealthStore {
  constructor(private readonly storage: Storage) {}

  /** One trivial query. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.storage.db);
  }

  pendingMigrations(): Promise<string[]> {
    return pendingMigrations(this.storage);
  }
}
