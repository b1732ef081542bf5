import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { fillField, pickOption } from './lib/reports.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

/**
 * Templates as data (issue 19): an officer of the Department creates a template in the web app,
 * changes it (a new section, another "Kính gửi"), makes a report from it, changes the report's
 * signer and issues it: the issued document shows its own addressee, recipients and signer.
 */
describe('report templates in a real browser', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer creates and changes a template, makes a report from it and issues it with its own signer', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'tinh.chuyenvien');

    // The province's templates: the shipped ones are there, the mass-mobilisation ones among them.
    await page.goto(`${server.url}/reports/templates`);
    await page.getByTestId('templates-table').waitFor();
    await page.getByTestId('tpl-open-dan-van-cq-6-thang').waitFor();

    // A new template: names, header fields, one section with a paragraph holding a figure.
    await page.getByTestId('templates-new').click();
    await page.getByTestId('template-editor').waitFor();
    await fillField(page, 'tpl-code', 'bao-cao-tiep-dan');
    await fillField(page, 'tpl-nameVi', 'Báo cáo công tác tiếp công dân');
    await fillField(page, 'tpl-nameEn', 'Citizen reception report');
    await fillField(page, 'tpl-titlePattern', 'Báo cáo tiếp công dân năm {year}');
    await fillField(page, 'tpl-summary', 'Kết quả công tác tiếp công dân năm {year}');
    await fillField(page, 'tpl-addressee', 'Kính gửi: Ủy ban nhân dân tỉnh');
    await fillField(page, 'tpl-recipients', 'Như trên\nThanh tra tỉnh');
    await fillField(page, 'sec-0-number', 'I.');
    await fillField(page, 'sec-0-title', 'KẾT QUẢ TIẾP CÔNG DÂN');
    await fillField(page, 'blk-0-0-text', 'Trong năm tiếp {petitions.visits} lượt công dân.');
    await page.getByTestId('tpl-save').click();
    await expect.poll(() => page.getByTestId('tpl-version').textContent(), { timeout: 30_000 }).toContain('1');

    // Changed: a new section and another addressee, saved as version 2; the preview shows them.
    await page.getByTestId('tpl-add-section').click();
    await fillField(page, 'sec-1-number', 'II.');
    await fillField(page, 'sec-1-title', 'KIẾN NGHỊ');
    await fillField(page, 'blk-1-0-text', 'Đề nghị tăng cường đối thoại với người dân.');
    await fillField(page, 'tpl-addressee', 'Kính gửi: Ban Dân vận Tỉnh ủy');
    await page.getByTestId('tpl-preview').click();
    await expect(page.getByTestId('tpl-preview-addressee').textContent()).resolves.toBe(
      'Kính gửi: Ban Dân vận Tỉnh ủy',
    );
    await page.getByTestId('tpl-save').click();
    await expect.poll(() => page.getByTestId('tpl-version').textContent(), { timeout: 30_000 }).toContain('2');

    // A report from it: the template's sections and addressee.
    await page.goto(`${server.url}/reports/documents`);
    await page.getByTestId('reports-create').click();
    await pickOption(page, 'report-form-template', 'Báo cáo công tác tiếp công dân');
    await fillField(page, 'report-form-year', '2025');
    await page.getByTestId('report-form-submit').click();
    await page.getByTestId('report-paper').waitFor();
    await expect(page.getByTestId('report-paper').textContent()).resolves.toContain('II. KIẾN NGHỊ');

    // This report's own signer, then issue.
    await page.getByTestId('report-header-edit').click();
    await fillField(page, 'header-signer-authority', 'KT. GIÁM ĐỐC');
    await fillField(page, 'header-signer-title', 'PHÓ GIÁM ĐỐC');
    await fillField(page, 'header-signer-name', 'Lê Văn Ký Thay');
    await page.getByTestId('header-form-submit').click();
    await expect
      .poll(() => page.getByTestId('report-paper').textContent(), { timeout: 30_000 })
      .toContain('Lê Văn Ký Thay');
    await page.getByTestId('report-issue').click();
    await page.locator('.ant-modal-body').waitFor();
    await page.getByTestId('report-issue-confirm').click();
    await page.getByTestId('report-changes').waitFor();

    // The issued document: its own addressee, recipients and signer; no more editing.
    await page.reload();
    await page.getByTestId('report-paper').waitFor();
    const paper = (await page.getByTestId('report-paper').textContent())!;
    expect(paper).toContain('Kính gửi: Ban Dân vận Tỉnh ủy');
    expect(paper).toContain('Thanh tra tỉnh');
    expect(paper).toContain('PHÓ GIÁM ĐỐC');
    expect(paper).toContain('Lê Văn Ký Thay');
    await expect(page.getByTestId('report-number').textContent()).resolves.toMatch(/^Số: \d+\/BC-/);
    await expect(page.getByTestId('report-header-edit').count()).resolves.toBe(0);

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 180_000);
});
