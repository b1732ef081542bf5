import autocannon from 'autocannon';
import { fmt } from './stats.js';

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
  opts: {
    connections?: number;
    seconds?: number;
    headers?: Record<string, string>;
    paths?: string[];
    /** Headers added to each request, one set at random (e.g. the cookies of many sessions). */
    headerSets?: Record<string, string>[];
  } = {},
): Promise<CannonResult> {
  const paths = opts.paths;
  const sets = opts.headerSets;
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const r = await autocannon({
    url,
    connections: opts.connections ?? 32,
    duration: opts.seconds ?? 5,
    headers: opts.headers,
    timeout: 10,
    // Header sets alone: one prepared request each, in a shuffled order (autocannon builds each
    // request's bytes once; a per-request setup costs the client about a third of its rate).
    ...(sets?.length && !paths?.length
      ? { requests: shuffled(sets).map((h) => ({ method: 'GET' as const, headers: { ...opts.headers, ...h } })) }
      : paths?.length || sets?.length
        ? {
            requests: [
              {
                setupRequest: (req: autocannon.Request) => ({
                  ...req,
                  ...(paths?.length ? { path: pick(paths) } : {}),
                  ...(sets?.length ? { headers: { ...req.headers, ...pick(sets) } } : {}),
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

function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One line: rate, latencies, and the ratio to the ceiling measured in the same run. */
export function cannonLine(r: CannonResult, ceiling?: CannonResult): string {
  const ratio = ceiling ? `  ${((r.rps / ceiling.rps) * 100).toFixed(1)}% of bare ceiling` : '';
  return `${r.label.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50ms.toFixed(1)} ms  p99 ${r.p99ms.toFixed(1)} ms  max ${r.maxms.toFixed(0)} ms  errors ${r.errors}${ratio}`;
}

/**
 * Each query alone, one after another (BENCH_SEARCH_SLOWEST): the `shown` slowest with their
 * times, to name what a mix's tail is made of.
 */
export async function slowestAlone(
  urlOf: (q: string) => string,
  queries: string[],
  headers: Record<string, string>,
  shown: number,
): Promise<string> {
  const one: { q: string; ms: number }[] = [];
  for (const q of [...new Set(queries)]) {
    const t0 = performance.now();
    await (await fetch(urlOf(q), { headers })).arrayBuffer();
    one.push({ q, ms: performance.now() - t0 });
  }
  one.sort((a, b) => b.ms - a.ms);
  return `slowest alone: ${one
    .slice(0, shown)
    .map((o) => `${o.q} ${fmt(o.ms)} ms`)
    .join('; ')}`;
}
