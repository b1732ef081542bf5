import { describe, expect, it } from 'vitest';
import { AmountRule, EligibilityRule, entitlement, type Candidate } from './rules.js';
import { checkListEntries, listTransition, type EntryForCheck } from './lists.js';

const person = (birthDate: string, ...statuses: [string, string, (number | null)?, (number | null)?][]): Candidate => ({
  birthDate,
  statuses: statuses.map(([kind, category, degree = null, year = null]) => ({ kind, category, degree, year })),
});

describe('eligibility and amount rules', () => {
  it('social assistance: clause 5a aged 80+ gets 2.0 x base level, and the base changes on 1/7/2024 (NĐ 20/2021 Art. 4, 6; NĐ 76/2024)', () => {
    const elig = EligibilityRule.parse({
      per: 'person',
      any: [{ status: 'social_assistance', categories: ['5a'], minAge: 80 }],
    });
    const amount = AmountRule.parse({ type: 'social_assistance' });
    const old = person('1940-03-01', ['social_assistance', '5a']);
    expect(entitlement(elig, amount, old, '2024-06-01')?.amount).toBe(720_000);
    expect(entitlement(elig, amount, old, '2024-07-01')?.amount).toBe(1_000_000);
    // 79 years old on the date: not in this program's selection.
    expect(entitlement(elig, amount, person('1945-03-01', ['social_assistance', '5a']), '2024-07-01')).toBeNull();
  });

  it('a person under several clauses gets the highest coefficient (Art. 6(1)); a poor single parent also keeps the clause 4 allowance (Art. 6(2))', () => {
    const elig = EligibilityRule.parse({ per: 'person', any: [{ status: 'social_assistance' }] });
    const amount = AmountRule.parse({ type: 'social_assistance' });
    // Clause 6 especially severe disability, elderly (2.5), and clause 5a aged 60–80 (1.5): only 2.5 x 360.000.
    const both = person('1955-01-01', ['social_assistance', '6_especially_severe'], ['social_assistance', '5a']);
    expect(entitlement(elig, amount, both, '2022-01-01')?.amount).toBe(900_000);
    // Clause 4 with two children (1.0 each) plus clause 6 severe (1.5): both paid.
    const parent = person('1985-01-01', ['social_assistance', '4', 2], ['social_assistance', '6_severe']);
    expect(entitlement(elig, amount, parent, '2022-01-01')?.amount).toBe(360_000 * 2 + 540_000);
  });

  it('war invalids with injury of 81% or more get the 600.000đ Tết gift; 80% or less are not selected by that rule', () => {
    const elig = EligibilityRule.parse({
      per: 'person',
      any: [{ status: 'meritorious', categories: ['g'], minDegree: 81 }],
    });
    const amount = AmountRule.parse({ type: 'gift', gift: 'tet' });
    // Tết Bính Ngọ (17/02/2026): 600.000đ; Tết Tân Sửu (12/02/2021): 400.000đ (unverified data).
    expect(entitlement(elig, amount, person('1950-01-01', ['meritorious', 'g', 81]), '2026-02-17')?.amount).toBe(
      600_000,
    );
    expect(entitlement(elig, amount, person('1950-01-01', ['meritorious', 'g', 81]), '2021-02-12')?.amount).toBe(
      400_000,
    );
    expect(entitlement(elig, amount, person('1950-01-01', ['meritorious', 'g', 61]), '2026-02-17')).toBeNull();
  });

  it('a table by category: poor 600.000đ, near-poor 300.000đ, only households of the 2021 review', () => {
    const elig = EligibilityRule.parse({
      per: 'household',
      any: [{ status: 'poverty', categories: ['poor', 'near_poor'], year: 2021 }],
    });
    const amount = AmountRule.parse({ type: 'by_category', amounts: { poor: 600_000, near_poor: 300_000 } });
    const hh = (cat: string, year: number): Candidate => ({
      birthDate: null,
      statuses: [{ kind: 'poverty', category: cat, year, degree: null }],
    });
    expect(entitlement(elig, amount, hh('poor', 2021), '2022-01-20')).toMatchObject({
      amount: 600_000,
      category: 'poor',
    });
    expect(entitlement(elig, amount, hh('near_poor', 2021), '2022-01-20')?.amount).toBe(300_000);
    expect(entitlement(elig, amount, hh('poor', 2020), '2022-01-20')).toBeNull();
  });

  it('rice in kind: 15 kg per member of the household', () => {
    const elig = EligibilityRule.parse({ per: 'household', any: [{ status: 'poverty', categories: ['poor'] }] });
    const amount = AmountRule.parse({ type: 'quantity', perPerson: 15, unit: 'kg' });
    const hh: Candidate = {
      birthDate: null,
      members: 4,
      statuses: [{ kind: 'poverty', category: 'poor', year: 2021, degree: null }],
    };
    expect(entitlement(elig, amount, hh, '2021-02-01')).toMatchObject({ amount: 0, quantity: 60 });
  });

  it('a person born after the reference date has no age: an age rule does not select them, and the check does not fail', () => {
    const elig = EligibilityRule.parse({ per: 'person', any: [{ status: 'health_insurance', maxAge: 5 }] });
    const amount = AmountRule.parse({ type: 'fixed', amount: 1 });
    expect(
      entitlement(elig, amount, person('2026-06-12', ['health_insurance', 'child_under_6']), '2026-06-01'),
    ).toBeNull();
  });

  it('refuses a rule with an unknown status kind or a negative amount', () => {
    expect(EligibilityRule.safeParse({ per: 'person', any: [{ status: 'rich' }] }).success).toBe(false);
    expect(AmountRule.safeParse({ type: 'fixed', amount: -1 }).success).toBe(false);
  });
});

