/**
 * The one wiring point: config in, services out. main, the CLI and tests all come
 * through here, so they run the same code. No module-level singletons.
 */
import { createHash } from 'node:crypto';
import { PostgresBus } from './cache/bus/postgres-bus.ts';
import { RedisBus } from './cache/bus/redis-bus.ts';
import { PurgeWebhook } from './cache/purge-webhook.ts';
import type { Config } from './config.ts';
import { type ChangeBus, ChangeFeed } from './domain/changes/change-feed.ts';
import { LiveHub } from './live/live-hub.ts';
import { LiveBlogService } from './domain/live-blogs/live-blog-service.ts';
import { LiveBlogStore } from './domain/live-blogs/live-blog-store.ts';
import type { LiveBus } from './live/live-event.ts';
import { ArticleService } from './domain/articles/article-service.ts';
import { ArticleStore } from './domain/articles/article-store.ts';
import { ArticleEditService } from './domain/articles/article-edit-service.ts';
import { ArticleEditStore } from './domain/articles/article-edit-store.ts';
import { DeskService } from './domain/articles/desk-service.ts';
import { DeskStore } from './domain/articles/desk-store.ts';
import { PresenceService } from './domain/articles/presence-service.ts';
import { PresenceStore } from './domain/articles/presence-store.ts';
import { PreviewLinkStore } from './domain/articles/preview-link-store.ts';
import { PreviewService } from './domain/articles/preview-service.ts';
import { RedirectService } from './domain/redirects/redirect-service.ts';
import { RedirectStore } from './domain/redirects/redirect-store.ts';
import { WebhookService } from './domain/webhooks/webhook-service.ts';
import { WebhookStore } from './domain/webhooks/webhook-store.ts';
import { ArticleTrashService } from './domain/articles/article-trash-service.ts';
import { BreakingService } from './domain/breaking/breaking-service.ts';
import { BreakingStore } from './domain/breaking/breaking-store.ts';
import { MostReadService } from './domain/most-read/most-read-service.ts';
import { MostReadStore } from './domain/most-read/most-read-store.ts';
import { ArticleTrashStore } from './domain/articles/article-trash-store.ts';
import { AuditService } from './domain/audit/audit-service.ts';
import { AuditStore } from './domain/audit/audit-store.ts';
import { AuthorService } from './domain/authors/author-service.ts';
import { AuthorStore } from './domain/authors/author-store.ts';
import { CommentModerationService } from './domain/comments/comment-moderation.ts';
import { CommentKeys, CommentService } from './domain/comments/comment-service.ts';
import { CommentStore } from './domain/comments/comment-store.ts';
import { HomeService } from './domain/home/home-service.ts';
import { MediaService } from './domain/media/media-service.ts';
import { DerivedImageService } from './domain/media/derived-image-service.ts';
import { HeavyWork } from './workers/heavy-work.ts';
import { MediaStore } from './domain/media/media-store.ts';
import { MediaUsageService } from './domain/media/media-usage-service.ts';
import { MediaUsageStore } from './domain/media/media-usage-store.ts';
import { createMediaFiles, type MediaFiles } from './domain/media/media-storage.ts';
import { SectionService } from './domain/sections/section-service.ts';
import { SectionStore } from './domain/sections/section-store.ts';
import { SettingsService } from './domain/settings/settings-service.ts';
import { SettingsStore } from './domain/settings/settings-store.ts';
import { SitemapService } from './domain/sitemaps/sitemap-service.ts';
import { SitemapStore } from './domain/sitemaps/sitemap-store.ts';
import { TagService } from './domain/tags/tag-service.ts';
import { TagStore } from './domain/tags/tag-store.ts';
import { WidgetService } from './domain/widgets/widget-service.ts';
import { WidgetStore } from './domain/widgets/widget-store.ts';
import { SessionService } from './domain/sessions/session-service.ts';
import { SessionStore } from './domain/sessions/session-store.ts';
import { LoginThrottleStore } from './domain/users/login-throttle-store.ts';
import { PasswordResetService } from './domain/users/password-reset-service.ts';
import { PasswordResetStore } from './domain/users/password-reset-store.ts';
import { UserService } from './domain/users/user-service.ts';
import { UserStore } from './domain/users/user-store.ts';
import { ApiKeyService } from './domain/api-keys/api-key-service.ts';
import { ApiKeyStore } from './domain/api-keys/api-key-store.ts';
import { type ConnectOptions, connectStorage, type Storage } from './storage/connect.ts';
import { migrateToLatest } from './storage/migrate.ts';
import { SearchIndexStore } from './search/search-index-store.ts';
import { SearchService } from './search/search-service.ts';
import { Metrics } from './ops/metrics.ts';
import { HealthService } from './ops/health-service.ts';
import { HealthStore } from './ops/health-store.ts';

