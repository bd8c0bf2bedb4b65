/**
 * What an operator watches (/metrics, Prometheus text format through prom-client).
 *
 * Guarantees:
 * - The cache-hit path in front of Fastify pays nothing per request but a plain integer
 *   increment (`fastAnswers`, `fastNotModified`): no label lookup, no allocation, no clock.
 *   Those fields, the page cache's own counters and the change feed's are read by `collect()`
 *   callbacks when Prometheus scrapes, not when a reader asks for a page.
 * - Request labels are the route pattern (`/:section/:slug`), never the URL, so the number of
 *   series is bounded by the routes the app has; unmatched requests share one label.
 * - Process metrics (event-loop lag, memory, GC) are switched on only where /metrics is served
 *   (`enableProcessMetrics`): a CLI command or a test pays nothing for them.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PageCacheStats } from '../cache/page-cache.ts';

/** What a pool reports (pg.Pool's counters); null where there is none (SQLite). */
export interface PoolCounts {
  readonly total: number;
  readonly idle: number;
  readonly waiting: number;
}

export interface MetricsSources {
  pageCache?: () => PageCacheStats & { readonly evictions: number };
  /** Change feed counts and whether its bus listens (null: no bus). */
  changes?: () => { readonly sent: number; readonly received: number; readonly receivedAll: number; readonly connected: boolean | null; readonly reconnects: number };
  pool?: () => PoolCounts | null;
  /** Open live-update (SSE) connections, where live updates exist. */
  sseConnections?: () => number;
}

/** A delivery job's report (webhook and comment-webhook jobs return it). */
export interface DeliveryReport {
  readonly delivered: number;
  readonly failed: number;
  readonly retrying: number;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

export class Metrics {
  readonly registry = new Registry();
  /** Cache hits answered before Fastify (status 200), counted by the fast path in app.ts. */
  fastAnswers = 0;
  /** … of them answered 304 Not Modified. */
  fastNotModified = 0;
  private sources: MetricsSources = {};
  private processMetrics = false;
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly latency: Histogram<'route'>;
  private readonly queries: Histogram;
  private readonly search: Histogram;
  private readonly jobs: Counter<'job' | 'outcome'>;
  private readonly deliveries: Counter<'kind' | 'outcome'>;

