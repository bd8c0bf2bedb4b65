/**
 * Starting and stopping a server process: config → services → demo (first start) →
 * app → listen. Used by main.ts and by `samachar serve`.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { loadDemo } from './demo/demo-service.ts';
import { commentJobs } from './jobs/comment-jobs.ts';
import { webhookJobs } from './jobs/webhook-jobs.ts';
import { publishScheduled } from './jobs/publish-scheduled.ts';
import { purgeTrash } from './jobs/purge-trash.ts';
import { newsroomHousekeeping } from './jobs/newsroom-housekeeping.ts';
import { type Scheduler, startScheduler } from './jobs/scheduler.ts';
import { createServices, type Services } from './services.ts';
import { type DataLock, lockDataFolder } from './storage/data-lock.ts';
import { listenMetrics, type MetricsServer } from './ops/metrics-server.ts';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  // SQLite serves one process: a second server on the same folder would keep its own page
  // cache, stale for up to PAGE_CACHE_TTL_S. Taken before the database is opened, so the
  // integrity check and migrations below never run under another live server.
  const lock: DataLock | null = config.database.dialect === 'sqlite' ? lockDataFolder(config.database.sqlitePath) : null;
  let services: Services;
  try {
    services = await createServices(config, {
      // The last server was killed or crashed (its pid file is still there): check the file
      // before serving it, as after a leftover -wal file (see connectStorage).
      integrityCheck: lock?.previousStopUnclean ? 'always' : 'if-unclean',
      progress: log,
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  try {
    if (config.loadDemoIfEmpty) {
      const report = await loadDemo(services);
      if (report.loaded) log(`Loaded the demo site: ${report.articles} articles, ${report.photos} photos.`);
      if (report.loaded && (await services.users.count()) === 0) {
        // The demo's first start makes an admin with a generated password (there are no
        // default passwords) and says once how to sign in.
        const { user, password } = await services.users.create({ email: 'admin@samachar.local', name: 'Admin', role: 'admin' });
        log(`Newsroom: sign in at /admin with ${user.email} and the password ${password} (shown only now; change it under "My account").`);
      }
    }
    if ((await services.users.count()) === 0) {
      log('No newsroom accounts yet: create the first admin with `npm run samachar -- user create --email … --name … --role admin`.');
    }
    const app = await buildApp(services, { logger: true });
    const scheduler: Scheduler = startScheduler(
      // Each run counted for /metrics (runs, failures, webhook deliveries).
      services.metrics.countJobs([
        { name: 'publish-scheduled', run: () => publishScheduled(services) },
        { name: 'sweep-sessions', run: () => services.sessions.sweep() },
        { name: 'comments', run: () => commentJobs(services) },
        { name: 'webhooks', run: () => webhookJobs(services) },
        // One indexed query when nothing is due (the trash's partial index), so every tick is fine.
        { name: 'purge-trash', run: () => purgeTrash(services) },
        // A banner past its expiry: one conditional DELETE, then the purge (each process also sets a timer at the expiry).
        { name: 'breaking-expiry', run: () => services.breaking.expireDue() },
        // Views counted in memory go to the hourly buckets once a minute (decision 029).
        { name: 'most-read-flush', run: atMostEvery(MOST_READ_FLUSH_MS, () => services.mostRead.flush()) },
        { name: 'newsroom-housekeeping', run: atMostEvery(HOUSEKEEPING_INTERVAL_MS, () => newsroomHousekeeping(services)) },
      ]),
      config.schedulerIntervalMs,
      (msg, err) => app.log.error({ err }, msg),
    );
    await scheduler.tick();
    // Built before the first request can arrive, so no reader's search waits for it.
    services.search.warm();
    try {
      await app.listen({ host: config.host, port: config.port });
    } catch (err) {
      await scheduler.stop();
      await app.close();
      throw listenError(err, config);
    }
    let metricsServer: MetricsServer | null = null;
    if (config.metricsPort !== null) {
      try {
        metricsServer = await listenMetrics(services.metrics, { host: config.metricsHost, port: config.metricsPort, token: config.metricsToken });
      } catch (err) {
        await scheduler.stop();
        await app.close();
        throw listenError(err, { ...config, host: config.metricsHost, port: config.metricsPort });
      }
    }
    const { port } = app.server.address() as AddressInfo;
    // Listening on every interface: localhost is the address a person on this machine opens.
    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let stopping: Promise<void> | null = null;
    return {
      app,
      services,
      url,
      stop() {
        stopping ??= (async () => {
          await metricsServer?.close();
          await scheduler.stop();
          await app.close();
          await services.close();
          lock?.release();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await services.close();
    lock?.release();
    throw err;
  }
}

/** An error whose message is the one line to print at start (it names what to change). */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Listening failed: say which address, and what to do, in one line. */
function listenError(err: unknown, config: Config): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  const where = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  if (code === 'EADDRINUSE') {
    return new StartupError(`Port ${config.port} is already in use on ${config.host} (another server is listening at ${where}): stop it, or set PORT to a free port.`, { cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new StartupError(`Not allowed to listen at ${where}: ports below 1024 need extra rights; set PORT to 1024 or above (and put a proxy in front for port 80/443).`, { cause: err });
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new StartupError(`Cannot listen at ${where}: HOST=${config.host} is not an address of this machine; use 0.0.0.0 for every interface.`, { cause: err });
  }
  return err;
}

/**
 * Stops cleanly on SIGINT/SIGTERM: in-flight requests finish, then the database closes, and
 * the process exits 0. On SIGTERM (a load balancer's or systemd's stop) it drains first:
 * /readyz answers 503 at once, and the server keeps serving for DRAIN_DELAY_MS so the load
 * balancer notices and sends no more, then stops accepting. Ctrl-C (SIGINT) stops at once.
 */
export function stopOnSignals(server: RunningServer): void {
  const stop = (signal: string) => {
    server.services.health.drain();
    const delayMs = signal === 'SIGTERM' ? server.services.config.drainDelayMs : 0;
    server.app.log.info({ signal, drainDelayMs: delayMs }, delayMs > 0 ? 'draining: not ready, stopping after the delay' : 'stopping');
    new Promise((resolve) => setTimeout(resolve, delayMs)).then(() => server.stop()).then(
      // The log is written through a buffer: what it holds (say, the last "database
      // unavailable: disk full") must reach the terminal before the process ends.
      () => flushLog(server.app).then(() => process.exit(0)),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Writes out whatever the logger still buffers (at most 2 s, so a stuck stream cannot hold the exit). */
function flushLog(app: FastifyInstance): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    try {
      // Fastify's logger type leaves out pino's flush; the logger is pino (app.ts).
      (app.log as FastifyBaseLogger & { flush(cb: (err?: Error) => void): void }).flush(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** How often the views counted in memory are written (decision 029). */
const MOST_READ_FLUSH_MS = 60_000;

/** The housekeeping job prunes what is days old: no need to run it on every scheduler tick. */
const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

/** `run`, skipped unless `intervalMs` has passed since it last started (it runs on the first tick). */
function atMostEvery(intervalMs: number, run: () => Promise<unknown>): () => Promise<unknown> {
  let last = -Infinity;
  return async () => {
    if (performance.now() - last < intervalMs) return;
    last = performance.now();
    await run();
  };
}
