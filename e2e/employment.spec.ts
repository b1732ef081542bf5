import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';

/** Pick an option of an Ant Design select: the open dropdown only (closed ones stay in the page). */
async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
}

/** Expected browser noise: the app asks /auth/me before anyone has signed in. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));
const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

describe('employment services in a real browser', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    // A small registry so the demo has labour supply records to check in.
    server = await startServer({ env: { ANSINH_DEMO_PERSONS: '3000' } });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the centre checks a worker in at a job fair by name without accents, hires them, and the plan progress counts one more job', async () => {
    const { context, page, problems } = await newPage(browser);
    await login(page, server.url, 'ttdvvl');
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

    // Baseline in the same run: the province's jobs created this year before the fair.
    const progress = async () =>
      (
        (await (await page.request.get(`${server.url}/api/v1/employment/jobs/progress?year=${year}`)).json()) as {
          rows: { areaCode: string; total: number }[];
        }
      ).rows[0]!.total;
    const before = await progress();
    const person = (
      (await (
        await page.request.get(`${server.url}/api/v1/employment/supply?pageSize=1&status=unemployed`)
      ).json()) as {
        items: { id: number; fullName: string }[];
      }
    ).items[0]!;

    // A fair today, with a vacancy offered.
    await page.getByTestId('nav-employment').click();
    await page.getByTestId('vacancies').waitFor();
    await page.goto(`${server.url}/employment/fairs`);
    await page.getByTestId('fair-name').fill('Phiên giao dịch việc làm thử nghiệm');
    await page.getByTestId('fair-date').fill(today);
    await page.getByTestId('fair-place').fill('Nhà văn hóa tỉnh');
    await page.getByTestId('fair-create').click();
    await page.getByTestId('fair-counts').waitFor();
    await pickOption(page, 'fair-offer', 'Công nhân may');
    await expect.poll(() => page.getByTestId('fair-counts').textContent()).toMatch(/^1 doanh nghiệp · 1 vị trí/);

    // Check-in at the door: the name typed without accents, Enter checks in the only match.
    const started = Date.now();
    await page.getByTestId('checkin-search').fill(plain(person.fullName));
    await page.getByTestId(`checkin-${person.id}`).waitFor();
    await page.getByTestId('checkin-search').press('Enter');
    await expect.poll(() => page.getByTestId('fair-counts').textContent()).toMatch(/1 lao động tham gia/);
    expect(Date.now() - started).toBeLessThan(5000);

    // Hired at the fair: a placement, so a job created through the centre.
    await pickOption(page, `hire-${person.id}`, 'Công nhân may');
    await expect.poll(() => page.getByTestId('fair-counts').textContent()).toMatch(/1 trúng tuyển$/);

    // The plan's progress counts it.
    await page.goto(`${server.url}/employment/progress`);
    await page.getByTestId('progress-total-70').waitFor();
    await expect
      .poll(async () => Number((await page.getByTestId('progress-total-70').textContent())!.replace(/\./g, '')))
      .toBe(before + 1);
    expect(await progress()).toBe(before + 1);
    // The centre's yearly report (NĐ 23/2021 Mẫu 05) counts it too, in its plan-vs-actual lines.
    await page.goto(`${server.url}/employment/reports`);
    await pickOption(page, 'report-kind', 'Báo cáo năm của Trung tâm DVVL');
    const provinceLine = page.getByTestId('report-plan').locator('tbody tr.ant-table-row').first().locator('td').last();
    await expect
      .poll(async () => Number((await provinceLine.textContent())!.split(/[/,]/)[0]!.replace(/\./g, '')))
      .toBe(before + 1);
    // The person's page shows the counted job.
    await page.goto(`${server.url}/employment/persons/${person.id}`);
    await expect(page.getByTestId('person-jobs').textContent()).resolves.toMatch(/được tính/);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  }, 120_000);
});
