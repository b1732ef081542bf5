import { effectiveTable, valueOn, type EffectiveTable } from '../programs/effective.js';

/**
 * Support for vocational training of specific groups (elementary level and courses under three
 * months), as effective-dated rules like the programmes' amounts (docs/legal/employment.md,
 * "Training support"). Quyết định 46/2015/QĐ-TTg Art. 3 sets a ceiling per person per course
 * for each group; the figures below were not read in the decision itself (verified: false) and
 * the province may fix lower amounts. Since 2025 the function sits with the education department.
 */
export const TRAINING_LEVELS = Object.freeze([
  { code: 'short_course', vi: 'Đào tạo dưới 3 tháng', en: 'Course under 3 months' },
  { code: 'elementary', vi: 'Sơ cấp', en: 'Elementary' },
  { code: 'intermediate', vi: 'Trung cấp', en: 'Intermediate' },
  { code: 'college', vi: 'Cao đẳng', en: 'College' },
] as const);
export type TrainingLevel = (typeof TRAINING_LEVELS)[number]['code'];

export const SUPPORT_GROUPS = Object.freeze([
  { code: 'disabled', vi: 'Người khuyết tật', en: 'Person with disability' },
  {
    code: 'poor_ethnic_special',
    vi: 'Người DTTS thuộc hộ nghèo, hộ ở xã đặc biệt khó khăn',
    en: 'Poor ethnic-minority or especially-difficult commune',
  },
  {
    code: 'priority',
    vi: 'Người DTTS, hộ nghèo, hộ cận nghèo, người có công, bị thu hồi đất',
    en: 'Ethnic minority, poor, near-poor, merit, land recovered',
  },
  { code: 'rural', vi: 'Lao động nông thôn khác', en: 'Other rural worker' },
] as const);
export type SupportGroup = (typeof SUPPORT_GROUPS)[number]['code'];

export interface TrainingSupportRule {
  /** Levels the support applies to. */
  levels: readonly TrainingLevel[];
  /** Ceiling per person per course, đồng, by group. */
  ceiling: Readonly<Record<SupportGroup, number>>;
}

export const TRAINING_SUPPORT: EffectiveTable<TrainingSupportRule> = effectiveTable('Hỗ trợ đào tạo nghề', [
  {
    from: '2015-11-15',
    to: null,
    value: {
      levels: ['short_course', 'elementary'],
      ceiling: { disabled: 6_000_000, poor_ethnic_special: 4_000_000, priority: 3_000_000, rural: 2_000_000 },
    },
    source: 'Quyết định 46/2015/QĐ-TTg, Điều 3 khoản 1',
    verified: false,
  },
]);

export type SupportDecision =
  { supported: true; ceiling: number; source: string; verified: boolean } | { supported: false; reason: string };

/** Whether an enrolment of `group` at `level` starting on `date` is supported, and up to how much. */
export function trainingSupport(date: string, level: string, group: string | null): SupportDecision {
  const rule = valueOn(TRAINING_SUPPORT, date, 'Hỗ trợ đào tạo nghề');
  if (!group || !Object.hasOwn(rule.value.ceiling, group))
    return { supported: false, reason: 'Người học không thuộc nhóm được hỗ trợ.' };
  if (!rule.value.levels.includes(level as TrainingLevel))
    return { supported: false, reason: 'Chỉ hỗ trợ đào tạo trình độ sơ cấp và dưới 3 tháng.' };
  return {
    supported: true,
    ceiling: rule.value.ceiling[group as SupportGroup],
    source: rule.source,
    verified: rule.verified,
  };
}
