import { describe, it, expect } from 'vitest';
import { DisabilityDegree, Gender, HouseholdState, Relation, Residence, StatusKind } from '../contracts/registry.js';
import {
  DISABILITY_DEGREES,
  GENDERS,
  HOUSEHOLD_STATES,
  RELATIONS,
  RESIDENCES,
  STATUS_CATEGORIES,
  findStatusCategory,
  labelOf,
  statusCategoryLabel,
  validateStatusGrant,
  type StatusGrantInput,
} from './catalogues.js';

describe('label catalogues', () => {
  it('label every code of the contracts, once', () => {
    const cases = [
      [RELATIONS, Relation.options],
      [DISABILITY_DEGREES, DisabilityDegree.options],
      [RESIDENCES, Residence.options],
      [HOUSEHOLD_STATES, HouseholdState.options],
      [GENDERS, Gender.options],
    ] as const;
    for (const [table, codes] of cases) {
      expect(table.map((r) => r.code).sort()).toEqual([...codes].sort());
      for (const r of table) expect(r.vi && r.en).toBeTruthy();
    }
  });

  it('show the Vietnamese labels officials use', () => {
    expect(labelOf(RELATIONS, 'head')).toBe('Chủ hộ');
    expect(labelOf(RELATIONS, 'child_in_law')).toBe('Con dâu/rể');
    expect(labelOf(RELATIONS, 'sibling')).toBe('Anh/chị/em');
    expect(labelOf(DISABILITY_DEGREES, 'especially_severe')).toBe('Đặc biệt nặng');
    expect(labelOf(RESIDENCES, 'rural')).toBe('Nông thôn');
    expect(labelOf(HOUSEHOLD_STATES, 'split')).toBe('Tách hộ');
    expect(labelOf(GENDERS, 'female')).toBe('Nữ');
    expect(labelOf(GENDERS, 'female', 'en')).toBe('Female');
    expect(labelOf(RELATIONS, 'neighbour')).toBe('neighbour');
  });
});

