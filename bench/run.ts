/**
 * `npm run bench`: each figure is printed with a ratio against a baseline measured in the same
 * run (the machine is shared and noisy), never as an absolute pass/fail timing.
 *
 * Platform: requests/s and p99 of GET /healthz, GET /api/v1/auth/me and GET /api/v1/areas?parent=70
 * with a signed-in session, measured with autocannon against a bare Fastify route in the same run
 * (the ceiling; the old JavaScript client is shown on it too). Target: ≥ 30% of the ceiling.
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
import { meritBench } from './merit.js';
import { nationalBench } from './national.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PASSWORD = 'bench-password-123';
// Other benches may run on this machine at the same time: the ports can be moved.
const PORT = Number(process.env.BENCH_PORT ?? 18080);
const SERVER = `http://127.0.0.1:${PORT}`;
const BARE = `http://127.0.0.1:${PORT + 1}`;

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

async function platform(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-'));
  const children: ChildProcess[] = [];
  try {
    const bare = fork(path.join(here, 'bare-server.mjs'), {
      env: { ...process.env, PORT: String(PORT + 1) },
      stdio: 'inherit',
    });
    children.push(bare);
    const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/cli/main.js'), 'serve'], {
      env: {
        ...process.env,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: '',
        SQLITE_PATH: path.join(tmp, 'bench.db'),
        LOG_LEVEL: 'warn',
        ANSINH_SEED_DEMO: 'true',
        ANSINH_DEMO_PASSWORD: PASSWORD,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(server);
    await waitFor(`${BARE}/bare`);
    await waitFor(`${SERVER}/healthz`);
    const res = await fetch(`${SERVER}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie };
    // Warm-up so JIT and caches are in the same state for every target.
    await cannon('warm-up', `${BARE}/bare`, { seconds: 1 });
    await cannon('warm-up', `${SERVER}/api/v1/auth/me`, { seconds: 1, headers });
    // The ceiling: autocannon against a bare Fastify route, in this run, on this machine.
    const ceiling = await cannon('bare Fastify route (ceiling)', `${BARE}/bare`, { seconds: SECONDS });
    // The old JavaScript client on the same route shows its own (much lower) ceiling.
    const js = await load(`${BARE}/bare`, { seconds: SECONDS });
    const health = await cannon('GET /healthz', `${SERVER}/healthz`, { seconds: SECONDS });
    const me = await cannon('GET /api/v1/auth/me', `${SERVER}/api/v1/auth/me`, {
      seconds: SECONDS,
      headers,
    });
    const areas = await cannon('GET /api/v1/areas?parent=70', `${SERVER}/api/v1/areas?parent=70`, {
      seconds: SECONDS,
      headers,
    });
    console.log('\n## Platform (autocannon, loopback, 32 keep-alive connections, %d s each)', SECONDS);
    console.log(
      `load average at start: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    console.log(cannonLine(ceiling));
    console.log(
      `${'(old JS client on the bare route)'.padEnd(40)} ${js.rps.toFixed(0).padStart(7)} req/s: ${((js.rps / ceiling.rps) * 100).toFixed(1)}% of what autocannon gets`,
    );
    console.log(cannonLine(health, ceiling));
    console.log(cannonLine(me, ceiling));
    console.log(cannonLine(areas, ceiling));
    const ok = me.rps / ceiling.rps >= 0.3 && areas.rps / ceiling.rps >= 0.3;
    console.log(`target: authenticated reads ≥ 30% of the bare ceiling: ${ok ? 'met' : 'NOT met'}`);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const only = process.argv[2];
if (!only || only === 'platform') await platform();
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
