import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { chooseOption, DOSSIER_CODE } from './lib/dossiers.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in; a wrong lookup answers 404. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[14]/.test(p));

describe('dossiers in a real browser', () => {
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

  it('an officer takes an assisted dossier at the counter, prints the receipt, passes it up, and the citizen sees where it is', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'xa.25213');
    await page.getByTestId('nav-dossiers').click();
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();

    await chooseOption(page, 'receive-procedure', 'DEMO.NCC.03', /thương binh/);
    await page.getByTestId('receive-channel').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Cán bộ nộp thay' }).click();
    await page.getByTestId('receive-reason').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Người khuyết tật' }).click();
    await page.getByTestId('receive-assisted-note').fill('Thương binh, không đi lại được');
    await page.getByTestId('receive-name').fill('Nguyễn Văn Thương');
    await page.getByTestId('receive-phone').fill('0912345678');
    await page.getByTestId('receive-delivery').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'Mang đến tận nhà' }).click();
    await page.getByTestId('receive-submit').click();

    // The receipt and appointment slip opens; printed, only the slip shows.
    await page.getByTestId('slip-receipt').waitFor();
    const code = (await page.getByTestId('slip-code').textContent())!.trim();
    expect(code).toMatch(DOSSIER_CODE);
    const appointment = (await page.getByTestId('slip-appointment').textContent())!.trim();
    expect(appointment).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect(page.getByTestId('slip-receipt').textContent()).resolves.toContain('nộp thay');
    // The full lookup address, and a QR code of it, so a phone opens the lookup with the code filled in.
    await expect(page.getByTestId('slip-lookup-url').textContent()).resolves.toBe(
      `${server.url}/tra-cuu?ma=${encodeURIComponent(code)}`,
    );
    await expect(page.getByTestId('slip-lookup-qr').locator('svg').count()).resolves.toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('print-button').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('user-menu').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('slip-code').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Pass it up to the district.
    await page.goBack();
    await page.getByTestId('nav-dossiers').click();
    await page.getByTestId('dossiers-search').locator('input').fill(code);
    await page.getByRole('link', { name: code }).click();
    await page.getByTestId('action-forward').click();
    await page.getByTestId('action-note').fill('Đã xác minh tại xã');
    await page.getByTestId('action-submit').click();
    await page.getByTestId('dossier-state').getByText('Đang giải quyết').waitFor();
    await page.getByTestId('dossier-timeline').getByText('Chuyển cấp trên').waitFor();
    // The district holds it now: the commune counter may only withdraw it at the applicant's request.
    await expect(page.getByTestId('dossier-actions').getByRole('button').allTextContents()).resolves.toEqual([
      'Rút hồ sơ',
    ]);

    // The citizen, without an account, on a small phone screen.
    const phone = await newPage(browser, { width: 360, height: 640 });
    await phone.page.goto(`${server.url}/tra-cuu`);
    await phone.page.getByTestId('lookup-code').fill(code);
    await phone.page.getByTestId('lookup-check').fill('0999999999');
    await phone.page.getByTestId('lookup-submit').click();
    await phone.page.getByTestId('lookup-error').waitFor();
    await phone.page.getByTestId('lookup-check').fill('0912345678');
    await phone.page.getByTestId('lookup-submit').click();
    await phone.page.getByTestId('lookup-result').waitFor();
    await expect(phone.page.getByTestId('lookup-state').textContent()).resolves.toBe('Đang giải quyết');
    await expect(phone.page.getByTestId('lookup-where').textContent()).resolves.toBe('Thành phố Đồng Xoài');
    await expect(phone.page.getByTestId('lookup-appointment').textContent()).resolves.toBe(appointment);
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);

    expect(unexpected(problems)).toEqual([]);
    expect(unexpected(phone.problems)).toEqual([]);
    await phone.context.close();
    await context.close();
  });
});
