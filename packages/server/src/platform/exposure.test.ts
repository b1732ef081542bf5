import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/helpers.js';

/** What the server shows to whom beyond the API: metrics, API docs, HSTS (configuration). */

let ctx: TestContext | undefined;
afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

const get = (url: string, opts: { headers?: Record<string, string>; remoteAddress?: string } = {}) =>
  ctx!.app.inject({ method: 'GET', url, ...opts });

describe('/metrics', () => {
  it('without METRICS_TOKEN answers only on loopback; from elsewhere it does not exist', async () => {
    ctx = await createTestContext({ seed: false });
    expect((await get('/metrics', { remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await get('/metrics', { remoteAddress: '203.0.113.7' })).statusCode).toBe(404);
  });

  it('with METRICS_TOKEN wants that bearer token, from anywhere', async () => {
    ctx = await createTestContext({ seed: false, env: { METRICS_TOKEN: 'prometheus-token-0123456789' } });
    expect((await get('/metrics', { remoteAddress: '127.0.0.1' })).statusCode).toBe(401);
    expect((await get('/metrics', { headers: { authorization: 'Bearer wrong-token-0123456789xx' } })).statusCode).toBe(
      401,
    );
    const ok = await get('/metrics', {
      remoteAddress: '203.0.113.7',
      headers: { authorization: 'Bearer prometheus-token-0123456789' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('ansinh_http_requests_total');
  });
});

describe('API docs', () => {
  it('API_DOCS=off takes /api/docs and /api/openapi.json away', async () => {
    ctx = await createTestContext({ seed: false, env: { API_DOCS: 'off' } });
    expect((await get('/api/openapi.json')).statusCode).toBe(404);
    expect((await get('/api/docs')).statusCode).toBe(404);
  });
});

describe('HSTS', () => {
  it('is sent with COOKIE_SECURE=true, not over plain HTTP with auto', async () => {
    ctx = await createTestContext({ seed: false, env: { COOKIE_SECURE: 'true' } });
    expect((await get('/healthz')).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    await ctx.close();
    ctx = await createTestContext({ seed: false, env: { COOKIE_SECURE: 'auto' } });
    expect((await get('/healthz')).headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a proxy (TRUST_PROXY=true) follows X-Forwarded-Proto with COOKIE_SECURE=auto', async () => {
    ctx = await createTestContext({ seed: false, env: { COOKIE_SECURE: 'auto', TRUST_PROXY: 'true' } });
    const res = await get('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
