import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { pickOption } from './lib/reports.js';

/**
 * Expected browser noise: the app asks /auth/me before anyone has signed in (401), and the
 * recognition tried before the village meeting is refused on purpose (409).
 */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of (401|409)/.test(p));

describe('the poverty review in a real browser', () => {
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

  it('a commune officer lists, surveys with live scoring, meets, posts and recognises; the registry changes', async () => {
    const { context, page, problems } = await newPage(browser, { width: 1024, height: 768 });
    await login(page, server.url, 'xa.25213');

    // A household on the current list (through the registry API, as the officer).
    const me = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const hh = (await (
      await page.request.post(`${server.url}/api/v1/households`, {
        headers,
        data: { communeCode: '25213', residence: 'rural', village: 'Thôn E2E' },
      })
    ).json()) as { id: number; code: string };
    const st = await page.request.post(`${server.url}/api/v1/statuses`, {
      headers,
      data: {
        kind: 'poverty',
        householdId: hh.id,
        category: 'poor',
        year: 2025,
        validFrom: '2026-01-01',
        decisionNo: 'E2E-1/QĐ-UBND',
        decisionDate: '2025-12-20',
      },
    });
    expect(st.status()).toBe(201);

    // Open the year's campaign and list the current poor and near-poor households.
    await page.getByTestId('nav-poverty').click();
    await page.getByTestId('campaign-create').click();
    await page.getByTestId('list-current').waitFor();
    await page.getByTestId('list-current').click();
    await page.getByTestId(`survey-${hh.code}`).click();

    // The survey form scores as it is filled in.
    await pickOption(page, 'b1-members', 'Từ 5 người');
    await pickOption(page, 'b1-house', 'Thiếu kiên cố');
    for (const label of ['Bảo hiểm y tế', 'Nguồn nước sinh hoạt', 'Nhà tiêu hợp vệ sinh']) {
      await page.getByRole('checkbox', { name: new RegExp(`^${label}:`) }).check();
    }
    await expect(page.getByTestId('survey-live').textContent()).resolves.toContain('Hộ nghèo');
    await page.getByTestId('survey-reviewer').fill('Trần Thị Rà');
    await page.getByTestId('survey-save').click();

    // Recognition before the village meeting is refused, with a message saying what to do.
    await page.getByTestId('recognition-no').fill('15/QĐ-UBND');
    await page.getByTestId('recognition-signer').fill('Nguyễn Văn Chủ');
    await page.getByTestId('recognition-save').click();
    await expect(page.getByTestId('recognition-save-error').textContent()).resolves.toMatch(/họp dân/);

    await page.getByTestId('meeting-chair').fill('Trưởng thôn');
    await page.getByTestId('meeting-save').click();
    await page.getByText('Đã lưu.').first().waitFor();
    await page.getByTestId('posting-save').click();
    await page.getByText('Đã lưu.').nth(1).waitFor();
    await page.getByTestId('recognition-save').click();
    await page.getByTestId('recognized').waitFor();

    const after = (await (await page.request.get(`${server.url}/api/v1/households/${hh.id}`)).json()) as {
      statuses: { kind: string; category: string; decisionNo: string; validFrom: string; validTo: string | null }[];
    };
    const poverty = after.statuses.filter((s) => s.kind === 'poverty');
    expect(poverty).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ decisionNo: 'E2E-1/QĐ-UBND', validTo: '2026-12-31' }),
        expect.objectContaining({ category: 'poor', decisionNo: '15/QĐ-UBND', validFrom: '2027-01-01' }),
      ]),
    );
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 120_000);
});
