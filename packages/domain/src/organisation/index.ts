/**
 * Pure rules of the organisation register (docs/modules/organisation.md): the kinds of units of an
 * agency, the kinds of training officials are sent to, whether a unit is active on a date, and the
 * staff cut as a share of the staff at the start of the year. No legal table here: the figures are
 * the agency's own (its approved posts, its staff), reported in the mass-mobilisation and annual
 * reports under "administrative reform and staff streamlining".
 */

export interface OrgCode<C extends string = string> {
  readonly code: C;
  readonly vi: string;
  readonly en: string;
}

/** Kinds of units inside an agency (Văn phòng, phòng chuyên môn, chi cục, đơn vị sự nghiệp ...). */
export const ORG_UNIT_KINDS = [
  { code: 'leadership', vi: 'Ban lãnh đạo', en: 'Leadership' },
  { code: 'office', vi: 'Văn phòng', en: 'Office' },
  { code: 'inspectorate', vi: 'Thanh tra', en: 'Inspectorate' },
  { code: 'division', vi: 'Phòng chuyên môn, nghiệp vụ', en: 'Specialised division' },
  { code: 'sub_department', vi: 'Chi cục', en: 'Sub-department' },
  { code: 'public_unit', vi: 'Đơn vị sự nghiệp công lập', en: 'Public service unit' },
  { code: 'other', vi: 'Khác', en: 'Other' },
] as const satisfies readonly OrgCode[];
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number]['code'];
export const ORG_UNIT_KIND_CODES = ORG_UNIT_KINDS.map((k) => k.code) as [OrgUnitKind, ...OrgUnitKind[]];

/** Kinds of training officials are sent to, as the staffing figures count them. */
export const OFFICIAL_TRAINING_KINDS = [
  { code: 'political', vi: 'Lý luận chính trị', en: 'Political theory' },
  { code: 'state_management', vi: 'Quản lý nhà nước', en: 'State management' },
  { code: 'professional', vi: 'Chuyên môn, nghiệp vụ', en: 'Professional skills' },
  { code: 'other', vi: 'Bồi dưỡng khác', en: 'Other training' },
] as const satisfies readonly OrgCode[];
export type OfficialTrainingKind = (typeof OFFICIAL_TRAINING_KINDS)[number]['code'];
export const OFFICIAL_TRAINING_KIND_CODES = OFFICIAL_TRAINING_KINDS.map((k) => k.code) as [
  OfficialTrainingKind,
  ...OfficialTrainingKind[],
];

/** A unit counts on date D when it was set up by D and not yet dissolved or merged away on D. */
export function unitActiveOn(u: { activeFrom: string; activeTo: string | null }, date: string): boolean {
  return u.activeFrom <= date && (u.activeTo === null || u.activeTo >= date);
}

/**
 * Staff cut in percent of the staff at the start of the year, two decimals, rounded half-up
 * (10 of 150 → 6.67); null when there was nobody at the start.
 */
export function staffCutPercent(cut: number, staffStart: number): number | null {
  if (staffStart <= 0) return null;
  return Math.round((cut * 10_000) / staffStart) / 100;
}

export interface StaffingFigures {
  readonly approvedPosts: number;
  readonly staffStart: number;
  readonly staffEnd: number;
  readonly staffCut: number;
}

/** Field problems of a year's staffing figures (empty when they hold together). */
export function validateStaffing(f: StaffingFigures): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (f.staffCut > f.staffStart)
    out.push({
      path: 'body.staffCut',
      message: `Số tinh giản (${f.staffCut}) không được lớn hơn số người đầu năm (${f.staffStart}); kiểm tra lại.`,
    });
  if (f.staffEnd > f.approvedPosts && f.approvedPosts > 0)
    out.push({
      path: 'body.staffEnd',
      message: `Số người cuối năm (${f.staffEnd}) vượt số biên chế được giao (${f.approvedPosts}); kiểm tra lại hai số.`,
    });
  return out;
}
