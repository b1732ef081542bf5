/**
 * `npm run bench`: each figure is printed with a ratio against a baseline measured in the same
 * run (the machine is shared and noisy), never as an absolute pass/fail timing.
 *
 * Platform: requests/s and p99 of GET /api/v1/auth/me and GET /api/v1/areas?parent=70 with a
 * signed-in session, against a bare Fastify route (the ceiling). Target: ≥ 30% of the ceiling.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, type LoadResult } from './lib/load.js';
import { registryBench } from './registry.js';
import { programsBench } from './programs.js';
import { dossiersBench } from './dossiers.js';
import { reportsBench } from './reports.js';
import { petitionsBench } from './petitions.js';
import { employmentBench } from './employment.js';
import { povertyBench } from './poverty.js';
import { meritBench } from './merit.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PASSWORD = 'bench-password-123';

async function waitFor(url: string, ms = 30_000): Promise<void> {
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

function line(name: string, r: LoadResult, ceiling?: LoadResult): string {
  const ratio = ceiling ? `  ${((r.rps / ceiling.rps) * 100).toFixed(1)}% of ceiling` : '';
  return `${name.padEnd(38)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50ms.toFixed(2)} ms  p99 ${r.p99ms.toFixed(2)} ms  errors ${r.errors}${ratio}`;
}

async function platform(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-'));
  const children: ChildProcess[] = [];
  try {
    const bare = fork(path.join(here, 'bare-server.mjs'), { env: { ...process.env, PORT: '18081' }, stdio: 'inherit' });
    children.push(bare);
    const server = spawn(process.execPath, [path.join(root, 'packages/server/dist/cli/main.js'), 'serve'], {
      env: {
        ...process.env,
        PORT: '18080',
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
    await waitFor('http://127.0.0.1:18081/bare');
    await waitFor('http://127.0.0.1:18080/healthz');
    const res = await fetch('http://127.0.0.1:18080/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const headers = { cookie };
    // Warm-up so JIT and caches are in the same state for every target.
    await load('http://127.0.0.1:18081/bare', { seconds: 1 });
    await load('http://127.0.0.1:18080/api/v1/auth/me', { seconds: 1, headers });
    const ceiling = await load('http://127.0.0.1:18081/bare', { seconds: SECONDS });
    const me = await load('http://127.0.0.1:18080/api/v1/auth/me', { seconds: SECONDS, headers });
    const areas = await load('http://127.0.0.1:18080/api/v1/areas?parent=70', { seconds: SECONDS, headers });
    console.log('\n## Platform (loopback, 32 keep-alive clients, %d s each)', SECONDS);
    console.log(line('bare Fastify route (ceiling)', ceiling));
    console.log(line('GET /api/v1/auth/me', me, ceiling));
    console.log(line('GET /api/v1/areas?parent=70', areas, ceiling));
    const ok = me.rps / ceiling.rps >= 0.3 && areas.rps / ceiling.rps >= 0.3;
    console.log(`target ≥ 30% of ceiling: ${ok ? 'met' : 'NOT met'}`);
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
