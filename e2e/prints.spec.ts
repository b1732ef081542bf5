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
});
