import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option:visible').filter({ hasText: option }).first().click();
}

describe('petitions in a real browser', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ env: { ANSINH_DEMO_PERSONS: '0' } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the inspector logs a hotline call, turns it into a letter, accepts the complaint and settles it', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'thanhtra');
    await page.getByTestId('nav-petitions').click();
    await page.getByRole('link', { name: 'Đường dây nóng' }).click();

    // Keyboard first: the cursor is in the question, Ctrl+Enter saves.
    await page.getByTestId('hotline-topic').fill('Khiếu nại việc bị cắt trợ cấp xã hội hằng tháng');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hướng dẫn gửi đơn khiếu nại');
    await page.keyboard.press('Control+Enter');
    const toLetter = page.locator('[data-testid^="call-to-letter-"]').first();
    await toLetter.waitFor();
    await toLetter.click();

    await page.getByTestId('letter-name').fill('Nguyễn Thị Khiếu');
    await page.getByTestId('letter-address').fill('Ấp 3, xã Tiến Hưng, Đồng Xoài');
    await page.getByTestId('letter-summary').fill('Khiếu nại quyết định thôi hưởng trợ cấp xã hội hằng tháng');
    await page.getByTestId('letter-save').click();
    await page.getByTestId('letter-details').waitFor();
    await expect(page.getByTestId('clock').first().textContent()).resolves.toMatch(/ngày làm việc/);

    // Classify: complaint, every check ticked, within competence; then accept.
    await page.getByTestId('classify-card').getByText('Khiếu nại', { exact: true }).click();
    await page.getByTestId('classify-all').click();
    await page.getByTestId('classify-save').click();
    await page.getByTestId('decide-save').click();
    // The decision's slip (proposal to accept, Mẫu 01 TT 05/2021) downloads as DOCX.
    const slip = await page.getByTestId('form-slip').getAttribute('href');
    const doc = await context.request.get(new URL(slip!, server.url).toString());
    expect(doc.status()).toBe(200);
    expect(doc.headers()['content-type']).toMatch(/wordprocessingml/);
    await page.getByTestId('letter-case').click();

    // The case page shows its settlement clock (30 days for a first complaint) and takes the decision.
    await page.getByTestId('case-clock').waitFor();
    await expect(page.getByTestId('case-clock').textContent()).resolves.toMatch(/Còn 30 ngày/);
    await choose(page, 'step-kind', 'Quyết định / kết luận');
    await choose(page, 'step-result', 'Đúng một phần');
    await page.getByTestId('step-save').click();
    await page.getByTestId('case-state').filter({ hasText: 'decided' }).waitFor();
    await expect(page.getByTestId('case-clock').textContent()).resolves.toMatch(/Xong đúng hạn/);

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
