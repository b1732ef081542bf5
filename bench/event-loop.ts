/**
 * Event-loop lag of the server while heavy work runs together (issue 17, "Event loop"):
 * a registry import (dry run then commit) of an XLSX, an XLSX export of the province's persons
 * and a report rendered to DOCX, all at once, twice over, against the same server.
 *
 * Two views, each with its baseline measured in the same run on the idle server:
 * - inside: the server's own event-loop delay histogram (prom-client's, read from /metrics, which
 *   resets it at each read), p99 and max;
 * - outside: the latency of GET /healthz polled every 10 ms by this process, p99 and max — what a
 *   user's cheap request costs while the heavy ones run.
 * - the main thread's own share (bench/lib/loop-probe.mjs, loaded into the server): the same loop
 *   delay less the time the thread waited for a core, so that what the code holds shows apart
 *   from what an overloaded shared machine adds (both printed, with the load average); that own
 *   delay is split again into the part the thread spent on a core and the rest, when it was neither
 *   on a core nor waiting for one: a synchronous wait (V8 waiting for its garbage-collection helper
 *   threads, which wait for a core themselves; a lock) or, on a loaded virtual machine, its host not
 *   running it. The main thread's garbage-collection pauses are printed too.
 * Target: no stall over 50 ms (the max of the server's loop delay).
 *
 * Run: `npm run build && npx tsx bench/event-loop.ts` (BENCH_EVENT_LOOP_PERSONS, BENCH_EVENT_LOOP_ROWS);
 * with DATABASE_URL=postgres://… the same on PostgreSQL (a database `bench_loop_el` is made there).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo } from '@ansinh/server';
import { BENCH_PASSWORD } from './lib/seeded.js';
import { benchLogin, serverLag, startBenchServer, type BenchSession } from './lib/server.js';
import { benchPgBase, freshPg } from './lib/pg.js';
import { fmt } from './lib/stats.js';

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

const PERSONS = Number(process.env.BENCH_EVENT_LOOP_PERSONS ?? 20_000);
const ROWS = Number(process.env.BENCH_EVENT_LOOP_ROWS ?? 20_000);
const PORT = Number(process.env.BENCH_PORT ?? 18180) + 40;
const TARGET_MS = 50;
/** One piece alone (import, export or docx), to find which one stalls the loop. */
const ONLY = process.env.BENCH_EVENT_LOOP_ONLY ?? '';
const runs = (piece: string) => !ONLY || ONLY === piece;

const HEADERS = [
  'Mã hộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số CCCD',
  'Dân tộc',
  'Quan hệ với chủ hộ',
  'Điện thoại',
  'Mã xã',
  'Thôn/ấp/tổ',
];

