import autocannon from 'autocannon';

export interface CannonResult {
  label: string;
  requests: number;
  /** Connection errors and timeouts, plus answers that were not 2xx. */
  errors: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  maxms: number;
}

/**
 * autocannon (a native-speed HTTP/1.1 client with its own parser) at `connections` keep-alive
 * connections for `seconds`. Each figure must be read against a bare Fastify route measured with
 * the same client in the same run: that shows the client's own ceiling is above the server's.
 * `paths` (optional) are requested at random, one per request, so concurrent clients do not walk
 * a list in step.
 */
export async function cannon(
  label: string,
  url: string,
  opts: { connections?: number; seconds?: number; headers?: Record<string, string>; paths?: string[] } = {},
): Promise<CannonResult> {
  const paths = opts.paths;
  const r = await autocannon({
    url,
    connections: opts.connections ?? 32,
    duration: opts.seconds ?? 5,
    headers: opts.headers,
    timeout: 10,
    ...(paths?.length
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                path: paths[Math.floor(Math.random() * paths.length)]!,
              }),
            },
          ],
        }
      : {}),
  });
  return {
    label,
    requests: r.requests.total,
    errors: r.errors + r.non2xx,
    rps: r.requests.total / r.duration,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    maxms: r.latency.max,
  };
}

/** One line: rate, latencies, and the ratio to the ceiling measured in the same run. */
export function cannonLine(r: CannonResult, ceiling?: CannonResult): string {
  const ratio = ceiling ? `  ${((r.rps / ceiling.rps) * 100).toFixed(1)}% of bare ceiling` : '';
  return `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50ms.toFixed(1)} ms  p99 ${r.p99ms.toFixed(1)} ms  max ${r.maxms.toFixed(0)} ms  errors ${r.errors}${ratio}`;
}
