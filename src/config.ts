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

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  /** Where uploaded and generated media files live. */
  readonly mediaDir: string;
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
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once into a frozen Config. Throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return defineConfig({
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { dialect: 'postgres', url: e.DATABASE_URL, queryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS }
      : { dialect: 'sqlite', sqlitePath: path.join(dataDir, 'samachar.db') },
    mediaDir: path.join(dataDir, 'media'),
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
    ...parts,
  });
}
