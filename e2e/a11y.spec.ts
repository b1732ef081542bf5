import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, login, newPage, startServer, type Server } from './lib/harness.js';
import { axeScan, blocking, describeViolations, totals, type AxeResult } from './lib/axe.js';
import { fillField, pickOption } from './lib/reports.js';

/**
 * WCAG 2.2 AA (issue 18 item 6): axe-core over the main page states of each role and the public
 * pages, failing on any critical or serious violation; every app page has one h1, a skip link as the
 * first Tab stop, and focus goes back to the button that opened a dialog once it closes.
 */
const all: AxeResult[] = [];

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

/** Scans the page now; returns the result (collected for the totals) and the h1 count. */
async function scan(page: Page, state: string): Promise<AxeResult> {
  await settle(page);
  // Dates are entered with the one Vietnamese date picker (components/DateInput.tsx), never as ISO text.
  expect(await page.locator('input[type="date"]').count(), `${state}: an <input type="date">`).toBe(0);
  const result = await axeScan(page, state);
  all.push(result);
  return result;
}

async function visit(page: Page, url: string, state: string, results: AxeResult[]): Promise<void> {
  await page.goto(url);
  results.push(await scan(page, state));
}

/** Opens the first link matching `selector` on the current page, if there is one, and scans. */
async function follow(page: Page, selector: string, state: string, results: AxeResult[]): Promise<boolean> {
  await settle(page);
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) return false;
  const href = await link.getAttribute('href');
  if (href) await page.goto(new URL(href, page.url()).toString());
  else await link.click();
  results.push(await scan(page, state));
  return true;
}

function assertClean(results: AxeResult[]): void {
  const failing = results.filter((r) => blocking(r).length > 0);
  expect(failing.length, `axe found critical/serious violations:\n${describeViolations(failing)}`).toBe(0);
}

