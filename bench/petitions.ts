/**
 * Petitions benchmarks on a year of 20,000 letters (BENCH_LETTERS) and 50,000 hotline calls
 * (BENCH_CALLS) in the demo province, written straight into SQLite, then measured through the
 * real server over HTTP. Each figure is printed with a baseline measured in the same run:
 * - the periodic report of the province for the year (GET /api/v1/petitions/stats), against a
 *   plain `select count(*)` over the province's letters (target < 1 s);
 * - an officer's due list p95 (GET /api/v1/petitions/due) for the inspector and commune officers
 *   holding many letters, against GET /api/v1/auth/me p95 (same session) (target p95 < 50 ms).
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, defaultCalendar as cal, addWorkingDays, todayInVietnam } from '@ansinh/domain';
import { BENCH_PASSWORD, openSeededBench } from './lib/seeded.js';
import { startBenchServer } from './lib/server.js';
import { fmt, p95, median, rng } from './lib/stats.js';

const LETTERS = Number(process.env.BENCH_LETTERS ?? 20_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 50_000);
const PASSWORD = BENCH_PASSWORD;

export async function petitionsBench(): Promise<void> {
  const { tmp, database } = await openSeededBench('pet');
  try {
    const communes = (
      await database.db
        .selectFrom('areas')
        .select(['code', 'path'])
        .where('level', '=', 3)
        .where('path', 'like', '/70/%')
        .execute()
    ).map((c) => ({ path: c.path, parts: c.path.split('/').filter(Boolean), code: c.code }));
    const users = await database.db.selectFrom('users').select(['id', 'username']).execute();
    const userId = new Map(users.map((u) => [u.username, u.id]));
    const inspectorId = userId.get('thanhtra')!;

    const t0 = performance.now();
    const sqlite = database.sqlite!;
    const random = rng(12);
    const today = todayInVietnam();
    const start = addDays(today, -365);
    const at = new Date().toISOString();
    const insCall = sqlite.prepare(
      `insert into petition_calls (called_at, called_date, caller_name, caller_phone, topic, program_code, answer, forwarded_to, letter_id, area_path, province_code, district_code, commune_code, created_by, created_at)
       values (?, ?, null, null, ?, null, '', null, null, ?, '70', ?, ?, 'bench', ?)`,
    );
    const insLetter = sqlite.prepare(
      `insert into petition_letters (code, parent_id, received_date, channel, sender_name, sender_address, identity_restricted, summary, kind, signers, fit, failed_json, within_competence, decision, decision_date, transfers, state, notice_due, notified_date, case_id, assignee_id, area_path, province_code, district_code, commune_code, created_by, created_at, updated_at)
       values (?, null, ?, 'post', ?, 'Bình Phước', 0, 'Nội dung đơn', ?, ?, ?, '[]', ?, ?, ?, 0, ?, ?, ?, null, ?, ?, '70', ?, ?, 'bench', ?, ?)`,
    );
    const insCase = sqlite.prepare(
      `insert into petition_cases (code, kind, instance, letter_id, summary, received_date, accepted_date, complex, remote, extensions, group_case, state, result, decided_date, settle_due, on_time, assignee_id, area_path, province_code, district_code, commune_code, created_at, updated_at)
       values (?, ?, 1, ?, 'Vụ việc', ?, ?, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, '/70/', '70', null, null, ?, ?)`,
    );
    const kinds = ['proposal', 'proposal', 'proposal', 'complaint', 'denunciation'];
    sqlite.exec('begin');
    for (let i = 0; i < CALLS; i++) {
      const c = communes[Math.floor(random() * communes.length)]!;
      const d = addDays(start, Math.floor((365 * i) / CALLS));
      insCall.run(
        `${d}T02:00:00.000Z`,
        d,
        'Hỏi chính sách',
        c.path,
        c.parts.length === 3 ? c.parts[1] : null,
        c.code,
        at,
      );
    }
    let cases = 0;
    for (let i = 0; i < LETTERS; i++) {
      // A third at the department (the inspector's), the rest at communes (their officer's).
      const dept = i % 3 === 0;
      const c = communes[Math.floor(random() * communes.length)]!;
      const received = addDays(start, Math.floor((365 * i) / LETTERS));
      const kind = kinds[i % kinds.length]!;
      const done = received < addDays(today, -20) && random() < 0.95;
      const fit = random() < 0.8 ? 1 : 0;
      const noticeDue = addWorkingDays(cal, received, 10);
      const info = insLetter.run(
        `DT-70-B-${String(i).padStart(6, '0')}`,
        received,
        `Người gửi ${i}`,
        kind,
        random() < 0.02 ? 6 : 1,
        fit,
        fit,
        done ? 'accept' : null,
        done ? received : null,
        done ? 'notified' : 'received',
        noticeDue,
        done ? addDays(received, 7) : null,
        dept ? inspectorId : (userId.get(`xa.${c.code}`) ?? null),
        dept ? '/70/' : c.path,
        dept ? null : c.parts.length === 3 ? c.parts[1] : null,
        dept ? null : c.code,
        at,
        at,
      );
      if (dept && kind !== 'proposal' && fit) {
        cases++;
        const decided = done && random() < 0.8 ? addDays(received, 25) : null;
        insCase.run(
          `${kind === 'complaint' ? 'KN' : 'TC'}-70-B-${cases}`,
          kind,
          Number(info.lastInsertRowid),
          received,
          received,
          decided ? 'decided' : 'accepted',
          decided ? 'partly' : null,
          decided,
          addDays(received, 30),
          decided ? 1 : null,
          inspectorId,
          at,
          at,
        );
      }
    }
    sqlite.exec('commit');
    sqlite.exec('analyze');
    const genMs = performance.now() - t0;
    console.log(
      `\n## Petitions (SQLite, ${fmt(LETTERS)} letters, ${fmt(CALLS)} calls, ${fmt(cases)} cases over a year)`,
    );
    console.log(`generation: ${fmt(genMs)} ms`);
    const countTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      sqlite.prepare("select count(*) from petition_letters where province_code = '70'").get();
      countTimes.push(performance.now() - t);
    }
    await database.close();

    const server = await startBenchServer({ sqlitePath: path.join(tmp, 'bench.db'), port: 18300 });
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
      const statsTimes: number[] = [];
      let body = '';
      for (let i = 0; i < 5; i++) {
        const r = await timed(`${base}/api/v1/petitions/stats?from=${start}&to=${today}`, leader);
        statsTimes.push(r.ms);
        body = r.body;
      }
      const s = JSON.parse(body) as { lettersReceived: number; calls: number; complaints: { settled: number } };
      const st = median(statsTimes);
      const b0 = median(countTimes);
      console.log(`select count(*) over the province's letters (baseline, in process): ${fmt(b0)} ms`);
      console.log(
        `periodic report of the province for a year over HTTP: median ${fmt(st)} ms (${fmt(st / Math.max(b0, 0.001))}x baseline); letters ${fmt(s.lettersReceived)}, calls ${fmt(s.calls)}, complaints settled ${fmt(s.complaints.settled)}; target < 1 s: ${st < 1000 ? 'met' : 'NOT met'}`,
      );
      const officers = ['thanhtra', ...communes.slice(0, 20).map((c) => `xa.${c.code}`)];
      const cookies: string[] = [];
      for (const u of officers) cookies.push(await session(u));
      const due: number[] = [];
      const me: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const cookie of cookies) {
          due.push((await timed(`${base}/api/v1/petitions/due`, cookie)).ms);
          me.push((await timed(`${base}/api/v1/auth/me`, cookie)).ms);
        }
      }
      console.log(
        `officer's due list p95 over HTTP (${officers.length} officers, ${due.length} requests): ${fmt(p95(due))} ms; GET /auth/me p95 (baseline): ${fmt(p95(me))} ms (${fmt(p95(due) / p95(me))}x); target < 50 ms: ${p95(due) < 50 ? 'met' : 'NOT met'}`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    await database.close().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
