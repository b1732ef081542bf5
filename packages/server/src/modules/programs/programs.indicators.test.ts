import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorArea, type IndicatorQuery } from '../../platform/indicators.js';
import { createTestContext, type TestContext } from '../../test/helpers.js';
import {
  buildBeneficiary,
  buildProgram,
  buildStatus,
  nextCommune,
  programsDecideAndPay,
  programsRecordedLater,
} from '../../test/factories.js';
import { programsIndicators } from './programs.indicators.js';

/**
 * Issue 11: programme figures count a list from its decision date and a payment from its payment
 * date, people and households once each, and only the programmes a figure names. The year 2021 is
 * decided and paid in 2021 but recorded in 2026 (back-filling, as every real deployment starts).
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});

const LATER = '2026-03-02T08:00:00.000Z';
const ind = (code: string) => programsIndicators.find((i) => i.code === code)!;
const value = async (code: string, q: IndicatorQuery, params: Record<string, string>) =>
  (await ind(code).compute(ctx.database.db, q, params)).value;

/** A programme of 2021 in a group; the rule pays people on social assistance, or near-poor households. */
async function program2021(group: string, o: { monthly?: boolean; household?: boolean; amount?: number } = {}) {
  return buildProgram(ctx, {
    name: `Chương trình ${group} 2021`,
    legalDate: '2021-07-01',
    kind: o.monthly ? 'monthly' : group === 'tet' ? 'gift' : 'one_off_cash',
    periodKind: o.monthly ? 'monthly' : 'once',
    refDate: '2021-07-01',
    periodFrom: '2021-07-01',
    periodTo: o.monthly ? null : '2021-12-31',
    group: group as 'covid',
    rule: {
      validFrom: '2021-01-01',
      eligibility: o.household
        ? { per: 'household', any: [{ status: 'poverty', categories: ['near_poor'], year: 2020 }] }
        : { per: 'person', any: [{ status: 'social_assistance' }] },
      amount: { type: 'fixed', amount: o.amount ?? 1_000_000 },
    },
  });
}

