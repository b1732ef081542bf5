import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobOut } from '@ansinh/domain';
import { createTestContext, type TestContext } from '../test/helpers.js';
import { upload } from '../test/upload.js';
import { rawXlsx, sheetXml } from '../test/xlsx-raw.js';

/**
 * Issue 16, item 4: no upload or export may freeze the server. While a 100.000-row registry
 * import (dry run: unzip and scan in a worker thread, then validation in batches) and a
 * province-wide person export (streamed in keyset batches with backpressure) run, `/healthz` is
 * asked every 50 ms and every answer must come within 200 ms.
 */
const ROWS = 100_000;
const PERSONS = 20_000;
const LIMIT_MS = 200;

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ persons: PERSONS });
}, 180_000);
afterAll(async () => ctx?.close());

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Quang', 'Thanh', 'Đức', 'Xuân', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam'];

/** 100.000 valid rows for commune 25213: unique IDs consistent with sex and birth year
 * (birth-registration code 001, away from the demo persons of 070). */
function bigImport(): Buffer {
  const rows: (string | number)[][] = [['Mã hộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Mã xã']];
  for (let i = 0; i < ROWS; i++) {
    const female = i % 2 === 1;
    const year = 1940 + (i % 60);
    const name = `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 10]} ${GIVEN[Math.floor(i / 100) % 10]}`;
    const cid = `001${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i + 1).padStart(6, '0')}`;
    rows.push([`R${Math.floor(i / 4)}`, name, female ? 'Nữ' : 'Nam', `01/01/${year}`, cid, '25213']);
  }
  return rawXlsx(sheetXml(rows));
}

describe('the server stays responsive', () => {
  it(`/healthz answers within ${LIMIT_MS} ms during a ${ROWS}-row import and a province-wide export`, async () => {
    const file = bigImport();
    const xa = await ctx.login('xa.25213');
    const province = await ctx.login('tinh.chuyenvien');
    // Warm up: the first export loads exceljs's streaming writer (a one-time ~0,1–0,2 s), which is
    // not what this test measures.
    expect((await province.inject('GET', '/api/v1/persons/export.xlsx?areaCode=25213&ageFrom=120')).statusCode).toBe(
      200,
    );
    const waits: number[] = [];
    let running = true;
    const poll = (async () => {
      while (running) {
        const t0 = performance.now();
        const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
        waits.push(performance.now() - t0);
        expect(res.statusCode).toBe(200);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const started = performance.now();
    const importDone = (async () => {
      let job = (
        await upload(ctx, xa, '/api/v1/registry/imports?mode=dry_run', 'lon.xlsx', file)
      ).json() as ImportJobOut;
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 100));
        job = (await xa.inject('GET', `/api/v1/registry/imports/${job.id}`)).json() as ImportJobOut;
      }
      return job;
    })();
    const exportDone = province.inject('GET', '/api/v1/persons/export.xlsx?includeInactive=true');
    const [job, exp] = await Promise.all([importDone, exportDone]);
    running = false;
    await poll;
    const elapsed = performance.now() - started;
    expect(job).toMatchObject({ state: 'done', counts: expect.objectContaining({ total: ROWS, rejected: 0 }) });
    expect(exp.statusCode).toBe(200);
    expect(exp.rawPayload.length).toBeGreaterThan(PERSONS * 30);
    const worst = Math.max(...waits);
    console.log(
      `healthz during import+export: ${waits.length} answers over ${Math.round(elapsed)} ms, worst ${Math.round(worst)} ms, ` +
        `p50 ${Math.round(waits.sort((a, b) => a - b)[Math.floor(waits.length / 2)]!)} ms; file ${(file.length / 1024).toFixed(0)} KB`,
    );
    expect(waits.length).toBeGreaterThan(10);
    expect(worst).toBeLessThan(LIMIT_MS);
  }, 120_000);
});
