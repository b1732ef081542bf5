import { standardForReview, type CreateCampaignBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { codesOfCommune } from '../../../platform/authz.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { povertyPolicy } from '../poverty.policy.js';
import { campaignsRepo } from '../repo/campaigns.repo.js';
import type { PovertyDeps } from './deps.js';

/** The day the district level ended (two-level local government): no district opinion after it. */
export const DISTRICTS_ABOLISHED = '2025-07-01';

/**
 * Open a review campaign for a commune: the standard is the one its review applies
 * (standardForReview), the district step exists only if the commune had a district and the review
 * began before 1/7/2025, and the campaign keeps its own copy of the B1 table.
 */
export function createCampaign(deps: PovertyDeps) {
  return async (actor: Actor, body: CreateCampaignBody): Promise<{ id: number }> => {
    const area = await deps.areas.pathOf(body.communeCode);
    if (!area || area.level !== 3) throw errors.notFound('Xã');
    const codes = codesOfCommune(body.communeCode, area.path);
    povertyPolicy.guard(actor, 'manage', codes, 'Xã');
    const problems = [];
    if (body.windowTo < body.windowFrom)
      problems.push({ path: 'body.windowTo', message: 'Ngày kết thúc đợt rà soát phải từ ngày bắt đầu trở đi.' });
    if (body.reviewDate < body.windowFrom || body.reviewDate > body.windowTo)
      problems.push({ path: 'body.reviewDate', message: 'Ngày rà soát phải nằm trong thời gian của đợt rà soát.' });
    if (body.kind === 'periodic' && Number(body.reviewDate.slice(0, 4)) !== body.year)
      problems.push({ path: 'body.year', message: 'Năm rà soát định kỳ phải là năm của ngày rà soát.' });
    const standard = standardForReview(body.reviewDate, body.kind);
    if (!standard)
      problems.push({
        path: 'body.reviewDate',
        message: 'Không có chuẩn nghèo cho ngày này (AnSinh có chuẩn từ 2016 đến 2030).',
      });
    if (problems.length || !standard) throw errors.validation(problems);
    const db = deps.database.db;
    if (body.kind === 'periodic' && (await campaignsRepo.periodicExists(db, body.communeCode, body.year)))
      throw errors.conflict('CAMPAIGN_EXISTS', `Xã đã có đợt rà soát định kỳ năm ${body.year}. Mở đợt đó để làm tiếp.`);
    const districtStep = codes.district_code !== null && body.reviewDate < DISTRICTS_ABOLISHED ? 1 : 0;
    const b1 = { base: standard.b1.base, items: standard.b1.items, cutoffs: standard.b1.cutoffs };
    const points = standard.b1.items.flatMap((i) =>
      i.options.map((o) => ({
        item_code: i.code,
        option_code: o.code,
        rural_points: o.points.rural,
        urban_points: o.points.urban,
      })),
    );
    const id = await inTransaction(deps.database, actor, async (trx, audit) => {
      const newId = await campaignsRepo.insert(
        trx,
        {
          ...codes,
          kind: body.kind,
          year: body.year,
          review_date: body.reviewDate,
          window_from: body.windowFrom,
          window_to: body.windowTo,
          standard_code: standard.code,
          district_step: districtStep,
          b1_json: JSON.stringify(b1),
          board_json: JSON.stringify(body.board),
          reviewers_json: JSON.stringify(body.reviewers),
          district_opinion_json: null,
          state: 'open',
          created_by: actor.username,
          created_at: nowIso(),
        },
        points,
      );
      await audit({
        action: 'poverty.campaign.create',
        entity: 'poverty_campaign',
        entityId: newId,
        areaCode: body.communeCode,
        after: { kind: body.kind, year: body.year, reviewDate: body.reviewDate, standard: standard.code, districtStep },
      });
      return newId;
    });
    return { id };
  };
}
