/**
 * Poverty-review benchmarks (issue 13), each against a baseline measured in the same run:
 * - scoring and classifying every surveyed household of the province (300.000 by default, about
 *   8 B1 answers each) through the service, campaign by campaign, into `poverty_scores`, against
 *   one INSERT…SELECT of the same rows (the B1 sums of the same answers, one row per household,
 *   into a table of the same shape and key as `poverty_scores`) and, as before, against one
 *   INSERT…SELECT of the bare B1 sums into a two-column table (target: < 10 s and ≤ 3× the
 *   baseline). Run BENCH_POVERTY_RUNS times (3 by default) in the same process: run 1 scores into
 *   an empty results table, the later runs rescore (delete + insert of each campaign's rows);
 * - the movement report of the province against a plain count of its cases (target: < 2 s), after
 *   a recognition simulated in SQL (step, recognised class and category copied from the scores).
 * SQLite by default; PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) is a postgres:// URL:
 * the bench then creates its own database next to it and drops it at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { standardByCode } from '@ansinh/domain';
import { benchPgBase, freshPg } from './lib/pg.js';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo, systemActor } from '@ansinh/server';

const HOUSEHOLDS = Number(process.env.BENCH_POVERTY_HOUSEHOLDS ?? 300_000);
const RUNS = Number(process.env.BENCH_POVERTY_RUNS ?? 3);
const ITEMS = 8;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export async function povertyBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-pov-'));
  const pgBase = benchPgBase();
  const pgDb = pgBase ? await freshPg(pgBase, `ansinh_bench_pov_${process.pid}`) : null;
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: pgDb?.url ?? '',
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

    const isPg = database.dialect === 'postgres';
    const rowsTable = (name: string) =>
      sql.raw(`create table ${name} (campaign_id bigint not null, case_id bigint not null, province_code text not null,
        b1_score integer, deprivation_count integer, income_band text, proposed_class text, registry_category text,
        primary key (campaign_id, case_id))${isPg ? '' : ' without rowid'}`);
    const ratios: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      for (const t of ['bench_sums', 'bench_rows']) await sql.raw(`drop table if exists ${t}`).execute(db);
      await sql`create table bench_sums (case_id bigint, score integer)`.execute(db);
      await rowsTable('bench_rows').execute(db);
      // Baseline 1 (as before): the bare B1 sums per household into a two-column table.
      const a0 = performance.now();
      await sql`insert into bench_sums (case_id, score)
        select a.case_id, sum(case when c.residence = 'urban' then pt.urban_points else pt.rural_points end)
        from poverty_b1_answers a
        join poverty_cases c on c.id = a.case_id
        join poverty_b1_points pt on pt.campaign_id = a.campaign_id and pt.item_code = a.item_code and pt.option_code = a.option_code
        group by a.case_id`.execute(db);
      const sums = performance.now() - a0;
      // Baseline 2: the same rows the scoring writes (one per household: campaign, case, province,
      // base + B1 sum) into a table of the same shape and key as poverty_scores, in one statement.
      const b0 = performance.now();
      await sql`insert into bench_rows (campaign_id, case_id, province_code, b1_score)
        select c.campaign_id, c.id, c.province_code,
          case when c.residence = 'urban' then 40 else 50 end
            + sum(case when c.residence = 'urban' then pt.urban_points else pt.rural_points end)
        from poverty_cases c
        join poverty_b1_answers a on a.case_id = c.id
        join poverty_b1_points pt on pt.campaign_id = a.campaign_id and pt.item_code = a.item_code and pt.option_code = a.option_code
        group by c.id, c.campaign_id, c.province_code, c.residence`.execute(db);
      const baseline = performance.now() - b0;
      const s0 = performance.now();
      let scored = 0;
      for (const id of campaignIds) scored += (await services.poverty.scoreCampaign(actor, id)).scored;
      const scoring = performance.now() - s0;
      ratios.push(scoring / baseline);
      console.log(`run ${run} (load ${load()}): ${run === 1 ? 'first scoring, empty results table' : 'rescoring'}`);
      console.log(`  baseline INSERT…SELECT, B1 sums (2 columns)       ${fmt(sums)}`);
      console.log(`  baseline INSERT…SELECT, same rows and table shape ${fmt(baseline)}`);
      console.log(
        `  score + classify (service, ${campaignIds.length} campaigns)        ${fmt(scoring)}  ${(scoring / baseline).toFixed(2)}× same-rows baseline, ${(scoring / sums).toFixed(2)}× sums baseline  (${scored.toLocaleString('vi-VN')} households; target < 10 s, ≤ 3×)`,
      );
    }
    const written = Number((await sql<{ n: number }>`select count(*) as n from poverty_scores`.execute(db)).rows[0]!.n);
    console.log(
      `poverty_scores rows: ${written.toLocaleString('vi-VN')}; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
    );

    // The recognition, simulated in SQL: what recognize-results writes on each case.
    await sql`update poverty_cases set step = 'recognized',
        recognized_class = (select s.proposed_class from poverty_scores s
          where s.campaign_id = poverty_cases.campaign_id and s.case_id = poverty_cases.id),
        recognized_category = (select s.registry_category from poverty_scores s
          where s.campaign_id = poverty_cases.campaign_id and s.case_id = poverty_cases.id)`.execute(db);
    // PostgreSQL: what autovacuum does after a fifth of a table changed (the visibility map lets
    // the report read the covering index alone).
    if (isPg) await sql`vacuum analyze poverty_cases`.execute(db);
    for (let run = 1; run <= RUNS; run++) {
      const c0 = performance.now();
      await sql`select count(*) from poverty_cases where province_code = '70'`.execute(db);
      const countMs = performance.now() - c0;
      const m0 = performance.now();
      const mv = await services.poverty.movement(actor, { areaCode: '70', year: 2024 });
      const movement = performance.now() - m0;
      console.log(`run ${run} (load ${load()})`);
      console.log(`  baseline count of the province's cases          ${fmt(countMs)}`);
      console.log(
        `  movement report, province (service)             ${fmt(movement)}  ${(movement / Math.max(countMs, 0.001)).toFixed(2)}× baseline  (poor ${mv.poor.start} -> ${mv.poor.end}, rate ${mv.startRate} -> ${mv.endRate}; target < 2 s)`,
      );
    }
  } finally {
    await database.close();
    await pgDb?.drop();
    // BENCH_POVERTY_KEEP=1 keeps the SQLite file to profile the statements by hand (EXPLAIN QUERY PLAN).
    if (process.env.BENCH_POVERTY_KEEP) console.log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.basename(process.argv[1]).startsWith('poverty')) await povertyBench();
