import {
  POVERTY_CLASS_LABELS,
  groupsOfMask,
  standardByCode,
  type CampaignOut,
  type PovertyCaseOut,
  type Classification,
  type StepCounts,
  CASE_STEPS,
} from '@ansinh/domain';
import type { CampaignRow } from './repo/campaigns.repo.js';
import type { CaseWithHousehold } from './repo/cases.repo.js';
import type { RecognitionRow } from './repo/records.repo.js';

const parse = <T>(json: string | null, fallback: T): T => (json ? (JSON.parse(json) as T) : fallback);

export function stepCounts(m: Record<string, number> | undefined): StepCounts {
  return Object.fromEntries(CASE_STEPS.map((s) => [s, m?.[s] ?? 0])) as StepCounts;
}

export function presentCampaign(
  c: CampaignRow,
  extra: { communeName: string; steps?: Record<string, number>; recognition?: RecognitionRow; abilities: string[] },
): CampaignOut {
  return {
    id: c.id,
    provinceCode: c.province_code,
    districtCode: c.district_code,
    communeCode: c.commune_code,
    communeName: extra.communeName,
    kind: c.kind as CampaignOut['kind'],
    year: c.year,
    reviewDate: c.review_date,
    windowFrom: c.window_from,
    windowTo: c.window_to,
    standard: c.standard_code,
    standardVi: standardByCode(c.standard_code)?.vi ?? c.standard_code,
    districtStep: c.district_step === 1,
    districtOpinion: parse(c.district_opinion_json, null),
    board: parse(c.board_json, []),
    reviewers: parse(c.reviewers_json, []),
    steps: stepCounts(extra.steps),
    recognition: extra.recognition
      ? {
          decisionNo: extra.recognition.decision_no,
          decisionDate: extra.recognition.decision_date,
          validFrom: extra.recognition.valid_from,
        }
      : null,
    abilities: extra.abilities,
  };
}

/** The indicator codes whose bits are set in a deprivation mask. */
export function deprivedCodes(standardCode: string, mask: number | null): string[] {
  const s = standardByCode(standardCode);
  if (!s || mask === null) return [];
  return s.indicators.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1).map((i) => i.code);
}

export function presentCase(c: CaseWithHousehold, standardCode: string): PovertyCaseOut {
  return {
    id: c.id,
    campaignId: c.campaign_id,
    householdId: c.household_id,
    householdCode: c.household_code,
    headName: c.head_name,
    village: c.village,
    residence: c.residence,
    ethnicMinority: c.ethnic_minority === 1,
    source: c.source as PovertyCaseOut['source'],
    step: c.step as PovertyCaseOut['step'],
    previous: (c.previous as PovertyCaseOut['previous']) ?? null,
    proposedClass: (c.proposed_class as PovertyCaseOut['proposedClass']) ?? null,
    b1Score: c.b1_score,
    deprivationCount: c.deprivation_count,
    deprived: deprivedCodes(standardCode, c.deprived_mask),
    agreePercent: c.agree_bp === null ? null : c.agree_bp / 100,
    recognizedClass: (c.recognized_class as PovertyCaseOut['recognizedClass']) ?? null,
    cause: c.cause,
    groups: groupsOfMask(c.groups_mask),
  };
}

export function presentClassification(k: Classification) {
  return {
    class: k.class,
    classVi: POVERTY_CLASS_LABELS[k.class].vi,
    registryCategory: k.registryCategory,
    b1Score: k.b1Score,
    b1Lines: k.b1Lines,
    deprived: k.deprived,
    deprivationCount: k.deprivationCount,
    excludedByScreening: k.excludedByScreening,
    reasons: k.reasons,
  };
}
