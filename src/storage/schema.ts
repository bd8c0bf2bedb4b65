/**
 * Table types as Kysely sees them. Only `*-store.ts` files and this folder use them;
 * the rest of the code sees domain objects.
 *
 * Portable column conventions (one migration set for SQLite and PostgreSQL):
 * - times are `timestamptz` on PostgreSQL and ISO 8601 UTC text on SQLite; stores
 *   read either through `readTime()` and write `Date` through `writeTime()`.
 * - flags are integers 0/1 on both (checked), written with `writeBool()`, read with `readBool()`.
 * - JSON documents (article bodies, widget data, settings) are text in both, parsed
 *   and validated by the store: the database never interprets them.
 */
import type { ColumnType, Generated } from 'kysely';

/** A time as stored: Date from pg, string from SQLite. Written as what `writeTime` returns. */
export type TimeColumn = ColumnType<Date | string, string | Date, string | Date>;
export type NullableTimeColumn = ColumnType<Date | string | null, string | Date | null, string | Date | null>;
/** 0 or 1 on both databases; see columns.ts writeBool/readBool. */
export type BoolColumn = number;

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_latin: string;
  description: string;
  position: number;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  name_latin: string;
  bio: string;
  photo_media_id: number | null;
}

export interface MediaTable {
  id: Generated<number>;
  /** Content-addressed base name of the stored files (variants add `-<width>.<ext>`). */
  file_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  /** Comma-separated widths that exist as variants, ascending. */
  variant_widths: string;
  alt: string;
  caption: string;
  credit: string;
  created_at: TimeColumn;
  /** Focal point in ten-thousandths of the width and height (0..10000; migration 013). */
  focal_x: Generated<number>;
  focal_y: Generated<number>;
}

export type ArticleStatusColumn = 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';

export interface ArticleTable {
  id: Generated<number>;
  section_id: number;
  slug: string;
  headline: string;
  dek: string;
  /** JSON: the body's blocks (see src/richtext). */
  body: string;
  hero_media_id: number | null;
  status: ArticleStatusColumn;
  comments_open: BoolColumn;
  published_at: NullableTimeColumn;
  updated_at: TimeColumn;
  created_at: TimeColumn;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  /** Shown on the article when set (a correction after publishing). */
  correction_note: Generated<string>;
  /** Pinned on the home page at this position (1 = lead); null when not pinned. */
  home_position: number | null;
  created_by: number | null;
  /** Bumped by every write of the story's content or working copy (compare-and-set for saves). */
  edit_version: Generated<number>;
  /** In the trash since then (restorable for 30 days); null when not trashed. */
  trashed_at: NullableTimeColumn;
  trashed_by: number | null;
  /** The headline `article_headline_keys` was made from; differs from `headline` when stale (007-desk). */
  headline_keyed: string | null;
  /** JSON: the story's corrections, `[{ date, text }]` oldest first (014). */
  corrections: Generated<string>;
  /** The story's language, BCP 47 (014). */
  lang: Generated<string>;
  /** The same story in another language; both rows point at each other (014). */
  translation_id: number | null;
}

/** The desk's headline search: one row per phonetic key of a story's headline (007-desk). */
export interface ArticleHeadlineKeyTable {
  key: string;
  article_id: number;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  position: number;
}

export type CommentStatusColumn = 'pending' | 'approved' | 'spam' | 'trash';

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  /** Never leaves the server: no domain object exposed to rendering carries it. */
  author_email: string;
  author_url: string | null;
  body: string;
  status: CommentStatusColumn;
  created_at: TimeColumn;
  /** HMAC-SHA256 of the poster's IP with the site's secret; the IP itself is never stored. */
  ip_hash: string | null;
  user_agent: Generated<string>;
  /** The email lower-cased, for rate limits, the blocklist and "known commenter". */
  email_key: Generated<string>;
  /** SHA-256 of the folded body, for duplicate detection. */
  body_key: Generated<string>;
  /** Why the comment is pending or spam; '' when it was published at once. */
  held_reason: Generated<string>;
  /** The status before it was trashed (restore goes back to it). */
  previous_status: Exclude<CommentStatusColumn, 'trash'> | null;
  moderated_by: number | null;
  moderated_at: NullableTimeColumn;
  /** The newsroom account that wrote this reply; null for readers. */
  user_id: number | null;
}

export type BlocklistKindColumn = 'word' | 'email' | 'ip';

export interface CommentBlocklistTable {
  id: Generated<number>;
  kind: BlocklistKindColumn;
  /** A word or phrase (lower-cased), an email or `@domain` (lower-cased), or an IP's hash. */
  value: string;
  note: Generated<string>;
  created_at: TimeColumn;
  created_by: number | null;
}

export interface CommentFormTokenTable {
  /** The nonce of a form token that has been used. */
  nonce: string;
  used_at: TimeColumn;
}

