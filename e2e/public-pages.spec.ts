import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startServer, type Server } from './lib/harness.js';
import { apiLogin } from './lib/programs.js';

/**
 * The citizen's pages on a cheap phone (issue 18): their own small entry, compressed, and usable
 * quickly over a slow link. The profile is Lighthouse's "slow 4G" mobile one: 150 ms round trip,
 * 1,6 Mbit/s down, 750 kbit/s up, CPU slowed 4 times, cold cache.
 */
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 40[14]/.test(p));

async function throttled(page: Page): Promise<{ bytes: () => number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let total = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    total += e.encodedDataLength;
  });
  return { bytes: () => total };
}

describe('public pages on a phone', () => {
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

  it('/tra-cuu is under 100 KB and usable in under 2 s on slow 4G; a dossier waiting for papers says what to bring', async () => {
    const officer = await apiLogin(server.url, 'xa.25213');
    const procs = await officer.call<{ items: { id: number }[] }>(
      'GET',
      '/api/v1/procedures?q=DEMO.NCC.03&limit=5&offset=0',
    );
    const dossier = await officer.call<{ id: number; code: string }>('POST', '/api/v1/dossiers', {
      procedureId: procs.items[0]!.id,
      channel: 'counter',
      communeCode: '25213',
      applicantName: 'Lê Thị Bổ Sung',
      applicantPhone: '0987654321',
    });
    await officer.call('POST', `/api/v1/dossiers/${dossier.id}/supplement`, {
      missing: 'Bản sao giấy chứng nhận thương binh',
    });

    const { context, page, problems } = await newPage(browser, { width: 360, height: 740 });
    const net = await throttled(page);
    const started = Date.now();
    await page.goto(`${server.url}/tra-cuu`);
    await page.getByTestId('lookup-submit').waitFor();
    const usable = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const bytes = net.bytes();
    console.log(`/tra-cuu on slow 4G: ${bytes} bytes transferred, usable after ${usable} ms`);
    expect(bytes).toBeLessThan(100 * 1024);
    expect(usable).toBeLessThan(2000);

    await page.getByTestId('lookup-code').fill(dossier.code);
    await page.getByTestId('lookup-check').fill('0987654321');
    await page.getByTestId('lookup-submit').click();
    await page.getByTestId('lookup-result').waitFor();
    await expect(page.getByTestId('lookup-state').textContent()).resolves.toBe('Chờ bổ sung');
    await expect(page.getByTestId('lookup-supplement').textContent()).resolves.toContain(
      'Bản sao giấy chứng nhận thương binh',
    );
    // The page needs no React and no Ant Design.
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(scripts.filter((s) => /react|antd|i18n|zod/.test(s))).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('/cong-khai is under 100 KB and usable in under 2 s; a citizen finds their list by commune and name typed without accents', async () => {
    const { context, page, problems } = await newPage(browser, { width: 360, height: 740 });
    const net = await throttled(page);
    const started = Date.now();
    await page.goto(`${server.url}/cong-khai`);
    await page.getByTestId('public-lists').waitFor();
    const usable = Date.now() - started;
    await page.waitForLoadState('networkidle');
    const bytes = net.bytes();
    console.log(`/cong-khai on slow 4G: ${bytes} bytes transferred, usable after ${usable} ms`);
    expect(bytes).toBeLessThan(100 * 1024);
    expect(usable).toBeLessThan(2000);

    // Open the first list, take a name from it, then search for that name without accents.
    const first = page.locator('[data-testid^="public-list-"]').first();
    const listHref = (await first.getAttribute('href'))!;
    await first.click();
    const table = page.getByTestId('public-entries');
    await table.locator('tbody tr').first().waitFor();
    const name = (await table.locator('tbody tr').first().locator('td').nth(1).textContent())!.trim();
    const plain = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    expect(await page.content()).not.toMatch(/\b0\d{11}\b/); // no full citizen ID on the page
    await page.goto(`${server.url}/cong-khai`);
    await page.locator('#ten').fill(plain);
    await page.getByTestId('public-find').click();
    await page.waitForURL(/ten=/);
    await page.getByTestId('public-lists').waitFor();
    const hrefs = await page
      .locator('[data-testid^="public-list-"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(listHref);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('answers are compressed and hashed assets are cached for a year', async () => {
    const html = await fetch(`${server.url}/cong-khai`, { headers: { 'accept-encoding': 'br' } });
    expect(html.headers.get('content-encoding')).toBe('br');
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const src = /src="(\/assets\/public-[^"]+\.js)"/.exec(await html.text())![1]!;
    const js = await fetch(`${server.url}${src}`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(js.headers.get('content-encoding')).toBe('br');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const api = await fetch(`${server.url}/api/v1/public/lists?limit=50&offset=0`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(api.headers.get('content-encoding')).toBe('gzip');
  });
});
