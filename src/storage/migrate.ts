/**
 * Applies the migrations in ./migrations, in name order, each in its own
 * transaction (Kysely's Migrator; it takes a lock so that several processes
 * starting at once apply each migration exactly once).
 */
import { Migrator, type Migration, type MigrationProvider, sql } from 'kysely';
import * as m001 from './migrations/001-initial.ts';
import * as m002 from './migrations/002-newsroom.ts';
import * as m003 from './migrations/003-comments.ts';
import * as m004 from './migrations/004-search.ts';
import * as m005 from './migrations/005-front-page-index.ts';
import * as m006 from './migrations/006-newsroom-trust.ts';
import * as m007 from './migrations/007-desk.ts';
import * as m008 from './migrations/008-one-account-per-byline.ts';
import * as m009 from './migrations/009-sign-in-limits.ts';
import * as m010 from './migrations/010-redirects.ts';
import * as m011 from './migrations/011-api-keys.ts';
import * as m012 from './migrations/012-webhooks.ts';
import * as m013 from './migrations/013-media-focal-point.ts';
import * as m014 from './migrations/014-corrections-and-translations.ts';
import * as m015 from './migrations/015-wordpress-ids.ts';
import * as m016 from './migrations/016-sitemap-index.ts';
import * as m017 from './migrations/017-live-blogs.ts';
import * as m018 from './migrations/018-data-boxes.ts';
import * as m019 from './migrations/019-breaking-news.ts';
import * as m020 from './migrations/020-article-views.ts';
import type { Storage } from './connect.ts';

const migrations = { '001-initial': m001, '002-newsroom': m002, '003-comments': m003, '004-search': m004, '005-front-page-index': m005, '006-newsroom-trust': m006, '007-desk': m007, '008-one-account-per-byline': m008, '009-sign-in-limits': m009, '010-redirects': m010, '011-api-keys': m011, '012-webhooks': m012, '013-media-focal-point': m013, '014-corrections-and-translations': m014, '015-wordpress-ids': m015, '016-sitemap-index': m016, '017-live-blogs': m017, '018-data-boxes': m018, '019-breaking-news': m019, '020-article-views': m020 } as const;

class StaticProvider implements MigrationProvider {
  constructor(private readonly storage: Storage) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, mod] of Object.entries(migrations)) {
      out[name] = { up: (db) => mod.up(db, this.storage.dialect) };
    }
    return out;
  }
}

export interface MigrationReport {
  applied: string[];
}

export async function migrateToLatest(storage: Storage): Promise<MigrationReport> {
  // Kysely's Migrator first lists the tables of every schema the user may use
  // (has_schema_privilege on each). When another schema in the same database is dropped
  // at that moment (another site's tests, a dropped tenant), PostgreSQL answers "schema …
  // does not exist" about that other schema. Nothing of ours was touched, and every
  // migration runs in its own transaction, so trying again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      const report = await migrateOnce(storage);
      // SQLite's planner chooses indexes from the statistics ANALYZE gathers. A new index
      // without them can look better than it is: a covering index on (status, published_at,
      // …) took `id IN (…)` lookups from the primary key to a scan of every public story
      // (0.2 ms → 20–80 ms at 100,000 stories). New indexes get their statistics at once.
      if (storage.dialect === 'sqlite' && report.applied.length > 0) await sql`analyze`.execute(storage.db);
      return report;
    } catch (err) {
      if (attempt >= 5 || !isOtherSchemaVanished(err, storage.schema)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Migrations this code has that the database has not applied (/readyz: a process whose code
 * is ahead of its database is not ready). Reads Kysely's bookkeeping table only.
 */
export async function pendingMigrations(storage: Storage): Promise<string[]> {
  const table = sql.table(storage.schema ? `${storage.schema}.kysely_migration` : 'kysely_migration');
  const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(storage.db);
  const applied = new Set(rows.map((r) => r.name));
  return Object.keys(migrations).filter((name) => !applied.has(name));
}

function isOtherSchemaVanished(err: unknown, ours: string | undefined): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (e?.code !== '3F000' || typeof e.message !== 'string') return false;
  return ours === undefined || !e.message.includes(`"${ours}"`);
}

async function migrateOnce(storage: Storage): Promise<MigrationReport> {
  // Kysely looks for its bookkeeping tables in every schema unless told which; name ours,
  // so another schema in the same database (another site, a test run) is never mistaken for it.
  // Without the statement timeouts of request traffic: building an index on a big site may rightly take minutes.
  const { error, results } = await storage.withoutQueryTimeouts((db) =>
    new Migrator({
      db,
      provider: new StaticProvider(storage),
      ...(storage.schema ? { migrationTableSchema: storage.schema } : {}),
    }).migrateToLatest(),
  );
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
