import { describe, expect, it } from 'vitest';
import { classifyHousehold, scoreB1, standardForReview, SurveyProblem } from './classify.js';
import { b1Range, POVERTY_STANDARDS, standardByCode, standardOn } from './standards.js';

const std = (code: string) => standardByCode(code)!;
const three = ['health_insurance', 'water', 'latrine'];

describe('poverty standards as effective-dated data', () => {
  it('has one standard in force on each day from 2016 to 2030, every one cited', () => {
    expect(standardOn('2016-01-01')?.code).toBe('2016-2020');
    expect(standardOn('2021-06-30')?.code).toBe('2016-2020');
    expect(standardOn('2022-01-01')?.code).toBe('2022-2025');
    expect(standardOn('2026-05-01')?.code).toBe('2026');
    expect(standardOn('2027-01-01')?.code).toBe('2027-2030');
    expect(standardOn('2015-12-31')).toBeNull();
    for (const s of POVERTY_STANDARDS) {
      expect(s.basis.source).toMatch(/(QĐ|NĐ) \d+\/20\d\d/);
      expect(s.b1.verified).toBe(false);
      const sorted = [...POVERTY_STANDARDS].sort((a, b) => a.from.localeCompare(b.from));
      expect(sorted.indexOf(s)).toBe(POVERTY_STANDARDS.indexOf(s));
    }
  });

  it('keeps the NĐ 07/2021 lines for 2026 and raises them from 2027 (NĐ 351/2025)', () => {
    expect(std('2022-2025').lines.poverty).toEqual({ rural: 1_500_000, urban: 2_000_000 });
    expect(std('2026').lines.poverty).toEqual({ rural: 1_500_000, urban: 2_000_000 });
    expect(std('2027-2030').lines.poverty).toEqual({ rural: 2_200_000, urban: 2_800_000 });
    expect(std('2016-2020').lines.nearPoor).toEqual({ rural: 1_000_000, urban: 1_300_000 });
    expect(std('2022-2025').indicators).toHaveLength(12);
    expect(std('2016-2020').indicators).toHaveLength(10);
  });

  it('applies the next year standard to a periodic review from 1 September (the end-2021 review used 2022–2025)', () => {
    expect(standardForReview('2021-11-15', 'periodic')?.code).toBe('2022-2025');
    expect(standardForReview('2020-10-01', 'periodic')?.code).toBe('2016-2020');
    expect(standardForReview('2026-10-01', 'periodic')?.code).toBe('2027-2030');
    expect(standardForReview('2026-03-01', 'adhoc')?.code).toBe('2026');
  });
});

describe('classifyHousehold, QĐ 59/2015/QĐ-TTg (2016–2020, two lines)', () => {
  const s = std('2016-2020');
  it('is poor at or below the poverty line (rural 700.000đ), whatever the deprivations', () => {
    expect(classifyHousehold(s, { residence: 'rural', incomePerPersonMonth: 700_000, deprived: [] }).class).toBe(
      'poor',
    );
  });
  it('is poor between the lines with 3 deprivations, near-poor with fewer (urban 900.000–1.300.000đ)', () => {
    expect(classifyHousehold(s, { residence: 'urban', incomePerPersonMonth: 1_000_000, deprived: three }).class).toBe(
      'poor',
    );
    expect(
      classifyHousehold(s, { residence: 'urban', incomePerPersonMonth: 1_000_000, deprived: ['water'] }).class,
    ).toBe('near_poor');
  });
  it('a previously poor household above the near-poor line left poverty', () => {
    const c = classifyHousehold(s, {
      residence: 'rural',
      incomePerPersonMonth: 1_200_000,
      deprived: three,
      previous: 'poor',
    });
    expect(c.class).toBe('left_poverty');
    expect(c.registryCategory).toBeNull();
  });
});

