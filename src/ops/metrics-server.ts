/**
 * /metrics on a port of its own (METRICS_PORT, on METRICS_HOST: loopback unless set), for
 * a Prometheus that scrapes from inside the network while the site's port faces readers.
 * Answers only GET /metrics (everything else 404), never cached; when METRICS_TOKEN is
 * also set, the token is required here too.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics.ts';

export interface MetricsServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenMetrics(metrics: Metrics, options: { host: string; port: number; token: string | null }): Promise<MetricsServer> {
  metrics.enableProcessMetrics();
  const expected = options.token === null ? null : createHash('sha256').update(`Bearer ${options.token}`).digest();
  const server = http.createServer((req, res) => {
    res.setHeader('cache-control', 'no-store');
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found: this port serves GET /metrics only\n');
      return;
    }
    const given = req.headers.authorization;
    if (expected && (typeof given !== 'string' || !timingSafeEqual(createHash('sha256').update(given).digest(), expected))) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="metrics"' }).end('401: सही टोकन भेजें (Authorization: Bearer …) / send the right token\n');
      return;
    }
    metrics.scrape().then(
      ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType }).end(req.method === 'HEAD' ? undefined : body),
      () => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