export interface CommentWebhookTable {
  id: Generated<number>;
  comment_id: number;
  url: string;
  /** JSON body sent as is. */
  payload: string;
  attempts: Generated<number>;
  next_attempt_at: TimeColumn;
  delivered_at: NullableTimeColumn;
  failed_at: NullableTimeColumn;
  last_error: Generated<string>;
  created_at: TimeColumn;
}

export interface WidgetTable {
  id: Generated<number>;
  key: string;
  title: string;
  /** JSON: the widget's figures (see src/domain/widgets). */
  data: string;
  updated_at: TimeColumn;
  /** '' | 'sidebar' | 'home' (migration 018). */
  placement: Generated<string>;
}

/** Every saved version of a data box (migration 018). */
export interface WidgetHistoryTable {
  id: Generated<number>;
  widget_key: string;
  title: string;
  /** JSON, as `widgets.data`. */
  data: string;
  saved_by: number | null;
  saved_at: TimeColumn;
}

/** The breaking-news banner: one row at most, id 1 (migration 019). */
export interface BreakingNewsTable {
  id: number;
  text: string;
  /** http(s) or site-relative, checked by src/domain/breaking/breaking.ts. */
  link: string | null;
  expires_at: NullableTimeColumn;
  updated_at: TimeColumn;
}

/** Views of a story in one hour (hours since 1970 UTC), for the most-read lists (migration 020). */
export interface ArticleViewTable {
  article_id: number;
  hour: number;
  views: number;
}

export interface SettingTable {
  key: string;
  /** JSON value. */
  value: string;
}

export type RoleColumn = 'admin' | 'editor' | 'reporter' | 'contributor';

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: RoleColumn;
  /** scrypt, in the self-describing format of src/domain/users/password.ts. */
  password_hash: string;
  locale: Generated<'hi' | 'en'>;
  author_id: number | null;
  disabled: Generated<BoolColumn>;
  created_at: TimeColumn;
  password_changed_at: TimeColumn;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: TimeColumn;
  last_seen_at: TimeColumn;
  expires_at: TimeColumn;
}

export interface LoginThrottleTable {
  /** `account:<email>` or `ip:<address>`. */
  key: string;
  failures: number;
  last_failure_at: TimeColumn;
  blocked_until: NullableTimeColumn;
}

export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  user_id: number | null;
  created_at: TimeColumn;
  /** JSON: the article's editable fields at that save. */
  snapshot: string;
  /** Why it was kept: 'save', 'pending', 'update', 'publish', 'restore', 'submit', 'checkpoint', … */
  kind: Generated<string>;
}

/** The one working copy of a story: what autosave writes; readers never see it. */
export interface ArticleWorkingCopyTable {
  article_id: number;
  /** JSON: the editable fields (as a revision's snapshot). */
  snapshot: string;
  user_id: number | null;
  updated_at: TimeColumn;
  /** Set when a reporter submitted this pending version of a live story for review. */
  submitted_at: NullableTimeColumn;
  submitted_by: number | null;
}

export interface ArticlePresenceTable {
  article_id: number;
  user_id: number;
  since: TimeColumn;
  seen_at: TimeColumn;
}

export interface ArticlePreviewLinkTable {
  id: Generated<number>;
  article_id: number;
  /** SHA-256 of the link's token; the token itself is never stored. */
  token_hash: string;
  created_by: number | null;
  created_at: TimeColumn;
  expires_at: TimeColumn;
  revoked_at: NullableTimeColumn;
}

/** A story deleted for good: its address answers 410. */
export interface ArticleTombstoneTable {
  article_id: number;
  headline: string;
  deleted_at: TimeColumn;
  deleted_by: number | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: TimeColumn;
  user_id: number | null;
  /** e.g. 'article.trash', 'article.delete', 'media.delete'. */
  action: string;
  subject_type: string;
  subject_id: number | null;
  detail: Generated<string>;
}

export interface PasswordResetTable {
  /** SHA-256 of the link's token. */
  token_hash: string;
  user_id: number;
  created_by: number | null;
  created_at: TimeColumn;
  expires_at: TimeColumn;
  used_at: NullableTimeColumn;
}

export interface ArticleEventTable {
  id: Generated<number>;
  article_id: number;
  user_id: number | null;
  action: string;
  from_status: ArticleStatusColumn | null;
  to_status: ArticleStatusColumn | null;
  at: TimeColumn;
  note: Generated<string>;
}

/**
 * One row per public article in the search index (src/search/search-index-store.ts keeps
 * it in step). Besides it: on SQLite the FTS5 table `search_fts` (rowid = article_id;
 * columns head, rest), on PostgreSQL the tsvector columns below, with GIN indexes.
 */
export interface SearchDocTable {
  article_id: number;
  section_id: number;
  published_at: TimeColumn;
  /** Newest first: publishing minute × 2^26 + article id (the FTS5 rowid on SQLite). Number on SQLite, string (bigint) from pg. */
  rank_key: ColumnType<number | string, number, number>;
  /** PostgreSQL only: the keys of every field, and of the headline (each with the publishing month's token). */
  tsv?: string;
  tsv_head?: string;
}

