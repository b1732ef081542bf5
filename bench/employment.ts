/**
 * Employment benchmarks, each printed with a baseline measured in the same run:
 * - import of 200.000 labour supply records from an XLSX (dry run, then commit), against raw
 *   prepared inserts of the same rows into the same table (target: commit < 20 s and ≤ 4x raw);
 * - jobs created in a year by district and channel against the plan, over 200.000 job records,
 *   against a bare count of the province's jobs (target: < 1 s).
 * Through the module's service (as the CLI would), on SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo, systemActor } from '@ansinh/server';
import { fmt } from './lib/stats.js';

const ROWS = Number(process.env.BENCH_EMPLOYMENT_ROWS ?? 200_000);
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const HEADERS = [
  'Số định danh cá nhân',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Mã xã',
  'Tình trạng việc làm',
  'Trình độ CMKT',
  'Nhu cầu',
];
const STATUS = ['Thất nghiệp', 'Làm công ăn lương', 'Tự làm', 'Lao động gia đình'];
const QUAL = ['Chưa qua đào tạo', 'Sơ cấp', 'Trung cấp', 'Cao đẳng', 'Đại học'];
const CHANNELS = ['new_hire', 'centre_placement', 'fund_loan', 'abroad', 'program_job'];

/** The workbook is built in its own scope, so its objects are garbage before the import runs. */
async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cung lao động');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function employmentBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-emp-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    SQLITE_PATH: path.join(tmp, 'b.db'),
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    const services = createServices(database, config);
    await seedDemo(database, services, 'bench-password-123', { persons: 0, dataDir: config.dataDir });
    const sqlite = database.sqlite!;
    const communes = (
      sqlite.prepare("select code, path from areas where level = 3 and path like '/70/%' order by code").all() as {
        code: string;
        path: string;
      }[]
    ).map((c) => ({ code: c.code, district: c.path.split('/')[2]! }));

    // The file: 200.000 people aged 18–60 spread over the province's communes.
    const rows: string[][] = [];
    for (let i = 0; i < ROWS; i++) {
      const c = communes[i % communes.length]!;
      const year = 1965 + (i % 40);
      rows.push([
        `070${year >= 2000 ? 2 : 0}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
        `Nguyễn Văn Thử ${i}`,
        `${String(1 + (i % 28)).padStart(2, '0')}/${String(1 + (i % 12)).padStart(2, '0')}/${year}`,
        i % 2 ? 'Nữ' : 'Nam',
        c.code,
        STATUS[i % STATUS.length]!,
        QUAL[i % QUAL.length]!,
        i % 3 ? 'Tìm việc làm trong nước' : 'Học nghề',
      ]);
    }
    const buf = await xlsxOf(rows);
    global.gc?.();

    // Baseline: raw prepared inserts of the same rows (same table, same indexes), then removed.
    const at = new Date().toISOString();
    const ins = sqlite.prepare(
      `insert into emp_supply (person_id, citizen_id, full_name, name_key, birth_date, gender, ethnic_code, collected_on,
        schooling, qualification, field, employment_status, job_title, workplace_type, industry, work_address, previous_job,
        unemployment_duration, inactive_reason, needs, phone, province_code, district_code, commune_code, created_by, created_at, updated_at)
       values (null, ?, ?, ?, ?, ?, null, ?, null, ?, null, ?, null, null, null, null, null, null, null, ?, null, '70', ?, ?, 'bench', ?, ?)`,
    );
    const cpu = (c0: NodeJS.CpuUsage) => {
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    let c0 = process.cpuUsage();
    let t0 = process.hrtime.bigint();
    sqlite.transaction(() => {
      rows.forEach((r, i) => {
        const c = communes[i % communes.length]!;
        ins.run(
          r[0],
          r[1],
          r[1]!.toLowerCase(),
          '1990-01-01',
          i % 2 ? 'female' : 'male',
          '2021-03-01',
          'elementary',
          'unemployed',
          'job',
          c.district,
          c.code,
          at,
          at,
        );
      });
    })();
    const rawMs = ms(t0);
    const rawCpu = cpu(c0);
    sqlite.exec('delete from emp_supply');

    const system = systemActor('bench');
    t0 = process.hrtime.bigint();
    const dry = await services.employment.importSupply(system, { name: 'bench.xlsx', data: buf }, 'dry_run');
    const dryMs = ms(t0);
    c0 = process.cpuUsage();
    t0 = process.hrtime.bigint();
    const commit = await services.employment.importSupply(system, { name: 'bench.xlsx', data: buf }, 'commit');
    const commitMs = ms(t0);
    const commitCpu = cpu(c0);

    // Jobs created: 200.000 records over the districts and channels of 2021.
    const supplyIds = sqlite.prepare('select id, citizen_id, district_code, commune_code from emp_supply').all() as {
      id: number;
      citizen_id: string;
      district_code: string;
      commune_code: string;
    }[];
    const job = sqlite.prepare(
      `insert into emp_jobs (supply_id, citizen_id, channel, date, year, counted, source_kind, source_id, note,
        province_code, district_code, commune_code, created_by, created_at) values (?, ?, ?, ?, 2021, 1, null, null, null, '70', ?, ?, 'bench', ?)`,
    );
    sqlite.transaction(() => {
      supplyIds.forEach((s, i) =>
        job.run(
          s.id,
          s.citizen_id,
          CHANNELS[i % 5],
          `2021-${String(1 + (i % 12)).padStart(2, '0')}-15`,
          s.district_code,
          s.commune_code,
          at,
        ),
      );
    })();
    sqlite.exec('analyze');
    const officer = {
      kind: 'user' as const,
      userId: 1,
      username: 'tinh.chuyenvien',
      role: 'province_officer' as const,
      areaCode: '70',
      areaPath: '/70/',
      areaLevel: 1,
      ip: null,
      requestId: null,
    };
    await services.employment.progress(officer, { year: 2021, asOf: '2021-12-31' });
    t0 = process.hrtime.bigint();
    sqlite.prepare("select count(*) n from emp_jobs where province_code = '70'").get();
    const countMs = ms(t0);
    t0 = process.hrtime.bigint();
    const p = await services.employment.progress(officer, { year: 2021, asOf: '2021-12-31' });
    const progressMs = ms(t0);

    // The yearly data transfer (TT 01/2022 Art. 16(3)) of the 200.000 records just imported, streamed
    // to nowhere, with the longest event-loop stall while it runs (the export must not hold requests).
    const { y } = sqlite.prepare('select substr(min(collected_on), 1, 4) y from emp_supply').get() as { y: string };
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    t0 = process.hrtime.bigint();
    const transfer = await services.employment.transferWorkbook(officer, { year: Number(y) });
    let transferBytes = 0;
    for await (const chunk of transfer.stream) transferBytes += (chunk as Buffer).length;
    const transferMs = ms(t0);
    loop.disable();

    console.log('\n## Employment (SQLite, through the service)');
    console.log(
      `raw prepared inserts of the same ${fmt(rows.length)} rows into emp_supply (baseline): ${fmt(rawMs)} ms (CPU ${fmt(rawCpu)} ms)`,
    );
    console.log(
      `import dry run of a ${fmt(buf.length / 1024 / 1024)} MB XLSX: ${fmt(dryMs)} ms (${fmt(dryMs / rawMs)}x baseline); ${JSON.stringify(dry.counts)}`,
    );
    // On a shared machine the wall clock depends on the neighbours: the CPU time of this process is shown too.
    console.log(`import commit CPU: ${fmt(commitCpu)} ms (${fmt(commitCpu / rawCpu)}x the baseline's CPU)`);
    console.log(
      `import commit: ${fmt(commitMs)} ms (${fmt(commitMs / rawMs)}x baseline); ${JSON.stringify(commit.counts)}; target < 20 s and ≤ 4x: ${commitMs < 20_000 && commitMs / rawMs <= 4 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `data transfer XLSX of the year's ${fmt(supplyIds.length)} supply records (${fmt(transferBytes / 1024 / 1024)} MB): ${fmt(transferMs)} ms; longest event-loop stall ${fmt(loop.max / 1e6)} ms (p99 ${fmt(loop.percentile(99) / 1e6)} ms)`,
    );
    console.log(`count of the province's ${fmt(supplyIds.length)} jobs (baseline): ${fmt(countMs)} ms`);
    console.log(
      `jobs created by district and channel against the plan (${p.rows.length} rows, total ${fmt(p.rows[0]!.total)}): ${fmt(progressMs)} ms; target < 1 s: ${progressMs < 1000 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
