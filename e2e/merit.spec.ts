import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[14]/.test(p));

describe('merit in a real browser', () => {
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

  it('the merit office receives remains, sends a coded sample and records the result, with the clocks', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'tinh.chuyenvien');
    await page.getByTestId('nav-merit').click();
    await page.getByTestId('merit-tab-remains').click();

    await page.getByTestId('intake-team').fill('Đội K72 thử nghiệm');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('intakes-table').getByText('Đội K72 thử nghiệm').waitFor();

    await page.getByTestId('sample-intake').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Đội K72 thử nghiệm' }).click();
    const code = `E2E-${Date.now()}`;
    await page.getByTestId('sample-code').fill(code);
    await page.getByTestId('sample-save').click();
    await page.getByTestId(`sample-stage-${code}`).filter({ hasText: 'taken' }).waitFor();

    await page.getByTestId(`sample-dispatch-${code}`).click();
    await page.getByTestId(`sample-stage-${code}`).filter({ hasText: 'dispatched' }).waitFor();
    await page.getByTestId(`sample-result-${code}`).click();
    await page.getByTestId(`sample-stage-${code}`).filter({ hasText: 'resulted' }).waitFor();
    const row = page.getByTestId('samples-table').locator('tr').filter({ hasText: code });
    await expect(row.textContent()).resolves.toContain('Không trùng khớp');
    await expect(row.textContent()).resolves.toContain('lab_result');

    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
