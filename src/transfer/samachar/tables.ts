/**
 * Every table of a Samachar database, in one place, for the export format (decision 020).
 *
 * `EXPORTED` lists the tables written to an export, in dependency order: a table comes after
 * every table its foreign keys point at (a test checks this on both databases), so an import
 * inserts them in this order inside one transaction. Rows are written whole (every column the
 * database has), except:
 * - `secretColumns`: written only with `--with-secrets` (and by `backup`); without, the
 *   import stores the given placeholder (a password hash that matches no password).
 * - `secretRows`: rows (by key) that are secrets, e.g. the site's comment secret.
 * - `derivedColumns`: bookkeeping of a derived table; the import stores the given value so
 *   the derived data is rebuilt (the desk's headline keys).
 * A table marked `secret` is written only with secrets (its rows are nothing but a token hash).
 *
 * `NOT_EXPORTED` lists the tables that are derived (rebuilt after an import by reindex),
 * ephemeral (sessions, presence, sign-in counters), or bookkeeping of the migrations, each
 * with the reason. A table in neither list fails `tables.test.ts`, which names it: a new
 * table must be placed here.
 */

export interface ExportedTable {
  readonly name: string;
  /** Columns that order the rows (a unique key): rows are read page by page along it. */
  readonly key: readonly string[];
  /** Only with secrets; otherwise the import writes the placeholder. */
  readonly secretColumns?: Readonly<Record<string, string>>;
  /** The whole table only with secrets. */
  readonly secret?: boolean;
  /** Rows whose first key column has one of these values are written only with secrets. */
  readonly secretRows?: readonly string[];
  /** Written as this value (derived data is rebuilt from it after the import). */
  readonly derivedColumns?: Readonly<Record<string, null>>;
}

/** A password hash no password matches (verifyPassword refuses it): the account needs a reset link. */
export const NO_PASSWORD = '!';

export const EXPORTED: readonly ExportedTable[] = [
  { name: 'media', key: ['id'] },
  { name: 'sections', key: ['id'] },
  { name: 'tags', key: ['id'] },
  { name: 'authors', key: ['id'] },
  { name: 'users', key: ['id'], secretColumns: { password_hash: NO_PASSWORD } },
  // Integration API keys are nothing but a hash of the key: without it, integrations get new keys.
  { name: 'api_keys', key: ['id'], secret: true },
  // headline_keyed null: the desk's headline keys (not exported) are made again for every story.
  { name: 'articles', key: ['id'], derivedColumns: { headline_keyed: null } },
  { name: 'article_tags', key: ['article_id', 'tag_id'] },
  { name: 'article_authors', key: ['article_id', 'author_id'] },
  { name: 'article_revisions', key: ['id'] },
  { name: 'article_events', key: ['id'] },
  { name: 'article_working_copies', key: ['article_id'] },
  { name: 'article_preview_links', key: ['id'], secret: true },
  { name: 'article_tombstones', key: ['article_id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'password_resets', key: ['token_hash'], secret: true },
  { name: 'comments', key: ['id'] },
  { name: 'comment_blocklist', key: ['id'] },
  // Used form-token nonces only mean something with the same comment secret.
  { name: 'comment_form_tokens', key: ['nonce'], secret: true },
  { name: 'comment_webhooks', key: ['id'] },
  { name: 'widgets', key: ['id'] },
  // Every saved version of a data box: content, kept with the box.
  { name: 'widget_history', key: ['id'] },
  // comments.secret: the key of IP hashes, form tokens and webhook signatures.
  { name: 'settings', key: ['key'], secretRows: ['comments.secret'] },
  { name: 'redirects', key: ['id'] },
  // Live blogs and their posts (after articles, media and users, which posts point at): content.
  { name: 'live_blogs', key: ['article_id'] },
  { name: 'live_posts', key: ['id'] },
  // The breaking-news banner (at most one row): editorial content, moved with the site.
  { name: 'breaking_news', key: ['id'] },
  // A webhook endpoint is its URL and its signing secret: without the secret receivers would
  // refuse every delivery, so endpoints (and their deliveries) travel only with secrets.
  { name: 'webhook_endpoints', key: ['id'], secret: true },
  { name: 'webhook_deliveries', key: ['id'], secret: true },
  // What was last announced of each story, so the new site does not announce every story again.
  { name: 'webhook_story_state', key: ['article_id'] },
  // Which WordPress post, category, … each row came from, so a later WordPress import updates them.
  { name: 'wordpress_ids', key: ['site', 'kind', 'wp_id'] },
];

export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sessions: 'ephemeral: everyone signs in again on the new site',
  article_views: 'ephemeral: view counts of the last two days for the most-read lists, which fill again from new views',
  login_throttle: 'ephemeral: sign-in counters, forgotten after a day anyway',
  article_presence: 'ephemeral: who has a story open in the editor right now',
  article_headline_keys: 'derived: the desk headline keys, made again after the import',
  search_docs: 'derived: the search index, rebuilt by reindex after the import',
  search_doc_data: 'derived: the search index',
  search_terms: 'derived: the search index',
  // SQLite's FTS5 table and its shadow tables.
  search_fts: 'derived: the search index (SQLite)',
  search_fts_data: 'derived: the search index (SQLite)',
  search_fts_idx: 'derived: the search index (SQLite)',
  search_fts_docsize: 'derived: the search index (SQLite)',
  search_fts_config: 'derived: the search index (SQLite)',
  search_fts_content: 'derived: the search index (SQLite)',
  kysely_migration: 'bookkeeping: the manifest names the migrations instead',
  kysely_migration_lock: 'bookkeeping of the migrations',
};

export function exportedTable(name: string): ExportedTable | undefined {
  return EXPORTED.find((t) => t.name === name);
}