export interface Services {
  readonly config: Config;
  readonly storage: Storage;
  /** The clock. Tests replace it; nothing else reads the time. */
  readonly now: () => Date;
  readonly articles: ArticleService;
  /** The newsroom's side of articles: drafts, edits, workflow, revisions. */
  readonly desk: ArticleEditService;
  /** The desk's story list (headline search, filters, sorting) and bulk actions; headline search for pinning. */
  readonly deskList: DeskService;
  /** Stories as readers will see them, before they can: for staff, and through shared links. */
  readonly previews: PreviewService;
  /** Who else has a story open in the editor. */
  readonly presence: PresenceService;
  /** Taking stories down: the trash, deleting for good (410 afterwards), the trash job. */
  readonly trash: ArticleTrashService;
  /** Who trashed, restored or deleted what (admins read it). */
  readonly audit: AuditService;
  readonly authors: AuthorService;
  readonly comments: CommentService;
  /** The newsroom's side of comments: the moderation queue, blocklist, comment settings. */
  readonly commentModeration: CommentModerationService;
  readonly home: HomeService;
  readonly media: MediaService;
  /** The photo files: the local folder or an S3-compatible bucket (MEDIA_STORAGE; media-storage.ts). */
  readonly mediaFiles: MediaFiles;
  /** Where a photo is used, and deleting unused ones with their files. */
  readonly mediaUsage: MediaUsageService;
  /** Crops around the focal point, share cards and the publisher logo, made lazily in an image thread. */
  readonly derivedImages: DerivedImageService;
  readonly sections: SectionService;
  readonly settings: SettingsService;
  /** What the sitemaps list: stories by month, the news window, sections, tags, authors. */
  readonly sitemaps: SitemapService;
  readonly tags: TagService;
  readonly widgets: WidgetService;
  readonly users: UserService;
  readonly sessions: SessionService;
  /** One-time password reset links (users screen and `samachar user reset-password`). */
  readonly passwordResets: PasswordResetService;
  /** Reader search, suggestions and the index rebuild. */
  readonly search: SearchService;
  /** Old addresses answering 301: the WordPress import's permalinks and the admin's own (src/domain/redirects/). */
  readonly redirects: RedirectService;
  /** Admin → Webhooks: endpoints, the signed delivery outbox (sent by src/jobs/webhook-jobs.ts) and its log. */
  readonly webhooks: WebhookService;
  /** Committed changes as content tags, from this process and (through the bus) the others. */
  readonly changes: ChangeFeed;
  /** Heavy CPU work off the request thread: revision comparisons and photo encodes (bounded queues). */
  readonly workers: HeavyWork;
  /** Integration API keys (/api/v1/admin/): made and revoked by admins, each acting as an account with its role. */
  readonly apiKeys: ApiKeyService;
  /** Counters and histograms for /metrics (src/ops/); query timing only where metrics are served. */
  readonly metrics: Metrics;
  /** /healthz and /readyz: database, migrations, bus; draining after SIGTERM. */
  readonly health: HealthService;
  /** Server-Sent Events from memory: `live.publish('live:42', {type, data})` reaches every reader in every process (src/live/). */
  readonly live: LiveHub;
  /** Live blogs: posts on a story, key events, ending (src/domain/live-blogs/); the stream publishes their changes. */
  readonly liveBlogs: LiveBlogService;
  /** The breaking-news banner on every reader page (src/domain/breaking/). */
  readonly breaking: BreakingService;
  /** Views counted by the site's own beacon, and the most-read lists (src/domain/most-read/). */
  readonly mostRead: MostReadService;
  close(): Promise<void>;
}

