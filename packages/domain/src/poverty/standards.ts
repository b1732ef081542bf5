/**
 * Multidimensional poverty standards (chuẩn nghèo đa chiều) as effective-dated data: income lines,
 * deprivation dimensions and indicators, the Phiếu A screening criteria, the Phiếu B part B1 scoring
 * table (an income proxy) and the bands of average-living-standard households. A review asks which
 * standard was in force on its review date ({@link standardOn}); the rules are explained in
 * docs/legal/poverty.md.
 *
 * `verified: false` marks a figure not read in the legal text itself; such a table ships as data the
 * department corrects (a campaign keeps its own copy of the B1 table), never as code.
 */

/** Urban (thành thị / đô thị) or rural (nông thôn): it picks the line and the B1 column. */
export type PovertyResidence = 'rural' | 'urban';
export type StandardCode = '2016-2020' | '2022-2025' | '2026' | '2027-2030';

export interface Cited {
  /** Document and article, e.g. 'NĐ 07/2021/NĐ-CP, Điều 3 khoản 1'. */
  readonly source: string;
  readonly verified: boolean;
}

/** Income lines in đồng per person per month. `nearPoor` exists only where the standard has two lines. */
export interface IncomeLines extends Cited {
  readonly poverty: Readonly<Record<PovertyResidence, number>>;
  readonly nearPoor: Readonly<Record<PovertyResidence, number>> | null;
  /** Upper bound (inclusive) of the average-living-standard band; its lower bound is the highest line. */
  readonly averageUpTo: Readonly<Record<PovertyResidence, number>>;
  readonly averageSource: Cited;
}

export interface Indicator {
  /** Stable code; its position in `indicators` is its bit in a survey's deprivation mask. */
  readonly code: string;
  readonly dimension: string;
  readonly vi: string;
  readonly en: string;
  /** The threshold: when the household is deprived. */
  readonly deprivedIfVi: string;
}

export interface B1Option {
  readonly code: string;
  readonly vi: string;
  readonly points: Readonly<Record<PovertyResidence, number>>;
}
export interface B1Item {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
  readonly options: readonly B1Option[];
}
/**
 * Phiếu B part B1: household characteristics scored as an income proxy. A score at or below
 * `cutoffs.poverty` counts as income at or below the poverty line, and so on up the bands.
 */
export interface B1Table extends Cited {
  readonly base: Readonly<Record<PovertyResidence, number>>;
  readonly items: readonly B1Item[];
  readonly cutoffs: Readonly<Record<PovertyResidence, { poverty: number; nearPoor: number | null; average: number }>>;
}

/** Phiếu A: quick identification; a household with any `excludeIfAny` or ≥ `excludeIfCount` of `counted` is not surveyed further. */
export interface ScreeningCriteria extends Cited {
  readonly excludeIfAny: readonly { code: string; vi: string }[];
  readonly counted: readonly { code: string; vi: string }[];
  readonly excludeIfCount: number;
}

export interface PovertyStandard {
  readonly code: StandardCode;
  readonly vi: string;
  readonly from: string;
  readonly to: string | null;
  /** 'two_lines': QĐ 59/2015 (poor below the poverty line, or between the lines with ≥3 deprivations); 'one_line': NĐ 07/2021 and later. */
  readonly rule: 'two_lines' | 'one_line';
  readonly basis: Cited;
  readonly lines: IncomeLines;
  readonly indicators: readonly Indicator[];
  readonly indicatorsSource: Cited;
  /** Deprivations from which an eligible household is poor rather than near-poor. */
  readonly deprivationThreshold: number;
  readonly screening: ScreeningCriteria;
  readonly b1: B1Table;
  /** The procedure (review steps and forms). */
  readonly procedure: Cited;
}

const r = (rural: number, urban: number) => ({ rural, urban });

