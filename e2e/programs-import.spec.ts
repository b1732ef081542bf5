import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { apiLogin } from './lib/programs.js';
import { tempDir } from './lib/registry.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

const COMMUNE = '25213';
const HEAD = ['Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Số tiền hỗ trợ', 'Tên đơn vị sử dụng lao động'];

/** The 2021 Covid-19 support for workers whose contract was suspended, lists imported from Excel (issue 19). */
const PROGRAM = {
  code: 'E2E-NQ68-HOAN-HD',
  name: 'Hỗ trợ người lao động tạm hoãn hợp đồng (thử nghiệm)',
  legalBasis: 'Nghị quyết 68/NQ-CP; Quyết định 23/2021/QĐ-TTg',
  legalDate: '2021-07-07',
  kind: 'one_off_cash',
  unit: 'dong',
  periodKind: 'once',
  refDate: '2021-08-01',
  periodFrom: '2021-07-01',
  periodTo: '2021-12-31',
  group: 'covid',
  listByImport: true,
  rule: {
    validFrom: '2021-07-01',
    eligibility: { per: 'person', any: [{ status: 'social_assistance' }] },
    amount: { type: 'fixed', amount: 3_710_000 },
  },
};

async function writeXlsx(file: string, rows: (string | number | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.columns = HEAD.map(() => ({ width: 20, style: { numFmt: '@' } }));
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a list of people outside the registry imported in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let programId: number;
  let dir: string;

  beforeAll(async () => {
    server = await startServer({ env: { ANSINH_DEMO_PERSONS: '0' } });
    browser = await launchBrowser();
    dir = tempDir();
    const province = await apiLogin(server.url, 'tinh.chuyenvien');
    programId = (await province.call<{ id: number }>('POST', '/api/v1/programs', PROGRAM)).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a commune officer checks the file, sees what to fix, fixes it and imports the list', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, `xa.${COMMUNE}`);
    await page.goto(`${server.url}/programs/${programId}`);
    await page.getByTestId('program-import').waitFor();
    await expect(page.getByTestId('program-generate').count()).resolves.toBe(0);
    await page.getByTestId('program-import-submitted-by').fill('Công ty TNHH May Thử');
    const bad = await writeXlsx(path.join(dir, 'loi.xlsx'), [
      HEAD,
      ['070090001234', 'Nguyễn Văn An', '05/01/1990', null, 'Công ty TNHH May Thử'],
      ['070092001235', 'Trần Văn Bình', '02/02/1992', '9000000', 'Công ty TNHH May Thử'],
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('program-import-check').click();
    await page.getByTestId('program-import-result').waitFor();
    const table = await page.getByTestId('program-import').innerText();
    expect(table).toContain('Số tiền hỗ trợ');
    expect(table).toContain('cao hơn mức của chương trình');
    await expect(page.getByTestId('program-import-commit').isDisabled()).resolves.toBe(true);

    const good = await writeXlsx(path.join(dir, 'dung.xlsx'), [
      HEAD,
      ['070090001234', 'Nguyễn Văn An', '05/01/1990', null, 'Công ty TNHH May Thử'],
      ['070092001235', 'Trần Văn Bình', '02/02/1992', '1855000', 'Công ty TNHH May Thử'],
    ]);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByTestId('program-import-check').click();
    await expect(page.getByTestId('program-import-result').innerText()).resolves.toContain('không có lỗi');
    await page.getByTestId('program-import-commit').click();
    await page.waitForURL(/\/programs\/lists\/\d+$/);
    const listId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect(page.getByTestId('list-imported').innerText()).resolves.toContain('Công ty TNHH May Thử');
    const commune = await apiLogin(server.url, `xa.${COMMUNE}`);
    const list = await commune.call<{ entriesCount: number; totalAmount: number; state: string }>(
      'GET',
      `/api/v1/lists/${listId}`,
    );
    expect([list.state, list.entriesCount, list.totalAmount]).toEqual(['draft', 2, 3_710_000 + 1_855_000]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
