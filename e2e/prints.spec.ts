import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { apiLogin } from './lib/programs.js';
import { fillField, pickOption } from './lib/reports.js';

/**
 * Every printable page, rendered to PDF as the browser prints it: what must be on paper is
 * visible under print media, and the page count is what the form allows. No PDF text extractor
 * is installed, so the text is checked in the print-media DOM and the pages are counted in the
 * PDF's bytes.
 */

/** Render the page to PDF with its own @page size; answer the page count and the first page's size (pt). */
async function printToPdf(page: Page): Promise<{ pages: number; width: number; height: number }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = (pdf.match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  return { pages, width: Number(box?.[1] ?? 0), height: Number(box?.[2] ?? 0) };
}

/** The texts shown on paper (print media), for asserting with toContain. */
async function printedText(page: Page, selector: string): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const el = page.locator(selector).first();
  expect(await el.isVisible()).toBe(true);
  return el.innerText();
}

describe('prints that print', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the A5 receipt fits one page and names the receiving officer, not the account', async () => {
    const api = await apiLogin(server.url, 'xa.25213');
    const me = await api.call<{ fullName: string }>('GET', '/api/v1/auth/me');
    const procs = await api.call<{ items: { id: number; code: string }[] }>('GET', '/api/v1/procedures?pageSize=100');
    const d = await api.call<{ id: number; code: string }>('POST', '/api/v1/dossiers', {
      procedureId: procs.items[0]!.id,
      channel: 'assisted',
      communeCode: '25213',
      applicantName: 'Nguyễn Văn In Phiếu',
      applicantPhone: '0912345678',
      applicantAddress: 'Ấp 3, xã Tiến Hưng, thành phố Đồng Xoài, tỉnh Bình Phước',
      delivery: 'home',
      assistedReason: 'disability',
      assistedNote: 'Thương binh, đi lại khó khăn',
      documents: [
        'Tờ khai đề nghị (bản chính)',
        'Bản sao căn cước công dân',
        'Bản sao giấy chứng nhận thương binh',
        'Giấy xác nhận của UBND xã',
        'Bản sao sổ hộ khẩu hoặc giấy xác nhận cư trú',
        'Hai ảnh 3x4',
      ],
    });
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'xa.25213');
    await page.goto(`${server.url}/dossiers/${d.id}/print/receipt`);
    await page.getByTestId('slip-receipt').waitFor();
    const text = await printedText(page, '[data-testid="slip-receipt"]');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(d.code);
    expect(text).toContain('Hai ảnh 3x4');
    expect(await page.getByTestId('slip-receiver').innerText()).toBe(me.fullName);
    expect(text).not.toContain('xa.25213');
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    const pdf = await printToPdf(page);
    expect(pdf.pages).toBe(1);
    // A5 portrait: 148 x 210 mm = 419,5 x 595,3 pt.
    expect(Math.round(pdf.width)).toBe(420);
    expect(Math.round(pdf.height)).toBe(595);

    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${server.url}/dossiers/${d.id}/print/control`);
    await page.locator('div[data-testid="slip-control"]').waitFor();
    const control = await printedText(page, 'div[data-testid="slip-control"]');
    expect(control).toContain(me.fullName);
    expect(control).not.toContain('(xa.25213)');
    expect((await printToPdf(page)).pages).toBe(1);
    expect(problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    await context.close();
  });

  it('a list prints on A4 landscape with its amount column inside the page', async () => {
    const api = await apiLogin(server.url, 'tinh.chuyenvien');
    const lists = await api.call<{ items: { id: number; entriesCount: number }[] }>(
      'GET',
      '/api/v1/lists?pageSize=100',
    );
    const list = [...lists.items].sort((a, b) => b.entriesCount - a.entriesCount)[0]!;
    expect(list.entriesCount).toBeGreaterThan(0);
    // The printable width of A4 landscape with 10 mm margins: 277 mm = 1047 CSS px.
    const { context, page } = await newPage(browser, { width: 1047, height: 740 });
    await login(page, server.url, 'tinh.chuyenvien');
    await page.goto(`${server.url}/programs/lists/${list.id}`);
    await page.getByTestId('entries-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const header = page.getByTestId('entries-table').locator('th.entry-amount');
    expect(await header.isVisible()).toBe(true);
    const box = (await header.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1047);
    const firstAmount = page.getByTestId('entries-table').locator('td.entry-amount').first();
    expect(await firstAmount.innerText()).toMatch(/\d/);
    expect(await page.getByTestId('list-title').isVisible()).toBe(true);
    const pdf = await printToPdf(page);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    // Landscape: wider than tall (A4: 842 x 595 pt).
    expect(Math.round(pdf.width)).toBe(842);
    expect(Math.round(pdf.height)).toBe(595);
    await context.close();
  });

  it('the report page prints its figures (they are buttons on screen)', async () => {
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'tinh.lanhdao');
    await page.goto(`${server.url}/reports/documents`);
    await page.getByTestId('reports-create').click();
    await pickOption(page, 'report-form-template', 'Báo cáo công tác dân vận chính quyền năm');
    await fillField(page, 'report-form-year', '2021');
    await page.getByTestId('report-form-submit').click();
    await page.getByTestId('report-paper').waitFor();
    const block = await printedText(page, '[data-testid="block-s3.1.p1"]');
    expect(block).toContain('Giải quyết việc làm cho 28.101 lao động, đạt 73,95% kế hoạch năm');
    expect(await page.getByTestId('fig-employment.jobs_created').first().isVisible()).toBe(true);
    const pdf = await printToPdf(page);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBeLessThanOrEqual(12);
    await context.close();
  });

  it('the apology slip (Mẫu 04) prints on one A5 page with the new appointment date', async () => {
    const api = await apiLogin(server.url, 'xa.25213');
    const procs = await api.call<{ items: { id: number }[] }>('GET', '/api/v1/procedures?pageSize=100');
    const d = await api.call<{ id: number; code: string }>('POST', '/api/v1/dossiers', {
      procedureId: procs.items[0]!.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Trần Thị Xin Lỗi',
      applicantPhone: '0912345679',
      applicantAddress: 'Ấp 1, xã Tiến Hưng',
      delivery: 'counter',
      documents: ['Tờ khai đề nghị (bản chính)'],
    });
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'xa.25213');
    await page.goto(`${server.url}/dossiers/${d.id}/print/apology`);
    await page.getByTestId('slip-apology').waitFor();
    const text = await printedText(page, '[data-testid="slip-apology"]');
    expect(text).toContain(d.code);
    expect(text).toContain('Trần Thị Xin Lỗi');
    expect(await page.getByTestId('slip-new-date').innerText()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getByTestId('print-button').isVisible()).toBe(false);
    const pdf = await printToPdf(page);
    expect(pdf.pages).toBe(1);
    expect(Math.round(pdf.width)).toBe(420);
    await context.close();
  });

  it('the payment sheet prints on A4 landscape with every row, its total and a signature column', async () => {
    const api = await apiLogin(server.url, 'tinh.chuyenvien');
    const batches = await api.call<{ items: { id: number; count?: number; entriesCount?: number }[] }>(
      'GET',
      '/api/v1/payment-batches?pageSize=100',
    );
    expect(batches.items.length).toBeGreaterThan(0);
    const batch = batches.items[0]!;
    const entries = await api.call<{ total: number; items: { fullName: string }[] }>(
      'GET',
      `/api/v1/payment-batches/${batch.id}/entries?pageSize=500`,
    );
    expect(entries.total).toBeGreaterThan(0);
    const { context, page } = await newPage(browser, { width: 1047, height: 740 });
    await login(page, server.url, 'tinh.chuyenvien');
    await page.goto(`${server.url}/programs/batches/${batch.id}`);
    await page.getByTestId('batch-print').waitFor();
    // The page calls window.print() itself once the sheet is ready; here the PDF is made instead.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByTestId('batch-print').click();
    // The sheet exists only for paper: hidden on screen, shown under print media.
    await page.getByTestId('payment-sheet').waitFor({ state: 'attached' });
    const text = await printedText(page, '[data-testid="payment-sheet"]');
    expect(text).toContain('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'.slice(0, 10));
    expect(text).toContain(entries.items[0]!.fullName);
    const rows = await page.locator('[data-testid="payment-sheet"] tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(Math.min(entries.total, 500));
    // Nothing of the app around the sheet is on paper.
    expect(await page.getByTestId('batch-title').isVisible()).toBe(false);
    const lastHeader = page.locator('[data-testid="payment-sheet"] thead th').last();
    const box = (await lastHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1047);
    const pdf = await printToPdf(page);
    expect(Math.round(pdf.width)).toBe(842);
    expect(Math.round(pdf.height)).toBe(595);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('the citizen-reception forms (Mẫu 01/TCD, 02/TCD) print the letter on one page, in Vietnamese, without the app', async () => {
    const api = await apiLogin(server.url, 'thanhtra');
    const l = await api.call<{ id: number; code: string }>('POST', '/api/v1/petitions/letters', {
      receivedDate: new Date().toISOString().slice(0, 10),
      channel: 'in_person',
      senderName: 'Lê Văn Nộp Đơn',
      senderAddress: 'Ấp 2, xã Tiến Hưng',
      summary: 'Đề nghị xem xét lại mức trợ cấp hằng tháng',
    });
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'thanhtra');
    for (const form of ['01', '02'] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${server.url}/petitions/letters/${l.id}/print/${form}`);
      await page.getByTestId(`print-${form}`).waitFor();
      const text = await printedText(page, `[data-testid="print-${form}"]`);
      expect(text).toContain(`Mẫu số ${form}/TCD`);
      expect(text).toContain('Lê Văn Nộp Đơn');
      expect(text).toContain('Đề nghị xem xét lại mức trợ cấp hằng tháng');
      expect(await page.locator('.ant-layout-sider, nav').first().isVisible()).toBe(false);
      expect(await page.locator(`[data-testid="print-${form}"] button`).first().isVisible()).toBe(false);
      expect((await printToPdf(page)).pages).toBe(1);
    }
    await context.close();
  });

  it("the merit year's figures and the poverty breakdown print their numbers, not the controls", async () => {
    const { context, page } = await newPage(browser);
    await login(page, server.url, 'tinh.chuyenvien');
    await page.goto(`${server.url}/merit/year`);
    await page.getByTestId('merit-year').waitFor();
    const year = await printedText(page, '[data-testid="merit-year"]');
    expect(year).toMatch(/\d/);
    expect(await page.locator('.ant-input-number').first().isVisible()).toBe(false);
    expect((await printToPdf(page)).pages).toBe(1);

    await context.close();

    // The breakdown prints A4 landscape: its printable width at 10 mm margins is 277 mm = 1047 CSS px.
    const wide = await newPage(browser, { width: 1047, height: 740 });
    await login(wide.page, server.url, 'tinh.chuyenvien');
    const p2 = wide.page;
    await p2.goto(`${server.url}/poverty/breakdown`);
    await p2.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await p2.emulateMedia({ media: 'print' });
    expect(await p2.locator('.ant-segmented').first().isVisible()).toBe(false);
    const cells = p2.locator('.ant-table-thead th');
    const last = (await cells.last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(1047);
    const pdf = await printToPdf(p2);
    // The landscape @page applies to this page only (A4: 842 x 595 pt).
    expect(Math.round(pdf.width)).toBe(842);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(3);
    await wide.context.close();
  });

  it('a merit record and a poverty campaign print their content within the page, without the controls', async () => {
    const api = await apiLogin(server.url, 'tinh.chuyenvien');
    const records = await api.call<{ items: { id: number; fullName: string; dossierCode: string }[] }>(
      'GET',
      '/api/v1/merit/records?pageSize=1',
    );
    expect(records.items.length).toBe(1);
    const r = records.items[0]!;
    const campaigns = await api.call<{ items: { id: number }[] }>('GET', '/api/v1/poverty/campaigns');
    expect(campaigns.items.length).toBeGreaterThan(0);
    // A4 portrait at the app's 15 mm margins: 180 mm = 680 CSS px of printable width.
    const { context, page } = await newPage(browser, { width: 680, height: 900 });
    await login(page, server.url, 'tinh.chuyenvien');
    await page.goto(`${server.url}/merit/records/${r.id}`);
    await page.locator('.merit-print .ant-descriptions').first().waitFor();
    const text = await printedText(page, '.merit-print');
    expect(text).toContain(r.dossierCode);
    expect(await page.locator('.merit-print button').first().isVisible()).toBe(false);
    let pdf = await printToPdf(page);
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pages).toBeLessThanOrEqual(3);

    await context.close();

    // The campaign's households print A4 landscape: 277 mm = 1047 CSS px at 10 mm margins.
    const wide = await newPage(browser, { width: 1047, height: 740 });
    await login(wide.page, server.url, 'tinh.chuyenvien');
    await wide.page.goto(`${server.url}/poverty/campaigns/${campaigns.items[0]!.id}`);
    await wide.page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await wide.page.emulateMedia({ media: 'print' });
    expect(await wide.page.locator('.ant-segmented').first().isVisible()).toBe(false);
    const last = (await wide.page.locator('.ant-table-thead th:visible').last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(1047);
    pdf = await printToPdf(wide.page);
    expect(Math.round(pdf.width)).toBe(842);
    await wide.context.close();
  });
});
