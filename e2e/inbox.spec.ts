import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { InboxOut } from '@ansinh/domain';
import { launchBrowser, login, newPage, PASSWORD, startServer, type Server } from './lib/harness.js';
import { apiLogin } from './lib/programs.js';

/** Expected browser noise: the app asks /auth/me before anyone has signed in; the expired session answers 401. */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 401/.test(p));

/** The work inbox on the home page, per role, against the demo province; and a re-login that keeps a form. */
describe('work inbox in a real browser', () => {
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

  const ROLES: { username: string; kinds: string[] }[] = [
    { username: 'xa.25213', kinds: ['list_prepare', 'list_fix', 'remark_answer', 'dossier_due'] },
    { username: 'huyen.689', kinds: ['list_appraise', 'remark_answer', 'dossier_due'] },
    { username: 'tinh.chuyenvien', kinds: ['list_approve', 'remark_answer', 'dossier_due'] },
    { username: 'tinh.lanhdao', kinds: ['list_sign', 'letter_due', 'case_due'] },
  ];

  for (const role of ROLES) {
    it(`shows ${role.username} what waits for them, counted in the menu, each item opening where the work is done`, async () => {
      const api = await apiLogin(server.url, role.username);
      const inbox = await api.call<InboxOut>('GET', '/api/v1/inbox');
      expect(inbox.counts.map((c) => c.kind)).toEqual(expect.arrayContaining(role.kinds));

      const { context, page, problems } = await newPage(browser, { width: 1366, height: 900 });
      await login(page, server.url, role.username);
      await page.getByTestId('inbox').waitFor();
      const items = page.getByTestId('inbox-item');
      // The demo province has work waiting at every level.
      expect(inbox.items.length).toBeGreaterThan(0);
      await items.first().waitFor();
      expect(await items.count()).toBe(inbox.items.length);
      // Never two states at once.
      expect(await page.getByTestId('inbox-loading').count()).toBe(0);
      expect(await page.getByTestId('inbox-empty').count()).toBe(0);
      // The first item is the most urgent one the server gave.
      expect(await items.first().innerText()).toContain(inbox.items[0]!.title);

      const total = inbox.counts.filter((c) => c.kind !== 'import_done').reduce((n, c) => n + c.count, 0);
      if (total > 0) expect(await page.getByTestId('nav-badge-home').innerText()).toContain(String(total).slice(0, 3));
      const programs = inbox.counts
        .filter((c) => c.kind.startsWith('list_') || c.kind === 'remark_answer')
        .reduce((n, c) => n + c.count, 0);
      if (programs > 0) expect(await page.getByTestId('nav-badge-programs').innerText()).toContain(String(programs));

      // Filtering by a kind shows only that kind.
      const firstKind = inbox.counts.find((c) => c.count > 0)!.kind;
      await page.getByTestId(`inbox-count-${firstKind}`).click();
      const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(new Set(kinds)).toEqual(new Set([firstKind]));

      if (role.username === 'tinh.lanhdao' && inbox.counts.some((c) => c.kind === 'list_sign' && c.count > 0)) {
        await page.getByTestId('inbox-count-list_sign').click();
        expect(await page.getByTestId('inbox-who-acts').first().innerText()).toContain('lãnh đạo Sở ký quyết định');
      }

      // The item opens where the work is done.
      await page.getByTestId('inbox-count-all').click();
      const first = inbox.items[0]!;
      await items.first().getByRole('link').click();
      const path = new URL(page.url()).pathname;
      if (first.kind.startsWith('list_') || first.kind === 'remark_answer')
        expect(path).toBe(`/programs/lists/${first.id}`);
      else if (first.kind === 'dossier_due') expect(path).toBe(`/dossiers/${first.id}`);
      else if (first.kind === 'letter_due') expect(path).toBe(`/petitions/letters/${first.id}`);
      else if (first.kind === 'case_due') expect(path).toBe(`/petitions/cases/${first.id}`);
      expect(unexpected(problems)).toEqual([]);
      await context.close();
    });
  }

  it('tells a supervisor that their role is not given work, without a spinner beside it', async () => {
    const { context, page, problems } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'giamsat');
    await page.getByTestId('inbox-empty').waitFor();
    expect(await page.getByTestId('inbox-empty').innerText()).toContain('không nhận việc');
    expect(await page.getByTestId('inbox-loading').count()).toBe(0);
    expect(await page.getByTestId('nav-badge-home').count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('shows a failed inbox as an error with a retry, not as "nothing waits"', async () => {
    const { context, page } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'xa.25213');
    await page.route('**/api/v1/inbox', (r) => r.fulfill({ status: 503, body: '' }));
    await page.reload();
    await page.getByTestId('inbox-error').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('inbox-empty').count()).toBe(0);
    expect(await page.getByTestId('inbox-loading').count()).toBe(0);
    await page.unroute('**/api/v1/inbox');
    await page.getByTestId('inbox-error').getByRole('button').click();
    await page.getByTestId('inbox-item').first().waitFor();
    expect(await page.getByTestId('inbox-error').count()).toBe(0);
    await context.close();
  });

  it('keeps what was typed in a form through a re-login when the session expires, and the form then submits', async () => {
    const { context, page, problems } = await newPage(browser, { width: 1366, height: 900 });
    await login(page, server.url, 'xa.25213');
    await page.goto(`${server.url}/registry/households`);
    await page.getByTestId('households-create').click();
    await page.getByTestId('area-input-name').filter({ hasText: 'Tiến Hưng' }).waitFor();
    await page.getByTestId('household-form-village').fill('Ấp Hết Phiên');
    // The session ends on the server's side (as after the idle timeout).
    await context.clearCookies();
    await page.getByTestId('household-form-submit').click();
    await page.getByTestId('relogin-password').waitFor();
    expect(await page.getByTestId('relogin-username').inputValue()).toBe('xa.25213');
    await page.getByTestId('relogin-password').fill(PASSWORD);
    await page.getByTestId('relogin-submit').click();
    await page.getByTestId('relogin-password').waitFor({ state: 'detached' });
    // Still on the same page, the dialog still open, with what was typed.
    expect(new URL(page.url()).pathname).toBe('/registry/households');
    expect(await page.getByTestId('household-form-village').inputValue()).toBe('Ấp Hết Phiên');
    await page.getByTestId('household-form-submit').click();
    const code = await page.getByTestId('household-code').innerText();
    expect(code).toMatch(/^25213-\d{6}$/);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
