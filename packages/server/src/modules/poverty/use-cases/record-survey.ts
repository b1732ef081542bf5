import {
  b1Range,
  classifyHousehold,
  groupMask,
  SurveyProblem,
  type Classification,
  type SurveyBody,
  type SurveyOut,
} from '@ansinh/domain';
import { presentCase, presentClassification } from '../poverty.presenter.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import type { Trx } from '../../../db/database.js';
import type { AuditInput } from '../../../platform/audit.js';
import type { CampaignRow } from '../repo/campaigns.repo.js';
import { casesRepo, type CaseRow } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { loadCase, requireOpen, rulesOf, type PovertyDeps } from './deps.js';

export const SURVEYABLE = ['listed', 'surveyed', 'resurvey'];

/**
 * Classify a survey by the campaign's standard (throws a validation problem: a B1 total out of
 * the scale, an unknown answer...). Shared with the Excel import, which collects the problems.
 */
export function classifySurvey(
  campaign: CampaignRow,
  c: CaseRow,
  body: SurveyBody,
): { k: Classification; mask: number } {
  const { standard, b1 } = rulesOf(campaign);
  const residence = c.residence === 'urban' ? 'urban' : 'rural';
  const hasAnswers = Object.keys(body.b1).length > 0;
  if (!hasAnswers && body.b1Score !== undefined) {
    const { min, max } = b1Range(b1, residence);
    if (body.b1Score < min || body.b1Score > max)
      throw errors.validation(
        [{ path: 'body.b1Score', message: `Tổng điểm B1 phải từ ${min} đến ${max} theo bảng điểm của đợt rà soát.` }],
        `Điểm B1 ${body.b1Score} nằm ngoài thang điểm (${min}–${max}). Kiểm tra lại phiếu.`,
      );
  }
  let k: Classification;
  try {
    k = classifyHousehold(
      standard,
      {
        residence,
        screening: { yes: body.screeningYes },
        b1: body.b1,
        b1Score: body.b1Score ?? null,
        incomePerPersonMonth: body.incomePerPersonMonth ?? null,
        deprived: body.deprived,
        previous: (c.previous as 'poor' | 'near_poor' | null) ?? null,
        farmHousehold: body.farmHousehold,
      },
      b1,
    );
  } catch (e) {
    if (e instanceof SurveyProblem)
      throw errors.validation([{ path: `body.${e.field}`, message: e.message }], e.message);
    throw e;
  }
  const mask = standard.indicators.reduce(
    (m, ind, i) => (k.deprived.some((d) => d.code === ind.code) ? m + 2 ** i : m),
    0,
  );
  return { k, mask };
}

/** Write a classified survey: the survey row, the B1 answers, the case, its scores and class; audited. */
export async function writeSurvey(
  trx: Trx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  c: CaseRow,
  body: SurveyBody,
  { k, mask }: { k: Classification; mask: number },
): Promise<void> {
  const hasAnswers = Object.keys(body.b1).length > 0;
  await recordsRepo.insertSurvey(trx, {
    case_id: c.id,
    campaign_id: c.campaign_id,
    province_code: c.province_code,
    district_code: c.district_code,
    commune_code: c.commune_code,
    surveyed_on: body.surveyedOn,
    reviewer: body.reviewer,
    body_json: JSON.stringify(body),
    created_by: actor.username,
    created_at: nowIso(),
  });
  await casesRepo.replaceAnswers(trx, c, body.b1);
  await casesRepo.update(trx, c.id, {
    step: 'surveyed',
    farm: body.farmHousehold ? 1 : 0,
    screened_out: k.excludedByScreening.length ? 1 : 0,
    b1_source: hasAnswers ? 'answers' : k.b1Score !== null ? 'given' : null,
    b1_given: hasAnswers ? null : k.b1Score,
    income: body.incomePerPersonMonth ?? null,
    deprived_mask: mask,
    cause: body.cause ?? null,
    groups_mask: groupMask(body.groups ?? []),
    agree_bp: null,
    meeting_id: null,
    updated_at: nowIso(),
  });
  await casesRepo.writeScores(trx, c, {
    b1_score: k.b1Score,
    deprivation_count: k.deprivationCount,
    income_band: k.incomeBand,
    proposed_class: k.class,
    registry_category: k.registryCategory,
  });
  await audit({
    action: 'poverty.survey.record',
    entity: 'poverty_case',
    entityId: c.id,
    areaCode: c.commune_code,
    before: { step: c.step, proposedClass: c.proposed_class },
    after: { step: 'surveyed', proposedClass: k.class, b1Score: k.b1Score, deprived: k.deprivationCount },
  });
}

/**
 * Step 2 (QĐ 24/2021/QĐ-TTg Điều 4 khoản 2): record a household's Phiếu A and Phiếu B (B1 answers
 * or an imported B1 total, B2 deprivations) and classify it by the campaign's standard, with the
 * explanation. A survey after the village meeting agreed is refused (hold the meeting again).
 */
export function recordSurvey(deps: PovertyDeps) {
  return async (actor: Actor, caseId: number, body: SurveyBody): Promise<SurveyOut> => {
    const db = deps.database.db;
    const { c, campaign } = await loadCase(db, actor, caseId, 'survey');
    requireOpen(campaign);
    if (!SURVEYABLE.includes(c.step))
      throw errors.conflict(
        'CASE_NOT_SURVEYABLE',
        'Hộ đã qua họp dân hoặc niêm yết: không khảo sát lại trong bước này.',
      );
    const classified = classifySurvey(campaign, c, body);
    await inTransaction(deps.database, actor, (trx, audit) => writeSurvey(trx, audit, actor, c, body, classified));
    return {
      case: presentCase((await casesRepo.findWithHousehold(db, c.id))!, campaign.standard_code),
      classification: presentClassification(classified.k),
    };
  };
}
