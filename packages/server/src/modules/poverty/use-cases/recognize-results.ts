import type { RecognitionBody, RecognitionOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { campaignsRepo } from '../repo/campaigns.repo.js';
import { casesRepo } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { dayBefore, loadCampaign, requireOpen, type PovertyDeps } from './deps.js';

/**
 * Step 6: the commune chair's decision recognising the results (Mẫu 02). The only step that
 * changes registry statuses: through the registry service, each household's open poverty status
 * ends the day before `validFrom` and the recognised class (poor, near-poor, average-living farm
 * household) starts on it, with the decision. Refused, with nothing changed, while a household has
 * not been through a village meeting, not been posted, has an unanswered objection, or the district
 * opinion is missing where the district step exists.
 *
 * The registry writes are one transaction each (the registry service opens its own), so the
 * decision is recorded first as 'applying' and a retry resumes: a household already carrying a
 * status of this decision is not granted twice.
 */
export function recognizeResults(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number, body: RecognitionBody): Promise<RecognitionOut> => {
    const db = deps.database.db;
    const campaign = await loadCampaign(db, actor, campaignId, 'recognize');
    requireOpen(campaign);
    const pending = await recordsRepo.recognitionOf(db, campaignId);
    if (!pending) {
      const notMet = await casesRepo.inStep(db, campaignId, ['surveyed', 'resurvey']);
      if (notMet.length)
        throw errors.conflict(
          'MEETING_REQUIRED',
          `Còn ${notMet.length} hộ chưa được họp dân thống nhất: tổ chức họp dân (hoặc khảo sát lại) trước khi công nhận.`,
        );
      const notPosted = await casesRepo.inStep(db, campaignId, ['agreed']);
      if (notPosted.length)
        throw errors.conflict(
          'POSTING_REQUIRED',
          `Còn ${notPosted.length} hộ chưa niêm yết công khai: niêm yết trước khi công nhận.`,
        );
      if ((await recordsRepo.openObjections(db, campaignId)).length)
        throw errors.conflict(
          'OBJECTIONS_OPEN',
          'Còn ý kiến thắc mắc chưa được trả lời: trả lời (sau khi kiểm tra lại) trước khi công nhận.',
        );
      if (campaign.district_step === 1 && !campaign.district_opinion_json)
        throw errors.conflict(
          'DISTRICT_OPINION_REQUIRED',
          'Đợt rà soát trước 1/7/2025 cần ý kiến của UBND huyện trước khi xã công nhận.',
        );
      if (body.validFrom < campaign.review_date || body.decisionDate < campaign.review_date)
        throw errors.validation([
          { path: 'body.validFrom', message: 'Ngày quyết định và ngày hiệu lực phải từ ngày rà soát trở đi.' },
        ]);
    }
    const cases = await casesRepo.inStep(db, campaignId, ['posted']);
    if (!pending && !cases.length)
      throw errors.conflict('NOTHING_TO_RECOGNIZE', 'Chưa có hộ nào qua họp dân và niêm yết: chưa có gì để công nhận.');
    const decisionNo = pending?.decision_no ?? body.decisionNo;
    const recognitionId =
      pending?.id ??
      (await inTransaction(deps.database, actor, async (trx, audit) => {
        const id = await recordsRepo.insertRecognition(trx, {
          campaign_id: campaignId,
          province_code: campaign.province_code,
          district_code: campaign.district_code,
          commune_code: campaign.commune_code,
          decision_no: body.decisionNo,
          decision_date: body.decisionDate,
          valid_from: body.validFrom,
          state: 'applying',
          body_json: JSON.stringify(body),
          created_by: actor.username,
          created_at: nowIso(),
        });
        await audit({
          action: 'poverty.recognition.start',
          entity: 'poverty_campaign',
          entityId: campaignId,
          areaCode: campaign.commune_code,
          after: { recognitionId: id, ...body, households: cases.length },
        });
        return id;
      }));
    const validFrom = pending?.valid_from ?? body.validFrom;
    const decisionDate = pending?.decision_date ?? body.decisionDate;
    const ids = cases.map((c) => c.household_id);
    const granted = await registryReader.grantedBy(db, ids, decisionNo, validFrom);
    const open = await registryReader.povertyStatuses(db, ids, dayBefore(validFrom));
    let ended = 0;
    let grants = 0;
    for (const c of cases) {
      if (granted.has(c.household_id)) continue;
      for (const s of open.filter(
        (o) =>
          o.household_id === c.household_id &&
          o.valid_from < validFrom &&
          (o.valid_to === null || o.valid_to >= validFrom),
      )) {
        await deps.registry.endStatus(actor, s.id, {
          validTo: dayBefore(validFrom),
          reason: `Kết quả rà soát năm ${campaign.year}, quyết định ${decisionNo}`,
        });
        ended++;
      }
      if (c.registry_category) {
        await deps.registry.grantStatus(actor, {
          kind: 'poverty',
          householdId: c.household_id,
          category: c.registry_category,
          year: campaign.year,
          validFrom,
          decisionNo,
          decisionDate,
        });
        grants++;
      }
    }
    await inTransaction(deps.database, actor, async (trx, audit) => {
      for (const c of cases) {
        await casesRepo.update(trx, c.id, {
          step: 'recognized',
          recognized_class: c.proposed_class,
          recognized_category: c.registry_category,
          recognition_id: recognitionId,
          updated_at: nowIso(),
        });
      }
      await recordsRepo.setRecognitionState(trx, recognitionId, 'done');
      await campaignsRepo.setState(trx, campaignId, 'recognized');
      await audit({
        action: 'poverty.recognition.done',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: { recognitionId, decisionNo, recognized: cases.length, granted: grants, ended },
      });
    });
    return { id: recognitionId, recognized: cases.length, granted: grants, ended };
  };
}