/** New persons with citizen IDs of a registration code the demo seed does not use, four to a household. */
async function importFile(communes: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân khẩu');
  ws.addRow(HEADERS);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
  const given = ['Văn An', 'Thị Bình', 'Văn Cường', 'Thị Dung', 'Minh Em', 'Thu Giang'];
  for (let i = 0; i < ROWS; i++) {
    const year = 1950 + (i % 60);
    const female = i % 2 === 1;
    const centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    ws.addRow([
      `EL${Math.floor(i / 4)}`,
      `${family[i % family.length]} ${given[(i * 7) % given.length]}`,
      female ? 'Nữ' : 'Nam',
      `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${year}`,
      `002${centurySex}${String(year % 100).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`,
      '',
      '',
      '',
      communes[Math.floor(i / 4) % communes.length],
      'Ấp 1',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Poll /healthz every 10 ms until `until` resolves; answer the latencies (ms). */
async function probe(base: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const out: number[] = [];
  while (!done) {
    const t = performance.now();
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    out.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  return out;
}

/** The main thread's loop delay as the probe saw it since the last read: wall and own share (ms). */
async function probeLag(pid: number, file: string) {
  fs.rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200 && !fs.existsSync(file); i++) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 20));
  return JSON.parse(fs.readFileSync(file, 'utf8')) as {
    ticks: number;
    wall: { p99: number; max: number };
    own: { p99: number; max: number };
    wait: { p99: number; max: number };
    held: { p99: number; max: number };
    blocked: { p99: number; max: number };
    gc: { count: number; max: number; total: number };
    longest: { own: number; from: number; to: number }[];
  };
}

const loadavg = () =>
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`;

async function runImport(base: string, s: BenchSession, buf: Buffer, mode: 'dry_run' | 'commit') {
  const form = new FormData();
  form.append('file', new Blob([buf]), 'event-loop.xlsx');
  const res = await fetch(`${base}/api/v1/registry/imports?mode=${mode}`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    body: form,
  });
  if (!res.ok) throw new Error(`import ${mode}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  let job = (await res.json()) as { id: number; state: string; message: string | null };
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 100));
    job = (await (await s.call('GET', `/api/v1/registry/imports/${job.id}`)).json()) as typeof job;
  }
  return job;
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-loop-'));
  const sqlitePath = path.join(tmp, 'bench.db');
  const pgBase = benchPgBase();
  const pgUrl = pgBase ? (await freshPg(pgBase, 'bench_loop_el')).url : '';
  const config = loadConfig({ ...process.env, DATABASE_URL: pgUrl, SQLITE_PATH: sqlitePath, LOG_LEVEL: 'silent' });
  const probeFile = path.join(tmp, 'probe.json');
  process.env.BENCH_NODE_ARGS = [
    process.env.BENCH_NODE_ARGS ?? '',
    '--import',
    pathToFileURL(path.join(import.meta.dirname, 'lib/loop-probe.mjs')).href,
  ].join(' ');
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    await seedDemo(database, createServices(database, config), BENCH_PASSWORD, {
      persons: PERSONS,
      dataDir: config.dataDir,
    });
    const communes = (
      await database.db.selectFrom('areas').select('code').where('level', '=', 3).orderBy('code').execute()
    ).map((c) => c.code);
    await database.close();
    const buf = await importFile(communes);

    const server = await startBenchServer({
      sqlitePath,
      port: PORT,
      env: { BENCH_LOOP_PROBE_FILE: probeFile, ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) },
    });
    try {
      const { base } = server;
      const officer = await benchLogin(base, 'tinh.chuyenvien', BENCH_PASSWORD);
      const leader = await benchLogin(base, 'tinh.lanhdao', BENCH_PASSWORD);

      // Baseline: the idle server, polled for two seconds.
      await serverLag(base);
      await probeLag(server.pid, probeFile);
      const idleLoad = loadavg();
      const idleDone = new Promise((r) => setTimeout(r, 2000));
      const idle = await probe(base, idleDone);
      const idleLag = await serverLag(base);
      const idleOwn = await probeLag(server.pid, probeFile);

      // The heavy work, all at once, twice over.
      const t0 = performance.now();
      const sizes: string[] = [];
      const work = (async () => {
        for (let round = 0; round < 2; round++) {
          await Promise.all([
            runs('import') &&
              (async () => {
                const dry = await runImport(base, officer, buf, 'dry_run');
                if (dry.state !== 'done' && dry.state !== 'succeeded' && round === 0)
                  console.log(`  import dry run ended ${dry.state}: ${dry.message ?? ''}`);
                if (round === 0) {
                  const commit = await runImport(base, officer, buf, 'commit');
                  sizes.push(`import ${commit.state}`);
                }
              })(),
            runs('export') &&
              (async () => {
                const r = await s(officer, 'GET', '/api/v1/persons/export.xlsx');
                if (r < 1000) throw new Error('the export is suspiciously small');
                sizes.push(`export ${fmt(r)} bytes`);
              })(),
            runs('docx') &&
              (async () => {
                const report = (await (
                  await officer.call('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year: 2021 })
                ).json()) as { id: number };
                sizes.push(`docx ${fmt(await s(leader, 'GET', `/api/v1/reports/${report.id}/document.docx`))} bytes`);
              })(),
          ]);
        }
      })();
      const loaded = await probe(base, work);
      await work;
      const workMs = performance.now() - t0;
      const loadedLag = await serverLag(base);
      const loadedOwn = await probeLag(server.pid, probeFile);
      const workLoad = loadavg();

      const line = (label: string, xs: number[]) =>
        `${label}: p99 ${fmt(percentile(xs, 99))} ms, max ${fmt(Math.max(...xs))} ms (${fmt(xs.length)} probes)`;
      console.log(
        `\n## Event loop (${pgUrl ? 'PostgreSQL' : 'SQLite'}, ${fmt(PERSONS)} demo persons; ${ONLY || 'import'} of ${fmt(ROWS)} rows + export + DOCX, x2)`,
      );
      console.log(`${idleLoad} before; ${workLoad} after`);
      console.log(line('GET /healthz on the idle server (baseline)', idle));
      console.log(line(`GET /healthz while the heavy work runs (${fmt(workMs / 1000)} s)`, loaded));
      console.log(`  the work: ${sizes.join(', ')}`);
      console.log(
        `  ratio to baseline: p99 ${fmt(percentile(loaded, 99) / percentile(idle, 99))}x, max ${fmt(Math.max(...loaded) / Math.max(...idle))}x`,
      );
      console.log(`server loop delay idle (baseline): p99 ${fmt(idleLag.p99)} ms, max ${fmt(idleLag.max)} ms`);
      console.log(
        `server loop delay under the heavy work: p99 ${fmt(loadedLag.p99)} ms, max ${fmt(loadedLag.max)} ms; target max ≤ ${TARGET_MS} ms: ${loadedLag.max <= TARGET_MS ? 'met' : 'NOT met'}`,
      );
      const own = (label: string, x: Awaited<ReturnType<typeof probeLag>>) =>
        `${label}: wall p99 ${fmt(x.wall.p99)} ms, max ${fmt(x.wall.max)} ms; own (less waiting for a core) p99 ${fmt(x.own.p99)} ms, max ${fmt(x.own.max)} ms (${fmt(x.ticks)} ticks)`;
      console.log(own('main thread probe idle (baseline)', idleOwn));
      console.log(own('main thread probe under the heavy work', loadedOwn));
      console.log(
        `  main-thread garbage collection under the heavy work: ${fmt(loadedOwn.gc.count)} pauses, max ${fmt(loadedOwn.gc.max)} ms, total ${fmt(loadedOwn.gc.total)} ms (idle: max ${fmt(idleOwn.gc.max)} ms)`,
      );
      console.log(
        `  of the own delay, on a core: p99 ${fmt(loadedOwn.held.p99)} ms, max ${fmt(loadedOwn.held.max)} ms (idle ${fmt(idleOwn.held.max)}); neither on a core nor waiting for one (a synchronous wait: V8 waiting for its garbage-collection helper threads, a lock, or the VM not run by its host): max ${fmt(loadedOwn.blocked.max)} ms (idle ${fmt(idleOwn.blocked.max)})`,
      );
      if (process.env.BENCH_EVENT_LOOP_WINDOWS)
        fs.writeFileSync(process.env.BENCH_EVENT_LOOP_WINDOWS, JSON.stringify(loadedOwn.longest));
      console.log(
        `  own max under the heavy work: ${fmt(loadedOwn.own.max)} ms (${fmt(loadedOwn.own.max / Math.max(1, idleOwn.own.max))}x idle); target ≤ ${TARGET_MS} ms: ${loadedOwn.own.max <= TARGET_MS ? 'met' : 'NOT met'}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** A GET whose body is read to the end; answers its size in bytes. */
async function s(session: BenchSession, method: string, url: string): Promise<number> {
  const r = await session.call(method, url);
  return (await r.arrayBuffer()).byteLength;
}

await main();
