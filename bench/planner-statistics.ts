/**
 * The planner statistics refresh (db/maintenance.ts `refreshPlannerStatistics`, run by the server at
 * start and every hour) on a copy of the 1.000.000-person SQLite province: how long it takes and how
 * long the main thread's loop is held while it runs in the database worker, the first time (no
 * statistics yet) and again (they exist), next to the same statements run on the main thread in the
 * same run (the baseline: what the server did before).
 *
 * Run: `npm run build && npx tsx bench/planner-statistics.ts` (BENCH_DB_CACHE, default /tmp/perf-bench;
 * the cache is copied, never written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase, refreshPlannerStatistics } from '@ansinh/server';
import { fmt } from './lib/stats.js';

const source = `${process.env.BENCH_DB_CACHE ?? '/tmp/perf-bench'}-1000000.db`;
if (!fs.existsSync(source)) throw new Error(`${source} is missing: run bench/run.ts registry first to make it`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-stats-'));
const file = path.join(tmp, 'stats.db');
fs.copyFileSync(source, file);
const load = () => `load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`;
const database = openDatabase({ database: { kind: 'sqlite', path: file } });
try {
  const s = database.sqlite!;
  console.log('\n## Planner statistics refresh (SQLite, 1.000.000 persons)');
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // The loop's delay over 400 ms of nothing (the idle baseline), and around a refresh.
  const delayAround = async (f: () => Promise<unknown>) => {
    const h = monitorEventLoopDelay({ resolution: 1 });
    h.enable();
    await sleep(200);
    await f();
    await sleep(200);
    h.disable();
    return h.max / 1e6;
  };
  const idle = await delayAround(async () => undefined);
  // The server starts the worker at start, before it listens: warm it here too.
  const start = performance.now();
  await refreshPlannerStatistics(database);
  console.log(
    `the worker started and refreshed in ${fmt(performance.now() - start)} ms; idle loop max delay ${fmt(idle)} ms`,
  );
  for (const [label, fresh] of [
    ['statistics exist', false],
    ['no statistics yet', true],
  ] as const) {
    if (fresh) s.exec('drop table if exists sqlite_stat1');
    const t0 = performance.now();
    s.pragma('analysis_limit = 1000');
    s.exec('analyze sqlite_schema');
    s.pragma('optimize = 0x10002');
    const before = performance.now() - t0;
    if (fresh) s.exec('drop table if exists sqlite_stat1');
    let r = { ranIn: '', ms: 0 };
    const max = await delayAround(async () => (r = await refreshPlannerStatistics(database)));
    console.log(
      `${label}: on the main thread (baseline) held the loop ${fmt(before)} ms; in the ${r.ranIn} ${fmt(r.ms)} ms, the loop's max delay meanwhile ${fmt(max)} ms (idle ${fmt(idle)}); ${load()}`,
    );
  }
} finally {
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