describe('STATUS_CATEGORIES', () => {
  it('covers every status kind, with the right subject', () => {
    expect(Object.keys(STATUS_CATEGORIES).sort()).toEqual([...StatusKind.options].sort());
    expect(STATUS_CATEGORIES.poverty.subject).toBe('household');
    expect(STATUS_CATEGORIES.poverty.needsYear).toBe(true);
    for (const kind of ['social_assistance', 'meritorious', 'ethnic_minority_area', 'health_insurance'] as const) {
      expect(STATUS_CATEGORIES[kind].subject).toBe('person');
    }
  });

  it('has unique codes and a legal basis for every kind', () => {
    for (const cat of Object.values(STATUS_CATEGORIES)) {
      const codes = cat.categories.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(cat.legalBasis).not.toBe('');
    }
  });

  it('marks what docs/legal/README.md lists as [M] or unverified as verified: false', () => {
    // NĐ 07/2021 Art. 4 classification is [M].
    expect(STATUS_CATEGORIES.poverty.categories.every((c) => !c.verified)).toBe(true);
    expect(STATUS_CATEGORIES.ethnic_minority_area.legalBasisVerified).toBe(false);
    expect(STATUS_CATEGORIES.ethnic_minority_area.categories.every((c) => !c.verified)).toBe(true);
    expect(STATUS_CATEGORIES.health_insurance.legalBasisVerified).toBe(false);
    expect(STATUS_CATEGORIES.health_insurance.categories.every((c) => !c.verified)).toBe(true);
    // NĐ 20/2021 Art. 5–6 and Pháp lệnh 02/2020 Art. 3 were read [R].
    expect(STATUS_CATEGORIES.social_assistance.categories.every((c) => c.verified)).toBe(true);
    expect(STATUS_CATEGORIES.meritorious.categories.every((c) => c.verified)).toBe(true);
  });

  it('lists the clauses of NĐ 20/2021 Art. 5', () => {
    expect(STATUS_CATEGORIES.social_assistance.categories.map((c) => c.code)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5a',
      '5b',
      '5c',
      '5d',
      '6_especially_severe',
      '6_severe',
      '7',
      '8',
    ]);
    expect(statusCategoryLabel('social_assistance', '5a')).toBe(
      'Người cao tuổi thuộc hộ nghèo, không có người phụng dưỡng (Điều 5 khoản 5 điểm a)',
    );
  });

  it('carries the coefficients of NĐ 20/2021 Art. 6(1), in tenths', () => {
    const tenths = (code: string) =>
      findStatusCategory('social_assistance', code)?.coefficients?.map((r) => r.coefficientTenths);
    // Art. 6(1)(a): "Hệ số 2,5 đối với trường hợp dưới 4 tuổi; Hệ số 1,5 … từ đủ 4 tuổi trở lên".
    expect(tenths('1')).toEqual([25, 15]);
    expect(tenths('2')).toEqual([15]);
    expect(tenths('3')).toEqual([25, 20]);
    // Art. 6(1)(d): "Hệ số 1,0 đối với mỗi một con đang nuôi".
    expect(tenths('4')).toEqual([10]);
    // Art. 6(1)(đ): 1,5 from 60 to 80, 2,0 from 80; 1,0 for b and c; 3,0 for d.
    expect(tenths('5a')).toEqual([15, 20]);
    expect(tenths('5b')).toEqual([10]);
    expect(tenths('5c')).toEqual([10]);
    expect(tenths('5d')).toEqual([30]);
    // Art. 6(1)(e): especially severe 2,0 (child or elderly 2,5); severe 1,5 (child or elderly 2,0).
    expect(tenths('6_especially_severe')).toEqual([20, 25]);
    expect(tenths('6_severe')).toEqual([15, 20]);
    // Art. 6(1)(g): "Hệ số 1,5 đối với đối tượng quy định tại các khoản 7 và 8".
    expect(tenths('7')).toEqual([15]);
    expect(tenths('8')).toEqual([15]);
    // 360.000đ × 2,5 = 900.000đ for an orphan under 4 (Art. 4(2) base level).
    expect((360_000 * tenths('1')![0]!) / 10).toBe(900_000);
  });

  it('lists the categories of Pháp lệnh 02/2020 Art. 3, with degrees for g and h', () => {
    expect(STATUS_CATEGORIES.meritorious.categories.map((c) => c.code)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'dd',
      'e',
      'g',
      'h',
      'i',
      'k',
      'l',
      'm',
      'relative_of_martyr',
      'relative',
    ]);
    expect(statusCategoryLabel('meritorious', 'd')).toBe('Bà mẹ Việt Nam anh hùng');
    expect(statusCategoryLabel('meritorious', 'dd')).toBe('Anh hùng Lực lượng vũ trang nhân dân');
    expect(statusCategoryLabel('meritorious', 'h')).toBe('Bệnh binh');
    expect(statusCategoryLabel('meritorious', 'relative_of_martyr')).toBe('Thân nhân liệt sĩ');
    expect(findStatusCategory('meritorious', 'dd')?.ref).toBe('Điều 3 khoản 1 điểm đ');
    const withDegree = STATUS_CATEGORIES.meritorious.categories
      .filter((c) => c.needsDegree)
      .map((c) => [c.code, c.degreeRange]);
    expect(withDegree).toEqual([
      ['g', { min: 21, max: 100 }],
      ['h', { min: 41, max: 100 }],
    ]);
  });

  it('labels the poverty classes of NĐ 07/2021', () => {
    expect(statusCategoryLabel('poverty', 'poor')).toBe('Hộ nghèo');
    expect(statusCategoryLabel('poverty', 'near_poor')).toBe('Hộ cận nghèo');
    expect(statusCategoryLabel('poverty', 'average')).toBe('Hộ có mức sống trung bình');
    expect(statusCategoryLabel('ethnic_minority_area', 'extremely_difficult')).toBe('Vùng đặc biệt khó khăn');
    expect(statusCategoryLabel('health_insurance', 'child_under_6')).toBe('Trẻ em dưới 6 tuổi');
  });

  it('shows an unknown category code as it is', () => {
    expect(statusCategoryLabel('poverty', 'rich')).toBe('rich');
    expect(findStatusCategory('poverty', 'rich')).toBeUndefined();
  });
});