/** Five dimensions, ten indicators: QĐ 59/2015/QĐ-TTg, Điều 2 khoản 1 điểm b [M]. */
const INDICATORS_2016: readonly Indicator[] = [
  {
    code: 'health_access',
    dimension: 'health',
    vi: 'Tiếp cận các dịch vụ y tế',
    en: 'Access to health care',
    deprivedIfVi: 'Có người ốm đau nặng không đi khám chữa bệnh',
  },
  {
    code: 'health_insurance',
    dimension: 'health',
    vi: 'Bảo hiểm y tế',
    en: 'Health insurance',
    deprivedIfVi: 'Có thành viên từ 6 tuổi trở lên không có thẻ BHYT',
  },
  {
    code: 'adult_education',
    dimension: 'education',
    vi: 'Trình độ giáo dục của người lớn',
    en: 'Adult education',
    deprivedIfVi: 'Có thành viên 15–30 tuổi không tốt nghiệp THCS và không đi học',
  },
  {
    code: 'child_school',
    dimension: 'education',
    vi: 'Tình trạng đi học của trẻ em',
    en: 'Child school attendance',
    deprivedIfVi: 'Có trẻ 5–14 tuổi không đi học',
  },
  {
    code: 'housing_quality',
    dimension: 'housing',
    vi: 'Chất lượng nhà ở',
    en: 'Housing quality',
    deprivedIfVi: 'Nhà thiếu kiên cố hoặc đơn sơ',
  },
  {
    code: 'housing_area',
    dimension: 'housing',
    vi: 'Diện tích nhà ở bình quân đầu người',
    en: 'Floor area per person',
    deprivedIfVi: 'Dưới 8 m² mỗi người',
  },
  {
    code: 'water',
    dimension: 'living',
    vi: 'Nguồn nước sinh hoạt',
    en: 'Drinking water',
    deprivedIfVi: 'Không tiếp cận nguồn nước hợp vệ sinh',
  },
  {
    code: 'latrine',
    dimension: 'living',
    vi: 'Hố xí/nhà tiêu hợp vệ sinh',
    en: 'Sanitation',
    deprivedIfVi: 'Không dùng hố xí/nhà tiêu hợp vệ sinh',
  },
  {
    code: 'telecom',
    dimension: 'information',
    vi: 'Sử dụng dịch vụ viễn thông',
    en: 'Telecom use',
    deprivedIfVi: 'Không thành viên nào dùng điện thoại hoặc internet',
  },
  {
    code: 'info_assets',
    dimension: 'information',
    vi: 'Tài sản phục vụ tiếp cận thông tin',
    en: 'Information assets',
    deprivedIfVi: 'Không có tivi, radio, máy tính; không nghe được loa đài',
  },
];

/** Six services, twelve indicators: NĐ 07/2021/NĐ-CP, Điều 3 khoản 2 [M; wording from secondary sources]. */
const INDICATORS_2022: readonly Indicator[] = [
  {
    code: 'employment',
    dimension: 'employment',
    vi: 'Việc làm',
    en: 'Employment',
    deprivedIfVi: 'Có người trong độ tuổi lao động thất nghiệp hoặc không có việc làm ổn định',
  },
  {
    code: 'dependants',
    dimension: 'employment',
    vi: 'Người phụ thuộc trong hộ',
    en: 'Dependants',
    deprivedIfVi: 'Hơn một nửa số người trong hộ là người phụ thuộc',
  },
  {
    code: 'nutrition',
    dimension: 'health',
    vi: 'Dinh dưỡng',
    en: 'Nutrition',
    deprivedIfVi: 'Có trẻ em dưới 16 tuổi suy dinh dưỡng',
  },
  {
    code: 'health_insurance',
    dimension: 'health',
    vi: 'Bảo hiểm y tế',
    en: 'Health insurance',
    deprivedIfVi: 'Có người từ 6 tuổi trở lên không có BHYT',
  },
  {
    code: 'adult_education',
    dimension: 'education',
    vi: 'Trình độ giáo dục của người lớn',
    en: 'Adult education',
    deprivedIfVi: 'Có người 16–30 tuổi không học hoặc không có bằng cấp phù hợp độ tuổi',
  },
  {
    code: 'child_school',
    dimension: 'education',
    vi: 'Tình trạng đi học của trẻ em',
    en: 'Child school attendance',
    deprivedIfVi: 'Có trẻ 3 đến dưới 16 tuổi không học đúng bậc, cấp',
  },
  {
    code: 'housing_quality',
    dimension: 'housing',
    vi: 'Chất lượng nhà ở',
    en: 'Housing quality',
    deprivedIfVi: 'Nhà không bền chắc (≥2 trong 3 kết cấu tường, cột, mái)',
  },
  {
    code: 'housing_area',
    dimension: 'housing',
    vi: 'Diện tích nhà ở bình quân đầu người',
    en: 'Floor area per person',
    deprivedIfVi: 'Dưới 8 m² mỗi người',
  },
  {
    code: 'water',
    dimension: 'water_sanitation',
    vi: 'Nguồn nước sinh hoạt',
    en: 'Drinking water',
    deprivedIfVi: 'Không tiếp cận nguồn nước sạch',
  },
  {
    code: 'latrine',
    dimension: 'water_sanitation',
    vi: 'Nhà tiêu hợp vệ sinh',
    en: 'Sanitation',
    deprivedIfVi: 'Không dùng nhà tiêu hợp vệ sinh',
  },
  {
    code: 'telecom',
    dimension: 'information',
    vi: 'Sử dụng dịch vụ viễn thông',
    en: 'Telecom use',
    deprivedIfVi: 'Không thành viên nào dùng dịch vụ viễn thông, internet',
  },
  {
    code: 'info_access',
    dimension: 'information',
    vi: 'Phương tiện tiếp cận thông tin',
    en: 'Means of information',
    deprivedIfVi: 'Không có phương tiện tiếp cận thông tin',
  },
];