  constructor() {
    const registers = [this.registry];
    this.requests = new Counter({ name: 'samachar_http_requests_total', help: 'Requests answered through the app, by route pattern, method and status (cache hits before the app: samachar_fast_cache_answers_total).', labelNames: ['route', 'method', 'status'], registers });
    this.latency = new Histogram({ name: 'samachar_http_request_duration_seconds', help: 'Time to answer a request through the app, by route pattern.', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers });
    this.queries = new Histogram({ name: 'samachar_db_query_duration_seconds', help: 'Database query time.', buckets: QUERY_BUCKETS, registers });
    this.search = new Histogram({ name: 'samachar_search_duration_seconds', help: 'Reader search requests (the search page and suggestions), end to end.', buckets: LATENCY_BUCKETS, registers });
    this.jobs = new Counter({ name: 'samachar_scheduler_job_runs_total', help: 'Scheduled job runs, by job and outcome (ok, failed).', labelNames: ['job', 'outcome'], registers });
    this.deliveries = new Counter({ name: 'samachar_webhook_deliveries_total', help: 'Webhook deliveries (kind: webhook, comment-webhook), by outcome (delivered, failed, retrying).', labelNames: ['kind', 'outcome'], registers });

    // collect() runs with the metric as `this`; these read the Metrics object.
    const sources = () => this.sources;
    const fastCounts = () => [this.fastAnswers, this.fastNotModified] as const;
    new Counter({
      name: 'samachar_fast_cache_answers_total',
      help: 'Cached pages answered before the app (status 200 or 304).',
      labelNames: ['status'],
      registers,
      collect() {
        const [answers, notModified] = fastCounts();
        this.reset();
        this.inc({ status: '200' }, answers - notModified);
        this.inc({ status: '304' }, notModified);
      },
    });
    const cacheCounter = (name: string, help: string, pick: (s: PageCacheStats & { readonly evictions: number }) => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          const stats = sources().pageCache?.();
          this.reset();
          if (stats) this.inc(pick(stats));
        },
      });
    cacheCounter('samachar_page_cache_hits_total', 'Page cache hits (fresh copies served).', (s) => s.hits);
    cacheCounter('samachar_page_cache_misses_total', 'Page cache misses.', (s) => s.misses);
    cacheCounter('samachar_page_cache_evictions_total', 'Pages pushed out of the page cache to make room.', (s) => s.evictions);
    cacheCounter('samachar_page_cache_purges_total', 'Purges applied to the page cache (from this process or another).', (s) => s.purges);
    const cacheGauge = (name: string, help: string, pick: (s: PageCacheStats) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          const stats = sources().pageCache?.();
          this.set(stats ? pick(stats) : 0);
        },
      });
    cacheGauge('samachar_page_cache_bytes', 'Bytes of pages held (all encodings).', (s) => s.bytes);
    cacheGauge('samachar_page_cache_entries', 'Pages held.', (s) => s.entries);

    const changeCounter = (name: string, help: string, pick: (c: NonNullable<ReturnType<NonNullable<MetricsSources['changes']>>>) => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          const counts = sources().changes?.();
          this.reset();
          if (counts) this.inc(pick(counts));
        },
      });
    changeCounter('samachar_purges_sent_total', 'Changes committed in this process (each purges pages here, and through the bus elsewhere).', (c) => c.sent);
    changeCounter('samachar_purges_received_total', 'Changes heard from other processes through the bus.', (c) => c.received);
    changeCounter('samachar_bus_reconnects_total', 'Times the change bus\'s listening connection came back after a drop (each drops every cached page: what was sent meanwhile is lost).', (c) => c.reconnects);
    changeCounter('samachar_bus_resets_total', 'Whole-cache drops heard from the bus: after every reconnect, and another process\'s bulk change.', (c) => c.receivedAll);
    new Gauge({
      name: 'samachar_bus_connected',
      help: 'The change bus listens (1) or not (0); absent without a bus.',
      registers,
      collect() {
        const connected = sources().changes?.().connected;
        this.reset();
        if (connected !== null && connected !== undefined) this.set(connected ? 1 : 0);
      },
    });
    new Gauge({
      name: 'samachar_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting clients); absent on SQLite.',
      labelNames: ['state'],
      registers,
      collect() {
        const pool = sources().pool?.();
        this.reset();
        if (!pool) return;
        this.set({ state: 'total' }, pool.total);
        this.set({ state: 'idle' }, pool.idle);
        this.set({ state: 'waiting' }, pool.waiting);
      },
    });
    new Gauge({
      name: 'samachar_sse_connections',
      help: 'Open live-update (server-sent events) connections.',
      registers,
      collect() {
        this.set(sources().sseConnections?.() ?? 0);
      },
    });
  }

  /** Where the scrape-time numbers come from (app.ts and services.ts call it; later calls add or replace). */
  attach(sources: MetricsSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  /** Event-loop lag, memory, CPU, GC: once, where /metrics is served. */
  enableProcessMetrics(): void {
    if (this.processMetrics) return;
    this.processMetrics = true;
    collectDefaultMetrics({ register: this.registry, prefix: 'samachar_', eventLoopMonitoringPrecision: 20 });
  }

  /** A request answered through the app. `route` is the route pattern, or null when none matched. */
  request(route: string | null, method: string, status: number, seconds: number): void {
    const label = route ?? 'unmatched';
    this.requests.inc({ route: label, method, status: String(status) });
    this.latency.observe({ route: label }, seconds);
  }

  /** Kysely's query log (services.ts passes it as connectStorage's onQuery). */
  readonly query = (_sql: string, durationMs: number): void => {
    this.queries.observe(durationMs / 1000);
  };

  searched(seconds: number): void {
    this.search.observe(seconds);
  }

  /** The scheduler's jobs, each run counted (src/server.ts). */
  countJobs<J extends { readonly name: string; readonly run: () => Promise<unknown> }>(jobs: readonly J[]): J[] {
    return jobs.map((job) => ({ ...job, run: this.countJob(job.name, job.run) }));
  }

  /** Wraps a scheduled job so each run is counted, with the delivery figures it reports. */
  countJob(name: string, run: () => Promise<unknown>): () => Promise<unknown> {
    return async () => {
      let result: unknown;
      try {
        result = await run();
      } catch (err) {
        this.jobs.inc({ job: name, outcome: 'failed' });
        throw err;
      }
      this.jobs.inc({ job: name, outcome: 'ok' });
      const kind = name === 'webhooks' ? 'webhook' : name === 'comments' ? 'comment-webhook' : null;
      if (kind && isDeliveryReport(result)) {
        if (result.delivered) this.deliveries.inc({ kind, outcome: 'delivered' }, result.delivered);
        if (result.failed) this.deliveries.inc({ kind, outcome: 'failed' }, result.failed);
        if (result.retrying) this.deliveries.inc({ kind, outcome: 'retrying' }, result.retrying);
      }
      return result;
    };
  }

  /** The text Prometheus reads, and its content type. */
  async scrape(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}

function isDeliveryReport(value: unknown): value is DeliveryReport {
  const r = value as Partial<DeliveryReport> | null;
  return typeof r === 'object' && r !== null && typeof r.delivered === 'number' && typeof r.failed === 'number' && typeof r.retrying === 'number';
}
