/**
 * National scale on PostgreSQL (issue 17; docs/operations/national.md): `BENCH_PERSONS` persons
 * (default 10,000,000) over `BENCH_PROVINCES` provinces (default 10, about a million each), loaded
 * with COPY into one database `bench_national_<N>` (`_p<provinces>` added when not ten; kept
 * between runs; `BENCH_PG_RELOAD=1` drops it). Run: `npm run build && npx tsx bench/run.ts national`
 * with `BENCH_DATABASE_URL` or `DATABASE_URL` pointing at a PostgreSQL server whose role may create
 * databases.
 *
 * Each figure is printed with a baseline measured in the same run, and the machine's load:
 * - seed: persons/s of the whole load (COPY, then indexes and constraints), against the generator
 *   alone on a sample of the same rows (what the load would cost with an infinitely fast database);
 * - person search at 32 connections on one province (the typed mix of bench/registry.ts), against
 *   person by id (target p99 < 100 ms, none over 1 s);
 * - the annual report of one province (every figure for the province and each district, the XLSX
 *   annex), against one figure of that province (target < 3 s);
 * - the national roll-up of one indicator: each province's server asked for its figure, all at
 *   once, and summed (one database per province), and the same as one GROUP BY over the shared
 *   database (one partitioned database), against a bare count(*) of the same rows (target < 10 s);
 * - the server's peak memory (VmHWM) against its memory after start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { searchKey } from '@ansinh/domain';
import {
  createServices,
  generateHouseholds,
  loadConfig,
  migrateToLatest,
  openDatabase,
  seedDemo,
  systemActor,
} from '@ansinh/server';
import { benchLogin, startBenchServer } from './lib/server.js';
import { cannon, cannonLine } from './lib/cannon.js';
import { fmt } from './lib/stats.js';
import { copySeed, type SeedProvince } from './lib/pg-copy-seed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PERSONS = Number(process.env.BENCH_PERSONS ?? 10_000_000);
const PROVINCES = Number(process.env.BENCH_PROVINCES ?? 10);
const PASSWORD = 'bench-password-123';
const DEMO = '70';
/** Real province codes of the three-level list (data/areas/vn-2025-03-01.csv), the demo's first. */
const CODES = [DEMO, '01', '79', '31', '48', '92', '38', '40', '74', '75', '26', '27', '33', '36', '46', '56'];
const LIST = 'vn-2025-03-01';
const INDICATOR = 'registry.poor_households';

const ms = (t0: number) => performance.now() - t0;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

