import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What helmet sets for these options, computed once: the headers are the same on every answer. */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown = null;
  // helmet's middleware is synchronous: it only sets headers on the response it is given.
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failed = err ?? null;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}

/**
 * Security headers, the request id and (over HTTPS) HSTS on every answer, in one synchronous hook
 * with headers computed at start. `@fastify/helmet` rebuilt helmet (and re-parsed the CSP) on every
 * request, about an eighth of the time of a small answer.
 */
export function installSecurityHeaders(
  app: FastifyInstance,
  opts: { helmet: Readonly<HelmetOptions>; hsts: (protocol: string) => boolean },
): void {
  const fixed = helmetHeaders(opts.helmet);
  const HSTS = 'max-age=15552000; includeSubDomains';
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(fixed);
    reply.header('x-request-id', request.id);
    if (opts.hsts(request.protocol)) reply.header('strict-transport-security', HSTS);
    done();
  });
}
