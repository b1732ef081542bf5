/**
 * Dossier benchmarks on a year of 50,000 dossiers (BENCH_DOSSIERS) in the demo province, written
 * straight into SQLite, then measured through the real server over HTTP. Each figure is printed
 * with a baseline measured in the same run:
 * - statistics of the province for a year (GET /api/v1/dossiers/stats), against a plain
 *   `select count(*) from dossiers` over the same table (target < 1 s);
 * - the officers' "due soon" list p95 (GET /api/v1/dossiers?mine=1&due=soon) for district and
 *   commune officers, against GET /api/v1/auth/me p95 (same session, HTTP and auth cost)
 *   (target p95 < 50 ms).
 */
import fs from 'node:fs';
import {
  agencyCode,
  defaultCalendar as cal,
  clockStart,
  effectivePath,
  formatDossierCode,
  lastWorkingDay,
  planSteps,
  searchKey,
  timeliness,
  todayInVietnam,
  type LevelStep,
} from '@ansinh/domain';
import os from 'node:os';
import SQLite from 'better-sqlite3';
import { BENCH_PASSWORD, openSeededBench } from './lib/seeded.js';
import { cannon, cannonLine, slowestAlone } from './lib/cannon.js';
import { sqliteToPg } from './lib/sqlite-to-pg.js';
import { startBenchServer } from './lib/server.js';
import { benchPgUrl } from './lib/pg.js';
import { fmt, p95, median, rng } from './lib/stats.js';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 50_000);
const PASSWORD = BENCH_PASSWORD;