export interface CreateServicesOptions extends ConnectOptions {
  now?: () => Date;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /**
   * Carry changes to other processes: Redis pub/sub when config.redisUrl is set, else
   * PostgreSQL LISTEN/NOTIFY on PostgreSQL (default true). SQLite is one process: no bus.
   */
  bus?: boolean;
  /** Where the bus and the purge webhook report trouble (default: stderr). */
  log?: (message: string, err?: unknown) => void;
}

function stderrLog(message: string, err?: unknown): void {
  process.stderr.write(`${message}${err ? `: ${err instanceof Error ? err.message : String(err)}` : ''}\n`);
}

/** The bus between processes, connected; null for one process on SQLite. */
async function startBus(config: Config, storage: Storage, log: (message: string, err?: unknown) => void): Promise<(ChangeBus & LiveBus) | null> {
  // One channel per site: the schema's name keeps sites (and parallel test runs) on one server apart.
  const channel = `samachar_changes_${(storage.schema ?? 'main').replace(/[^a-z0-9_]/g, '_')}`.slice(0, 63);
  if (config.redisUrl) {
    // A Redis server may carry several sites whose databases share a schema name (`public`):
    // the database's own address (host, port, name; never its password) keeps them apart.
    const bus = new RedisBus({ url: config.redisUrl, channel: `${channel}_${databaseIdentity(config)}`, log });
    await bus.start();
    return bus;
  }
  if (config.database.dialect !== 'postgres') return null;
  const bus = new PostgresBus({ url: config.database.url, channel, log });
  await bus.start();
  return bus;
}

/** A short, stable name for the database a site lives in, without credentials. */
function databaseIdentity(config: Config): string {
  let where: string;
  if (config.database.dialect === 'sqlite') where = `sqlite:${config.database.sqlitePath}`;
  else {
    const url = new URL(config.database.url);
    where = `postgres:${url.hostname}:${url.port || '5432'}${url.pathname}`;
  }
  return createHash('sha256').update(where).digest('hex').slice(0, 12);
}