const yesNo = (code: string, vi: string, en: string, rural: number, urban: number): B1Item => ({
  code,
  vi,
  en,
  options: [
    { code: 'yes', vi: 'Có', points: r(rural, urban) },
    { code: 'no', vi: 'Không', points: r(0, 0) },
  ],
});

/**
 * The B1 items. The real forms (TT 17/2016 and TT 07/2021, Phụ lục III) score by region with
 * eight regional tables; this national table is a placeholder with the same shape, NOT read in
 * the text, for the department to correct per campaign.
 */
const B1_ITEMS: readonly B1Item[] = [
  {
    code: 'members',
    vi: 'Số nhân khẩu',
    en: 'Household size',
    options: [
      { code: '1', vi: '1 người', points: r(40, 45) },
      { code: '2', vi: '2 người', points: r(30, 35) },
      { code: '3', vi: '3 người', points: r(20, 25) },
      { code: '4', vi: '4 người', points: r(10, 15) },
      { code: '5+', vi: 'Từ 5 người', points: r(0, 0) },
    ],
  },
  {
    code: 'dependants',
    vi: 'Tỷ lệ người phụ thuộc',
    en: 'Share of dependants',
    options: [
      { code: 'none', vi: 'Không có', points: r(15, 15) },
      { code: 'under_half', vi: 'Dưới một nửa', points: r(10, 10) },
      { code: 'half_or_more', vi: 'Từ một nửa trở lên', points: r(0, 0) },
    ],
  },
  yesNo('upper_secondary', 'Có người tốt nghiệp THPT trở lên', 'A member finished upper secondary', 15, 20),
  yesNo('salaried', 'Có người hưởng lương, lương hưu', 'A member with a salary or pension', 20, 25),
  {
    code: 'house',
    vi: 'Loại nhà',
    en: 'House type',
    options: [
      { code: 'solid', vi: 'Kiên cố', points: r(25, 25) },
      { code: 'semi', vi: 'Bán kiên cố', points: r(10, 10) },
      { code: 'makeshift', vi: 'Thiếu kiên cố, đơn sơ', points: r(0, 0) },
    ],
  },
  {
    code: 'area',
    vi: 'Diện tích ở bình quân',
    en: 'Floor area per person',
    options: [
      { code: '30+', vi: 'Từ 30 m²/người', points: r(20, 20) },
      { code: '15-30', vi: '15 đến dưới 30 m²/người', points: r(10, 10) },
      { code: '<15', vi: 'Dưới 15 m²/người', points: r(0, 0) },
    ],
  },
  {
    code: 'electricity',
    vi: 'Điện dùng mỗi tháng',
    en: 'Electricity per month',
    options: [
      { code: '100+', vi: 'Từ 100 kWh', points: r(20, 20) },
      { code: '50-100', vi: '50 đến dưới 100 kWh', points: r(10, 10) },
      { code: '<50', vi: 'Dưới 50 kWh', points: r(0, 0) },
    ],
  },
  yesNo('septic', 'Nhà tiêu tự hoại, bán tự hoại', 'Septic toilet', 10, 10),
  yesNo('motorbike', 'Có xe máy', 'Motorbike', 10, 10),
  yesNo('fridge', 'Có tủ lạnh', 'Refrigerator', 10, 10),
  yesNo('washer', 'Có máy giặt', 'Washing machine', 10, 10),
  yesNo('air_con', 'Có điều hoà', 'Air conditioner', 15, 15),
  yesNo('cattle', 'Có trâu, bò, ngựa', 'Cattle or horses', 10, 0),
  yesNo('land_1ha', 'Có từ 1 ha đất sản xuất', 'One hectare or more of farm land', 15, 5),
];