export async function dossiersBench(): Promise<void> {
  const { tmp, config, database } = await openSeededBench('dos');
  try {
    const communes = (
      await database.db
        .selectFrom('areas')
        .select(['code', 'path'])
        .where('level', '=', 3)
        .where('path', 'like', '/70/%')
        .execute()
    ).map((c) => {
      const p = c.path.split('/').filter(Boolean);
      return { province: p[0]!, district: p.length === 3 ? p[1]! : null, commune: c.code };
    });
    const procedures = (await database.db.selectFrom('procedures').select(['id', 'path_json']).execute()).map((p) => ({
      id: p.id,
      path: JSON.parse(p.path_json) as LevelStep[],
    }));

    // A year of dossiers ending today: older ones settled (most early or on time), recent ones pending.
    const t0 = performance.now();
    const sqlite = database.sqlite!;
    const cols = [
      'code',
      'agency_code',
      'procedure_id',
      'applicant_name',
      'applicant_name_key',
      'applicant_phone',
      'applicant_address',
      'channel',
      'delivery',
      'assisted_note',
      'documents_json',
      'note',
      'state',
      'current_seq',
      'current_level',
      'current_area_code',
      'level_due_date',
      'received_at',
      'received_date',
      'received_by',
      'receiving_area_code',
      'start_date',
      'due_date',
      'appointment_date',
      'apologies',
      'settled_date',
      'timeliness',
      'late_level',
      'closed_date',
      'province_code',
      'district_code',
      'commune_code',
      'created_at',
      'updated_at',
    ];
    const insD = sqlite.prepare(`insert into dossiers (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`);
    const insS = sqlite.prepare(
      'insert into dossier_steps (dossier_id, seq, level, area_code, days, started_at, start_date, due_date, finished_at, finished_date, paused_days, timeliness) values (?,?,?,?,?,?,?,?,?,?,0,?)',
    );
    const random = rng(7);
    const now = Date.now();
    const today = todayInVietnam();
    const seqs = new Map<string, number>();
    const channels = ['counter', 'counter', 'online', 'online', 'post', 'assisted'];
    const applicant = applicantNames(random);
    sqlite.exec('begin');
    for (let i = 0; i < DOSSIERS; i++) {
      const a = communes[Math.floor(random() * communes.length)]!;
      const p = procedures[Math.floor(random() * procedures.length)]!;
      const receivedAt = new Date(
        now - 365 * 86_400_000 + Math.floor((365 * 86_400_000 * i) / DOSSIERS) + Math.floor(random() * 8 * 3_600_000),
      ).toISOString();
      const start = clockStart(cal, receivedAt);
      const path_ = effectivePath(p.path, a.district !== null);
      const plan = planSteps(cal, start, path_);
      const receivedDate = receivedAt.slice(0, 10);
      const agency = agencyCode({
        provinceCode: a.province,
        districtCode: a.district,
        communeCode: a.commune,
        level: 3,
      });
      const key = `${agency}|${receivedDate}`;
      const seq = (seqs.get(key) ?? 0) + 1;
      seqs.set(key, seq);
      const areaOf = (l: string) => (l === 'commune' ? a.commune : l === 'district' ? a.district! : a.province);
      // Each level finishes at its planned due date give or take a few working days.
      let cursor = start;
      const steps: { level: string; start: string; due: string; fin: string | null }[] = [];
      for (const s of path_) {
        const due = lastWorkingDay(cal, cursor, s.days);
        const slip = Math.floor(random() * 10) - 7;
        const fin = lastWorkingDay(cal, cursor, Math.max(1, s.days + slip));
        steps.push({ level: s.level, start: cursor, due, fin: fin <= today ? fin : null });
        if (fin > today) break;
        cursor = lastWorkingDay(cal, fin, 2);
      }
      const open = steps.some((s) => s.fin === null) || steps.length < path_.length;
      const cur = steps[steps.length - 1]!;
      const settled = open ? null : cur.fin;
      const tl = settled ? timeliness(settled, plan.due) : null;
      const lateLevel = tl === 'late' ? (steps.find((s) => s.fin! > s.due)?.level ?? cur.level) : null;
      const info = insD.run(
        formatDossierCode(agency, receivedDate, seq),
        agency,
        p.id,
        applicant[i % applicant.length]!,
        searchKey(applicant[i % applicant.length]!),
        '0912345678',
        '',
        channels[i % channels.length],
        'counter',
        '',
        '[]',
        '',
        open ? 'processing' : 'returned',
        open ? steps.length : null,
        open ? cur.level : null,
        open ? areaOf(cur.level) : null,
        open ? cur.due : null,
        receivedAt,
        receivedDate,
        'bench',
        a.commune,
        start,
        plan.due,
        plan.due,
        0,
        settled,
        tl,
        lateLevel,
        settled,
        a.province,
        a.district,
        a.commune,
        receivedAt,
        receivedAt,
      );
      const id = Number(info.lastInsertRowid);
      steps.forEach((s, k) =>
        insS.run(
          id,
          k + 1,
          s.level,
          areaOf(s.level),
          path_[k]!.days,
          receivedAt,
          s.start,
          s.due,
          s.fin ? receivedAt : null,
          s.fin,
          s.fin ? timeliness(s.fin, s.due) : null,
        ),
      );
    }
    sqlite.exec('commit');
    sqlite.exec('analyze');
    const genMs = performance.now() - t0;
    const pending = sqlite.prepare("select count(*) as n from dossiers where state = 'processing'").get() as {
      n: bigint | number;
    };
    console.log(`\n## Dossiers (SQLite, ${fmt(DOSSIERS)} dossiers over a year, ${fmt(Number(pending.n))} pending)`);
    console.log(`generation: ${fmt(genMs)} ms`);

    // Baseline: a plain count over the same table, in process.
    const countTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      sqlite.prepare("select count(*) from dossiers where province_code = '70'").get();
      countTimes.push(performance.now() - t);
    }
    await database.close();

    const file = config.database.kind === 'sqlite' ? config.database.path : '';
    const server = await startBenchServer({
      sqlitePath: file,
      port: Number(process.env.BENCH_PORT ?? 18180) + 110,
      env: { ANSINH_NOTIFY_CHANNEL: 'none' },
    });
    try {
      const { base } = server;
      const session = async (username: string) => {
        const r = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        if (!r.ok) throw new Error(`login ${username}: ${r.status} ${(await r.text()).slice(0, 200)}`);
        return (r.headers.get('set-cookie') ?? '').split(';')[0]!;
      };
      const timed = async (url: string, cookie: string) => {
        const t = performance.now();
        const r = await fetch(url, { headers: { cookie } });
        const body = await r.text();
        if (!r.ok) throw new Error(`${url}: ${r.status} ${body.slice(0, 200)}`);
        return { ms: performance.now() - t, body };
      };
      const leader = await session('tinh.lanhdao');
      const year = { from: new Date(now - 365 * 86_400_000).toISOString().slice(0, 10), to: today };
      const statsTimes: number[] = [];
      let statsBody = '';
      for (let i = 0; i < 5; i++) {
        const r = await timed(`${base}/api/v1/dossiers/stats?from=${year.from}&to=${year.to}`, leader);
        statsTimes.push(r.ms);
        statsBody = r.body;
      }
      const s = JSON.parse(statsBody) as {
        received: { total: number };
        settled: { early: number; onTime: number; late: number };
        pending: { total: number; overdue: number };
      };
      const st = median(statsTimes);
      const base0 = median(countTimes);
      console.log(`select count(*) over the province's dossiers (baseline, in process): ${fmt(base0)} ms`);
      console.log(
        `province statistics for a year over HTTP: median ${fmt(st)} ms (${fmt(st / Math.max(base0, 0.001))}x baseline); received ${fmt(s.received.total)}, early ${fmt(s.settled.early)}, on time ${fmt(s.settled.onTime)}, late ${fmt(s.settled.late)}, pending ${fmt(s.pending.total)} (${fmt(s.pending.overdue)} overdue); target < 1 s: ${st < 1000 ? 'met' : 'NOT met'}`,
      );

      const users = [...new Set(communes.map((c) => c.district!).filter(Boolean))]
        .map((d) => `huyen.${d}`)
        .concat(communes.slice(0, 30).map((c) => `xa.${c.commune}`));
      // One sign-in at a time (password hashing is deliberately slow).
      const cookies: string[] = [];
      for (const u of users) cookies.push(await session(u));
      const due: number[] = [];
      const me: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const cookie of cookies) {
          due.push((await timed(`${base}/api/v1/dossiers?mine=1&due=soon&pageSize=50`, cookie)).ms);
          me.push((await timed(`${base}/api/v1/auth/me`, cookie)).ms);
        }
      }
      console.log(
        `"due soon" list p95 over HTTP (${users.length} district and commune officers, ${due.length} requests): ${fmt(p95(due))} ms; GET /auth/me p95 (baseline): ${fmt(p95(me))} ms (${fmt(p95(due) / p95(me))}x); target < 50 ms: ${p95(due) < 50 ? 'met' : 'NOT met'}`,
      );
      await dossierSearches(base, await session('tinh.chuyenvien'), file, 'SQLite');
    } finally {
      await server.stop();
    }
    if (['both', 'postgres'].includes(process.env.BENCH_SEARCH_DB ?? 'sqlite')) await dossierSearchesOnPg(file);
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Applicants' names as officers meet them: common family names far more often than others. */
function applicantNames(random: () => number): string[] {
  const family = [
    ...Array<string>(38).fill('Nguyễn'),
    ...Array<string>(11).fill('Trần'),
    ...Array<string>(10).fill('Lê'),
    ...Array<string>(7).fill('Phạm'),
    ...Array<string>(5).fill('Hoàng'),
    ...['Huỳnh', 'Huỳnh', 'Phan', 'Phan', 'Vũ', 'Võ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Điểu'],
  ];
  const male = ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thanh'];
  const female = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim'];
  const given = [
    'An',
    'Anh',
    'Bình',
    'Cường',
    'Dũng',
    'Dung',
    'Hà',
    'Hải',
    'Hạnh',
    'Hoa',
    'Hùng',
    'Hương',
    'Lan',
    'Linh',
    'Long',
    'Mai',
    'Minh',
    'Nam',
    'Nga',
    'Nhung',
    'Phúc',
    'Phương',
    'Quân',
    'Sơn',
    'Tâm',
    'Thảo',
    'Thu',
    'Thủy',
    'Thư',
    'Trang',
    'Tuấn',
    'Tú',
    'Vân',
    'Yến',
  ];
  const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)]!;
  return Array.from({ length: 20_000 }, () => `${pick(family)} ${pick(random() < 0.5 ? male : female)} ${pick(given)}`);
}

