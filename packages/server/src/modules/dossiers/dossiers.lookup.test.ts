import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDossier } from '../../test/factories.js';
import { expectProblem } from '../../test/fixtures.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import { LOOKUP_PER_ADDRESS, LOOKUP_PER_CODE } from './use-cases/public-lookup.js';

/**
 * The citizen's lookup without an account cannot be brute-forced: the check is the full phone
 * number or the secret printed on the receipt, failures are counted per dossier code and per
 * address (in the database, so every app server counts the same), and a wrong check answers
 * exactly as an unknown code does.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const lookup = (code: string, check: string, ip = '198.51.100.1') =>
  ctx.app.inject({
    method: 'GET',
    url: `/api/v1/public/dossiers/lookup?code=${encodeURIComponent(code)}&check=${encodeURIComponent(check)}`,
    remoteAddress: ip,
  });

const phone = (n: number) => `09${String(n).padStart(8, '0')}`;

describe('public dossier lookup', () => {
  it(`after ${LOOKUP_PER_CODE.limit} wrong checks on one code, that code answers 429, even to the right phone, from any address`, async () => {
    const d = await buildDossier(ctx, { applicantPhone: '0912000111' });
    for (let i = 0; i < LOOKUP_PER_CODE.limit; i++)
      expectProblem(await lookup(d.code, phone(i), `198.51.100.${10 + i}`), 404, 'DOSSIER_LOOKUP_FAILED');
    const res = await lookup(d.code, '0912000111', '198.51.100.99');
    expectProblem(res, 429, 'TOO_MANY_ATTEMPTS');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    // Another dossier is not affected.
    const other = await buildDossier(ctx, { applicantPhone: '0912000222' });
    expect((await lookup(other.code, '0912000222', '198.51.100.99')).statusCode).toBe(200);
  });

  it('the guesses needed for a 4-digit ID tail (10.000) are far beyond what is allowed', async () => {
    const d = await buildDossier(ctx, { applicantPhone: '0912000333', applicantIdNumber: '070050000123' });
    // The ID tail alone is not a check any more, and the answer to it is a plain "not found".
    expectProblem(await lookup(d.code, '000123'), 404, 'DOSSIER_LOOKUP_FAILED');
    let allowed = 1;
    for (let i = 0; i < 20; i++) if ((await lookup(d.code, String(100_000 + i))).statusCode === 404) allowed++;
    expect(allowed).toBeLessThanOrEqual(LOOKUP_PER_CODE.limit);
  });

  it('a wrong check and an unknown code answer the same body', async () => {
    const d = await buildDossier(ctx, { applicantPhone: '0912000444' });
    const wrong = await lookup(d.code, '0999999999', '198.51.100.50');
    const unknown = await lookup(`${d.code.slice(0, -4)}9999`, '0999999999', '198.51.100.51');
    const strip = (b: string) => ({ ...(JSON.parse(b) as Record<string, unknown>), requestId: null });
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });

  it(`one address gets ${LOOKUP_PER_ADDRESS.limit} failures across codes, then waits`, async () => {
    const ip = '198.51.100.200';
    for (let i = 0; i < LOOKUP_PER_ADDRESS.limit; i++)
      expectProblem(
        await lookup(`000.00.00.H70-210101-${String(i).padStart(4, '0')}`, '0999999999', ip),
        404,
        'DOSSIER_LOOKUP_FAILED',
      );
    expectProblem(await lookup('000.00.00.H70-210101-9999', '0999999999', ip), 429, 'TOO_MANY_ATTEMPTS');
    const d = await buildDossier(ctx, { applicantPhone: '0912000555' });
    expectProblem(await lookup(d.code, '0912000555', ip), 429, 'TOO_MANY_ATTEMPTS');
    expect((await lookup(d.code, '0912000555', '198.51.100.201')).statusCode).toBe(200);
  });

  it('the receipt secret works alone as the check, in any case', async () => {
    const d = await buildDossier(ctx, {});
    expect(d.lookupSecret).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    expect((await lookup(d.code, d.lookupSecret!.toLowerCase(), '198.51.100.60')).statusCode).toBe(200);
  });
});