const SCREENING: Omit<ScreeningCriteria, 'source' | 'verified'> = {
  excludeIfAny: [
    { code: 'car', vi: 'Có ô tô' },
    { code: 'salaried_all', vi: 'Tất cả thành viên hưởng lương ổn định' },
    { code: 'large_business', vi: 'Có cơ sở kinh doanh lớn, thuê lao động thường xuyên' },
  ],
  counted: [
    { code: 'air_con', vi: 'Có điều hoà' },
    { code: 'water_heater', vi: 'Có bình nóng lạnh' },
    { code: 'washer', vi: 'Có máy giặt' },
    { code: 'fridge', vi: 'Có tủ lạnh' },
    { code: 'motorbike_2', vi: 'Có từ 2 xe máy' },
    { code: 'solid_house', vi: 'Nhà kiên cố' },
  ],
  excludeIfCount: 3,
};

const NOT_READ = 'chưa đối chiếu văn bản gốc';

const LINES_2022: IncomeLines = {
  poverty: r(1_500_000, 2_000_000),
  nearPoor: null,
  averageUpTo: r(2_250_000, 3_000_000),
  source: 'NĐ 07/2021/NĐ-CP, Điều 3 khoản 1 điểm a',
  verified: false,
  averageSource: { source: 'NĐ 07/2021/NĐ-CP, Điều 3 khoản 3', verified: false },
};

const STANDARD_2022: PovertyStandard = {
  code: '2022-2025',
  vi: 'Chuẩn nghèo đa chiều giai đoạn 2022–2025',
  from: '2022-01-01',
  to: '2025-12-31',
  rule: 'one_line',
  basis: { source: 'NĐ 07/2021/NĐ-CP ngày 27/01/2021, Điều 3', verified: false },
  lines: LINES_2022,
  indicators: INDICATORS_2022,
  indicatorsSource: { source: `NĐ 07/2021/NĐ-CP, Điều 3 khoản 1 điểm b (${NOT_READ})`, verified: false },
  deprivationThreshold: 3,
  screening: { ...SCREENING, source: `TT 07/2021/TT-BLĐTBXH, Phụ lục II, Phiếu A (${NOT_READ})`, verified: false },
  b1: {
    source: `TT 07/2021/TT-BLĐTBXH, Phụ lục III, Phiếu B phần B1 (bảng điểm giữ chỗ, ${NOT_READ})`,
    verified: false,
    base: r(50, 40),
    items: B1_ITEMS,
    cutoffs: {
      rural: { poverty: 140, nearPoor: null, average: 175 },
      urban: { poverty: 150, nearPoor: null, average: 190 },
    },
  },
  procedure: { source: 'QĐ 24/2021/QĐ-TTg, Điều 4–5; TT 07/2021/TT-BLĐTBXH', verified: false },
};

