/**
 * The coded fields of the labour supply record (thông tin cung lao động) of Thông tư
 * 01/2022/TT-BLĐTBXH (25/01/2022, in force 10/3/2022), Art. 6–7 and its form Mẫu 01: highest
 * schooling, technical qualification, employment status, unemployment, reason for not being in
 * the labour force, and needs (docs/legal/employment.md, "Labour supply").
 *
 * The groups follow the form; the wording of each option was not checked against the annex
 * itself, hence `verified: false` (a screen showing them may say so).
 */
export interface CodeOption {
  readonly code: string;
  readonly vi: string;
  readonly en: string;
}

export interface Catalogue {
  readonly name: string;
  readonly source: string;
  readonly verified: boolean;
  readonly options: readonly CodeOption[];
}

const TT01 = 'Thông tư 01/2022/TT-BLĐTBXH, Điều 7 và Mẫu số 01';

function catalogue(name: string, options: [string, string, string][], source = TT01): Catalogue {
  return Object.freeze({
    name,
    source,
    verified: false,
    options: Object.freeze(options.map(([code, vi, en]) => Object.freeze({ code, vi, en }))),
  });
}

/** Trình độ giáo dục phổ thông cao nhất. */
export const SCHOOLING = catalogue('Trình độ giáo dục phổ thông', [
  ['none', 'Chưa đi học', 'Never attended school'],
  ['primary', 'Tiểu học', 'Primary'],
  ['lower_secondary', 'Trung học cơ sở', 'Lower secondary'],
  ['upper_secondary', 'Trung học phổ thông', 'Upper secondary'],
]);

/** Trình độ chuyên môn kỹ thuật cao nhất. */
export const QUALIFICATION = catalogue('Trình độ chuyên môn kỹ thuật', [
  ['none', 'Chưa qua đào tạo', 'No technical training'],
  ['short_course', 'Đào tạo dưới 3 tháng (có chứng chỉ)', 'Course under 3 months (certificate)'],
  ['elementary', 'Sơ cấp', 'Elementary vocational'],
  ['intermediate', 'Trung cấp', 'Intermediate'],
  ['college', 'Cao đẳng', 'College'],
  ['university', 'Đại học', 'University'],
  ['postgraduate', 'Trên đại học', 'Postgraduate'],
]);

/** Tình trạng tham gia hoạt động kinh tế; the first five are "có việc làm". */
export const EMPLOYMENT_STATUS = catalogue('Tình trạng việc làm', [
  ['employer', 'Chủ cơ sở sản xuất kinh doanh', 'Employer'],
  ['own_account', 'Tự làm', 'Own-account worker'],
  ['family_worker', 'Lao động gia đình', 'Contributing family worker'],
  ['wage_worker', 'Làm công ăn lương', 'Wage worker'],
  ['cooperative_member', 'Xã viên hợp tác xã', 'Cooperative member'],
  ['unemployed', 'Thất nghiệp', 'Unemployed'],
  ['inactive', 'Không tham gia hoạt động kinh tế', 'Not in the labour force'],
]);

/** The statuses counted as having a job. */
export const EMPLOYED_STATUSES: readonly string[] = [
  'employer',
  'own_account',
  'family_worker',
  'wage_worker',
  'cooperative_member',
];

/** Thời gian thất nghiệp. */
export const UNEMPLOYMENT_DURATION = catalogue('Thời gian thất nghiệp', [
  ['lt3m', 'Dưới 3 tháng', 'Under 3 months'],
  ['3to12m', 'Từ 3 tháng đến 1 năm', '3 to 12 months'],
  ['gt12m', 'Trên 1 năm', 'Over 1 year'],
]);

/** Lý do không tham gia hoạt động kinh tế. */
export const INACTIVE_REASON = catalogue('Lý do không tham gia hoạt động kinh tế', [
  ['studying', 'Đang đi học', 'Studying'],
  ['retired', 'Hưu trí', 'Retired'],
  ['housework', 'Nội trợ', 'Homemaking'],
  ['disabled', 'Khuyết tật, ốm đau', 'Disability or illness'],
  ['other', 'Khác', 'Other'],
]);

/** Loại hình nơi làm việc. */
export const WORKPLACE_TYPE = catalogue('Loại hình nơi làm việc', [
  ['state', 'Cơ quan, đơn vị nhà nước', 'State body'],
  ['enterprise', 'Doanh nghiệp', 'Enterprise'],
  ['cooperative', 'Hợp tác xã', 'Cooperative'],
  ['household_business', 'Hộ kinh doanh, cá thể', 'Household business'],
  ['foreign', 'Cơ quan, tổ chức nước ngoài', 'Foreign organisation'],
  ['other', 'Khác', 'Other'],
]);

/** Nhu cầu: đào tạo và việc làm (several may be ticked). */
export const NEEDS = catalogue('Nhu cầu', [
  ['training', 'Học nghề', 'Vocational training'],
  ['job', 'Tìm việc làm trong nước', 'A job in Viet Nam'],
  ['abroad', 'Đi làm việc ở nước ngoài', 'Work abroad'],
  ['loan', 'Vay vốn tạo việc làm', 'A job-creation loan'],
  ['counselling', 'Tư vấn', 'Counselling'],
]);

export const SUPPLY_CATALOGUES = {
  schooling: SCHOOLING,
  qualification: QUALIFICATION,
  employmentStatus: EMPLOYMENT_STATUS,
  unemploymentDuration: UNEMPLOYMENT_DURATION,
  inactiveReason: INACTIVE_REASON,
  workplaceType: WORKPLACE_TYPE,
  needs: NEEDS,
} as const;

export const codesOf = (c: Catalogue): [string, ...string[]] => c.options.map((o) => o.code) as [string, ...string[]];

/** The option whose Vietnamese label or code matches `text` (accents and case ignored), or null. */
export function optionOf(c: Catalogue, text: string, key: (s: string) => string): CodeOption | null {
  const k = key(text);
  if (!k) return null;
  return c.options.find((o) => o.code === text || key(o.vi) === k) ?? null;
}

/** Minimum age of the labour supply (TT 01/2022 Art. 6: residents aged 15 and over). */
export const SUPPLY_MIN_AGE = 15;

/**
 * Whether someone born on `birth` ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD') is 15 or over on `on`.
 * A partial date is taken at its latest possible day, so nobody under 15 is admitted.
 */
export function isWorkingAge(birth: string, on: string): boolean {
  const y = Number(birth.slice(0, 4));
  const md = birth.length >= 10 ? birth.slice(5, 10) : birth.length >= 7 ? `${birth.slice(5, 7)}-31` : '12-31';
  const turns = `${y + SUPPLY_MIN_AGE}-${md}`;
  return turns <= on;
}