describe('validateStatusGrant', () => {
  const poorHousehold: StatusGrantInput = {
    kind: 'poverty',
    category: 'poor',
    year: 2025,
    householdId: 7,
    validFrom: '2026-01-01',
    decisionDate: '2025-12-20',
  };
  const invalid: StatusGrantInput = {
    kind: 'meritorious',
    category: 'g',
    degree: 61,
    personId: 3,
    validFrom: '2021-07-01',
    decisionDate: '2021-09-15',
  };
  const paths = (input: StatusGrantInput) => validateStatusGrant(input).map((p) => p.path);

  it('accepts valid grants', () => {
    expect(validateStatusGrant(poorHousehold)).toEqual([]);
    expect(validateStatusGrant(invalid)).toEqual([]);
    expect(
      validateStatusGrant({
        kind: 'social_assistance',
        category: '5a',
        personId: 1,
        validFrom: '2024-07-01',
        validTo: '2026-06-30',
        decisionDate: '2024-06-25',
      }),
    ).toEqual([]);
    expect(validateStatusGrant({ ...invalid, category: 'h', degree: 41 })).toEqual([]);
    expect(validateStatusGrant({ ...invalid, degree: 100 })).toEqual([]);
  });

  it('a chemical-agent victim may carry a rate (it decides the gift level) but need not', () => {
    expect(validateStatusGrant({ ...invalid, category: 'i', degree: 81 })).toEqual([]);
    expect(validateStatusGrant({ ...invalid, category: 'i', degree: null })).toEqual([]);
    expect(validateStatusGrant({ ...invalid, category: 'i', degree: 10 })).toEqual([
      {
        path: 'body.degree',
        message: 'Tỷ lệ suy giảm khả năng lao động là số nguyên từ 21 đến 100 (%), hoặc để trống',
      },
    ]);
  });

  it('refuses a household status given to a person, and a person status given to a household', () => {
    expect(validateStatusGrant({ ...poorHousehold, householdId: undefined, personId: 3 })).toEqual([
      {
        path: 'body.personId',
        message: 'Hộ nghèo, hộ cận nghèo được công nhận cho cả hộ: chọn hộ gia đình, không chọn từng người',
      },
      { path: 'body.householdId', message: 'Chọn hộ gia đình được công nhận hộ nghèo, hộ cận nghèo' },
    ]);
    expect(validateStatusGrant({ ...invalid, personId: null, householdId: 7 })).toEqual([
      {
        path: 'body.householdId',
        message: 'Diện người có công với cách mạng được ghi cho từng người: chọn người, không chọn hộ',
      },
      { path: 'body.personId', message: 'Chọn người được hưởng' },
    ]);
  });

  it('refuses an unknown category and lists the valid ones', () => {
    expect(validateStatusGrant({ ...poorHousehold, category: 'rich' })).toEqual([
      {
        path: 'body.category',
        message: 'Mã "rich" không có trong danh mục hộ nghèo, hộ cận nghèo. Chọn một trong: poor, near_poor, average',
      },
    ]);
    expect(
      validateStatusGrant({ ...invalid, kind: 'social_assistance', category: '5', degree: undefined })[0]?.message,
    ).toBe(
      'Mã "5" không có trong danh mục bảo trợ xã hội (trợ cấp xã hội hằng tháng). Chọn một trong: 1, 2, 3, 4, 5a, 5b, 5c, 5d, 6_especially_severe, 6_severe, 7, 8',
    );
  });

  it('needs the review year for poverty, and only for poverty', () => {
    expect(validateStatusGrant({ ...poorHousehold, year: undefined })).toEqual([
      { path: 'body.year', message: 'Nhập năm rà soát (ví dụ 2025)' },
    ]);
    expect(paths({ ...poorHousehold, year: 1999 })).toEqual(['body.year']);
    expect(paths({ ...poorHousehold, year: 2025.5 })).toEqual(['body.year']);
    expect(validateStatusGrant({ ...invalid, year: 2025 })).toEqual([
      { path: 'body.year', message: 'Năm rà soát chỉ ghi cho hộ nghèo, hộ cận nghèo: để trống ô này' },
    ]);
    expect(validateStatusGrant({ ...invalid, year: null })).toEqual([]);
  });

  it('needs a degree of 21–100% for a war invalid and 41–100% for a sick soldier', () => {
    expect(validateStatusGrant({ ...invalid, degree: undefined })).toEqual([
      { path: 'body.degree', message: 'Nhập tỷ lệ tổn thương cơ thể (%) của thương binh, từ 21 đến 100' },
    ]);
    // 5–20% is a one-off injury allowance, not the war-invalid status (NĐ 131/2021 Art. 45(2)).
    expect(validateStatusGrant({ ...invalid, degree: 20 })).toEqual([
      { path: 'body.degree', message: 'Tỷ lệ tổn thương cơ thể của thương binh là số nguyên từ 21 đến 100 (%)' },
    ]);
    expect(paths({ ...invalid, degree: 101 })).toEqual(['body.degree']);
    expect(paths({ ...invalid, degree: 61.5 })).toEqual(['body.degree']);
    expect(validateStatusGrant({ ...invalid, category: 'h', degree: 40 })).toEqual([
      { path: 'body.degree', message: 'Tỷ lệ tổn thương cơ thể của bệnh binh là số nguyên từ 41 đến 100 (%)' },
    ]);
    expect(validateStatusGrant({ ...invalid, category: 'd', degree: 61 })).toEqual([
      { path: 'body.degree', message: 'Tỷ lệ tổn thương cơ thể chỉ ghi cho thương binh, bệnh binh: để trống ô này' },
    ]);
  });

  it('refuses an end date before the start date, and accepts the same day', () => {
    expect(validateStatusGrant({ ...poorHousehold, validTo: '2025-12-31' })).toEqual([
      { path: 'body.validTo', message: 'Ngày kết thúc (31/12/2025) không được trước ngày bắt đầu (01/01/2026)' },
    ]);
    expect(validateStatusGrant({ ...poorHousehold, validTo: '2026-01-01' })).toEqual([]);
  });

  it('accepts a decision signed after the start date (retroactive recognition)', () => {
    // NĐ 131/2021 Art. 45(1)(b): invalids injured before 01/7/2021 are paid from that date.
    expect(
      validateStatusGrant({ ...invalid, validFrom: '2021-07-01', decisionDate: '2022-03-10', today: '2026-01-05' }),
    ).toEqual([]);
  });

  it('refuses a decision dated after today', () => {
    expect(validateStatusGrant({ ...poorHousehold, decisionDate: '2026-01-06', today: '2026-01-05' })).toEqual([
      {
        path: 'body.decisionDate',
        message: 'Ngày quyết định 06/01/2026 chưa tới (hôm nay 05/01/2026): kiểm tra lại ngày ký',
      },
    ]);
    expect(validateStatusGrant({ ...poorHousehold, decisionDate: '2026-01-05', today: '2026-01-05' })).toEqual([]);
    // Without today, the date is not compared with anything.
    expect(validateStatusGrant({ ...poorHousehold, decisionDate: '2099-01-01' })).toEqual([]);
  });

  it('refuses dates that do not exist', () => {
    expect(
      paths({ ...poorHousehold, validFrom: '2026-02-30', validTo: '2026-13-01', decisionDate: 'hôm qua' }),
    ).toEqual(['body.validFrom', 'body.validTo', 'body.decisionDate']);
  });

  it('refuses an unknown kind', () => {
    expect(paths({ ...poorHousehold, kind: 'lottery' as never })).toEqual(['body.kind']);
  });
});
