import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { tempDir } from './lib/registry.js';
import { fillField, pickOption, readDocx } from './lib/reports.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

describe('plans, dashboard and reports in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    dir = tempDir();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a leader opens the dashboard, clicks a figure down to its records, generates the annual report and downloads it', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'tinh.lanhdao');

    // The dashboard of this year's plan: poor households, a computed figure, with its progress.
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-dashboard').waitFor();
    const poor = page.getByTestId('target-registry.poor_households');
    await poor.waitFor();
    await expect(page.getByTestId('target-text-registry.poor_households').textContent()).resolves.toMatch(
      /^[\d.]+\/1\.500, đạt [\d,]+%$/,
    );
    const shown = (await page.getByTestId('figure-link-registry.poor_households').textContent())!;
    await expect(page.getByTestId('dashboard-byarea').isVisible()).resolves.toBe(true);

    // Down to the records: the same count, the households listed, each one opens.
    await page.getByTestId('figure-link-registry.poor_households').click();
    await page.getByTestId('figure-page').waitFor();
    await expect(page.getByTestId('figure-value').textContent()).resolves.toBe(shown);
    const first = page.getByTestId('figure-records').locator('tbody tr a').first();
    const code = (await first.textContent())!.split(' – ')[0]!;
    await first.click();
    await expect(page.getByTestId('household-code').textContent()).resolves.toContain(code);

    // The annual report of 2021 from the template: figures from the records and entered values.
    await page.goto(`${server.url}/reports/documents`);
    await page.getByTestId('reports-create').click();
    await pickOption(page, 'report-form-template', 'Báo cáo công tác dân vận chính quyền năm');
    await fillField(page, 'report-form-year', '2021');
    await page.getByTestId('report-form-submit').click();
    await page.getByTestId('report-paper').waitFor();
    const jobs = page.getByTestId('block-s3.1.p1');
    await expect(jobs.textContent()).resolves.toContain(
      'Giải quyết việc làm cho 28.101 lao động, đạt 73,95% kế hoạch năm',
    );
    await expect(page.getByTestId('block-s2.p1').textContent()).resolves.toContain(
      'Kế hoạch số 12/KH-SLĐTBXH ngày 15/1/2021',
    );
    await expect(page.getByTestId('block-s3.7.c1').textContent()).resolves.toContain(
      'Trong năm không phát sinh đơn thư khiếu nại, tố cáo.',
    );

    // Traceability from the report: the figure says where it comes from.
    await page.getByTestId('fig-employment.jobs_created').first().click();
    await page.getByTestId('figure-popover').waitFor();
    await page.getByTestId('figure-popover-link').click();
    await page.getByTestId('figure-sources').waitFor();
    await expect(page.getByTestId('figure-sources').textContent()).resolves.toContain('Trung tâm Dịch vụ việc làm');
    await page.goBack();

    // Issue, then download the DOCX in the official layout.
    await page.getByTestId('report-issue').click();
    // The dialog says what the report still lacks (or that nothing is missing) before issuing.
    const dialog = page.locator('.ant-modal-body');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/chỗ thiếu số liệu|cấp số/);
    await page.getByTestId('report-issue-confirm').click();
    // The changes line appears once the report is issued and its figures frozen.
    await page.getByTestId('report-changes').waitFor();
    await expect(page.getByTestId('report-number').textContent()).resolves.toMatch(/^Số: \d{2}\/BC-SLĐTBXH$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-docx').click(),
    ]);
    const file = path.join(dir, 'bao-cao.docx');
    await download.saveAs(file);
    const { text, xml } = await readDocx(file);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toMatch(/Số: \d{2}\/BC-SLĐTBXH/);
    expect(text).toContain('Giải quyết việc làm cho 28.101 lao động, đạt 73,95% kế hoạch năm');
    expect(text).toContain('Nơi nhận:');
    expect(xml).toContain('w:ascii="Times New Roman"');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 120_000);
});
