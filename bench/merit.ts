/**
 * Merit benchmarks on SQLite, each with a baseline measured in the same run:
 * - 200.000 martyrs and graves: the diacritics-insensitive grave search (p95, target < 50 ms)
 *   against reading one grave by id, in process and then over HTTP at many connections
 *   (autocannon, BENCH_MERIT_CONNECTIONS, 32 by default) against the built server;
 * - the yearly count (Mẫu 100) of the province (target < 1 s) against the cemetery list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices, loadConfig, migrateToLatest, openDatabase, seedDemo } from '@ansinh/server';
import { graveKeys, searchKey } from '@ansinh/domain';
import { cannon, cannonLine } from './lib/cannon.js';
import { benchLogin, startBenchServer } from './lib/server.js';

const N = Number(process.env.BENCH_MARTYRS ?? 200_000);
const CONNECTIONS = Number(process.env.BENCH_MERIT_CONNECTIONS ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 18080) + 7;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const MIDDLE = ['Văn', 'Đức', 'Minh', 'Quốc', 'Hữu', 'Thị', 'Công', 'Xuân'];
const GIVEN = ['Hùng', 'Dũng', 'Thắng', 'Lợi', 'Tám', 'Hưng', 'Sơn', 'Hải', 'Bình', 'An', 'Phúc', 'Tài'];
const TOWN = ['Bình Phước', 'Nghệ An', 'Thái Bình', 'Quảng Nam', 'Hà Tĩnh', 'Thanh Hóa'];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
async function time<T>(f: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

export async function meritBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ansinh-bench-merit-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    SQLITE_PATH: path.join(tmp, 'b.db'),
    LOG_LEVEL: 'silent',
  });
  const database = openDatabase(config);
  let closed = false;
  try {
    await migrateToLatest(database);
    const services = createServices(database, config);
    await seedDemo(database, services, 'bench-password-123', { persons: 0, dataDir: config.dataDir });
    const sqlite = database.sqlite!;
    const at = new Date().toISOString();
    const insM = sqlite.prepare(
      `insert into merit_martyrs (full_name, search_key, hometown, birth_year, death_date, death_year, unit, info_status, record_id,
        province_code, district_code, commune_code, created_at) values (?, ?, ?, ?, null, ?, '', ?, null, '70', '689', '25213', ?)`,
    );
    const insG = sqlite.prepare(
      `insert into merit_graves (martyr_id, cemetery_id, location, position, search_key, identified, mass_grave, headstone,
        province_code, district_code, commune_code, created_at) values (?, null, 'outside', ?, ?, 1, 0, ?, '70', '689', '25213', ?)`,
    );
    const insK = sqlite.prepare(
      `insert into merit_grave_keys (grave_id, key, province_code, district_code, commune_code) values (?, ?, '70', '689', '25213')`,
    );
    const t0 = performance.now();
    sqlite.transaction(() => {
      for (let i = 0; i < N; i++) {
        const name = `${FAMILY[i % 10]} ${MIDDLE[(i >> 3) % 8]} ${GIVEN[(i * 7) % 12]} ${i}`;
        const town = TOWN[i % 6]!;
        const key = searchKey(`${name} ${town}`);
        const m = insM.run(name, key, town, 1940 + (i % 15), 1965 + (i % 10), i % 9 === 0 ? 'partial' : 'full', at);
        const g = insG.run(Number(m.lastInsertRowid), `Khu ${i % 20}`, key, `Liệt sĩ ${name}`, at);
        for (const k of graveKeys(key)) insK.run(Number(g.lastInsertRowid), k);
      }
    })();
    console.log(
      `merit: ${N.toLocaleString('vi-VN')} martyrs and graves inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const m = services.merit;
    const sys = {
      kind: 'system',
      userId: null,
      username: 'bench',
      role: 'system',
      areaCode: null,
      areaPath: null,
      areaLevel: null,
      ip: null,
      requestId: null,
    } as const;
    const province = {
      ...sys,
      kind: 'user' as const,
      role: 'province_officer' as const,
      areaCode: '70',
      areaPath: '/70/',
      areaLevel: 1,
      userId: 1,
    };
    const queries = [
      'nguyen van hung 1',
      'tran duc',
      'thang 19999',
      'hung 123',
      'le minh tai',
      'nghe an',
      'pham quoc son 777',
      'hoang',
    ];
    const search: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 200; i++) {
      search.push(
        await time(() => m.searchGraves(province, { q: queries[i % queries.length]!, page: 1, pageSize: 20 })),
      );
      base.push(await time(() => m.getGrave(province, 1 + ((i * 997) % N))));
    }
    console.log(
      `merit: grave search p50 ${pct(search, 50).toFixed(1)} ms p95 ${pct(search, 95).toFixed(1)} ms (target < 50 ms); ` +
        `baseline one grave by id p95 ${pct(base, 95).toFixed(2)} ms; ratio ${(pct(search, 95) / pct(base, 95)).toFixed(1)}×`,
    );
    const yearly: number[] = [];
    const list: number[] = [];
    for (let i = 0; i < 5; i++) {
      yearly.push(await time(() => m.yearlyCount(province, 2021)));
      list.push(await time(() => m.listCemeteries(province)));
    }
    console.log(
      `merit: yearly count (Mẫu 100) of the province max ${Math.max(...yearly).toFixed(0)} ms (target < 1000 ms); ` +
        `baseline cemetery list max ${Math.max(...list).toFixed(1)} ms`,
    );

    // Over HTTP at many connections: the built server on this file, a province officer's session.
    await database.close();
    closed = true;
    const server = await startBenchServer({ sqlitePath: path.join(tmp, 'b.db'), port: PORT });
    try {
      const { cookie } = await benchLogin(server.base, 'tinh.chuyenvien', 'bench-password-123');
      const headers = { cookie };
      const byId = await cannon('grave by id (baseline)', `${server.base}/api/v1/merit/graves/1`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers,
        paths: Array.from({ length: 500 }, (_, i) => `/api/v1/merit/graves/${1 + ((i * 997) % N)}`),
      });
      const typed = await cannon(`grave search (${queries.length} queries)`, `${server.base}/api/v1/merit/graves`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers,
        paths: queries.map((q) => `/api/v1/merit/graves?q=${encodeURIComponent(q)}&pageSize=20`),
      });
      console.log(`merit: HTTP at ${CONNECTIONS} connections, ${SECONDS} s each`);
      console.log(cannonLine(byId));
      console.log(
        `${cannonLine(typed)}  (${(typed.rps / byId.rps).toFixed(2)}x baseline rate, p99 ${(typed.p99ms / Math.max(byId.p99ms, 0.1)).toFixed(1)}x baseline p99)`,
      );
    } finally {
      await server.stop();
    }
  } finally {
    if (!closed) await database.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