/**
 * What officers type into the dossier search, many at once (32 connections, autocannon, a
 * department officer: the whole province): family names, "nguyen van", given names, full names,
 * dossier codes and code prefixes, against a dossier by id in the same run.
 */
async function dossierSearches(base: string, cookie: string, file: string, label: string) {
  const sqlite = new SQLite(file, { readonly: true });
  const sample = sqlite.prepare('select id, code, applicant_name from dossiers where id % 500 = 7 limit 100').all() as {
    id: number;
    code: string;
    applicant_name: string;
  }[];
  sqlite.close();
  const words = (n: string) => searchKey(n).split(' ');
  const typed = [
    'nguyen',
    'nguyen van',
    'nguyen thi',
    'tran',
    'le thi',
    'van',
    'tran thi h',
    ...sample.flatMap((d) => {
      const w = words(d.applicant_name);
      return [w.slice(0, 2).join(' '), w[w.length - 1]!, w.join(' '), d.code, d.code.slice(0, d.code.lastIndexOf('-'))];
    }),
  ];
  const paths = typed.map((t) => `/api/v1/dossiers?q=${encodeURIComponent(t)}&pageSize=20`);
  const headers = { cookie };
  await cannon('warm-up', `${base}/api/v1/dossiers`, { seconds: 2, headers, paths });
  const byId = await cannon('dossier by id (baseline)', `${base}/api/v1/dossiers/1`, {
    seconds: 5,
    headers,
    paths: sample.map((d) => `/api/v1/dossiers/${d.id}`),
  });
  const mix = await cannon(`typed dossier searches (${paths.length} queries)`, `${base}/api/v1/dossiers`, {
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    headers,
    paths,
  });
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  console.log(`\n### Typed dossier searches (${label}); load average ${load} on ${os.cpus().length} cores`);
  console.log(cannonLine(byId));
  console.log(
    `${cannonLine(mix)}  (p99 ${fmt(mix.p99ms / byId.p99ms)}x baseline p99, rate ${fmt(mix.rps / byId.rps)}x)`,
  );
  console.log(
    `typed dossier searches at 32 connections (${label}): target p99 < 100 ms and none over 1 s: ${mix.p99ms < 100 && mix.maxms < 1000 && mix.errors === 0 ? 'met' : 'NOT met'}`,
  );
  if (process.env.BENCH_SEARCH_SLOWEST)
    console.log(
      await slowestAlone((q) => `${base}/api/v1/dossiers?q=${encodeURIComponent(q)}&pageSize=20`, typed, headers, 6),
    );
}

/** The same dossier searches on PostgreSQL: the bench's SQLite file loaded with COPY into its own database. */
async function dossierSearchesOnPg(file: string) {
  const url = benchPgUrl(process.env.BENCH_DOSSIERS_PG_DB ?? 'bench_search_dossiers');
  const t0 = performance.now();
  await sqliteToPg(file, url, { reload: true, countTable: 'dossiers' });
  console.log(`\nPostgreSQL loaded with COPY in ${fmt((performance.now() - t0) / 1000)} s`);
  const server = await startBenchServer({
    sqlitePath: file,
    port: Number(process.env.BENCH_PORT ?? 18180) + 112,
    env: { DATABASE_URL: url, ANSINH_NOTIFY_CHANNEL: 'none' },
  });
  try {
    const r = await fetch(`${server.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tinh.chuyenvien', password: PASSWORD }),
    });
    if (!r.ok) throw new Error(`login: ${r.status}`);
    await dossierSearches(server.base, (r.headers.get('set-cookie') ?? '').split(';')[0]!, file, 'PostgreSQL');
  } finally {
    await server.stop();
  }
}