export async function createServices(config: Config, options: CreateServicesOptions = {}): Promise<Services> {
  const metrics = new Metrics();
  // Query timing costs a little per query: only where /metrics is served (METRICS_TOKEN or METRICS_PORT).
  const timeQueries = config.metricsToken !== null || config.metricsPort !== null;
  const onQuery = options.onQuery;
  const storage = await connectStorage(config.database, timeQueries ? { ...options, onQuery: onQuery ? (q, ms) => (onQuery(q, ms), metrics.query(q, ms)) : metrics.query } : options);
  try {
    if (options.migrate !== false) await migrateToLatest(storage);
  } catch (err) {
    await storage.close();
    throw err;
  }
  const now = options.now ?? (() => new Date());
  const log = options.log ?? stderrLog;
  let bus: (ChangeBus & LiveBus) | null = null;
  try {
    if (options.bus !== false) bus = await startBus(config, storage, log);
  } catch (err) {
    await storage.close();
    throw err;
  }
  const changes = new ChangeFeed(bus, log);
  const live = new LiveHub({ bus, maxConnections: config.liveMaxConnections, log });
  const webhook = config.purgeWebhookUrl ? new PurgeWebhook({ url: config.purgeWebhookUrl, ...(config.purgeWebhookSecret ? { secret: config.purgeWebhookSecret } : {}), log }) : null;
  if (webhook) changes.subscribeLocal((change) => webhook.send(change));
  const { db } = storage;
  const mediaStore = new MediaStore(db);
  const articles = new ArticleService(new ArticleStore(db, mediaStore), changes);
  const sections = new SectionService(new SectionStore(db), changes);
  const widgets = new WidgetService(new WidgetStore(db), now, changes);
  const workers = new HeavyWork(config);
  const mediaFiles = createMediaFiles(config);
  const media = new MediaService({ store: mediaStore, files: mediaFiles, now, changes, encoder: workers, maxPixels: config.maxPhotoPixels });
  const settings = new SettingsService(new SettingsStore(db), changes);
  const tags = new TagService(new TagStore(db), changes);
  const authors = new AuthorService(new AuthorStore(db, mediaStore), changes);
  const editStore = new ArticleEditStore(db);
  const trash = new ArticleTrashService({ store: new ArticleTrashStore(db), changes, now, settings });
  const desk = new ArticleEditService({
    store: editStore,
    tags,
    media,
    settings,
    now,
    sectionExists: async (id) => (await sections.findById(id)) !== null,
    authorExists: (id) => authors.exists(id),
    changes,
  });
  const webhooks = new WebhookService({ store: new WebhookStore(db), changes, now, siteUrl: config.siteUrl, getPublic: (id, at) => articles.getPublic(id, at), gone: (id) => trash.gone(id), allowPrivate: config.commentWebhookAllowPrivate, log });
  const breaking = new BreakingService({ store: new BreakingStore(db), changes, now, log });
  const mostRead = new MostReadService({ store: new MostReadStore(db), articles, now });
  const commentStore = new CommentStore(db);
  const commentKeys = new CommentKeys(commentStore);
  const comments = new CommentService({ store: commentStore, keys: commentKeys, articles, settings, now, siteUrl: config.siteUrl, changes, webhookAllowPrivate: config.commentWebhookAllowPrivate, events: webhooks });
  return {
    config,
    storage,
    now,
    articles,
    authors,
    desk,
    previews: new PreviewService({ links: new PreviewLinkStore(db), desk, editStore, articles: new ArticleStore(db, mediaStore), sections, tags, authors, media, now }),
    presence: new PresenceService({ store: new PresenceStore(db), desk, editStore, now }),
    trash,
    deskList: new DeskService({ store: new DeskStore(db), transition: (user, id, to) => desk.transition(user, id, to), trash: (user, id) => trash.trash(user, id), now }),
    audit: new AuditService(new AuditStore(db)),
    comments,
    commentModeration: new CommentModerationService({ store: commentStore, keys: commentKeys, comments, articles, settings, now, changes, events: webhooks }),
    home: new HomeService({ articles, sections }),
    media,
    mediaFiles,
    mediaUsage: new MediaUsageService({ store: new MediaUsageStore(db), media, changes, files: mediaFiles, now }),
    derivedImages: new DerivedImageService({ files: mediaFiles, deriver: workers }),
    sections,
    settings,
    sitemaps: new SitemapService(new SitemapStore(db)),
    tags,
    widgets,
    users: new UserService(new UserStore(db), new LoginThrottleStore(db), now),
    passwordResets: new PasswordResetService({ store: new PasswordResetStore(db), users: new UserStore(db), throttle: new LoginThrottleStore(db), now, siteUrl: config.siteUrl }),
    sessions: new SessionService(new SessionStore(db), now),
    search: new SearchService({ store: new SearchIndexStore(db), articles, now, changes }),
    redirects: new RedirectService(new RedirectStore(db), changes, now),
    webhooks,
    changes,
    workers,
    apiKeys: new ApiKeyService({ store: new ApiKeyStore(db), now }),
    metrics,
    health: new HealthService({ store: new HealthStore(storage), busConnected: () => changes.busConnected }),
    live,
    liveBlogs: new LiveBlogService({ store: new LiveBlogStore(db), desk, mediaExists: async (ids) => new Set((await media.findByIds(ids)).keys()), changes, now, log }),
    breaking,
    mostRead,
    async close() {
      live.close();
      breaking.close();
      // Views counted since the last minute's flush are not lost at a stop.
      await mostRead.flush().catch((err: unknown) => log('most read: flush at close failed', err));
      await webhook?.flush();
      // Events noticed before the stop are in the outbox before the database closes.
      await webhooks.settled();
      await workers.close();
      await changes.close();
      await storage.close();
      mediaFiles.close?.();
    },
  };
}
