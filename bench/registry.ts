/**
 * Registry benchmarks on the full-scale province (1,000,000 persons), each printed with a
 * baseline measured in the same run:
 * - import of a 100,000-row XLSX end to end (dry run + commit), against raw prepared inserts of
 *   the same rows (target: < 10 s and ≤ 4x the raw inserts);
 * - name search p95 over the province, against a primary-key lookup (target p95 < 50 ms);
 * - what officers type at 32 connections (autocannon): broad and narrow unaccented names, given
 *   names, IDs and ID prefixes, household codes, against person by id (target p99 < 100 ms, none
 *   over 1 s);
 * - peak memory (VmHWM) of the server process, which runs the import and the searches (target < 500 MB).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import SQLite from 'better-sqlite3';
import { searchKey, vietnameseSortKey } from '@ansinh/domain';
import {
  createServices,
  loadConfig,
  migrateToLatest,
  openDatabase,
  seedDemo,
  generateHouseholds,
} from '@ansinh/server';
import { benchLogin, startBenchServer } from './lib/server.js';
import { cannon, cannonLine, slowestAlone } from './lib/cannon.js';
import { fmt } from './lib/stats.js';
import { benchPgUrl } from './lib/pg.js';
import { sqliteToPg } from './lib/sqlite-to-pg.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PERSONS = Number(process.env.BENCH_PERSONS ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const ms = (t0: number) => performance.now() - t0;

/** Current and peak resident memory of a process (Linux /proc: VmRSS, VmHWM). */
function serverRss(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

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

/** 100,000 new persons (another seed) with citizen IDs of a birth-registration code the seed does not use. */
async function buildImportFile(
  communes: { code: string; provinceCode: string; districtCode: string | null; name: string; type: string }[],
) {
  const rows: (string | number)[][] = [];
  let n = 0;
  let hh = 0;
  for (const h of generateHouseholds({
    seed: 4242,
    persons: IMPORT_ROWS,
    communes,
    dataDir: path.join(root, 'data'),
  })) {
    hh++;
    for (const p of h.members) {
      if (rows.length >= IMPORT_ROWS) break;
      const year = Number(p.birth_date.slice(0, 4));
      const centurySex = (year >= 2000 ? 2 : 0) + (p.gender === 'female' ? 1 : 0);
      const cid = `001${centurySex}${String(year % 100).padStart(2, '0')}${String(++n).padStart(6, '0')}`;
      const [y, m, d] = p.birth_date.split('-');
      const date = d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : y!;
      rows.push([
        `B${hh}`,
        p.full_name,
        p.gender === 'male' ? 'Nam' : 'Nữ',
        date,
        cid,
        p.ethnic_code ?? '',
        '',
        p.phone ?? '',
        h.commune_code,
        p.village ?? '',
      ]);
    }
    if (rows.length >= IMPORT_ROWS) break;
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhân khẩu');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return { buf: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}

export async function registryBench(): Promise<void> {
  if (process.env.BENCH_REGISTRY_ONLY === 'search') return registrySearchBench();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-reg-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    SQLITE_PATH: path.join(tmp, 'bench.db'),
    LOG_LEVEL: 'silent',
  });
  let database = openDatabase(config);
  try {
    await migrateToLatest(database);
    let services = createServices(database, config);
    let t0 = performance.now();
    // BENCH_DB_CACHE keeps a seeded province between runs (seeding a million people takes a while).
    const cache = process.env.BENCH_DB_CACHE ? `${process.env.BENCH_DB_CACHE}-${PERSONS}.db` : null;
    if (cache && fs.existsSync(cache)) {
      await database.close();
      fs.copyFileSync(cache, config.database.kind === 'sqlite' ? config.database.path : '');
      database = openDatabase(config);
      // A cache seeded by an older build lacks the newer migrations.
      await migrateToLatest(database);
      services = createServices(database, config);
    } else {
      await seedDemo(database, services, 'bench-password-123', { persons: PERSONS, dataDir: config.dataDir });
      if (cache) await database.sqlite!.backup(cache);
    }
    const seedMs = ms(t0);
    const count = await database.db
      .selectFrom('persons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(`\n## Registry (SQLite, ${fmt(Number(count.n))} persons)`);
    console.log(`seed of the province: ${fmt(seedMs / 1000)} s (${fmt(Number(count.n) / (seedMs / 1000))} persons/s)`);

    const communes = (
      await database.db.selectFrom('areas').select(['code', 'path', 'name', 'type']).where('level', '=', 3).execute()
    ).map((c) => {
      const parts = c.path.split('/').filter(Boolean);
      return {
        code: c.code,
        provinceCode: parts[0]!,
        districtCode: parts.length === 3 ? parts[1]! : null,
        name: c.name,
        type: c.type,
      };
    });
    const { buf, rows } = await buildImportFile(communes);

    // Baseline: raw prepared inserts of the same rows into the same table (same indexes), keys
    // computed beforehand, one transaction, rolled back afterwards.
    const sqlite = database.sqlite!;
    const cols = [
      'full_name',
      'name_key',
      'given_key',
      'sort_key',
      'gender',
      'birth_date',
      'birth_year',
      'citizen_id',
      'province_code',
      'district_code',
      'commune_code',
      'village',
      'created_at',
      'updated_at',
    ];
    const ins = sqlite.prepare(`insert into persons (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
    const now = new Date().toISOString();
    const prepared = rows.map((r) => {
      const key = searchKey(String(r[1]));
      return [
        r[1],
        key,
        key.split(' ').pop() ?? '',
        vietnameseSortKey(String(r[1])),
        r[2] === 'Nam' ? 'male' : 'female',
        '1950',
        1950,
        r[4],
        '70',
        null,
        r[8],
        r[9],
        now,
        now,
      ];
    });
    t0 = performance.now();
    sqlite.exec('begin');
    for (const p of prepared) ins.run(...p);
    const rawMs = ms(t0);
    sqlite.exec('rollback');

    await database.close();

    // The real server on that database: import over HTTP as a department officer, then search.
    const server = await startBenchServer({
      sqlitePath: config.database.kind === 'sqlite' ? config.database.path : '',
      port: Number(process.env.BENCH_PORT ?? 18180) + 10,
    });
    try {
      const { base } = server;
      const { cookie, csrfToken } = await benchLogin(base, 'tinh.chuyenvien', 'bench-password-123');
      const rssBefore = serverRss(server.pid).rss;
      const importOnce = async (mode: 'dry_run' | 'commit') => {
        const t = performance.now();
        const form = new FormData();
        form.append('file', new Blob([buf]), 'bench.xlsx');
        const res = await fetch(`${base}/api/v1/registry/imports?mode=${mode}`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken },
          body: form,
        });
        let job = (await res.json()) as { id: number; state: string; counts: unknown; message: string | null };
        while (job.state === 'running') {
          await new Promise((r) => setTimeout(r, 100));
          job = (await (
            await fetch(`${base}/api/v1/registry/imports/${job.id}`, { headers: { cookie } })
          ).json()) as typeof job;
        }
        return { ms: performance.now() - t, job };
      };
      const dry = await importOnce('dry_run');
      const commit = await importOnce('commit');
      console.log(
        `raw prepared inserts of the same ${fmt(rows.length)} rows into persons (baseline): ${fmt(rawMs)} ms`,
      );
      console.log(
        `import dry run of a ${fmt(buf.length / 1024 / 1024)} MB XLSX over HTTP: ${fmt(dry.ms)} ms (${fmt(dry.ms / rawMs)}x baseline); ${JSON.stringify(dry.job.counts)}`,
      );
      console.log(
        `import commit end to end: ${fmt(commit.ms)} ms (${fmt(commit.ms / rawMs)}x baseline); ${commit.job.state}: ${commit.job.message}; target < 10 s and ≤ 4x: ${commit.ms < 10_000 && commit.ms / rawMs <= 4 ? 'met' : 'NOT met'}`,
      );
      // BENCH_REGISTRY_IMPORT_ONLY=1: the import figures only (the searches take minutes).
      if (process.env.BENCH_REGISTRY_IMPORT_ONLY) return;

      const names = await (async () => {
        const db2 = openDatabase(config);
        try {
          return await db2.db
            .selectFrom('persons')
            .select(['full_name', 'id'])
            .where(
              'id',
              'in',
              Array.from({ length: 300 }, (_, i) => 1 + i * 3001),
            )
            .execute();
        } finally {
          await db2.close();
        }
      })();
      const timings: number[] = [];
      const pk: number[] = [];
      for (const n of names) {
        let t = performance.now();
        await (
          await fetch(`${base}/api/v1/persons?q=${encodeURIComponent(n.full_name.toLowerCase())}`, {
            headers: { cookie },
          })
        ).arrayBuffer();
        timings.push(performance.now() - t);
        t = performance.now();
        await (await fetch(`${base}/api/v1/persons/${n.id}`, { headers: { cookie } })).arrayBuffer();
        pk.push(performance.now() - t);
      }
      const p95 = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length * 0.95)] ?? 0;
      console.log(
        `name search p95 over HTTP (${names.length} names, province scope): ${fmt(p95(timings))} ms; person by id p95 (baseline): ${fmt(p95(pk))} ms (${fmt(p95(timings) / p95(pk))}x); target < 50 ms: ${p95(timings) < 50 ? 'met' : 'NOT met'}`,
      );
      await typedSearches(base, cookie, config.database.kind === 'sqlite' ? config.database.path : '', 'SQLite');
      const mem = serverRss(server.pid);
      console.log(
        `server memory: peak RSS ${fmt(mem.peak / 1024 / 1024)} MB (after start: ${fmt(rssBefore / 1024 / 1024)} MB); target < 500 MB: ${mem.peak < 500 * 1024 * 1024 ? 'met' : 'NOT met'}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The queries officers type: broad and narrow unaccented names, given names, IDs, ID prefixes, household codes. */
function typedQueries(sqlitePath: string): { typed: string[]; ids: number[] } {
  const sqlite = new SQLite(sqlitePath, { readonly: true });
  try {
    const sample = sqlite
      .prepare(
        `select p.id, p.full_name, p.citizen_id, h.code as household_code from persons p
         left join households h on h.id = p.household_id where p.id in (${Array.from({ length: 100 }, (_, i) => 7 + i * 9973).join(',')})`,
      )
      .all() as { id: number; full_name: string; citizen_id: string | null; household_code: string | null }[];
    const words = (n: string) => searchKey(n).split(' ');
    const typed = [
      'nguyen',
      'nguyen van',
      'nguyen thi',
      'tran',
      'le thi',
      'hoang',
      'pham van',
      'van',
      'thi',
      'tran thi h',
      'nguyen van a',
      'le van t',
      ...sample.flatMap((p) => {
        const w = words(p.full_name);
        return [
          w.slice(0, 2).join(' '),
          w[w.length - 1]!,
          w.join(' '),
          `${w.slice(0, -1).join(' ')} ${w[w.length - 1]!.slice(0, 1)}`,
          ...(p.citizen_id ? [p.citizen_id, p.citizen_id.slice(0, 6)] : []),
          ...(p.household_code ? [p.household_code] : []),
        ];
      }),
    ];
    return { typed, ids: sample.map((p) => p.id) };
  } finally {
    sqlite.close();
  }
}

/**
 * What officers type, many at once (32 connections, autocannon), against person by id in the same
 * run; the slowest queries of the mix are timed one by one afterwards (where the time goes).
 */
async function typedSearches(base: string, cookie: string, sqlitePath: string, label: string) {
  const { typed, ids } = typedQueries(sqlitePath);
  const paths = typed.map((t) => `/api/v1/persons?q=${encodeURIComponent(t)}&pageSize=20`);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  // Warm-up (caches, JIT), not counted.
  await cannon('warm-up', `${base}/api/v1/persons`, { seconds: 2, headers: { cookie }, paths });
  const byId = await cannon('person by id (baseline)', `${base}/api/v1/persons/1`, {
    seconds: 5,
    headers: { cookie },
    paths: ids.map((id) => `/api/v1/persons/${id}`),
  });
  const mix = await cannon(`typed searches (${paths.length} queries)`, `${base}/api/v1/persons`, {
    seconds,
    headers: { cookie },
    paths,
  });
  const broad = await cannon('q=nguyen+van alone', `${base}/api/v1/persons?q=nguyen+van`, {
    seconds: 5,
    headers: { cookie },
  });
  const page2 = await cannon('q=nguyen page 2..5', `${base}/api/v1/persons`, {
    seconds: 5,
    headers: { cookie },
    paths: [2, 3, 4, 5].map((p) => `/api/v1/persons?q=nguyen&pageSize=20&page=${p}`),
  });
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`\n### Typed person searches (${label}); load average ${load} on ${os.cpus().length} cores`);
  console.log(cannonLine(byId));
  for (const r of [mix, broad, page2])
    console.log(`${cannonLine(r)}  (p99 ${fmt(r.p99ms / byId.p99ms)}x baseline p99, rate ${fmt(r.rps / byId.rps)}x)`);
  console.log(
    `typed searches at 32 connections (${label}): target p99 < 100 ms and none over 1 s: ${mix.p99ms < 100 && mix.maxms < 1000 && mix.errors === 0 ? 'met' : 'NOT met'}`,
  );
  if (process.env.BENCH_SEARCH_SLOWEST)
    console.log(
      await slowestAlone((q) => `${base}/api/v1/persons?q=${encodeURIComponent(q)}&pageSize=20`, typed, { cookie }, 8),
    );
  return { byId, mix };
}

/**
 * `BENCH_REGISTRY_ONLY=search`: the typed searches alone on the cached province
 * (`BENCH_DB_CACHE`, migrated to latest in a copy), on SQLite, then on PostgreSQL: the same
 * province loaded with COPY into `bench_search_1m` (kept between runs; `BENCH_PG_RELOAD=1` reloads;
 * `BENCH_SEARCH_DB=sqlite|postgres` runs one).
 */
export async function registrySearchBench(): Promise<void> {
  const cache = process.env.BENCH_DB_CACHE ? `${process.env.BENCH_DB_CACHE}-${PERSONS}.db` : null;
  if (!cache || !fs.existsSync(cache)) throw new Error(`BENCH_REGISTRY_ONLY=search needs a cached province (${cache})`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-search-'));
  const file = path.join(tmp, 'bench.db');
  const port = Number(process.env.BENCH_PORT ?? 18180) + 20;
  const which = process.env.BENCH_SEARCH_DB ?? 'both';
  try {
    fs.copyFileSync(cache, file);
    const database = openDatabase(
      loadConfig({ ...process.env, DATABASE_URL: '', SQLITE_PATH: file, LOG_LEVEL: 'silent' }),
    );
    await migrateToLatest(database);
    database.sqlite!.exec('analyze');
    await database.close();
    console.log(`\n## Registry searches (${fmt(PERSONS)} persons)`);
    const run = async (label: string, env: Record<string, string>) => {
      const server = await startBenchServer({ sqlitePath: file, port, env });
      try {
        const { cookie } = await benchLogin(server.base, 'tinh.chuyenvien', 'bench-password-123');
        await typedSearches(server.base, cookie, file, label);
        await listSearches(server.base, cookie, file, label);
      } finally {
        await server.stop();
      }
    };
    if (which !== 'postgres') await run('SQLite', {});
    if (which !== 'sqlite') {
      const url = benchPgUrl(`bench_search_${PERSONS >= 1_000_000 ? `${PERSONS / 1_000_000}m` : PERSONS}`);
      const t0 = performance.now();
      const r = await sqliteToPg(file, url, { reload: process.env.BENCH_PG_RELOAD === '1', log: console.log });
      console.log(
        r.loaded
          ? `PostgreSQL loaded with COPY: ${fmt(r.persons)} persons in ${fmt((performance.now() - t0) / 1000)} s`
          : `PostgreSQL database kept from an earlier run (${fmt(r.persons)} persons; BENCH_PG_RELOAD=1 reloads)`,
      );
      await run('PostgreSQL', { DATABASE_URL: url });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The search box of a programme list (GET /api/v1/lists/:id/entries?q=): unaccented family and
 * full names, given names and citizen IDs of the list's own entries, 32 connections, against the
 * list itself (GET /api/v1/lists/:id) in the same run.
 */
async function listSearches(base: string, cookie: string, sqlitePath: string, label: string) {
  const sqlite = new SQLite(sqlitePath, { readonly: true });
  const entries = sqlite
    .prepare(
      `select e.list_id, e.full_name, e.citizen_id from list_entries e
       where e.list_id in (select id from program_lists where entries_count > 50 order by id limit 60) and e.id % 7 = 0`,
    )
    .all() as { list_id: number; full_name: string; citizen_id: string | null }[];
  sqlite.close();
  const lists = [...new Set(entries.map((e) => e.list_id))];
  const typed = entries.flatMap((e) => {
    const w = searchKey(e.full_name).split(' ');
    const at = (q: string) => `/api/v1/lists/${e.list_id}/entries?q=${encodeURIComponent(q)}&limit=20`;
    return [at(w[0]!), at(w.join(' ')), at(w[w.length - 1]!), ...(e.citizen_id ? [at(e.citizen_id)] : [])];
  });
  const headers = { cookie };
  await cannon('warm-up', `${base}/api/v1/lists`, { seconds: 2, headers, paths: typed });
  const byId = await cannon('list by id (baseline)', `${base}/api/v1/lists/1`, {
    seconds: 5,
    headers,
    paths: lists.map((id) => `/api/v1/lists/${id}`),
  });
  const mix = await cannon(
    `typed list searches (${typed.length} queries, ${lists.length} lists)`,
    `${base}/api/v1/lists`,
    {
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      headers,
      paths: typed,
    },
  );
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`\n### Typed list entry searches (${label}); load average ${load} on ${os.cpus().length} cores`);
  console.log(cannonLine(byId));
  console.log(
    `${cannonLine(mix)}  (p99 ${fmt(mix.p99ms / byId.p99ms)}x baseline p99, rate ${fmt(mix.rps / byId.rps)}x)`,
  );
  console.log(
    `typed list searches at 32 connections (${label}): target p99 < 100 ms and none over 1 s: ${mix.p99ms < 100 && mix.maxms < 1000 && mix.errors === 0 ? 'met' : 'NOT met'}`,
  );
}
