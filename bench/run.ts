/**
 * `npm run bench`: each figure is printed with a ratio against a baseline measured in the same
 * run (the machine is shared and noisy), never as an absolute pass/fail timing.
 *
 * Platform: requests/s and p99 of GET /healthz, GET /api/v1/auth/me and GET /api/v1/areas?parent=70
 * (also as a browser asks, compressed), each request with one of 300 signed-in sessions, measured
 * with autocannon against a bare Fastify route measured just before it (the ceiling; the old
 * JavaScript client is shown on it too), in 3 rounds; the median ratio is the figure, and the
 * server's CPU per request against the bare route's is shown too (the machine's other load
 * disturbs it least). Target: authenticated reads ≥ 30% of the ceiling.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './lib/load.js';
import { cannon, cannonLine } from './lib/cannon.js';
import { registryBench } from './registry.js';
import { programsBench } from './programs.js';
import { dossiersBench } from './dossiers.js';
import { reportsBench } from './reports.js';
import { petitionsBench } from './petitions.js';
import { employmentBench } from './employment.js';
import { povertyBench } from './poverty.js';
import { benchPgBase, freshPg } from './lib/pg.js';
import { processCpuMs } from './lib/server.js';
import { meritBench } from './merit.js';
import { nationalBench } from './national.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 300);
const PASSWORD = 'bench-password-123';
// Other benches may run on this machine at the same time: the ports can be moved.
const PORT = Number(process.env.BENCH_PORT ?? 18080);
const SERVER = `http://127.0.0.1:${PORT}`;
const BARE = `http://127.0.0.1:${PORT + 1}`;

/** User + system CPU seconds a process has used so far. */
const cpuSeconds = (pid: number) => processCpuMs(pid) / 1000;

