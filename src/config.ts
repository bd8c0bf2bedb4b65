/**
 * The one place that reads `process.env`. It is read once, validated, and frozen;
 * everything else receives a `Config`. Units are in the names (…Bytes, …Ms).
 */
import path from 'node:path';
import { z } from 'zod';

export type DatabaseConfig =
  | { dialect: 'sqlite'; sqlitePath: string }
  | {
      dialect: 'postgres';
      url: string;
      /**
       * Longest one statement may run (the server's statement_timeout; pg's client-side
       * query_timeout a second later, for a server that stops answering). Unset or 0: none.
       */
      queryTimeoutMs?: number;
      /** Longest to wait for a new connection (default 5000). */
      connectTimeoutMs?: number;
    };

export type MediaStorageConfig =
  | { kind: 'local' }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint?: string;
      accessKeyId?: string;
      secretAccessKey?: string;
      forcePathStyle: boolean;
      /** Put before every key, e.g. `media/`; empty for none. */
      prefix: string;
    };

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Where uploaded and generated media files live. */
  readonly mediaDir: string;
  /**
   * Where the photo library is stored: `local` (mediaDir, the default) or an S3-compatible
   * bucket shared by every machine (mediaDir is then this machine's work folder for encodes).
   */
  readonly mediaStorage: MediaStorageConfig;
  /** The S3_* bucket settings whenever S3_BUCKET is set (`samachar media migrate --to s3` reads them before the switch). */
  readonly s3Bucket: Extract<MediaStorageConfig, { kind: 's3' }> | null;
  /**
   * A public base URL (a CDN over the bucket) to redirect media requests to; null: Samachar
   * serves them itself. The one host pages may load anything from besides their own (img-src).
   */
  readonly mediaPublicUrl: string | null;
  /** Load the demo site into an empty database at start. */
  readonly loadDemoIfEmpty: boolean;
  /** Public origin, used for canonical links; derived from host and port when unset. */
  readonly siteUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** One line per request at `info` (method, address with secrets masked, status, time); ACCESS_LOG=0 turns it off. */
  readonly accessLog: boolean;
  /** Longest request URL accepted; longer ones get 414. */
  readonly maxUrlLength: number;
  /** How often timed jobs (scheduled publishing) run. */
  readonly schedulerIntervalMs: number;
  /**
   * Proxies in front (load balancer, CDN) whose X-Forwarded-For to believe: false (none,
   * the default), true (all), or a number of hops. Sign-in limits per IP depend on it.
   */
  readonly trustProxy: boolean | number;
  /** Memory for rendered public pages (all encodings); 0 turns the page cache off. */
  readonly pageCacheBytes: number;
  /** Longest a cached page is served without a purge: the ceiling for a purge lost between processes. */
  readonly pageCacheTtlMs: number;
  /** How long a CDN may keep a public page (s-maxage); purges make it fresh sooner. */
  readonly cdnMaxAgeSeconds: number;
  /** Redis for purges between processes; without it, PostgreSQL LISTEN/NOTIFY carries them. */
  readonly redisUrl: string | null;
  /** Where to POST the tags of every change (a CDN purge endpoint or a relay). */
  readonly purgeWebhookUrl: string | null;
  /** Signs purge webhook bodies (HMAC-SHA256) when set. */
  readonly purgeWebhookSecret: string | null;
  /** Let the comment webhook reach loopback, link-local and private addresses (off: SSRF). */
  readonly commentWebhookAllowPrivate: boolean;
  /** Worker threads comparing revisions, and comparisons that may wait for one (beyond: 503). */
  readonly diffWorkers: number;
  readonly diffQueue: number;
  /** Worker threads encoding uploaded photos, and uploads that may wait for one (beyond: 503). */
  readonly imageWorkers: number;
  readonly imageQueue: number;
  /** Decoded pixels (width × height) an uploaded photo may have; more is refused with 413. */
  readonly maxPhotoPixels: number;
  /** Bearer token for /metrics on the site's port; with neither it nor metricsPort, /metrics is 404. */
  readonly metricsToken: string | null;
  /** A separate listener for /metrics only (bound to metricsHost, loopback by default). */
  readonly metricsPort: number | null;
  readonly metricsHost: string;
  /** After SIGTERM, how long /readyz answers 503 before the server stops accepting (load balancers notice). */
  readonly drainDelayMs: number;
  /** Log lines: 'pretty' (one line for people), 'json' (JSON Lines), 'auto' (pretty on a terminal). */
  readonly logFormat: 'auto' | 'pretty' | 'json';
  /** Live streams (SSE) one process holds; past it readers poll the cached page instead. */
  readonly liveMaxConnections: number;
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  DATA_DIR: z.string().min(1).default('data'),
  SAMACHAR_DEMO: bool.default(true),
  SITE_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_LOG: bool.default(true),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9]{1,2})$/, 'TRUST_PROXY must be true, false or a number of hops')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v)))
    .default(false),
  PAGE_CACHE_MB: z.coerce.number().min(0).max(65536).default(32),
  PAGE_CACHE_TTL_S: z.coerce.number().int().min(1).max(86_400).default(300),
  CDN_MAX_AGE_S: z.coerce.number().int().min(0).max(31_536_000).default(60),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  PURGE_WEBHOOK_URL: z
    .url()
    .regex(/^https?:\/\//, 'PURGE_WEBHOOK_URL must be an http(s) URL')
    .optional(),
  PURGE_WEBHOOK_SECRET: z.string().min(16, 'PURGE_WEBHOOK_SECRET must be at least 16 characters').optional(),
  COMMENT_WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  DIFF_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  DIFF_QUEUE: z.coerce.number().int().min(0).max(1000).default(4),
  IMAGE_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  IMAGE_QUEUE: z.coerce.number().int().min(0).max(1000).default(2),
  MAX_PHOTO_MEGAPIXELS: z.coerce.number().min(1).max(268).default(40),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').regex(/^[\x21-\x7e]+$/, 'METRICS_TOKEN must be printable ASCII without spaces').optional(),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(600_000).default(0),
  LOG_FORMAT: z.enum(['auto', 'pretty', 'json']).default('auto'),
  LIVE_MAX_CONNECTIONS: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  MEDIA_STORAGE: z.enum(['local', 's3'], 'MEDIA_STORAGE must be local or s3').default('local'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET must be a bucket name (3-63 of a-z 0-9 . -)').optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{2,40}$/, 'S3_REGION must be a region name like eu-central-1').default('us-east-1'),
  S3_ENDPOINT: z.url().regex(/^https?:\/\//, 'S3_ENDPOINT must be an http(s) URL').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  S3_PREFIX: z.string().regex(/^([A-Za-z0-9._-]+\/)*$/, 'S3_PREFIX must be folder names each ending in /, e.g. media/').default(''),
  MEDIA_PUBLIC_URL: z.url().regex(/^https?:\/\/[^/?#]+(\/[^?#]*[^/?#])?$/, 'MEDIA_PUBLIC_URL must be an http(s) URL without a trailing slash, query or fragment').optional(),
});

/** Settings whose values never appear in an error message or `samachar doctor` (they are, or may hold, secrets). */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set(['DATABASE_URL', 'REDIS_URL', 'PURGE_WEBHOOK_SECRET', 'METRICS_TOKEN', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);

/** The settings Samachar reads, in the schema's order (doctor prints them). */
export const SETTING_NAMES: readonly string[] = Object.keys(EnvSchema.shape);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once into a frozen Config. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // One line per bad variable, naming it and what it got (secrets excepted), so a
    // start-up log shows at a glance what to change.
    const problems = new Map<string, string[]>();
    for (const i of parsed.error.issues) {
      const name = i.path.join('.');
      problems.set(name, [...(problems.get(name) ?? []), i.message.replace(/\s+/g, ' ')]);
    }
    const lines = [...problems].map(([name, messages]) => {
      const raw = env[name];
      const got = raw === undefined || SECRET_SETTINGS.has(name) ? '' : ` (got ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)})`;
      return `Invalid setting ${name}: ${messages.join('; ')}${got}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const e = parsed.data;
  // Checks between variables, each a one-line error naming the variable.
  const mediaErrors: string[] = [];
  if (e.MEDIA_STORAGE === 's3' && !e.S3_BUCKET) mediaErrors.push('  S3_BUCKET: required when MEDIA_STORAGE=s3');
  if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY) mediaErrors.push('  S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  if (e.MEDIA_PUBLIC_URL && e.MEDIA_STORAGE !== 's3') mediaErrors.push('  MEDIA_PUBLIC_URL: only with MEDIA_STORAGE=s3');
  if (mediaErrors.length > 0) throw new ConfigError(mediaErrors.map((line) => `Invalid setting ${line.trim()}`).join('\n'));
  const s3Bucket: Config['s3Bucket'] = e.S3_BUCKET
    ? {
        kind: 's3',
        bucket: e.S3_BUCKET,
        region: e.S3_REGION,
        ...(e.S3_ENDPOINT ? { endpoint: e.S3_ENDPOINT } : {}),
        ...(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY } : {}),
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
        prefix: e.S3_PREFIX,
      }
    : null;
  const dataDir = path.resolve(e.DATA_DIR);
  return defineConfig({
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { dialect: 'postgres', url: e.DATABASE_URL, queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS }
      : { dialect: 'sqlite', sqlitePath: path.join(dataDir, 'samachar.db') },
    mediaDir: path.join(dataDir, 'media'),
    mediaStorage: e.MEDIA_STORAGE === 's3' ? s3Bucket! : { kind: 'local' },
    s3Bucket,
    mediaPublicUrl: e.MEDIA_PUBLIC_URL ?? null,
    loadDemoIfEmpty: e.SAMACHAR_DEMO,
    siteUrl: e.SITE_URL ?? `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    accessLog: e.ACCESS_LOG,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    trustProxy: e.TRUST_PROXY,
    pageCacheBytes: Math.round(e.PAGE_CACHE_MB * 1024 * 1024),
    pageCacheTtlMs: e.PAGE_CACHE_TTL_S * 1000,
    cdnMaxAgeSeconds: e.CDN_MAX_AGE_S,
    redisUrl: e.REDIS_URL ?? null,
    purgeWebhookUrl: e.PURGE_WEBHOOK_URL ?? null,
    purgeWebhookSecret: e.PURGE_WEBHOOK_SECRET ?? null,
    commentWebhookAllowPrivate: e.COMMENT_WEBHOOK_ALLOW_PRIVATE,
    diffWorkers: e.DIFF_WORKERS,
    diffQueue: e.DIFF_QUEUE,
    imageWorkers: e.IMAGE_WORKERS,
    imageQueue: e.IMAGE_QUEUE,
    maxPhotoPixels: Math.round(e.MAX_PHOTO_MEGAPIXELS * 1_000_000),
    metricsToken: e.METRICS_TOKEN ?? null,
    metricsPort: e.METRICS_PORT ?? null,
    metricsHost: e.METRICS_HOST,
    drainDelayMs: e.DRAIN_DELAY_MS,
    logFormat: e.LOG_FORMAT,
    liveMaxConnections: e.LIVE_MAX_CONNECTIONS,
  });
}

/** Builds a Config from parts (tests and tools); fills the defaults loadConfig would. */
export function defineConfig(
  parts: Partial<Config> & Pick<Config, 'database' | 'mediaDir'>,
): Config {
  return Object.freeze({
    host: '127.0.0.1',
    port: 3000,
    loadDemoIfEmpty: false,
    siteUrl: 'http://localhost:3000',
    logLevel: 'info' as const,
    accessLog: true,
    maxUrlLength: 2048,
    schedulerIntervalMs: 5000,
    trustProxy: false,
    pageCacheBytes: 32 * 1024 * 1024,
    pageCacheTtlMs: 300_000,
    cdnMaxAgeSeconds: 60,
    redisUrl: null,
    purgeWebhookUrl: null,
    purgeWebhookSecret: null,
    commentWebhookAllowPrivate: false,
    diffWorkers: 1,
    diffQueue: 4,
    imageWorkers: 1,
    imageQueue: 2,
    maxPhotoPixels: 40_000_000,
    metricsToken: null,
    metricsPort: null,
    metricsHost: '127.0.0.1',
    drainDelayMs: 0,
    logFormat: 'auto' as const,
    liveMaxConnections: 10_000,
    mediaStorage: { kind: 'local' as const },
    s3Bucket: null,
    mediaPublicUrl: null,
    ...parts,
  });
}
