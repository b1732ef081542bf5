/**
 * Pure rules of the activities register (docs/modules/activities.md): the kinds of activities a
 * department's year report counts ("N lớp, M người"), the usual topics, and the checks that keep
 * the participant counts consistent.
 */

export interface ActivityCode<C extends string = string> {
  readonly code: C;
  readonly vi: string;
  readonly en: string;
}

/** Kinds of activities, each with the word a report counts it in ("12 lớp", "3 hội nghị"). */
export const ACTIVITY_KINDS = [
  { code: 'training', vi: 'Tập huấn, bồi dưỡng', en: 'Training', countVi: 'lớp', countEn: 'courses' },
  {
    code: 'campaign',
    vi: 'Truyền thông, tuyên truyền',
    en: 'Communication campaign',
    countVi: 'đợt',
    countEn: 'campaigns',
  },
  { code: 'conference', vi: 'Hội nghị, hội thảo', en: 'Conference', countVi: 'hội nghị', countEn: 'conferences' },
  { code: 'inspection', vi: 'Kiểm tra, giám sát', en: 'Inspection', countVi: 'cuộc', countEn: 'inspections' },
] as const satisfies readonly (ActivityCode & { countVi: string; countEn: string })[];
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]['code'];
export const ACTIVITY_KIND_CODES = ACTIVITY_KINDS.map((k) => k.code) as [ActivityKind, ...ActivityKind[]];

/** Topics the year's reports ask about; "other" for the rest (the title says what). */
export const ACTIVITY_TOPICS = [
  { code: 'child_protection', vi: 'Tháng hành động vì trẻ em, bảo vệ trẻ em', en: 'Child protection (action month)' },
  { code: 'drug_prevention', vi: 'Phòng, chống ma túy', en: 'Drug prevention' },
  { code: 'gender_equality', vi: 'Bình đẳng giới', en: 'Gender equality' },
  {
    code: 'women_candidates',
    vi: 'Bồi dưỡng nữ ứng cử viên đại biểu Hội đồng nhân dân',
    en: "Training women candidates for People's Councils",
  },
  { code: 'social_policy', vi: 'Chính sách an sinh xã hội', en: 'Social-protection policy' },
  { code: 'employment', vi: 'Lao động, việc làm', en: 'Labour and employment' },
  { code: 'meritorious', vi: 'Người có công', en: 'Meritorious service' },
  { code: 'other', vi: 'Khác', en: 'Other' },
] as const satisfies readonly ActivityCode[];
export type ActivityTopic = (typeof ACTIVITY_TOPICS)[number]['code'];
export const ACTIVITY_TOPIC_CODES = ACTIVITY_TOPICS.map((k) => k.code) as [ActivityTopic, ...ActivityTopic[]];

export interface ActivityFigures {
  readonly startDate: string;
  readonly endDate: string | null;
  readonly participantsTotal: number;
  readonly participantsFemale: number;
  readonly groups: readonly { readonly group: string; readonly count: number }[];
}

/** Field problems of an activity (empty when it holds together). */
export function validateActivity(a: ActivityFigures): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (a.endDate !== null && a.endDate < a.startDate)
    out.push({ path: 'body.endDate', message: 'Ngày kết thúc không được trước ngày bắt đầu; kiểm tra lại ngày.' });
  if (a.participantsFemale > a.participantsTotal)
    out.push({
      path: 'body.participantsFemale',
      message: `Số nữ (${a.participantsFemale}) không được lớn hơn tổng số người tham gia (${a.participantsTotal}).`,
    });
  const byGroup = a.groups.reduce((n, g) => n + g.count, 0);
  if (byGroup > a.participantsTotal)
    out.push({
      path: 'body.groups',
      message: `Cộng các nhóm (${byGroup}) lớn hơn tổng số người tham gia (${a.participantsTotal}); sửa số từng nhóm.`,
    });
  const names = new Set<string>();
  a.groups.forEach((g, i) => {
    const k = g.group.trim().toLowerCase();
    if (names.has(k))
      out.push({ path: `body.groups.${i}.group`, message: `Nhóm "${g.group}" ghi hai lần; gộp lại một dòng.` });
    names.add(k);
  });
  return out;
}
