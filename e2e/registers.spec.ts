import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[14]/.test(p));

describe('organisation and activities registers in a real browser', () => {
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

  it('a department officer records a training course and the year’s staffing, and sees them listed', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'tinh.chuyenvien');

    await page.getByTestId('nav-activities').click();
    await page.getByTestId('activity-new').click();
    const title = `Bồi dưỡng nữ ứng cử viên HĐND ${Date.now()}`;
    await page.getByTestId('activity-title').fill(title);
    await page.getByTestId('activity-start').fill('15/03/2026');
    await page.getByTestId('activity-start').press('Enter');
    await page.getByTestId('activity-organiser').fill('Sở Nội vụ');
    await page.getByTestId('activity-total').fill('45');
    await page.getByTestId('activity-female').fill('45');
    await page.getByTestId('activity-save').click();
    const row = page.getByTestId('activities').locator('tr').filter({ hasText: title });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('15/03/2026');

    await page.getByTestId('nav-organisation').click();
    const unit = `Phòng Thử nghiệm ${Date.now()}`;
    await page.getByTestId('unit-name').fill(unit);
    await page.getByTestId('unit-from').fill('01/07/2025');
    await page.getByTestId('unit-from').press('Enter');
    await page.getByTestId('unit-add').click();
    await page.getByTestId('units').getByText(unit).waitFor();

    await page.getByTestId('staffing-year').fill('2025');
    await page.getByTestId('staffing-approvedPosts').fill('160');
    await page.getByTestId('staffing-staffStart').fill('150');
    await page.getByTestId('staffing-staffEnd').fill('140');
    await page.getByTestId('staffing-staffCut').fill('10');
    await page.getByTestId('staffing-save').click();
    const year = page.getByTestId('staffing').locator('tr').filter({ hasText: '2025' });
    await year.filter({ hasText: '6,67%' }).waitFor();

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
