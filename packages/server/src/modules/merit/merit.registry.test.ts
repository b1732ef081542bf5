import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenefitDecisionBody } from '@ansinh/domain';
import { createTestContext, type Session, type TestContext } from '../../test/helpers.js';
import { buildMeritRecord, factoryActor } from '../../test/factories.js';
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

const decision = (kind: BenefitDecisionBody['kind'], effectiveMonth: string, no: string): BenefitDecisionBody => ({
  kind,
  effectiveMonth,
  decisionNo: no,
  decisionDate: '2024-01-05',
  monthlyAmount: kind === 'suspension' || kind === 'termination' ? 0 : 2_000_000,
  reason: '',
  dossierId: null,
});

async function meritStatuses(personId: number) {
  const p = await ctx.services.registry.getPerson(factoryActor, personId);
  return p.statuses
    .filter((s) => s.kind === 'meritorious')
    .map((s) => ({ category: s.category, from: s.validFrom, to: s.validTo, no: s.decisionNo }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

describe('benefit decisions set the registry statuses (through the registry service)', () => {
  it('grant, change, suspension, resumption and termination are effective-dated from the month', async () => {
    const r = await buildMeritRecord(ctx);
    const m = ctx.services.merit;
    await m.addDecision(factoryActor, r.id, decision('grant', '2024-02', '1/QĐ'));
    expect(await meritStatuses(r.personId)).toEqual([{ category: 'g', from: '2024-02-01', to: null, no: '1/QĐ' }]);
    await m.addDecision(factoryActor, r.id, decision('change', '2024-05', '2/QĐ'));
    await m.addDecision(factoryActor, r.id, decision('suspension', '2024-08', '3/QĐ'));
    await m.addDecision(factoryActor, r.id, decision('resumption', '2024-10', '4/QĐ'));
    await m.addDecision(factoryActor, r.id, decision('termination', '2025-01', '5/QĐ'));
    expect(await meritStatuses(r.personId)).toEqual([
      { category: 'g', from: '2024-02-01', to: '2024-04-30', no: '1/QĐ' },
      { category: 'g', from: '2024-05-01', to: '2024-07-31', no: '2/QĐ' },
      { category: 'g', from: '2024-10-01', to: '2024-12-31', no: '4/QĐ' },
    ]);
  });

  it('does not open a second status when the registry already holds one of the category', async () => {
    const r = await buildMeritRecord(ctx);
    await ctx.services.registry.grantStatus(factoryActor, {
      kind: 'meritorious',
      personId: r.personId,
      category: 'g',
      degree: 61,
      validFrom: '2020-01-01',
      decisionNo: '9/QĐ',
      decisionDate: '2019-12-20',
    });
    await ctx.services.merit.addDecision(factoryActor, r.id, decision('grant', '2024-02', '1/QĐ'));
    expect(await meritStatuses(r.personId)).toEqual([{ category: 'g', from: '2020-01-01', to: null, no: '9/QĐ' }]);
  });

  it('refuses a decision signed in the future and changes nothing', async () => {
    const r = await buildMeritRecord(ctx);
    const res = await officer.inject('POST', `/api/v1/merit/records/${r.id}/decisions`, {
      ...decision('grant', '2024-02', '1/QĐ'),
      decisionDate: '2099-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('decisionDate');
    expect(await meritStatuses(r.personId)).toEqual([]);
    expect((await ctx.services.merit.getRecord(factoryActor, r.id)).decisions).toEqual([]);
  });
});

describe('computed merit indicators replace the entered ones', () => {
  it('names the entered code on each, with its unit', () => {
    const byCode = new Map(meritIndicators.map((i) => [i.code, i]));
    const expected: [string, string, string][] = [
      ['merit.gifts_tet', 'merit.gifts_tet', 'gifts'],
      ['merit.gifts_tet_amount', 'merit.gifts_tet_amount', 'dong'],
      ['merit.gifts_27_7', 'merit.gifts_27_7', 'gifts'],
      ['merit.gifts_27_7_amount', 'merit.gifts_27_7_amount', 'dong'],
      ['merit.remains_reburied', 'merit.reburials', 'persons'],
      ['merit.dna_samples_taken', 'merit.dna_samples', 'samples'],
    ];
    for (const [code, replaces, unit] of expected) {
      expect(byCode.get(code)?.replaces, code).toBe(replaces);
      expect(byCode.get(code)?.unit, code).toBe(unit);
    }
  });

  it('counts the gifts of one occasion whatever the caller asks', async () => {
    const a = await buildMeritRecord(ctx);
    for (const occasion of ['tet', '27_7'] as const) {
      const camp = await officer.inject('POST', '/api/v1/merit/gift-campaigns', {
        occasion,
        year: 2032,
        source: 'province',
        title: `Quà ${occasion} 2032`,
        decisionNo: `7${occasion}/QĐ-UBND`,
        decisionDate: '2026-01-05',
        amounts: { g: occasion === 'tet' ? 500_000 : 400_000 },
      });
      expect(camp.statusCode).toBe(201);
      const give = await officer.inject('POST', `/api/v1/merit/gift-campaigns/${camp.json().id}/gifts`, {
        recordIds: [a.id],
        givenOn: occasion === 'tet' ? '2032-01-20' : '2032-07-20',
      });
      expect(give.json()).toEqual({ given: 1, skipped: 0 });
    }
    const q = { area: indicatorArea('70', 1), from: '2032-01-01', to: '2032-12-31', asOf: '2032-12-31' };
    const v = async (code: string, p?: Record<string, string>) =>
      (await meritIndicators.find((x) => x.code === code)!.compute(ctx.database.db, q, p)).value;
    expect(await v('merit.gifts_tet')).toBe(1);
    expect(await v('merit.gifts_tet_amount')).toBe(500_000);
    expect(await v('merit.gifts_27_7', { occasion: 'tet' })).toBe(1);
    expect(await v('merit.gifts_27_7_amount')).toBe(400_000);
    expect(await v('merit.gifts_tet', { source: 'president' })).toBe(0);
  });
});