describe('classifyHousehold, NĐ 07/2021/NĐ-CP (2022–2025) and 2026', () => {
  for (const code of ['2022-2025', '2026']) {
    const s = std(code);
    it(`${code}: rural at or below 1.500.000đ with ≥3 deprivations is poor, with 2 near-poor`, () => {
      expect(classifyHousehold(s, { residence: 'rural', incomePerPersonMonth: 1_500_000, deprived: three }).class).toBe(
        'poor',
      );
      expect(
        classifyHousehold(s, { residence: 'rural', incomePerPersonMonth: 1_500_000, deprived: three.slice(0, 2) })
          .class,
      ).toBe('near_poor');
    });
    it(`${code}: urban 2.500.000đ is in the average band; a farm household there is average-living`, () => {
      const c = classifyHousehold(s, {
        residence: 'urban',
        incomePerPersonMonth: 2_500_000,
        deprived: three,
        farmHousehold: true,
      });
      expect(c.class).toBe('average_farm');
      expect(c.registryCategory).toBe('average');
      expect(
        classifyHousehold(s, { residence: 'urban', incomePerPersonMonth: 3_000_001, deprived: [], farmHousehold: true })
          .class,
      ).toBe('not_poor');
    });
  }
  it('a near-poor household above the line left near-poverty', () => {
    const c = classifyHousehold(std('2022-2025'), {
      residence: 'rural',
      incomePerPersonMonth: 1_600_000,
      deprived: [],
      previous: 'near_poor',
    });
    expect(c.class).toBe('left_near_poverty');
  });
  it('explains a B1 score item by item and names the deprived indicators', () => {
    const s = std('2022-2025');
    const c = classifyHousehold(s, {
      residence: 'rural',
      b1: { members: '5+', house: 'makeshift', motorbike: 'yes', fridge: 'no' },
      deprived: ['employment', 'nutrition', 'water'],
    });
    expect(c.b1Score).toBe(60);
    expect(c.b1Lines).toContainEqual({
      item: 'motorbike',
      itemVi: 'Có xe máy',
      option: 'yes',
      optionVi: 'Có',
      points: 10,
    });
    expect(c.deprived.map((d) => d.vi)).toEqual(['Việc làm', 'Dinh dưỡng', 'Nguồn nước sinh hoạt']);
    expect(c.class).toBe('poor');
    expect(c.reasons.join(' ')).toContain('Điểm B1 = 60');
  });
  it('screens a household out with Phiếu A (a car)', () => {
    const c = classifyHousehold(std('2022-2025'), {
      residence: 'rural',
      b1Score: 60,
      deprived: three,
      screening: { yes: ['car'] },
    });
    expect(c.class).toBe('not_poor');
    expect(c.excludedByScreening).toEqual(['car']);
  });
  it('refuses an unknown indicator or B1 option with a Vietnamese message', () => {
    const s = std('2022-2025');
    expect(() => classifyHousehold(s, { residence: 'rural', b1Score: 60, deprived: ['info_assets'] })).toThrow(
      SurveyProblem,
    );
    expect(() => scoreB1(s.b1, 'rural', { house: 'palace' })).toThrow(/không có lựa chọn "palace"/);
    expect(b1Range(s.b1, 'rural')).toEqual({
      min: 50,
      max: 50 + 40 + 15 + 15 + 20 + 25 + 20 + 20 + 10 + 10 + 10 + 10 + 15 + 10 + 15,
    });
  });
});

describe('classifyHousehold, NĐ 351/2025/NĐ-CP (2027–2030)', () => {
  const s = std('2027-2030');
  it('rural 2.200.000đ with 3 deprivations is poor; urban 2.800.000đ with 1 near-poor; 2.300.000đ rural is not', () => {
    expect(classifyHousehold(s, { residence: 'rural', incomePerPersonMonth: 2_200_000, deprived: three }).class).toBe(
      'poor',
    );
    expect(
      classifyHousehold(s, { residence: 'urban', incomePerPersonMonth: 2_800_000, deprived: ['water'] }).class,
    ).toBe('near_poor');
    expect(classifyHousehold(s, { residence: 'rural', incomePerPersonMonth: 2_300_000, deprived: three }).class).toBe(
      'not_poor',
    );
  });
});