describe('programme figures of a back-filled year', () => {
  it('counts 2021 decisions and payments recorded in 2026 in 2021, by decision and payment date', async () => {
    const commune = await nextCommune(ctx);
    const statuses = [{ kind: 'social_assistance' as const, category: '5a', validFrom: '2020-01-01' }];
    await buildBeneficiary(ctx, { communeCode: commune, statuses });
    await buildBeneficiary(ctx, { communeCode: commune, statuses });
    const covid = await program2021('covid');
    const tet = await program2021('tet', { amount: 500_000 });
    const lists = [
      await programsDecideAndPay(ctx, covid.id, commune, undefined, '2021-08-20', '2021-09-10'),
      await programsDecideAndPay(ctx, tet.id, commune, undefined, '2021-01-25', '2021-02-05'),
    ];
    await programsRecordedLater(ctx, lists, LATER);

    const year: IndicatorQuery = {
      area: indicatorArea(commune, 3),
      from: '2021-01-01',
      to: '2021-12-31',
      asOf: '2021-12-31',
    };
    const c = { group: 'covid' };
    expect(await value('programs.beneficiaries_approved', year, c)).toBe(2);
    expect(await value('programs.amount_approved', year, c)).toBe(2_000_000);
    expect(await value('programs.persons_paid', year, c)).toBe(2);
    expect(await value('programs.amount_paid', year, c)).toBe(2_000_000);
    // The group names only the Covid programme: the Tết gifts of the same people are not in it.
    expect(await value('programs.amount_paid', year, { group: 'tet' })).toBe(500_000 * 2);
    expect(await value('programs.gifts_given', year, { group: 'tet' })).toBe(2);
    expect(await value('programs.amount_paid', year, { program: covid.code })).toBe(2_000_000);
    // As of the day before the decision and before the payment: nothing yet.
    expect(await value('programs.beneficiaries_approved', { ...year, asOf: '2021-08-19' }, c)).toBe(0);
    expect(await value('programs.amount_paid', { ...year, asOf: '2021-09-09' }, c)).toBe(0);
    expect(await value('programs.amount_approved', { ...year, asOf: '2021-09-09' }, c)).toBe(2_000_000);
    // The year it was typed in has none of it.
    const y2026: IndicatorQuery = { ...year, from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' };
    expect(await value('programs.beneficiaries_approved', y2026, c)).toBe(0);
    expect(await value('programs.amount_paid', y2026, c)).toBe(0);
    // The records behind a figure carry the decision or payment date, not the recording time.
    const recs = await ind('programs.amount_paid').records(ctx.database.db, year, { limit: 10, offset: 0 }, c);
    expect(recs.rows.map((r) => r.date)).toEqual(['2021-09-10', '2021-09-10']);
  });

  it('counts a person paid every month once, and the payments separately', async () => {
    const commune = await nextCommune(ctx);
    await buildBeneficiary(ctx, {
      communeCode: commune,
      statuses: [{ kind: 'social_assistance', category: '5a', validFrom: '2020-01-01' }],
    });
    const monthly = await program2021('social_assistance', { monthly: true, amount: 360_000 });
    const lists = [];
    for (const m of ['07', '08', '09'])
      lists.push(await programsDecideAndPay(ctx, monthly.id, commune, `2021-${m}`, `2021-${m}-01`, `2021-${m}-15`));
    await programsRecordedLater(ctx, lists, LATER);
    const year: IndicatorQuery = {
      area: indicatorArea(commune, 3),
      from: '2021-01-01',
      to: '2021-12-31',
      asOf: '2021-12-31',
    };
    const g = { group: 'social_assistance' };
    expect(await value('programs.persons_paid', year, g)).toBe(1);
    expect(await value('programs.payments_made', year, g)).toBe(3);
    expect(await value('programs.amount_paid', year, g)).toBe(3 * 360_000);
    expect(await value('programs.beneficiaries_approved', year, g)).toBe(1);
    const recs = await ind('programs.persons_paid').records(ctx.database.db, year, { limit: 10, offset: 0 }, g);
    expect([recs.total, recs.rows.length, recs.rows[0]!.date]).toEqual([1, 1, '2021-07-15']);
    // The third quarter as of 31 August: two payments, still one person.
    const q3: IndicatorQuery = { ...year, from: '2021-07-01', to: '2021-09-30', asOf: '2021-08-31' };
    expect(await value('programs.payments_made', q3, g)).toBe(2);
    expect(await value('programs.persons_paid', q3, g)).toBe(1);
  });

  it('counts households, not people, for a household programme', async () => {
    const commune = await nextCommune(ctx);
    const personId = await buildBeneficiary(ctx, { communeCode: commune, statuses: [] });
    await buildStatus(ctx, personId, { kind: 'poverty', category: 'near_poor', year: 2020 });
    const hkd = await program2021('covid', { household: true, amount: 3_000_000 });
    const listId = await programsDecideAndPay(ctx, hkd.id, commune, undefined, '2021-08-20', '2021-09-10');
    await programsRecordedLater(ctx, [listId], LATER);
    const year: IndicatorQuery = {
      area: indicatorArea(commune, 3),
      from: '2021-01-01',
      to: '2021-12-31',
      asOf: '2021-12-31',
    };
    const c = { group: 'covid' };
    expect(await value('programs.households_approved', year, c)).toBe(1);
    expect(await value('programs.households_paid', year, c)).toBe(1);
    expect(await value('programs.beneficiaries_approved', year, c)).toBe(0);
    expect(await value('programs.persons_paid', year, c)).toBe(0);
    expect(ind('programs.households_paid').unit).toBe('households');
    expect(ind('programs.persons_paid').unit).toBe('persons');
  });
});
