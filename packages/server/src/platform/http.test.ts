import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { buildApp } from '../app.js';
import { AppError } from './errors.js';
import { createTestContext, type Session, type TestContext } from '../test/helpers.js';
import { expectProblem } from '../test/fixtures.js';

let ctx: TestContext;
let admin: Session;
/** A second app on the same database with routes that fail on purpose (the helper's app is already started). */
let failing: FastifyInstance;

const SECRET = 'internal detail: /etc/ansinh/secret.key at line 42';

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await ctx.login('admin');
  ({ app: failing } = await buildApp(ctx.config, ctx.database, { logger: false }));
  const pub = { config: { access: 'public' as const }, schema: { hide: true } };
  failing.get('/api/v1/test/throw', pub, () => {
    throw new Error(SECRET);
  });
  failing.get('/api/v1/test/throw-async', pub, async () => {
    await Promise.resolve();
    throw new TypeError(SECRET);
  });
  failing.get('/api/v1/test/sql', pub, async () => {
    await sql`select secret_column from no_such_table`.execute(ctx.database.db);
    return { ok: true };
  });
  failing.get('/api/v1/test/app-error', pub, () => {
    throw new AppError(422, 'TEST_RULE', 'Quy tắc thử nghiệm không thoả.', [{ path: 'body.x', message: 'Sai.' }]);
  });
  failing.get(
    '/api/v1/test/bad-response',
    { ...pub, schema: { hide: true, response: { 200: z.object({ ok: z.literal(true) }) } } },
    () => ({ ok: 'no', passwordHash: SECRET }),
  );
  await failing.ready();
});
afterAll(async () => {
  await failing?.close();
  await ctx?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });

describe('probes and metrics', () => {
  it('/healthz answers 200', async () => {
    const res = await get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 with the database dialect', async () => {
    const res = await get('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: ctx.database.dialect });
    expect(['sqlite', 'postgres']).toContain(ctx.database.dialect);
  });

  it('/metrics is Prometheus text with the request counter, labelled by route pattern (no ids or names)', async () => {
    await admin.inject('GET', '/api/v1/areas/25213');
    await get('/api/v1/no-such-route-nguyen-van-a');
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('ansinh_http_requests_total');
    expect(res.body).toContain('ansinh_http_request_duration_seconds');
    expect(res.body).toMatch(
      /ansinh_http_requests_total\{method="GET",route="\/api\/v1\/areas\/:code",status="200"\} \d+/,
    );
    expect(res.body).not.toContain('25213');
    expect(res.body).not.toContain('nguyen-van-a');
  });
});

describe('OpenAPI', () => {
  it('/api/openapi.json is OpenAPI 3.1 with the auth and users routes and the CSRF rule', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { description: string };
      paths: Record<string, Record<string, unknown>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi.startsWith('3.1')).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/areas',
        '/api/v1/audit',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/users']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(doc.info.description).toContain('X-CSRF-Token');
    expect(doc.components.securitySchemes).toMatchObject({
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    // Probes and the document itself are hidden.
    expect(Object.keys(doc.paths)).not.toContain('/healthz');
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
  });

  it('/api/docs answers (HTML or a redirect to it)', async () => {
    let res = await get('/api/docs');
    if (res.statusCode >= 300 && res.statusCode < 400) res = await get(String(res.headers.location));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('headers on every answer', () => {
  const answers = async (): Promise<[string, LightMyRequestResponse][]> => [
    ['GET /healthz', await get('/healthz')],
    ['GET /api/v1/areas/70 (200)', await admin.inject('GET', '/api/v1/areas/70')],
    ['GET /api/v1/auth/me (401)', await get('/api/v1/auth/me')],
    ['GET /api/nope (404)', await get('/api/nope')],
    [
      'POST /api/v1/auth/login (401)',
      await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y' } }),
    ],
    ['GET /api/docs', await get('/api/docs')],
  ];

  it('security headers: CSP with frame-ancestors, nosniff, frame options', async () => {
    for (const [name, res] of await answers()) {
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, name).toContain("default-src 'self'");
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("object-src 'none'");
      expect(res.headers['x-content-type-options'], name).toBe('nosniff');
      expect(res.headers['x-frame-options'], name).toBeDefined();
      expect(res.headers['referrer-policy'], name).toBe('no-referrer');
    }
  });

  it('x-request-id on every answer; a sane given one is kept, anything else replaced', async () => {
    for (const [name, res] of await answers()) expect(res.headers['x-request-id'], name).toMatch(/^[\w.-]{1,64}$/);
    const kept = await get('/api/nope', { 'x-request-id': 'proxy-req.123' });
    expect(kept.headers['x-request-id']).toBe('proxy-req.123');
    expect(kept.json()).toMatchObject({ requestId: 'proxy-req.123' });
    for (const bad of ['has spaces in it', 'x'.repeat(65), '<script>']) {
      const res = await get('/healthz', { 'x-request-id': bad });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const a = await get('/healthz');
    const b = await get('/healthz');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('errors', () => {
  it('an unknown /api route answers 404 ROUTE_NOT_FOUND as problem+json', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['GET', '/api/v1/no-such-module'],
      ['POST', '/api/v1/areas'],
      ['DELETE', '/api/v1/users/1'],
    ] as const) {
      const res = await ctx.app.inject({ method, url });
      const body = expectProblem(res, 404, 'ROUTE_NOT_FOUND');
      expect(body).toMatchObject({
        type: 'https://ansinh.gov.vn/problems/route-not-found',
        title: 'ROUTE_NOT_FOUND',
        status: 404,
      });
      expect(body.message).toContain('Không có địa chỉ này');
    }
  });

  it('a body over 1 MiB answers 413 BODY_TOO_LARGE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'x'.repeat(1_100_000) },
    });
    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('an unsupported content type answers 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login><username>admin</username></login>',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an AppError keeps its status, code and details', async () => {
    const res = await failing.inject({ method: 'GET', url: '/api/v1/test/app-error' });
    const body = expectProblem(res, 422, 'TEST_RULE');
    expect(body).toMatchObject({
      message: 'Quy tắc thử nghiệm không thoả.',
      details: [{ path: 'body.x', message: 'Sai.' }],
    });
  });

  it('a 5xx answers 500 INTERNAL and never leaks a stack, a message or SQL', async () => {
    for (const url of [
      '/api/v1/test/throw',
      '/api/v1/test/throw-async',
      '/api/v1/test/sql',
      '/api/v1/test/bad-response',
    ]) {
      const res = await failing.inject({ method: 'GET', url });
      const body = expectProblem(res, 500, 'INTERNAL');
      expect(Object.keys(body).sort(), url).toEqual(['code', 'message', 'requestId', 'status', 'title', 'type']);
      expect(body.message).toContain('mã yêu cầu');
      for (const leak of [
        'stack',
        'secret',
        'no_such_table',
        'select',
        '/etc/',
        'Error',
        'node_modules',
        '.ts:',
        'passwordHash',
      ]) {
        expect(res.body, `${url} leaks ${leak}`).not.toContain(leak);
      }
      expect(res.headers['x-request-id']).toBe(body.requestId);
    }
    // The app is still serving.
    expect((await failing.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
