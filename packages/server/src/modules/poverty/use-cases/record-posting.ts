import type { DistrictOpinionBody, PostingBody, PostingOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { campaignsRepo } from '../repo/campaigns.repo.js';
import { casesRepo } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { loadCampaign, requireOpen, type PovertyDeps } from './deps.js';

/**
 * Step 4: the public posting of the households the meetings agreed (places, dates), with the
 * objections received and their answers. An unanswered objection holds the recognition back.
 */
export function recordPosting(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number, body: PostingBody): Promise<PostingOut> => {
    const db = deps.database.db;
    const campaign = await loadCampaign(db, actor, campaignId, 'manage');
    requireOpen(campaign);
    if (body.postedTo < body.postedFrom)
      throw errors.validation([
        { path: 'body.postedTo', message: 'Ngày kết thúc niêm yết phải từ ngày bắt đầu trở đi.' },
      ]);
    const agreed = await casesRepo.inStep(db, campaignId, ['agreed']);
    if (!agreed.length)
      throw errors.conflict(
        'NOTHING_TO_POST',
        'Chưa có hộ nào được họp dân thống nhất: họp dân trước rồi mới niêm yết.',
      );
    const inCampaign = new Set((await casesRepo.inStep(db, campaignId, ['agreed', 'posted'])).map((c) => c.id));
    const problems = body.objections.flatMap((o, i) =>
      inCampaign.has(o.caseId)
        ? []
        : [{ path: `body.objections.${i}.caseId`, message: 'Ý kiến phải về một hộ có trong danh sách niêm yết.' }],
    );
    if (problems.length) throw errors.validation(problems);
    return inTransaction(deps.database, actor, async (trx, audit) => {
      const at = nowIso();
      const id = await recordsRepo.insertPosting(trx, {
        campaign_id: campaignId,
        province_code: campaign.province_code,
        district_code: campaign.district_code,
        commune_code: campaign.commune_code,
        posted_from: body.postedFrom,
        posted_to: body.postedTo,
        body_json: JSON.stringify({ places: body.places }),
        created_by: actor.username,
        created_at: at,
      });
      await recordsRepo.insertObjections(
        trx,
        body.objections.map((o) => ({
          posting_id: id,
          case_id: o.caseId,
          province_code: campaign.province_code,
          district_code: campaign.district_code,
          commune_code: campaign.commune_code,
          text: o.text,
          answer: o.answer ?? null,
          created_at: at,
        })),
      );
      await casesRepo.updateMany(
        trx,
        agreed.map((c) => c.id),
        { step: 'posted', posting_id: id, updated_at: at },
      );
      await audit({
        action: 'poverty.posting.record',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: {
          postingId: id,
          places: body.places,
          from: body.postedFrom,
          to: body.postedTo,
          posted: agreed.length,
          objections: body.objections.length,
        },
      });
      const open = await recordsRepo.openObjections(trx, campaignId);
      return { id, posted: agreed.length, openObjections: open.length };
    });
  };
}

/** Step 5, only where the tree had districts on the review date: the district chair's opinion. */
export function recordDistrictOpinion(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number, body: DistrictOpinionBody): Promise<void> => {
    const campaign = await loadCampaign(deps.database.db, actor, campaignId, 'opine');
    requireOpen(campaign);
    await inTransaction(deps.database, actor, async (trx, audit) => {
      await campaignsRepo.setOpinion(trx, campaignId, JSON.stringify(body));
      await audit({
        action: 'poverty.district.opinion',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: body,
      });
    });
  };
}

/** Answer an objection received during the posting (the re-check it triggered, in words). */
export function answerObjection(deps: PovertyDeps) {
  return async (actor: Actor, objectionId: number, answer: string): Promise<void> => {
    const db = deps.database.db;
    const o = await recordsRepo.findObjection(db, objectionId);
    if (!o) throw errors.notFound('Ý kiến');
    const campaign = await loadCampaign(db, actor, (await casesRepo.find(db, o.case_id))!.campaign_id, 'manage');
    requireOpen(campaign);
    await inTransaction(deps.database, actor, async (trx, audit) => {
      await recordsRepo.answerObjection(trx, objectionId, answer);
      await audit({
        action: 'poverty.objection.answer',
        entity: 'poverty_objection',
        entityId: objectionId,
        areaCode: campaign.commune_code,
        before: { answer: o.answer },
        after: { answer },
      });
    });
  };
}
