import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { apiLogin, BENEFICIARIES, GIFT_PROGRAM, registerBeneficiary, writeReconcileXlsx } from './lib/programs.js';
import { tempDir } from './lib/registry.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

const COMMUNE = '25213';

/** The id at the end of the current address (/programs/lists/12 → 12). */
const idInUrl = (page: Page) => Number(new URL(page.url()).pathname.split('/').pop());

describe('support programs in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let programId: number;
  let listId: number;
  let dir: string;

  /** Row codes of a batch by name, as the payer's file names them. */
  const entryIds = async (base: string, batchId: number) => {
    const province = await apiLogin(base, 'tinh.chuyenvien');
    const page = await province.call<{ items: { id: number; fullName: string }[] }>(
      'GET',
      `/api/v1/payment-batches/${batchId}/entries`,
    );
    return Object.fromEntries(page.items.map((e) => [e.fullName, e.id])) as Record<string, number>;
  };

  beforeAll(async () => {
    // No synthetic demo people: the list holds exactly the people this test registers.
    server = await startServer({ env: { ANSINH_DEMO_PERSONS: '0' } });
    browser = await launchBrowser();
    dir = tempDir();
    const province = await apiLogin(server.url, 'tinh.chuyenvien');
    programId = (await province.call<{ id: number }>('POST', '/api/v1/programs', GIFT_PROGRAM)).id;
    const commune = await apiLogin(server.url, `xa.${COMMUNE}`);
    for (const b of BENEFICIARIES) await registerBeneficiary(commune, COMMUNE, b);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a province officer creates a program with its rules in the form', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'tinh.chuyenvien');
    await page.goto(`${server.url}/programs`);
    await page.getByTestId(`program-link-${GIFT_PROGRAM.code}`).waitFor();
    await page.getByTestId('programs-create').click();
    await page.getByTestId('program-form-code').fill('E2E-HOTRO-NGHEO');
    await page.getByTestId('program-form-name').fill('Hỗ trợ hộ nghèo dịp Tết (thử nghiệm)');
    await page.getByTestId('program-form-legal-basis').fill('Kế hoạch 20/KH-UBND');
    const from = page.getByTestId('program-form-period-from');
    await from.fill('01/01/2025');
    await from.press('Enter');
    await page.getByTestId('program-selector-status-0').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Hộ nghèo' }).first().click();
    await page.getByTestId('program-form-fixed-amount').fill('300000');
    await page.getByTestId('program-form-submit').click();
    await page.waitForURL(/\/programs\/\d+$/);
    await expect(page.getByTestId('program-name').innerText()).resolves.toBe('Hỗ trợ hộ nghèo dịp Tết (thử nghiệm)');
    const rules = await page.getByTestId('program-rules').innerText();
    expect(rules).toContain('Áp dụng từ 01/01/2025');
    expect(rules).toContain('Mức cố định 300.000 đồng');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a commune officer opens the program, prepares the list, checks it and submits it', async () => {
    const c = await newPage(browser);
    await login(c.page, server.url, `xa.${COMMUNE}`);
    await c.page.getByTestId('nav-programs').click();
    await c.page.getByTestId(`program-link-${GIFT_PROGRAM.code}`).click();
    await expect(c.page.getByTestId('program-name').innerText()).resolves.toBe(GIFT_PROGRAM.name);
    await expect(c.page.getByTestId('program-rules').innerText()).resolves.toContain('500.000');
    await c.page.getByTestId('program-generate').click();
    await c.page.waitForURL(/\/programs\/lists\/\d+$/);
    listId = idInUrl(c.page);
    await expect(c.page.getByTestId('list-state').innerText()).resolves.toBe('Đang lập');
    await expect(c.page.getByTestId('list-count').innerText()).resolves.toBe('2');
    await expect(c.page.getByTestId('list-total').innerText()).resolves.toBe('1.100.000 đồng');
    const entries = c.page.getByTestId('entries-table');
    await entries.getByText('Nguyễn Văn An').waitFor();
    await expect(entries.innerText()).resolves.toContain('600.000');
    await expect(entries.innerText()).resolves.toContain('Đủ điều kiện');

    await c.page.getByTestId('list-check').click();
    await expect(c.page.getByTestId('list-check-ok').innerText()).resolves.toContain('đã kiểm tra 2 người');
    await c.page.getByTestId('list-submit').click();
    await c.page.getByTestId('step-comment').fill('Đã rà soát tại ấp');
    await c.page.getByTestId('step-submit-submit').click();
    await c.page.getByTestId('list-state').filter({ hasText: 'Chờ thẩm định' }).waitFor();
    expect(await c.page.getByTestId('list-submit').count()).toBe(0);
    expect(unexpected(c.problems)).toEqual([]);
    await c.context.close();
  });

  it('the district officer returns it with a comment, and appraises it once the commune resubmits', async () => {
    const d = await newPage(browser);
    await login(d.page, server.url, 'huyen.689');
    await d.page.goto(`${server.url}/programs/lists/${listId}`);
    await d.page.getByTestId('list-return').click();
    await d.page.getByTestId('return-submit').click();
    await d.page.getByText('Ghi ý kiến trả lại').first().waitFor();
    await d.page.getByTestId('return-comment').fill('Kiểm tra lại mức của bà Bình');
    await d.page.getByTestId('return-submit').click();
    await d.page.getByTestId('list-state').filter({ hasText: 'Bị trả lại' }).waitFor();
    expect(await d.page.getByTestId('list-appraise').count()).toBe(0);

    const commune = await apiLogin(server.url, `xa.${COMMUNE}`);
    await commune.call('POST', `/api/v1/lists/${listId}/submit`, { comment: 'Đã kiểm tra lại, mức đúng diện 6' });
    await d.page.reload();
    await d.page.getByTestId('list-appraise').click();
    await d.page.getByTestId('step-appraise-submit').click();
    await d.page.getByTestId('list-state').filter({ hasText: 'Chờ phê duyệt' }).waitFor();
    expect(unexpected(d.problems)).toEqual([]);
    await d.context.close();
  });

  it('a province officer approves it with a decision number and publishes it', async () => {
    const p = await newPage(browser);
    await login(p.page, server.url, 'tinh.chuyenvien');
    await p.page.goto(`${server.url}/programs/${programId}`);
    await p.page.getByTestId(`list-link-${COMMUNE}`).click();
    await p.page.waitForURL(new RegExp(`/programs/lists/${listId}$`));
    await p.page.getByTestId('list-approve').click();
    await p.page.getByTestId('approve-submit').click();
    // The decision number is required; the form says so before anything is sent.
    await p.page.getByText('Nhập số quyết định phê duyệt').first().waitFor();
    await p.page.getByTestId('decision-no').fill('45/QĐ-SLĐTBXH');
    await p.page.getByTestId('approve-submit').click();
    await p.page.getByTestId('list-state').filter({ hasText: 'Đã phê duyệt' }).waitFor();
    await expect(p.page.getByTestId('list-decision').innerText()).resolves.toContain('45/QĐ-SLĐTBXH');
    const steps = await p.page.getByTestId('list-steps').innerText();
    // People's names, not usernames (issue 18).
    expect(steps).toContain('Cán bộ Xã Tiến Hưng');
    expect(steps).toContain('Cán bộ Thành phố Đồng Xoài');
    expect(steps).not.toContain('xa.25213');
    expect(steps).toContain('Quyết định 45/QĐ-SLĐTBXH');
    expect(steps).toContain('Đã rà soát tại ấp');
    expect(steps).toContain('Kiểm tra lại mức của bà Bình');
    expect(steps).toContain('Đã kiểm tra lại, mức đúng diện 6');

    await p.page.getByTestId('list-publish').click();
    await p.page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
    await p.page.getByTestId('list-remarks').waitFor();
    expect(unexpected(p.problems)).toEqual([]);
    await p.context.close();
  });

  it('the province officer opens a payment batch, records payments by hand and from the reconciliation file, never twice, and the totals show the paid amount', async () => {
    const p = await newPage(browser);
    await login(p.page, server.url, 'tinh.chuyenvien');
    await p.page.goto(`${server.url}/programs/${programId}`);
    await p.page.getByTestId('batch-create').click();
    await p.page.getByTestId('batch-form-area').fill(COMMUNE);
    await p.page.getByTestId('batch-form-submit').click();
    await p.page.waitForURL(/\/programs\/batches\/\d+$/);
    await expect(p.page.getByTestId('batch-count').innerText()).resolves.toBe('2');
    await expect(p.page.getByTestId('batch-total').innerText()).resolves.toBe('1.100.000 đồng');
    await expect(p.page.getByTestId('batch-paid').innerText()).resolves.toBe('0 người, 0 đồng');
    await p.page.getByTestId('batch-entries').getByText('Trần Thị Bình').waitFor();
    // The sheet is built in the background; the browser downloads it when it is ready.
    const [download] = await Promise.all([
      p.page.waitForEvent('download'),
      p.page.getByTestId('batch-sheet-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^bang-ke-chi-tra-dot-\d+\.xlsx$/);
    expect(download.url()).toMatch(/\/api\/v1\/jobs\/\d+\/file$/);

    // Mr An is paid at the counter, one row ticked.
    const entries = p.page.getByTestId('batch-entries');
    await entries.locator('tr', { hasText: 'Nguyễn Văn An' }).locator('.ant-checkbox-input').check();
    await p.page.getByTestId('pay-paid').click();
    await p.page.getByTestId('record-reference').fill('PC-001');
    await p.page.getByTestId('record-submit').click();
    await p.page.getByTestId('batch-result').filter({ hasText: 'Đã ghi nhận 1 dòng' }).waitFor();
    await p.page.getByTestId('batch-paid').filter({ hasText: '1 người, 500.000 đồng' }).waitFor();
    await expect(entries.locator('tr', { hasText: 'Nguyễn Văn An' }).innerText()).resolves.toContain('PC-001');

    // The post office's reconciliation file pays Mrs Bình, and lists Mr An again: he is not paid twice.
    const batchId = idInUrl(p.page);
    const rows = await entryIds(server.url, batchId);
    const file = await writeReconcileXlsx(path.join(dir, 'doi-soat.xlsx'), [
      [rows['Nguyễn Văn An']!, 'Nguyễn Văn An', 'Đã chi', '22/01/2025', 'PC-001'],
      [rows['Trần Thị Bình']!, 'Trần Thị Bình', 'Đã chi', '23/01/2025', 'BD-778'],
    ]);
    await p.page.locator('input[type=file]').setInputFiles(file);
    await p.page
      .getByTestId('batch-result')
      .filter({ hasText: 'Đã ghi nhận 1 dòng' })
      .filter({ hasText: 'Đã chi từ trước' })
      .waitFor();
    await p.page.getByTestId('batch-paid').filter({ hasText: '2 người, 1.100.000 đồng' }).waitFor();
    await expect(entries.locator('tr', { hasText: 'Trần Thị Bình' }).innerText()).resolves.toContain('BD-778');

    // Paying the same people again records nothing: each entry is paid at most once.
    await p.page.getByTestId('batch-entries').locator('.ant-table-thead .ant-checkbox-input').check();
    await p.page.getByTestId('pay-paid').click();
    await p.page.getByTestId('record-submit').click();
    await p.page.getByTestId('batch-result').filter({ hasText: 'Đã ghi nhận 0 dòng' }).waitFor();
    await expect(p.page.getByTestId('batch-result').innerText()).resolves.toContain('Đã chi từ trước');
    await expect(p.page.getByTestId('batch-paid').innerText()).resolves.toBe('2 người, 1.100.000 đồng');

    // The printable sheet: amounts in figures and in words, the total, a signature column.
    await p.page.evaluate(() => {
      window.print = () => undefined;
    });
    await p.page.getByTestId('batch-print').click();
    const sheet = p.page.getByTestId('payment-sheet');
    await sheet.waitFor({ state: 'attached' });
    const sheetText = (await sheet.textContent()) ?? '';
    expect(sheetText).toContain('DANH SÁCH CHI TRẢ');
    expect(sheetText).toContain('Năm trăm nghìn đồng');
    expect(sheetText).toContain('Sáu trăm nghìn đồng');
    expect(sheetText).toContain('Một triệu một trăm nghìn đồng');
    expect(sheetText).toContain('Ký nhận');

    // The program's totals: what a department officer reports.
    await p.page.goto(`${server.url}/programs/${programId}`);
    await p.page.getByTestId('program-totals').filter({ hasText: 'Đã chi 2 người' }).waitFor();
    await expect(p.page.getByTestId('program-totals').innerText()).resolves.toBe(
      'Đã duyệt 2 người, 1.100.000 đồng / Đã chi 2 người, 1.100.000 đồng',
    );
    expect(unexpected(p.problems)).toEqual([]);
    await p.context.close();
  });

  it('anyone, without signing in, sees the published list with the ID masked, on a phone', async () => {
    const pub = await newPage(browser, { width: 390, height: 800 });
    await pub.page.goto(`${server.url}/cong-khai`);
    await pub.page.getByTestId(`public-list-${listId}`).click();
    const table = pub.page.getByTestId('public-entries');
    await table.getByText('Nguyễn Văn An').waitFor();
    const text = await table.innerText();
    expect(text).toContain('1940');
    expect(text).toContain('•••••••••234');
    expect(text).toContain('500.000');
    expect(await pub.page.content()).not.toContain('070040001234');
    expect(await pub.page.content()).not.toContain('070190001235');
    expect(await pub.page.getByTestId('remark-submit').count()).toBe(0);
    expect(unexpected(pub.problems)).toEqual([]);
    await pub.context.close();
  });

  it('a supervisor files a remark on the published list; the commune officer answers it', async () => {
    const s = await newPage(browser);
    await login(s.page, server.url, 'giamsat');
    await s.page.goto(`${server.url}/giam-sat/${listId}`);
    await s.page.getByTestId('remark-text').fill('Ông An đã chuyển về ở với con tại xã khác?');
    await s.page.getByTestId('remark-submit').click();
    await s.page.getByTestId('remark-sent').waitFor();
    await s.page.getByTestId('public-remarks').getByText('Ông An đã chuyển về ở với con tại xã khác?').waitFor();
    expect(unexpected(s.problems)).toEqual([]);
    await s.context.close();

    const a = await newPage(browser);
    await login(a.page, server.url, `xa.${COMMUNE}`);
    await a.page.goto(`${server.url}/programs/lists/${listId}`);
    const remarks = a.page.getByTestId('list-remarks');
    await remarks.getByText('Ông An đã chuyển về ở với con tại xã khác?').waitFor();
    await remarks.locator('input').fill('Ông An vẫn cư trú tại ấp 1, đã xác minh.');
    await remarks.getByRole('button', { name: 'Trả lời' }).click();
    await remarks.getByText('Trả lời của Cán bộ Xã Tiến Hưng').waitFor();
    expect(unexpected(a.problems)).toEqual([]);
    await a.context.close();
  });
});
