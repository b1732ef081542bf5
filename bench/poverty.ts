/**
 * Poverty-review benchmarks (issue 13), each against a baseline measured in the same run:
 * - scoring and classifying every surveyed household of the province (300.000 by default, about
 *   8 B1 answers each) through the service, campaign by campaign, against one equivalent
 *   INSERT…SELECT that sums the same answers' points (target: < 10 s and ≤ 3× the baseline);
 * - the movement report of the province against a plain count of its cases (target: < 2 s).
 * SQLite by default; PostgreSQL when BENCH_DATABASE_URL is set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { standardByCode } from '@ansinh/domain';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo, systemActor } from '@ansinh/server';

const HOUSEHOLDS = Number(process.env.BENCH_POVERTY_HOUSEHOLDS ?? 300_000);
const ITEMS = 8;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function povertyBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-pov-'));
  const pg = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: pg ?? '',
    SQLITE_PATH: path.join(tmp, 'bench.db'),
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase(config);
  const db = database.db;
  try {
    await migrateToLatest(database);
    const services = createServices(database, config);
    await seedDemo(database, services, 'bench-password-123', { persons: 0, dataDir: config.dataDir });
    const actor = systemActor('bench');
    const t0 = performance.now();
    const communes = await db
      .selectFrom('areas')
      .select(['code', 'path'])
      .where('level', '=', 3)
      .where('path', 'like', '/70/%')
      .orderBy('code')
      .execute();
    await sql`create table bench_communes (rn integer primary key, code text, district text)`.execute(db);
    for (let i = 0; i < communes.length; i += 200)
      await db
        .insertInto('bench_communes' as never)
        .values(
          communes
            .slice(i, i + 200)
            .map((c, j) => ({ rn: i + j, code: c.code, district: c.path.split('/')[2] })) as never,
        )
        .execute();
    const now = new Date().toISOString();
    await sql`insert into households (code, province_code, district_code, commune_code, village, residence, state, created_at, updated_at)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${HOUSEHOLDS})
      select 'BH' || cast(i as text), '70', b.district, b.code, 'Thôn ' || cast(i % 7 as text),
        case when i % 5 = 0 then 'urban' else 'rural' end, 'active', ${now}, ${now}
      from n join bench_communes b on b.rn = i % ${communes.length}`.execute(db);
    const campaignIds: number[] = [];
    for (const c of communes) {
      const { id } = await services.poverty.createCampaign(actor, {
        communeCode: c.code,
        kind: 'periodic',
        year: 2024,
        reviewDate: '2024-10-01',
        windowFrom: '2024-09-01',
        windowTo: '2024-12-14',
        board: [],
        reviewers: [],
      });
      campaignIds.push(id);
    }
    await sql`insert into poverty_cases (campaign_id, household_id, province_code, district_code, commune_code, village, residence,
        ethnic_minority, source, step, previous, ever_poor, farm, screened_out, b1_source, deprived_mask, updated_at)
      select g.id, h.id, h.province_code, h.district_code, h.commune_code, h.village, h.residence,
        case when h.id % 10 = 0 then 1 else 0 end, 'list', 'surveyed',
        case when h.id % 4 = 0 then 'poor' when h.id % 4 = 1 then 'near_poor' end,
        case when h.id % 7 = 0 then 1 else 0 end, case when h.id % 3 = 0 then 1 else 0 end, 0, 'answers',
        (h.id * 7919) % 4096, ${now}
      from households h join poverty_campaigns g on g.commune_code = h.commune_code
      where h.code like 'BH%'`.execute(db);
    const items = standardByCode('2022-2025')!.b1.items.slice(0, ITEMS);
    await sql`create table bench_options (item_code text, option_code text, item_rank integer, option_rank integer, n_options integer)`.execute(
      db,
    );
    await db
      .insertInto('bench_options' as never)
      .values(
        items.flatMap((it, ir) =>
          it.options.map((o, or) => ({
            item_code: it.code,
            option_code: o.code,
            item_rank: ir,
            option_rank: or,
            n_options: it.options.length,
          })),
        ) as never,
      )
      .execute();
    await sql`insert into poverty_b1_answers (case_id, campaign_id, item_code, option_code, province_code)
      select c.id, c.campaign_id, o.item_code, o.option_code, c.province_code
      from poverty_cases c join bench_options o on (c.id + o.item_rank) % o.n_options = o.option_rank`.execute(db);
    const answers = Number(
      (await sql<{ n: number }>`select count(*) as n from poverty_b1_answers`.execute(db)).rows[0]!.n,
    );
    const cases = Number((await sql<{ n: number }>`select count(*) as n from poverty_cases`.execute(db)).rows[0]!.n);
    if (database.dialect === 'postgres') await sql`analyze`.execute(db);
    console.log(
      `\n## Poverty review (${database.dialect}; ${cases.toLocaleString('vi-VN')} surveyed households, ${answers.toLocaleString('vi-VN')} B1 answers, ${campaignIds.length} communes; generated in ${fmt(performance.now() - t0)})`,
    );

    // Baseline: one INSERT…SELECT summing the same answers' points per household.
    await sql`create table bench_scores (case_id bigint, score integer)`.execute(db);
    const b0 = performance.now();
    await sql`insert into bench_scores (case_id, score)
      select a.case_id, sum(case when c.residence = 'urban' then pt.urban_points else pt.rural_points end)
      from poverty_b1_answers a
      join poverty_cases c on c.id = a.case_id
      join poverty_b1_points pt on pt.campaign_id = a.campaign_id and pt.item_code = a.item_code and pt.option_code = a.option_code
      group by a.case_id`.execute(db);
    const baseline = performance.now() - b0;
    const s0 = performance.now();
    let scored = 0;
    for (const id of campaignIds) scored += (await services.poverty.scoreCampaign(actor, id)).scored;
    const scoring = performance.now() - s0;
    console.log(`baseline INSERT…SELECT of the B1 sums           ${fmt(baseline)}`);
    console.log(
      `score + classify (service, ${campaignIds.length} campaigns)        ${fmt(scoring)}  ${(scoring / baseline).toFixed(2)}× baseline  (${scored.toLocaleString('vi-VN')} households; target < 10 s, ≤ 3×)`,
    );

    await sql`update poverty_cases set step = 'recognized'`.execute(db);
    const c0 = performance.now();
    await sql`select count(*) from poverty_cases where province_code = '70'`.execute(db);
    const countMs = performance.now() - c0;
    const m0 = performance.now();
    const mv = await services.poverty.movement(actor, { areaCode: '70', year: 2024 });
    const movement = performance.now() - m0;
    console.log(`baseline count of the province's cases          ${fmt(countMs)}`);
    console.log(
      `movement report, province (service)             ${fmt(movement)}  ${(movement / Math.max(countMs, 0.001)).toFixed(2)}× baseline  (poor ${mv.poor.start} -> ${mv.poor.end}, rate ${mv.startRate} -> ${mv.endRate}; target < 2 s)`,
    );
  } finally {
    await database.close();
    // BENCH_POVERTY_KEEP=1 keeps the SQLite file to profile the statements by hand (EXPLAIN QUERY PLAN).
    if (process.env.BENCH_POVERTY_KEEP) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('poverty')) await povertyBench();