function serverMem(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Create (or with BENCH_PG_RELOAD=1 recreate) the bench database; true when it was created. */
async function ensureDatabase(base: string, name: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    if (process.env.BENCH_PG_RELOAD === '1') await c.query(`drop database if exists ${name} with (force)`);
    const exists = (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
    if (!exists) await c.query(`create database ${name}`);
    return !exists;
  } finally {
    await c.end();
  }
}

interface SeedInfo {
  persons: number;
  households: number;
  statuses: number;
  seedMs: number;
  copyMs: number;
  indexMs: number;
  genPersonsPerS: number;
  provinces: string[];
  at: string;
}

/** The generator alone on a sample of the demo province (the seed's baseline). */
function generatorRate(communes: SeedProvince['communes']): number {
  const n = Math.min(200_000, Math.max(20_000, Math.floor(PERSONS / PROVINCES / 5)));
  const t0 = performance.now();
  let persons = 0;
  for (const h of generateHouseholds({ seed: 70, persons: n, communes, dataDir: path.join(root, 'data') }))
    persons += h.members.length;
  return persons / (ms(t0) / 1000);
}

async function seedNational(url: string): Promise<SeedInfo> {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' });
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    const services = createServices(database, config);
    const t0 = performance.now();
    await seedDemo(database, services, PASSWORD, { persons: 0, dataDir: config.dataDir });
    const actor = systemActor('seed');
    const codes = CODES.slice(0, PROVINCES);
    if (codes.length < PROVINCES) throw new Error(`at most ${CODES.length} provinces`);
    for (const code of codes.slice(1)) {
      await services.areas.importShipped(actor, LIST, code);
      const province = await database.db
        .selectFrom('areas')
        .select(['code', 'name'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      await services.agencies.create(
        actor,
        {
          code: 'SLDTBXH',
          name: `Sở Lao động - Thương binh và Xã hội ${province.name}`,
          headerName: 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI',
          parentName: `UBND ${province.name.toUpperCase()}`,
          symbol: 'SLĐTBXH',
          place: province.name.replace(/^(Tỉnh|Thành phố) /, ''),
          signerAuthority: 'KT. GIÁM ĐỐC',
          signerTitle: 'PHÓ GIÁM ĐỐC',
          signerName: 'Nguyễn Văn Ký',
          recipients: ['UBND tỉnh (để b/c)', 'Lưu: VT'],
          fields: ['bảo trợ xã hội', 'giảm nghèo'],
        },
        { provinceCode: code },
      );
      // The province's leader, who asks for the province's figure in the national roll-up.
      await services.users.create(
        actor,
        {
          username: `lanhdao.${code}`,
          password: PASSWORD,
          fullName: `Lãnh đạo ${province.name}`,
          role: 'province_leader',
          areaCode: code,
          agencyCode: 'SLDTBXH',
        },
        { isDemo: true, mustChangePassword: false },
      );
    }
    const areas = await database.db
      .selectFrom('areas')
      .select(['code', 'path', 'name', 'type'])
      .where('level', '=', 3)
      .execute();
    const communesOf = (code: string) =>
      areas
        .filter((a) => a.path.startsWith(`/${code}/`))
        .map((c) => {
          const parts = c.path.split('/').filter(Boolean);
          return {
            code: c.code,
            provinceCode: parts[0]!,
            districtCode: parts.length === 3 ? parts[1]! : null,
            name: c.name,
            type: c.type,
          };
        });
    const genPersonsPerS = generatorRate(communesOf(DEMO));
    const per = Math.floor(PERSONS / PROVINCES);
    const provinces: SeedProvince[] = codes.map((code, i) => ({
      code,
      seed: 70 + i * 1000,
      persons: i === 0 ? PERSONS - per * (PROVINCES - 1) : per,
      communes: communesOf(code),
    }));
    await database.close();
    const r = await copySeed(url, provinces, config.dataDir, (m) => console.log(`  ${m}`));
    const info: SeedInfo = {
      persons: r.persons,
      households: r.households,
      statuses: r.statuses,
      copyMs: r.copyMs,
      indexMs: r.indexMs,
      seedMs: ms(t0),
      genPersonsPerS,
      provinces: codes,
      at: new Date().toISOString(),
    };
    const db2 = openDatabase(config);
    await db2.db
      .insertInto('settings')
      .values({ key: 'bench.national', value_json: JSON.stringify(info), updated_at: info.at })
      .execute();
    await db2.close();
    return info;
  } finally {
    await database.close().catch(() => undefined);
  }
}

export async function nationalBench(): Promise<void> {
  const base = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (!base) {
    console.log('\n## National (PostgreSQL): skipped, set BENCH_DATABASE_URL or DATABASE_URL');
    return;
  }
  // One database per size (and per number of provinces when not the default ten).
  const name = `bench_national_${PERSONS}${PROVINCES === 10 ? '' : `_p${PROVINCES}`}`;
  const url = databaseUrl(base, name);
  const created = await ensureDatabase(base, name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  try {
    let info: SeedInfo | null = null;
    if (!created) {
      const r = await pool.query(`select value_json from settings where key = 'bench.national'`).catch(() => null);
      info = r?.rows[0] ? (JSON.parse(r.rows[0].value_json as string) as SeedInfo) : null;
      if (!info) throw new Error(`${name} exists but was not seeded to the end: run again with BENCH_PG_RELOAD=1`);
    }
    const fresh = !info;
    if (info) {
      // A kept database gets the migrations added since it was seeded (indexes build here, not at start).
      const t = performance.now();
      const database = openDatabase(loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' }));
      await migrateToLatest(database);
      await database.close();
      console.log(`migrations on the kept database ${name}: ${fmt(ms(t) / 1000)} s`);
    }
    if (!info) {
      console.log(`seeding ${fmt(PERSONS)} persons over ${PROVINCES} provinces into ${name} (load ${load()})`);
      info = await seedNational(url);
    }
    const q = async (text: string, params: unknown[] = []) => {
      const t = performance.now();
      const r = await pool.query(text, params);
      return { ms: ms(t), rows: r.rows };
    };
    const size = await q(`select pg_size_pretty(pg_database_size(current_database())) as s`);

    console.log(
      `\n## National (PostgreSQL, ${fmt(info.persons)} persons, ${fmt(info.households)} households, ${fmt(info.statuses)} statuses over ${info.provinces.length} provinces; database ${size.rows[0].s})`,
    );
    const seedRate = info.persons / (info.seedMs / 1000);
    console.log(
      `seed${fresh ? '' : ` (from the run of ${info.at})`}: ${fmt(info.seedMs / 1000)} s in all = ${fmt(seedRate)} persons/s, ${fmt((info.persons + info.households + info.statuses) / (info.copyMs / 1000))} rows/s during COPY (${fmt(info.copyMs / 1000)} s), indexes and constraints ${fmt(info.indexMs / 1000)} s; generator alone (baseline) ${fmt(info.genPersonsPerS)} persons/s: ${fmt(seedRate / info.genPersonsPerS)}x`,
    );

    // The national roll-up as one SQL statement over the shared database, and its baseline.
    const year = Number(new Date().toISOString().slice(0, 4));
    const d = `${year}-12-31`;
    const bare = await q(`select count(*) as n from statuses where kind = 'poverty' and category = 'poor'`);
    const grouped = await q(
      `select province_code, count(distinct household_id) as n from statuses
        where kind = 'poverty' and category = 'poor' and valid_from <= $1
          and (valid_to is null or valid_to >= $1) and decision_date <= $1
        group by province_code order by province_code`,
      [d],
    );
    const sqlTotal = grouped.rows.reduce((s, r) => s + Number(r.n), 0);
    const personsCount = await q(`select count(*) as n from persons`);
    await pool.end();

    const server = await startBenchServer({
      sqlitePath: '',
      port: Number(process.env.BENCH_PORT ?? 19200) + 10,
      env: { DATABASE_URL: url },
    });
    try {
      const web = server.base;
      const memStart = serverMem(server.pid).rss;
      const officer = await benchLogin(web, 'tinh.chuyenvien', PASSWORD);
      const leader = await benchLogin(web, 'tinh.lanhdao', PASSWORD);
      const get = async (s: { cookie: string }, url: string) => {
        const t = performance.now();
        const r = await fetch(`${web}${url}`, { headers: { cookie: s.cookie } });
        const body = Buffer.from(await r.arrayBuffer());
        if (!r.ok) throw new Error(`${url}: ${r.status} ${body.toString().slice(0, 300)}`);
        return { ms: ms(t), body };
      };
      const figureUrl = (area: string) =>
        `/api/v1/reports/figure?code=${INDICATOR}&areaCode=${area}&from=${year}-01-01&to=${d}&asOf=${d}&pageSize=1`;

      // One province's annual report (the reports bench's way): every figure, province and districts.
      await get(leader, figureUrl(DEMO)); // warm-up
      const one = await get(leader, figureUrl(DEMO));
      const reportId = (
        (await (await officer.call('POST', '/api/v1/reports', { templateCode: 'dan-van-nam', year })).json()) as {
          id: number;
        }
      ).id;
      const annex = await get(leader, `/api/v1/reports/${reportId}/annex.xlsx`);

      // The national roll-up, one database per province: each province's leader asks its server.
      const leaders = await Promise.all(
        info.provinces.map(async (code) => ({
          code,
          s: code === DEMO ? leader : await benchLogin(web, `lanhdao.${code}`, PASSWORD),
        })),
      );
      const t = performance.now();
      const parts = await Promise.all(
        leaders.map(async ({ code, s }) => {
          const r = await get(s, figureUrl(code));
          return { code, value: (JSON.parse(r.body.toString()) as { value: number }).value, ms: r.ms };
        }),
      );
      const rollupMs = ms(t);
      const rollupTotal = parts.reduce((s, p) => s + p.value, 0);

      // Search at 32 connections on the demo province: the typed mix of bench/registry.ts.
      const sampleDb = new pg.Client({ connectionString: url });
      await sampleDb.connect();
      const { rows: sample } = await sampleDb.query<{
        id: string;
        full_name: string;
        citizen_id: string | null;
        household_code: string | null;
      }>(
        `select p.id, p.full_name, p.citizen_id, h.code as household_code from persons p
           left join households h on h.id = p.household_id
          where p.province_code = $1 and p.id % 9973 = 7 limit 100`,
        [DEMO],
      );
      await sampleDb.end();
      const words = (n: string) => searchKey(n).split(' ');
      const typed = [
        'nguyen',
        'nguyen van',
        'nguyen thi',
        'tran',
        'le thi',
        'hoang',
        'pham van',
        ...sample.flatMap((p) => {
          const w = words(p.full_name);
          return [
            w.slice(0, 2).join(' '),
            w[w.length - 1]!,
            w.join(' '),
            ...(p.citizen_id ? [p.citizen_id, p.citizen_id.slice(0, 6)] : []),
            ...(p.household_code ? [p.household_code] : []),
          ];
        }),
      ];
      const paths = typed.map((x) => `/api/v1/persons?q=${encodeURIComponent(x)}&pageSize=20`);
      const headers = { cookie: officer.cookie };
      const byId = await cannon('person by id (baseline)', `${web}/api/v1/persons/1`, {
        seconds: 5,
        headers,
        paths: sample.map((p) => `/api/v1/persons/${p.id}`),
      });
      const mix = await cannon(`typed searches (${paths.length} queries)`, `${web}/api/v1/persons`, {
        seconds: 10,
        headers,
        paths,
      });
      const mem = serverMem(server.pid);

      const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
      console.log(`load average: ${load()} on ${os.cpus().length} cores`);
      console.log(`bare count(*) of all persons: ${fmt(personsCount.ms)} ms (${fmt(Number(personsCount.rows[0].n))})`);
      console.log(cannonLine(byId));
      console.log(
        `${cannonLine(mix)}  (${fmt(mix.rps / byId.rps)}x baseline rate, p99 ${fmt(mix.p99ms / byId.p99ms)}x)`,
      );
      console.log(
        `search on province ${DEMO} at 32 connections: target p99 < 100 ms and none over 1 s: ${verdict(mix.p99ms < 100 && mix.maxms < 1000 && mix.errors === 0)}`,
      );
      console.log(`one figure of province ${DEMO} (${INDICATOR}, baseline): ${fmt(one.ms)} ms`);
      console.log(
        `annual report of province ${DEMO}, every figure for the province and each district (XLSX annex, ${fmt(annex.body.length / 1024)} KB): ${fmt(annex.ms)} ms (${fmt(annex.ms / one.ms)}x baseline); target < 3 s: ${verdict(annex.ms < 3000)}`,
      );
      console.log(
        `bare count(*) of the poor-household statuses, all provinces (baseline): ${fmt(bare.ms)} ms (${fmt(Number(bare.rows[0].n))} rows)`,
      );
      console.log(
        `national roll-up of ${INDICATOR}, ${parts.length} provinces asked at once over HTTP and summed: ${fmt(rollupMs)} ms (${fmt(rollupMs / bare.ms)}x baseline; slowest province ${fmt(Math.max(...parts.map((p) => p.ms)))} ms) = ${fmt(rollupTotal)}; target < 10 s: ${verdict(rollupMs < 10_000)}`,
      );
      console.log(
        `national roll-up as one GROUP BY province_code over the shared database: ${fmt(grouped.ms)} ms (${fmt(grouped.ms / bare.ms)}x baseline) = ${fmt(sqlTotal)}${sqlTotal === rollupTotal ? ' (same total)' : ' (DIFFERENT total)'}; target < 10 s: ${verdict(grouped.ms < 10_000)}`,
      );
      console.log(
        `server memory: peak RSS (VmHWM) ${fmt(mem.peak / 1024 / 1024)} MB (after start, baseline: ${fmt(memStart / 1024 / 1024)} MB, ${fmt(mem.peak / memStart)}x)`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await pool.end().catch(() => undefined);
  }
}