/** What the ranking reads of an indexed article (apart, so search_docs rows stay small). */
export interface SearchDocDataTable {
  article_id: number;
  /** Every distinct key of the article, space-separated (to keep search_terms counts). */
  terms: string;
  /** The article's word table: `key[,key]:vowel` entries, space-separated. */
  words: string;
  /** Per field (headline, dek, tags, authors, captions, body; '\n' between), one word-table index per position, '.' for a stopword or gap. */
  streams: string;
}

/** The index's lexicon: how many public articles contain each key; '' counts the articles. */
export interface SearchTermTable {
  term: string;
  df: number;
  /** A word that has this key, as written in an article (for "did you mean"). */
  surface: string;
}

/** A story that is a live blog (migration 017; src/domain/live-blogs/). */
export interface LiveBlogTable {
  article_id: number;
  started_at: TimeColumn;
  ended_at: NullableTimeColumn;
  updated_at: TimeColumn;
}

/** A live blog's post (migration 017): `body` is rich text JSON, validated by the store. */
export interface LivePostTable {
  id: Generated<number>;
  article_id: number;
  kind: 'text' | 'photo' | 'embed' | 'quote';
  body: string;
  key_event: number;
  author_user_id: number | null;
  author_name: string;
  created_at: TimeColumn;
  edited_at: NullableTimeColumn;
  updated_at: TimeColumn;
}

/** Old addresses answering 301 (migration 010; src/domain/redirects/). */
export interface RedirectTable {
  id: Generated<number>;
  /** Normalised: decoded, NFC, no trailing slash; `/?p=123` keeps its one key. */
  from_path: string;
  /** Site-relative, percent-encoded. */
  to_path: string;
  origin: string;
  created_at: TimeColumn;
  updated_at: TimeColumn;
}

/** An integration API key (migration 011): only its SHA-256 is stored. */
export interface ApiKeyTable {
  id: Generated<number>;
  name: string;
  key_hash: string;
  prefix: string;
  /** The account the key acts as (made with the key; its role is the key's role). */
  user_id: number;
  created_by: number | null;
  created_at: TimeColumn;
  last_used_at: NullableTimeColumn;
  revoked_at: NullableTimeColumn;
  revoked_by: number | null;
}

/** Endpoints admins register for events (migration 012; src/domain/webhooks/). */
export interface WebhookEndpointTable {
  id: Generated<number>;
  url: string;
  /** The shared signing secret (the receiver holds the same one). */
  secret: string;
  /** Comma-separated event names. */
  events: string;
  active: BoolColumn;
  created_at: TimeColumn;
  updated_at: TimeColumn;
}

/** The webhook outbox: one row per event and endpoint, until delivered or given up (012). */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  endpoint_id: number;
  /** The event's own id, the same in every delivery and attempt of it (receivers de-duplicate by it). */
  event_id: string;
  event: string;
  /** The JSON body, sent as is. */
  payload: string;
  attempts: Generated<number>;
  next_attempt_at: TimeColumn;
  delivered_at: NullableTimeColumn;
  failed_at: NullableTimeColumn;
  last_status: number | null;
  last_error: Generated<string>;
  created_at: TimeColumn;
  updated_at: TimeColumn;
}

/** What a story last was to webhook receivers: 'public' (with a version of what readers saw), 'hidden' or 'deleted' (012). */
export interface WebhookStoryStateTable {
  article_id: number;
  state: string;
  version: string;
  updated_at: TimeColumn;
}

export interface Database {
  api_keys: ApiKeyTable;
  users: UserTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  article_revisions: ArticleRevisionTable;
  article_events: ArticleEventTable;
  article_working_copies: ArticleWorkingCopyTable;
  article_presence: ArticlePresenceTable;
  article_preview_links: ArticlePreviewLinkTable;
  article_tombstones: ArticleTombstoneTable;
  audit_log: AuditLogTable;
  password_resets: PasswordResetTable;
  sections: SectionTable;
  tags: TagTable;
  authors: AuthorTable;
  media: MediaTable;
  articles: ArticleTable;
  article_tags: ArticleTagTable;
  article_authors: ArticleAuthorTable;
  article_headline_keys: ArticleHeadlineKeyTable;
  comments: CommentTable;
  comment_blocklist: CommentBlocklistTable;
  comment_form_tokens: CommentFormTokenTable;
  comment_webhooks: CommentWebhookTable;
  widgets: WidgetTable;
  widget_history: WidgetHistoryTable;
  settings: SettingTable;
  breaking_news: BreakingNewsTable;
  article_views: ArticleViewTable;
  search_docs: SearchDocTable;
  search_doc_data: SearchDocDataTable;
  search_terms: SearchTermTable;
  redirects: RedirectTable;
  live_blogs: LiveBlogTable;
  live_posts: LivePostTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_story_state: WebhookStoryStateTable;
}
