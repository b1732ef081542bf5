import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

describe('platform in a real browser', () => {
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

  it('a commune officer sees only their commune, switches to English and logs out', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'xa.25213');
    await expect(page.getByTestId('user-area').innerText()).resolves.toContain('Xã Tiến Hưng');
    await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);

    await page.getByTestId('nav-areas').click();
    const tree = page.getByTestId('area-tree');
    await tree.getByText('Xã Tiến Hưng').first().waitFor();
    const treeText = await tree.innerText();
    expect(treeText).toContain('Xã Tiến Hưng');
    expect(treeText).not.toContain('Huyện Lộc Ninh');
    expect(treeText).not.toContain('Tỉnh Bình Phước');

    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(page.getByTestId('nav-areas').innerText()).resolves.toContain('Administrative units');

    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('an admin creates a user and sees it in the audit log', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'admin');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').fill('xa.moi.e2e');
    await page.getByTestId('user-form-fullname').fill('Nguyễn Thị Mới');
    await page.getByTestId('user-form-role').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cán bộ cấp xã' }).click();
    await page.getByTestId('user-form-area').fill('25213');
    // The form shows the unit the code stands for once it is looked up; a person waits for it too.
    await page.getByTestId('area-input-name').filter({ hasText: 'Xã Tiến Hưng' }).waitFor();
    await page.getByTestId('user-form-password').fill('mat-khau-rat-dai-1');
    await page.getByTestId('user-form-submit').click();
    await page.getByTestId('user-form-submit').waitFor({ state: 'detached' });
    await page.getByTestId('users-search').locator('input').fill('moi.e2e');
    await page.getByTestId('users-search').locator('input').press('Enter');
    await page.getByTestId('users-table').getByText('xa.moi.e2e').waitFor();

    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await table.getByText('users.create').first().waitFor();
    // The newest event first: the creation of the account we just made.
    const firstRow = table.locator('tbody tr').filter({ hasText: 'users.create' }).first();
    await expect(firstRow.innerText()).resolves.toContain('admin');
    await firstRow.locator('td').first().click();
    await table.getByText('xa.moi.e2e').first().waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('works at 360 px wide without horizontal scrolling', async () => {
    const { context, page, problems } = await newPage(browser, { width: 360, height: 740 });
    await login(page, server.url, 'huyen.692');
    await expect(page.getByTestId('user-area').innerText()).resolves.toContain('Lộc Ninh');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
