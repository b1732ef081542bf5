import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildIntake, buildMeritRecord, buildSample, factoryActor } from '../../test/factories.js';
import { indicatorArea } from '../../platform/indicators.js';
import { meritIndicators } from './merit.indicators.js';

let ctx: TestContext;
let officer: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  officer = await ctx.login('tinh.chuyenvien');
});
afterAll(async () => {
  await ctx?.close();
});

async function count(table: 'merit_dna_samples' | 'merit_transfers' | 'merit_decisions' | 'merit_records') {
  const r = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('remains and DNA samples (Arts. 146–148)', () => {
  it('goes from remains received to a sample sent and a result recorded, with clocks', async () => {
    const i = await officer.inject('POST', '/api/v1/merit/remains', {
      team: 'Đội K72',
      receivedOn: '2025-03-14',
      remainsCount: 2,
      identifiedCount: 0,
    });
    expect(i.statusCode).toBe(201);
    const code = `BP-FLOW-${Date.now()}`;
    const s = await officer.inject('POST', '/api/v1/merit/samples', {
      code,
      kind: 'remains',
      intakeId: i.json().id,
      receivedOn: '2025-03-14',
      takenOn: '2025-03-14',
    });
    expect(s.statusCode).toBe(201);
    expect(s.json().clocks[0]).toMatchObject({ step: 'sample_dispatch', due: '2025-03-17' });
    const sent = await officer.inject('POST', `/api/v1/merit/samples/${s.json().id}/events`, {
      kind: 'dispatch',
      on: '2025-03-17',
      lab: 'Viện Pháp y',
    });
    expect(sent.json().clocks[1]).toMatchObject({ step: 'lab_result', due: '2025-09-17' });
    const res = await officer.inject('POST', `/api/v1/merit/samples/${s.json().id}/events`, {
      kind: 'result',
      on: '2025-08-01',
      outcome: 'no_match',
    });
    expect(res.json()).toMatchObject({ stage: 'resulted', outcome: 'no_match' });
  });

  it('refuses a sample code already used, changing nothing', async () => {
    const s = await buildSample(ctx);
    const before = await count('merit_dna_samples');
    const res = await officer.inject('POST', '/api/v1/merit/samples', {
      code: s.code.toLowerCase(),
      kind: 'remains',
      receivedOn: '2025-03-14',
      takenOn: '2025-03-14',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('MERIT_SAMPLE_CODE_TAKEN');
    expect(res.json().message).toMatch(/đã được dùng/);
    expect(await count('merit_dna_samples')).toBe(before);
  });

  it('refuses a result before dispatch or dated before it, changing nothing', async () => {
    const s = await buildSample(ctx);
    const early = await officer.inject('POST', `/api/v1/merit/samples/${s.id}/events`, {
      kind: 'result',
      on: '2025-04-01',
      outcome: 'match',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/chưa được gửi/);
    await ctx.services.merit.sampleEvent(factoryActor, s.id, { kind: 'dispatch', on: '2025-03-17' });
    const back = await officer.inject('POST', `/api/v1/merit/samples/${s.id}/events`, {
      kind: 'result',
      on: '2025-03-16',
      outcome: 'match',
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().message).toMatch(/không được trước ngày gửi mẫu/);
    const board = (await officer.inject('GET', '/api/v1/merit/remains')).json();
    expect(board.samples.find((x: { id: number }) => x.id === s.id)).toMatchObject({
      resultOn: null,
      stage: 'dispatched',
    });
  });

  it('takes reference samples on the mother’s line only', async () => {
    const res = await officer.inject('POST', '/api/v1/merit/samples', {
      code: `REF-${Date.now()}`,
      kind: 'reference',
      relativeName: 'Bố',
      relation: 'father',
      receivedOn: '2025-03-14',
      takenOn: '2025-03-14',
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('gifts, yearly count and indicators', () => {
  it('reports gifts as "N suất, X đồng" by occasion and source, once per person', async () => {
    const a = await buildMeritRecord(ctx);
    const b = await buildMeritRecord(ctx, { category: 'relative_of_martyr' });
    const camp = await officer.inject('POST', '/api/v1/merit/gift-campaigns', {
      occasion: '27_7',
      year: 2031,
      source: 'president',
      title: 'Quà 27/7/2031',
      decisionNo: '715/QĐ-CTN',
      decisionDate: '2031-06-19',
      amounts: { g: 600_000, relative_of_martyr: 300_000 },
    });
    expect(camp.statusCode).toBe(201);
    const give = await officer.inject('POST', `/api/v1/merit/gift-campaigns/${camp.json().id}/gifts`, {
      recordIds: [a.id, b.id],
      givenOn: '2031-07-20',
    });
    expect(give.json()).toEqual({ given: 2, skipped: 0 });
    const again = await officer.inject('POST', `/api/v1/merit/gift-campaigns/${camp.json().id}/gifts`, {
      recordIds: [a.id],
      givenOn: '2031-07-21',
    });
    expect(again.json()).toEqual({ given: 0, skipped: 1 });
    const totals = (await officer.inject('GET', '/api/v1/merit/gift-totals?year=2031')).json();
    expect(totals.rows).toEqual([
      {
        occasion: '27_7',
        source: 'president',
        count: 2,
        amount: 900_000,
        text: 'Quà Chủ tịch nước: 2 suất, 900.000 đồng',
      },
    ]);
    const q = { area: indicatorArea('70', 1), from: '2031-01-01', to: '2031-12-31', asOf: '2031-12-31' };
    const amount = meritIndicators.find((x) => x.code === 'merit.gift_amount')!;
    expect((await amount.compute(ctx.database.db, q, { source: 'president' })).value).toBe(900_000);
    expect((await amount.compute(ctx.database.db, q, { source: 'province' })).value).toBe(0);
  });

  it('counts the year (Mẫu 100, due 31/01) and the allowances paid', async () => {
    const r = await buildMeritRecord(ctx, { communeCode: '25270' });
    await ctx.services.merit.addDecision(factoryActor, r.id, {
      kind: 'grant',
      effectiveMonth: '2030-07',
      decisionNo: '1/QĐ',
      decisionDate: '2026-06-20',
      monthlyAmount: 2_789_000,
      reason: '',
      dossierId: null,
    });
    const y = (await officer.inject('GET', '/api/v1/merit/yearly-count?year=2030')).json();
    expect(y.due).toBe('2031-01-31');
    expect(y.peopleManaged).toBeGreaterThan(0);
    const q = { area: indicatorArea('25270', 3), from: '2030-01-01', to: '2030-12-31', asOf: '2030-12-31' };
    const allowance = meritIndicators.find((x) => x.code === 'merit.allowance_amount')!;
    expect((await allowance.compute(ctx.database.db, q)).value).toBe(6 * 2_789_000);
  });

  it('counts remains reburied and samples taken at the province', async () => {
    const i = await buildIntake(ctx, { receivedOn: '2029-02-01' });
    await ctx.services.merit.markReburied(factoryActor, i.id, '2029-03-01');
    await buildSample(ctx, { takenOn: '2029-02-02', receivedOn: '2029-02-01' });
    const q = { area: indicatorArea('70', 1), from: '2029-01-01', to: '2029-12-31', asOf: '2029-12-31' };
    const v = (code: string) => meritIndicators.find((x) => x.code === code)!.compute(ctx.database.db, q);
    expect((await v('merit.remains_reburied')).value).toBe(3);
    expect((await v('merit.dna_samples_taken')).value).toBe(1);
  });
});