/** All standards, oldest first. 2021 has none of its own: QĐ 59/2015 was extended to the end of 2021 [M]. */
export const POVERTY_STANDARDS: readonly PovertyStandard[] = [
  {
    code: '2016-2020',
    vi: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020',
    from: '2016-01-01',
    to: '2021-12-31',
    rule: 'two_lines',
    basis: { source: 'QĐ 59/2015/QĐ-TTg ngày 19/11/2015, Điều 2–3 (kéo dài đến hết 2021)', verified: false },
    lines: {
      poverty: r(700_000, 900_000),
      nearPoor: r(1_000_000, 1_300_000),
      averageUpTo: r(1_500_000, 1_950_000),
      source: 'QĐ 59/2015/QĐ-TTg, Điều 2 khoản 1 điểm a; Điều 3',
      verified: false,
      averageSource: { source: 'QĐ 59/2015/QĐ-TTg, Điều 3 khoản 3', verified: false },
    },
    indicators: INDICATORS_2016,
    indicatorsSource: { source: `QĐ 59/2015/QĐ-TTg, Điều 2 khoản 1 điểm b (${NOT_READ})`, verified: false },
    deprivationThreshold: 3,
    screening: { ...SCREENING, source: `TT 17/2016/TT-BLĐTBXH, Phụ lục II, Phiếu A (${NOT_READ})`, verified: false },
    b1: {
      source: `TT 17/2016/TT-BLĐTBXH, Phụ lục III, Phiếu B phần B1 (bảng điểm giữ chỗ, ${NOT_READ})`,
      verified: false,
      base: r(50, 40),
      items: B1_ITEMS,
      cutoffs: {
        rural: { poverty: 120, nearPoor: 140, average: 160 },
        urban: { poverty: 140, nearPoor: 150, average: 175 },
      },
    },
    procedure: { source: 'QĐ 59/2015/QĐ-TTg; TT 17/2016/TT-BLĐTBXH', verified: false },
  },
  STANDARD_2022,
  {
    ...STANDARD_2022,
    code: '2026',
    vi: 'Năm 2026: tiếp tục áp dụng chuẩn nghèo giai đoạn 2022–2025',
    from: '2026-01-01',
    to: '2026-12-31',
    basis: { source: 'NĐ 351/2025/NĐ-CP (giữ Điều 3 NĐ 07/2021/NĐ-CP cho năm 2026)', verified: false },
  },
  {
    ...STANDARD_2022,
    code: '2027-2030',
    vi: 'Chuẩn nghèo đa chiều giai đoạn 2027–2030',
    from: '2027-01-01',
    to: '2030-12-31',
    basis: { source: 'NĐ 351/2025/NĐ-CP ngày 30/12/2025', verified: false },
    lines: {
      poverty: r(2_200_000, 2_800_000),
      nearPoor: null,
      // Not read: assumed 1,5 times the line, as NĐ 07/2021 had.
      averageUpTo: r(3_300_000, 4_200_000),
      source: 'NĐ 351/2025/NĐ-CP, chuẩn thu nhập giai đoạn 2027–2030',
      verified: false,
      averageSource: {
        source: `NĐ 351/2025/NĐ-CP (ngưỡng mức sống trung bình giả định 1,5 lần chuẩn, ${NOT_READ})`,
        verified: false,
      },
    },
    indicatorsSource: {
      source: `NĐ 351/2025/NĐ-CP (danh mục chỉ số ${NOT_READ}; tạm dùng 12 chỉ số của NĐ 07/2021)`,
      verified: false,
    },
    procedure: { source: 'NĐ 351/2025/NĐ-CP; QĐ 967/QĐ-BNNMT (2025)', verified: false },
  },
];

/** The standard in force on a date ('YYYY-MM-DD'), or null before 2016 or after 2030. */
export function standardOn(date: string): PovertyStandard | null {
  return POVERTY_STANDARDS.find((s) => s.from <= date && (s.to === null || date <= s.to)) ?? null;
}

export function standardByCode(code: string): PovertyStandard | null {
  return POVERTY_STANDARDS.find((s) => s.code === code) ?? null;
}

/** The lowest and highest B1 score a table can give (for range checks on imported scores). */
export function b1Range(
  table: Pick<B1Table, 'base' | 'items'>,
  residence: PovertyResidence,
): { min: number; max: number } {
  let min = table.base[residence];
  let max = table.base[residence];
  for (const item of table.items) {
    const pts = item.options.map((o) => o.points[residence]);
    min += Math.min(...pts);
    max += Math.max(...pts);
  }
  return { min, max };
}