async function h1s(page: Page): Promise<string[]> {
  return page.locator('h1').allInnerTexts();
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  let server: Server;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    const t = totals(all);
    console.log(
      `axe over ${all.length} page states (${all.map((r) => r.state).join('; ')}): critical ${t.critical}, serious ${t.serious}, moderate ${t.moderate}, minor ${t.minor} (elements); ${t.rules} rules`,
    );
    if (process.env.AXE_VERBOSE)
      console.log(describeViolations(all, ['critical', 'serious', 'moderate']) || 'no violations');
    await browser?.close();
    await server?.stop();
  });

  it('the public pages and the login page', async () => {
    const results: AxeResult[] = [];
    const { context, page } = await newPage(browser, { width: 360, height: 740 });
    await visit(page, `${server.url}/login`, 'login (360 px)', results);
    await visit(page, `${server.url}/tra-cuu`, '/tra-cuu', results);
    await visit(page, `${server.url}/cong-khai`, '/cong-khai', results);
    await follow(page, '[data-testid^="public-list-"]', '/cong-khai/:id', results);
    await context.close();
    assertClean(results);
  });

  it('a commune officer: home, registry, person, programs, list, dossiers, intake', async () => {
    const results: AxeResult[] = [];
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'xa.25213');
    results.push(await scan(page, 'home (commune)'));
    await visit(page, `${server.url}/registry`, 'registry search', results);
    await follow(page, 'a[href^="/registry/persons/"]', 'person', results);
    await visit(page, `${server.url}/registry/households`, 'households', results);
    await follow(page, 'a[href^="/registry/households/"]', 'household', results);
    await visit(page, `${server.url}/programs`, 'programs (commune)', results);
    await follow(page, '[data-testid^="program-link-"]', 'program (commune)', results);
    await follow(page, '[data-testid^="list-link-"]', 'list (commune)', results);
    await visit(page, `${server.url}/dossiers`, 'dossiers queue', results);
    await follow(page, 'table a[href^="/dossiers/"]', 'dossier', results);
    await visit(page, `${server.url}/dossiers/new`, 'dossier intake', results);
    await context.close();
    assertClean(results);
  });

  it('a district officer and the department: programs, appraisal, petitions, reports', async () => {
    const results: AxeResult[] = [];
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'huyen.692');
    results.push(await scan(page, 'home (district)'));
    await visit(page, `${server.url}/programs`, 'programs (district)', results);
    await follow(page, '[data-testid^="program-link-"]', 'program (district)', results);
    await context.close();

    const dept = await newPage(browser, { width: 1366, height: 900 });
    await login(dept.page, server.url, 'tinh.chuyenvien');
    results.push(await scan(dept.page, 'home (province)'));
    await visit(dept.page, `${server.url}/programs`, 'programs (province)', results);
    await follow(dept.page, '[data-testid^="program-link-"]', 'program (province)', results);
    await follow(dept.page, '[data-testid^="list-link-"]', 'list (province)', results);
    await visit(dept.page, `${server.url}/reports`, 'reports dashboard', results);
    await visit(dept.page, `${server.url}/reports/documents`, 'reports list', results);
    // A report made from the annual template (as e2e/reports.spec.ts does): its dialog, then its page.
    await dept.page.getByTestId('reports-create').click();
    await dept.page.getByTestId('report-form-submit').waitFor();
    results.push(await scan(dept.page, 'reports: create dialog open'));
    await pickOption(dept.page, 'report-form-template', 'Báo cáo công tác dân vận chính quyền năm');
    await fillField(dept.page, 'report-form-year', '2021');
    await dept.page.getByTestId('report-form-submit').click();
    await dept.page.getByTestId('report-paper').waitFor();
    results.push(await scan(dept.page, 'report'));
    await dept.context.close();

    const lead = await newPage(browser, { width: 1366, height: 900 });
    await login(lead.page, server.url, 'tinh.lanhdao');
    results.push(await scan(lead.page, 'home (leader)'));
    await visit(lead.page, `${server.url}/petitions`, 'petitions', results);
    await visit(lead.page, `${server.url}/petitions/letters`, 'petition letters', results);
    await follow(
      lead.page,
      'a[href^="/petitions/letters/"]:not([href$="/new"]), a[href^="/petitions/cases/"]',
      'petition',
      results,
    );
    await lead.context.close();
    assertClean(results);
  });

  it('the administrator: users, a dialog open, areas, audit', async () => {
    const results: AxeResult[] = [];
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'admin');
    results.push(await scan(page, 'home (admin)'));
    await visit(page, `${server.url}/users`, 'users', results);
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').waitFor();
    results.push(await scan(page, 'users: create dialog open'));
    await page.keyboard.press('Escape');
    await visit(page, `${server.url}/areas`, 'areas', results);
    await visit(page, `${server.url}/audit`, 'audit', results);

    // The one date picker: a date typed the Vietnamese way is read as such and shown back the same.
    const from = page
      .getByTestId('audit-filter-from')
      .locator('input')
      .or(page.locator('input[data-testid="audit-filter-from"]'));
    await from.first().click();
    await from.first().fill('05/12/2026');
    await page.keyboard.press('Enter');
    expect(await from.first().inputValue()).toBe('05/12/2026');
    await page.keyboard.press('Escape');
    await context.close();
    assertClean(results);
  });

  it('every page has one h1 and a skip link as the first Tab stop; a closed dialog gives focus back to its button', async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'admin');
    for (const path of ['/', '/users', '/areas', '/audit', '/registry', '/programs', '/dossiers', '/reports']) {
      await page.goto(`${server.url}${path}`);
      await settle(page);
      expect(await h1s(page), path).toHaveLength(1);
      // The skip link is the first Tab stop and moves focus to the main content.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent), path).toBe('Bỏ qua đến nội dung chính');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id), path).toBe('main');
      expect(await page.locator('main').count(), path).toBe(1);
      expect(await page.locator('header, [role="banner"]').count(), path).toBeGreaterThan(0);
      expect(await page.locator('nav').count(), path).toBeGreaterThan(0);
    }

    await page.goto(`${server.url}/users`);
    await page.getByTestId('users-create').click();
    await page.getByTestId('user-form-username').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('user-form-username').waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'users-create',
      undefined,
      {
        timeout: 3000,
      },
    );
    await context.close();
  });

  it("at 1366 px the programs, the dossier queue and a person's statuses show every column (no sideways scroll)", async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'tinh.chuyenvien');
    /** How much of the table is hidden sideways (0: it fits its box) and whether the page itself scrolls. */
    const overflow = async (testId: string) => {
      await settle(page);
      return page.getByTestId(testId).evaluate((box) => {
        const scroller = box.querySelector<HTMLElement>('.ant-table-content, .ant-table-body');
        return {
          hidden: scroller ? scroller.scrollWidth - scroller.clientWidth : -1,
          page: document.documentElement.scrollWidth - window.innerWidth,
          headers: Array.from(box.querySelectorAll<HTMLElement>('thead th'))
            .filter((th) => th.getBoundingClientRect().right > window.innerWidth)
            .map((th) => th.innerText),
        };
      });
    };
    await page.goto(`${server.url}/programs`);
    await page.locator('[data-testid^="program-link-"]').first().waitFor();
    expect(await overflow('programs-table')).toEqual({ hidden: 0, page: 0, headers: [] });

    await page.goto(`${server.url}/dossiers/all`);
    await page.locator('[data-testid="dossiers-table"] tr.ant-table-row a').first().waitFor();
    expect(await overflow('dossiers-table')).toEqual({ hidden: 0, page: 0, headers: [] });

    await page.goto(`${server.url}/registry?statusKind=social_assistance`);
    await page.locator('a[href^="/registry/persons/"]').first().click();
    await page.getByTestId('person-statuses').locator('tr.ant-table-row').first().waitFor();
    expect(await overflow('person-statuses')).toEqual({ hidden: 0, page: 0, headers: [] });

    // A program's payment batches (the last column, "Ngày lập", was cut off at 1366 px).
    const batches = (await (await page.request.get(`${server.url}/api/v1/payment-batches?pageSize=1`)).json()) as {
      items: { programId: number }[];
    };
    await page.goto(`${server.url}/programs/${batches.items[0]!.programId}`);
    await page.getByTestId('batches-table').locator('tr.ant-table-row').first().waitFor();
    expect(await overflow('batches-table')).toEqual({ hidden: 0, page: 0, headers: [] });
    await context.close();
  });

  it('a phone: the drawer menu returns focus to its button', async () => {
    const results: AxeResult[] = [];
    const { context, page } = await newPage(browser, { width: 360, height: 740 });
    await login(page, server.url, 'xa.25213');
    results.push(await scan(page, 'home (360 px)'));
    const opener = page.locator('.app-menu-button');
    await opener.click();
    await page.getByTestId('nav-registry').waitFor();
    results.push(await scan(page, 'menu drawer open (360 px)'));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('app-menu-button'), undefined, {
      timeout: 3000,
    });
    // Touch targets: the menu button is at least 44 px on a phone.
    const box = (await opener.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    await visit(page, `${server.url}/registry`, 'registry search (360 px)', results);
    await context.close();
    assertClean(results);
  });
});
