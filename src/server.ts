/**
 * Starting and stopping a server process: config → services → demo (first start) →
 * app → listen. Used by main.ts and by `samachar serve`.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { loadDemo } from './demo/demo-service.ts';
import { commentJobs } from './jobs/comment-jobs.ts';
import { publishScheduled } from './jobs/publish-scheduled.ts';
import { purgeTrash } from './jobs/purge-trash.ts';
import { newsroomHousekeeping } from './jobs/newsroom-housekeeping.ts';
import { type Scheduler, startScheduler } from './jobs/scheduler.ts';
import { createServices, type Services } from './services.ts';

export interface RunningServer {
  app: FastifyInstance;
  services: Services;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const services = await createServices(config);
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
      [
        { name: 'publish-scheduled', run: () => publishScheduled(services) },
        { name: 'sweep-sessions', run: () => services.sessions.sweep() },
        { name: 'comments', run: () => commentJobs(services) },
        // One indexed query when nothing is due (the trash's partial index), so every tick is fine.
        { name: 'purge-trash', run: () => purgeTrash(services) },
        { name: 'newsroom-housekeeping', run: atMostEvery(HOUSEKEEPING_INTERVAL_MS, () => newsroomHousekeeping(services)) },
      ],
      config.schedulerIntervalMs,
      (msg, err) => app.log.error({ err }, msg),
    );
    await scheduler.tick();
    await app.listen({ host: config.host, port: config.port });
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
          await scheduler.stop();
          await app.close();
          await services.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await services.close();
    throw err;
  }
}

/** Stops cleanly on SIGINT/SIGTERM: in-flight requests finish, then the database closes. */
export function stopOnSignals(server: RunningServer): void {
  const stop = (signal: string) => {
    server.app.log.info({ signal }, 'stopping');
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

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
