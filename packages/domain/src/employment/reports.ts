/**
 * The periodic reports of employment services (docs/legal/employment.md, "Reports"):
 * - the employment service centre's report every six months and every year, NĐ 23/2021/NĐ-CP
 *   Art. 13(5), form Mẫu 05, sent by 20/6 and by 20/12;
 * - the yearly labour-market report of TT 01/2022/TT-BLĐTBXH Art. 18 (form Mẫu 04) with the
 *   supply data transfer of Art. 16(3), sent before 15/12.
 * The articles and deadlines were read (`verified: true`); the layout of the forms (their lines and
 * columns) was not: AnSinh's lines follow the articles' content, `layoutVerified: false`.
 */
export const EMPLOYMENT_REPORTS = Object.freeze([
  {
    code: 'centre_half_year',
    vi: 'Báo cáo tình hình hoạt động dịch vụ việc làm 6 tháng',
    en: 'Employment service centre: six-monthly report',
    basis: 'Nghị định 23/2021/NĐ-CP, Điều 13 khoản 5 (Mẫu số 05)',
    form: 'Mẫu số 05',
    dueMonthDay: '06-20',
    months: 6,
    verified: true,
    layoutVerified: false,
  },
  {
    code: 'centre_year',
    vi: 'Báo cáo tình hình hoạt động dịch vụ việc làm năm',
    en: 'Employment service centre: yearly report',
    basis: 'Nghị định 23/2021/NĐ-CP, Điều 13 khoản 5 (Mẫu số 05)',
    form: 'Mẫu số 05',
    dueMonthDay: '12-20',
    months: 12,
    verified: true,
    layoutVerified: false,
  },
  {
    code: 'labour_market_year',
    vi: 'Báo cáo thị trường lao động năm',
    en: 'Yearly labour-market report',
    basis: 'Thông tư 01/2022/TT-BLĐTBXH, Điều 16 khoản 3 và Điều 18 (Mẫu số 04)',
    form: 'Mẫu số 04',
    // "Trước ngày 15/12": the last day to send it is 14/12.
    dueMonthDay: '12-14',
    months: 12,
    verified: true,
    layoutVerified: false,
  },
] as const);
export type EmploymentReportKind = (typeof EMPLOYMENT_REPORTS)[number]['code'];
export const EMPLOYMENT_REPORT_KINDS = EMPLOYMENT_REPORTS.map((r) => r.code) as [
  EmploymentReportKind,
  ...EmploymentReportKind[],
];

export const employmentReport = (kind: EmploymentReportKind) => EMPLOYMENT_REPORTS.find((r) => r.code === kind)!;

/** The day a report of `year` is due: 20/6 or 20/12 for the centre, 14/12 (before 15/12) for TT 01. */
export function employmentReportDue(kind: EmploymentReportKind, year: number): string {
  return `${year}-${employmentReport(kind).dueMonthDay}`;
}

/**
 * The period a report covers when none is given: the first half (1/1–30/6) for the six-monthly
 * report, the calendar year otherwise. Any other period can be asked for (a province that closes
 * its half-year on 15/6 sends that).
 */
export function employmentReportPeriod(kind: EmploymentReportKind, year: number): { from: string; to: string } {
  return employmentReport(kind).months === 6
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-01-01`, to: `${year}-12-31` };
}
