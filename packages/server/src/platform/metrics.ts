import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics on a registry of the app's own (several apps can live in one test process). */
export function installMetrics(app: FastifyInstance): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ansinh_' });
  const requests = new Counter({
    name: 'ansinh_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'ansinh_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // One labelled child per (method, route, status), looked up by a string key: prom-client would
  // otherwise hash a label object on every request.
  type Child = { inc(): void; observe(v: number): void };
  const children = new Map<string, Child>();
  const child = (method: string, route: string, status: number): Child => {
    const key = `${method} ${status} ${route}`;
    let c = children.get(key);
    if (!c) {
      const counted = requests.labels(method, route, String(status));
      const timed = duration.labels(method, route);
      c = { inc: () => counted.inc(), observe: (v) => timed.observe(v) };
      children.set(key, c);
    }
    return c;
  };
  app.addHook('onResponse', (request, reply, done) => {
    // The route pattern, not the URL: no personal data or unbounded label values.
    const c = child(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode);
    c.inc();
    c.observe(reply.elapsedTime / 1000);
    done();
  });
  return registry;
}

/**
 * Who may read /metrics: the bearer of the configured token, or (no token configured) a scraper on
 * this machine. Metrics name routes and counts, not people, but they are no one else's business.
 */
export function metricsAllowed(
  authorization: string | undefined,
  remote: string | undefined,
  token: string | undefined,
) {
  if (token) {
    const given = Buffer.from(/^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '');
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  }
  return remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
}
