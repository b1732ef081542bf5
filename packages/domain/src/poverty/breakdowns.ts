/**
 * The causes of poverty (nguyên nhân nghèo) and the household groups (nhóm hộ) by which the
 * national review software breaks the poor and near-poor lists down (the report templates of
 * TT 07/2021/TT-BLĐTBXH, Phụ lục III; docs/legal/poverty.md). The labels follow the templates as
 * seen in exported reports; the template text itself was not checked: `verified: false`.
 */
export const POVERTY_BREAKDOWN_SOURCE = {
  document: 'Thông tư 07/2021/TT-BLĐTBXH, Phụ lục III (biểu tổng hợp kết quả rà soát)',
  verified: false,
} as const;

export const POVERTY_CAUSES = [
  { code: 'land', vi: 'Thiếu đất sản xuất', en: 'Lack of farmland' },
  { code: 'capital', vi: 'Thiếu vốn sản xuất, kinh doanh', en: 'Lack of capital' },
  { code: 'labour', vi: 'Thiếu lao động', en: 'Lack of labour' },
  { code: 'tools', vi: 'Thiếu phương tiện sản xuất', en: 'Lack of tools' },
  { code: 'know_how', vi: 'Không biết cách làm ăn', en: 'Lack of know-how' },
  { code: 'skills', vi: 'Không có tay nghề', en: 'No vocational skills' },
  { code: 'illness', vi: 'Ốm đau, bệnh nặng, tai nạn', en: 'Illness or accident' },
  { code: 'other', vi: 'Nguyên nhân khác', en: 'Other causes' },
] as const;
export type PovertyCause = (typeof POVERTY_CAUSES)[number]['code'];
export const POVERTY_CAUSE_CODES = POVERTY_CAUSES.map((c) => c.code) as [PovertyCause, ...PovertyCause[]];

/** Groups a household may belong to at once; stored as a bit mask (bit i = the i-th group). */
export const POVERTY_GROUPS = [
  { code: 'no_working_capacity', vi: 'Hộ không có khả năng lao động', en: 'No working capacity' },
  { code: 'merit', vi: 'Hộ có thành viên là người có công với cách mạng', en: 'Meritorious-service household' },
  { code: 'needs_health', vi: 'Có nhu cầu hỗ trợ y tế', en: 'Needs health support' },
  { code: 'needs_education', vi: 'Có nhu cầu hỗ trợ giáo dục', en: 'Needs education support' },
  { code: 'needs_production', vi: 'Có nhu cầu hỗ trợ sản xuất, sinh kế', en: 'Needs livelihood support' },
  { code: 'needs_credit', vi: 'Có nhu cầu vay vốn tín dụng ưu đãi', en: 'Needs preferential credit' },
  { code: 'needs_housing', vi: 'Có nhu cầu hỗ trợ nhà ở', en: 'Needs housing support' },
] as const;
export type PovertyGroup = (typeof POVERTY_GROUPS)[number]['code'];
export const POVERTY_GROUP_CODES = POVERTY_GROUPS.map((g) => g.code) as [PovertyGroup, ...PovertyGroup[]];

/** The bit mask of a household's groups (unknown codes are refused by the contract before). */
export function groupMask(groups: readonly string[]): number {
  let m = 0;
  for (const g of groups) {
    const i = POVERTY_GROUP_CODES.indexOf(g as PovertyGroup);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

/** The groups of a mask, in catalogue order. */
export function groupsOfMask(mask: number | null | undefined): PovertyGroup[] {
  return POVERTY_GROUP_CODES.filter((_, i) => ((mask ?? 0) >> i) & 1);
}
