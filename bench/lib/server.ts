import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchServer {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The built server (`npm run bench` builds first) on a benchmark's SQLite file, ready when
 * /healthz answers. `showErrors` lets its JSON log (on stdout) through at level error.
 */
export async function startBenchServer(opts: {
  sqlitePath: string;
  port: number;
  env?: Record<string, string>;
  showErrors?: boolean;
}): Promise<BenchServer> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server itself.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'packages/server/dist/cli/main.js'), 'serve'], {
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      SQLITE_PATH: opts.sqlitePath,
      LOG_LEVEL: opts.showErrors ? 'error' : 'warn',
      ...opts.env,
    },
    stdio: ['ignore', opts.showErrors ? 'inherit' : 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid!,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface BenchSession {
  cookie: string;
  csrfToken: string;
  /** A JSON call that throws with the answer when it is not 2xx. */
  call(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Sign in and keep the cookie and CSRF token. */
export async function benchLogin(base: string, username: string, password: string): Promise<BenchSession> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    async call(method, url, body, headers = {}) {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${(await r.text()).slice(0, 500)}`);
      return r;
    },
  };
}

/**
 * User + system CPU milliseconds a process (all its threads) has used so far (Linux /proc; clock
 * ticks of 1/100 s): the figure another process's load disturbs least.
 */
export function processCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The server's own loop delay since the last read (the histogram resets at each read), in ms. */
export async function serverLag(base: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return {
    p99: read('ansinh_nodejs_eventloop_lag_p99_seconds'),
    max: read('ansinh_nodejs_eventloop_lag_max_seconds'),
  };
}