async function waitFor(url: string, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function platform(pgBase?: string): Promise<void> {
  const pgDb = pgBase ? await freshPg(pgBase, `ansinh_bench_platform_${process.pid}`) : null;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-'));
  const children: ChildProcess[] = [];
  try {
    const bare = fork(path.join(here, 'bare-server.mjs'), {
      env: { ...process.env, PORT: String(PORT + 1) },
      stdio: 'inherit',
    });
    children.push(bare);
    const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const server = spawn(
      process.execPath,
      [...nodeArgs, path.join(root, 'packages/server/dist/cli/main.js'), 'serve'],
      {
        env: {
          ...process.env,
          PORT: String(PORT),
          HOST: '127.0.0.1',
          DATABASE_URL: pgDb?.url ?? '',
          SQLITE_PATH: path.join(tmp, 'bench.db'),
          LOG_LEVEL: 'warn',
          ANSINH_SEED_DEMO: 'true',
          // Sessions and the area tree do not depend on the persons; seeding 20.000 of them on
          // PostgreSQL would take minutes.
          ANSINH_DEMO_PERSONS: '0',
          ANSINH_DEMO_PASSWORD: PASSWORD,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    children.push(server);
    await waitFor(`${BARE}/bare`);
    await waitFor(`${SERVER}/healthz`, 900_000); // seeding the demo province on PostgreSQL takes minutes
    // Officers do not share one session: SESSIONS signed-in sessions of the province's accounts
    // (they may all read the province's districts), one taken at random for each request, so no
    // lookup is served warmer than by a department's morning.
    const accounts = ['admin', 'tinh.lanhdao', 'tinh.chuyenvien', 'snv.lanhdao', 'snv.chuyenvien', 'thanhtra'];
    const cookies: { cookie: string }[] = [];
    for (let i = 0; i < SESSIONS; i++) {
      const res = await fetch(`${SERVER}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: accounts[i % accounts.length], password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`login ${accounts[i % accounts.length]}: ${res.status}`);
      cookies.push({ cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! });
    }
    const headers = cookies[0]!;
    // Warm-up so JIT and caches are in the same state for every target.
    await cannon('warm-up', `${BARE}/bare`, { seconds: 1 });
    await cannon('warm-up', `${SERVER}/api/v1/auth/me`, { seconds: 1, headers });
    // A browser asks for compressed answers: the area list (over 1 KB) is measured both ways.
    const browser = cookies.map((c) => ({ ...c, 'accept-encoding': 'br, gzip' }));
    const targets: [string, string, Record<string, string>[] | undefined][] = [
      ['GET /healthz', `${SERVER}/healthz`, undefined],
      ['GET /api/v1/auth/me', `${SERVER}/api/v1/auth/me`, cookies],
      ['GET /api/v1/areas?parent=70', `${SERVER}/api/v1/areas?parent=70`, cookies],
      ['… the same, accept-encoding: br', `${SERVER}/api/v1/areas?parent=70`, browser],
    ];
    // BENCH_PLATFORM_ONLY=<text> keeps the targets whose label holds it (to profile one of them).
    const onlyTargets = process.env.BENCH_PLATFORM_ONLY;
    if (onlyTargets) targets.splice(0, targets.length, ...targets.filter(([label]) => label.includes(onlyTargets)));
    // The machine is shared: the ceiling (autocannon against a bare Fastify route) is measured
    // again before every target, and each target is read against the ceiling next to it; ROUNDS
    // rounds, the median ratio is the figure.
    const ratios = new Map<string, number[]>();
    const cpuRatios = new Map<string, number[]>();
    const lines: string[] = [];
    let js = 0;
    let lastCeiling = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [label, url, h] of targets) {
        const bareCpu0 = cpuSeconds(bare.pid!);
        const ceiling = await cannon('bare Fastify route (ceiling)', `${BARE}/bare`, { seconds: SECONDS });
        const bareCpu = (cpuSeconds(bare.pid!) - bareCpu0) / ceiling.requests;
        const cpu0 = cpuSeconds(server.pid!);
        const r = await cannon(label, url, { seconds: SECONDS, headerSets: h });
        const cpu = (cpuSeconds(server.pid!) - cpu0) / r.requests;
        ratios.set(label, [...(ratios.get(label) ?? []), r.rps / ceiling.rps]);
        cpuRatios.set(label, [...(cpuRatios.get(label) ?? []), bareCpu / cpu]);
        const perRequest = (x: number) => `${(x * 1e6).toFixed(0)} µs CPU/request`;
        lines.push(
          `round ${round}: ${cannonLine(ceiling)}  ${perRequest(bareCpu)}`,
          `round ${round}: ${cannonLine(r, ceiling)}  ${perRequest(cpu)}`,
        );
        lastCeiling = ceiling.rps;
      }
    }
    // The old JavaScript client on the same route shows its own (much lower) ceiling.
    js = (await load(`${BARE}/bare`, { seconds: SECONDS })).rps;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      '\n## Platform on %s (autocannon, loopback, 32 keep-alive connections, %d s each)',
      pgDb ? 'PostgreSQL' : 'SQLite',
      SECONDS,
    );
    console.log(
      `load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    for (const l of lines) console.log(l);
    console.log(
      `${'(old JS client on the bare route)'.padEnd(40)} ${js.toFixed(0).padStart(7)} req/s: ${((js / lastCeiling) * 100).toFixed(1)}% of what autocannon got last`,
    );
    for (const [label, xs] of ratios)
      console.log(
        `${label.padEnd(40)} median ${(median(xs) * 100).toFixed(1)}% of the bare ceiling (rounds: ${xs.map((x) => (x * 100).toFixed(1)).join(', ')})`,
      );
    // Server CPU per request against the bare route's: what the machine's other load disturbs least.
    for (const [label, xs] of cpuRatios)
      console.log(
        `${label.padEnd(40)} CPU per request: the bare route's is ${(median(xs) * 100).toFixed(1)}% of it (rounds: ${xs.map((x) => (x * 100).toFixed(1)).join(', ')})`,
      );
    const ok = [...ratios].filter(([l]) => l !== 'GET /healthz').every(([, xs]) => median(xs) >= 0.3);
    console.log(`target: authenticated reads ≥ 30% of the bare ceiling: ${ok ? 'met' : 'NOT met'}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
    await pgDb?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const only = process.argv[2];
if (!only || only === 'platform') {
  await platform();
  const pgBase = benchPgBase();
  if (pgBase) await platform(pgBase);
}
if (!only || only === 'registry') await registryBench();
if (!only || only === 'programs') await programsBench();
if (!only || only === 'dossiers') await dossiersBench();
if (!only || only === 'reports') await reportsBench();
if (!only || only === 'petitions') await petitionsBench();
if (!only || only === 'employment') await employmentBench();
if (!only || only === 'poverty') await povertyBench();
if (!only || only === 'merit') await meritBench();
// Only when asked for: it needs PostgreSQL and loads ten million persons (docs/operations/national.md).
if (only === 'national') await nationalBench();
