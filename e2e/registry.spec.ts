import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { readXlsxRows, tempDir, writeImportXlsx, type ImportRow } from './lib/registry.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

const row = (r: Partial<ImportRow>): ImportRow => ({
  'Mã hộ': '',
  'Họ và tên': '',
  'Giới tính': '',
  'Ngày sinh': '',
  'Số CCCD': '',
  'Dân tộc': '',
  'Quan hệ với chủ hộ': '',
  'Điện thoại': '',
  'Mã xã': '25213',
  'Thôn/ấp/tổ': 'Ấp 2',
  ...r,
});

const GOOD: ImportRow[] = [
  row({
    'Mã hộ': 'H01',
    'Họ và tên': 'Trương Văn Lâm',
    'Giới tính': 'Nam',
    'Ngày sinh': '05/01/1950',
    'Số CCCD': '070050001001',
    'Dân tộc': 'Kinh',
    'Quan hệ với chủ hộ': 'Chủ hộ',
  }),
  row({
    'Mã hộ': 'H01',
    'Họ và tên': 'Mai Thị Lan',
    'Giới tính': 'Nữ',
    'Ngày sinh': '1952',
    'Số CCCD': '070152001002',
    'Dân tộc': 'Kinh',
    'Quan hệ với chủ hộ': 'Vợ',
  }),
  row({
    'Mã hộ': 'H02',
    'Họ và tên': 'Điểu Thị Mai',
    'Giới tính': 'Nữ',
    'Ngày sinh': '15/03/1990',
    'Số CCCD': '070190001003',
    'Dân tộc': 'Xtiêng',
    'Quan hệ với chủ hộ': 'Chủ hộ',
  }),
];
const bad = (birthDate: string) =>
  row({
    'Mã hộ': 'H02',
    'Họ và tên': 'Điểu Văn Lực',
    'Giới tính': 'Nam',
    'Ngày sinh': birthDate,
    'Dân tộc': 'Xtiêng',
    'Quan hệ với chủ hộ': 'Con',
  });

describe('registry in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    dir = tempDir();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a commune officer imports a file, fixes the rejected row from the error file, commits and finds the person', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'xa.25213');

    const first = await writeImportXlsx(path.join(dir, 'nhan-khau.xlsx'), [...GOOD, bad('31/02/2010')]);
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('registry-import-link').click();
    await expect(page.getByTestId('import-template').getAttribute('href')).resolves.toBe(
      '/api/v1/registry/import/template.xlsx',
    );
    await expect(page.getByTestId('import-commit').isDisabled()).resolves.toBe(true);

    // Dry run: one row is refused, nothing can be committed yet.
    await page.getByTestId('import-file').setInputFiles(first);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-counts').waitFor();
    await expect(page.getByTestId('import-count-rejected').innerText()).resolves.toBe('1');
    await expect(page.getByTestId('import-count-new').innerText()).resolves.toBe('3');
    await expect(page.getByTestId('import-counts').innerText()).resolves.toContain('Tổng số dòng');
    await expect(page.getByTestId('import-rejected').innerText()).resolves.toContain('Có 1 dòng lỗi');
    await expect(page.getByTestId('import-commit').isDisabled()).resolves.toBe(true);

    // The error file names what to fix in its last column.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-rejected-link').click(),
    ]);
    const errorFile = path.join(dir, 'dong-loi.xlsx');
    await download.saveAs(errorFile);
    const rows = await readXlsxRows(errorFile);
    expect(rows[0]?.at(-1)).toBe('Lỗi cần sửa');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Điểu Văn Lực');
    expect(rows[1]?.at(-1)).toContain('31/02/2010 không có thật');

    // Fixed in Excel, chosen again, checked again: now it may be committed.
    const fixed = await writeImportXlsx(path.join(dir, 'nhan-khau-da-sua.xlsx'), [...GOOD, bad('28/02/2010')]);
    await page.getByTestId('import-file').setInputFiles(fixed);
    await expect(page.getByTestId('import-commit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-counts').waitFor();
    await expect(page.getByTestId('import-count-rejected').innerText()).resolves.toBe('0');
    await expect(page.getByTestId('import-count-new').innerText()).resolves.toBe('4');
    await page.getByTestId('import-commit').click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect(result.innerText()).resolves.toContain('Đã nhập: 4 mới');

    // The new person is found without accents, as an officer types.
    await page.getByTestId('import-to-list').click();
    await page.getByTestId('registry-search').locator('input').fill('truong van lam');
    const table = page.getByTestId('registry-table');
    await table.getByText('Trương Văn Lâm').first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('truong van lam');
    await expect(page.getByTestId('registry-export').getAttribute('href')).resolves.toContain('q=truong+van+lam');

    // The person page, with the household the import created.
    await table.getByRole('link', { name: 'Trương Văn Lâm' }).first().click();
    await expect(page.getByTestId('person-name').innerText()).resolves.toBe('Trương Văn Lâm');
    await page.getByTestId('timeline').waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a commune officer registers a household, adds its head and records it as poor', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'xa.25213');
    await page.goto(`${server.url}/registry/households`);
    await page.getByTestId('households-create').click();
    await page.getByTestId('area-input-name').filter({ hasText: 'Tiến Hưng' }).waitFor();
    await page.getByTestId('household-form-village').fill('Ấp 5');
    await page.getByTestId('household-form-submit').click();
    const code = await page.getByTestId('household-code').innerText();
    expect(code).toMatch(/^25213-\d{6}$/);

    await page.getByTestId('household-add-member').click();
    await page.getByTestId('person-form-fullname').fill('Lò Văn Hùng');
    await page.getByTestId('person-form-gender').getByText('Nam').click();
    await page.getByTestId('person-form-birthdate').fill('3/1960');
    await page.getByTestId('birth-date-echo').filter({ hasText: '03/1960' }).waitFor();
    await page.getByTestId('person-form-submit').click();
    await page.getByTestId('person-form-submit').waitFor({ state: 'detached' });
    await page.getByTestId('household-members').getByText('Lò Văn Hùng').waitFor();

    await page.getByTestId('household-grant').click();
    await page.getByTestId('grant-category').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Hộ nghèo' }).first().click();
    await page.getByTestId('grant-decision-no').fill('125/QĐ-UBND');
    await page.getByTestId('grant-submit').click();
    await page.getByTestId('grant-submit').waitFor({ state: 'detached' });
    await page.getByTestId('household-statuses').getByText('Đang hưởng').waitFor();

    // The member's page shows the household's status in its history.
    await page.getByTestId('household-members').getByRole('link', { name: 'Lò Văn Hùng' }).click();
    await page.getByTestId('timeline').getByText('Được công nhận: Hộ nghèo').waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('the registry pages work at 360 px wide: tables scroll inside their box, not the page', async () => {
    const { context, page, problems } = await newPage(browser, { width: 360, height: 740 });
    await login(page, server.url, 'xa.25213');
    for (const p of ['/registry', '/registry/households', '/registry/import', '/registry/duplicates']) {
      await page.goto(`${server.url}${p}`);
      await page.locator('.registry-tabs').waitFor();
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