describe('list checks and approval path', () => {
  const base: EntryForCheck = {
    id: 1,
    beneficiaryKey: 'p:1',
    fullName: 'Nguyễn Văn An',
    birthDate: '1950-01-01',
    citizenId: '070050001001',
    deceasedOn: null,
    movedOutOn: null,
    amount: 600_000,
    quantity: 0,
    expected: { amount: 600_000, quantity: 0 },
    manual: false,
    elsewhere: [],
  };
  it('finds duplicates, deaths, moves, bad IDs and wrong amounts; a clean entry has none', () => {
    expect(checkListEntries([base], '2021-02-01')).toEqual([]);
    const problems = checkListEntries(
      [
        base,
        { ...base, id: 2 },
        { ...base, id: 3, beneficiaryKey: 'p:3', deceasedOn: '2021-01-05' },
        { ...base, id: 4, beneficiaryKey: 'p:4', citizenId: null },
        { ...base, id: 5, beneficiaryKey: 'p:5', amount: 500_000 },
        { ...base, id: 6, beneficiaryKey: 'p:6', elsewhere: ['25216'] },
        { ...base, id: 7, beneficiaryKey: 'p:7', citizenId: null, birthDate: '2015-01-01' },
      ],
      '2021-02-01',
    );
    expect(problems.map((p) => [p.entryId, p.code, p.blocking])).toEqual([
      [2, 'DUPLICATE_IN_LIST', true],
      [3, 'DECEASED', true],
      [4, 'MISSING_ID', true],
      [5, 'AMOUNT_MISMATCH', true],
      [6, 'DUPLICATE_IN_PROGRAM', true],
      [7, 'MISSING_ID', false],
    ]);
  });
  it('flags arrears over 12 months and an empty list, as warnings for a second look (issue 18)', () => {
    expect(checkListEntries([{ ...base, arrearsMonths: 12 }], '2021-02-01')).toEqual([]);
    const long = checkListEntries([{ ...base, arrearsMonths: 65 }], '2021-02-01');
    expect(long.map((p) => [p.code, p.blocking])).toEqual([['ARREARS_IMPLAUSIBLE', false]]);
    expect(long[0]!.message).toContain('65 tháng');
    expect(checkListEntries([], '2021-02-01').map((p) => [p.entryId, p.code, p.blocking])).toEqual([
      [0, 'EMPTY_LIST', false],
    ]);
  });
  it('an entry born after the reference date is checked without an error', () => {
    const e = { ...base, citizenId: null, birthDate: '2026-06-12' };
    expect(checkListEntries([e], '2026-06-01').map((p) => [p.code, p.blocking])).toEqual([['MISSING_ID', false]]);
  });
  it('three levels: commune submits, district appraises, province approves; two levels skip the district', () => {
    expect(listTransition('draft', 'submit', 3)).toEqual({ to: 'submitted', level: 3 });
    expect(listTransition('submitted', 'appraise', 3)).toEqual({ to: 'appraised', level: 2 });
    expect(listTransition('appraised', 'approve', 3)).toEqual({ to: 'approved', level: 1 });
    expect(listTransition('submitted', 'approve', 3)).toHaveProperty('error');
    expect(listTransition('submitted', 'approve', 2)).toEqual({ to: 'approved', level: 1 });
    expect(listTransition('submitted', 'appraise', 2)).toHaveProperty('error');
    expect(listTransition('approved', 'submit', 3)).toHaveProperty('error');
    expect(listTransition('submitted', 'return', 2)).toEqual({ to: 'returned', level: 1 });
    expect(listTransition('returned', 'submit', 2)).toEqual({ to: 'submitted', level: 3 });
  });
});
