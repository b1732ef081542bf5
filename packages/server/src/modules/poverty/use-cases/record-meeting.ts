import type { MeetingBody, MeetingOut } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { casesRepo } from '../repo/cases.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { loadCampaign, requireOpen, type PovertyDeps } from './deps.js';

/**
 * The share of attendees who must agree, in hundredths of a percent: at least 50 % (QĐ 24/2021/QĐ-TTg
 * Điều 4 khoản 3; docs/legal/poverty.md). Below it the household is surveyed again.
 */
export const AGREE_SHARE_BP = 5000;

/** Step 3: the village meeting, with the number of attendees agreeing for each household. */
export function recordMeeting(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number, body: MeetingBody): Promise<MeetingOut> => {
    const db = deps.database.db;
    const campaign = await loadCampaign(db, actor, campaignId, 'manage');
    requireOpen(campaign);
    const cases = new Map(
      (
        await casesRepo.findMany(
          db,
          campaignId,
          body.votes.map((v) => v.caseId),
        )
      ).map((c) => [c.id, c]),
    );
    const problems = body.votes.flatMap((v, i) => {
      const c = cases.get(v.caseId);
      const path = `body.votes.${i}`;
      if (!c) return [{ path: `${path}.caseId`, message: `Hộ số ${v.caseId} không có trong đợt rà soát này.` }];
      if (c.step !== 'surveyed')
        return [{ path: `${path}.caseId`, message: 'Chỉ đưa ra họp dân hộ đã khảo sát xong (Phiếu B) và chưa họp.' }];
      if (v.agree > body.attendees)
        return [
          {
            path: `${path}.agree`,
            message: `Số người đồng ý (${v.agree}) không được lớn hơn số người dự họp (${body.attendees}).`,
          },
        ];
      return [];
    });
    if (problems.length) throw errors.validation(problems);
    const share = (agree: number) => Math.floor((agree * 10_000) / body.attendees);
    const agreed = body.votes.filter((v) => share(v.agree) >= AGREE_SHARE_BP);
    const again = body.votes.filter((v) => share(v.agree) < AGREE_SHARE_BP);
    return inTransaction(deps.database, actor, async (trx, audit) => {
      const id = await recordsRepo.insertMeeting(trx, {
        campaign_id: campaignId,
        province_code: campaign.province_code,
        district_code: campaign.district_code,
        commune_code: campaign.commune_code,
        village: body.village,
        held_on: body.heldOn,
        body_json: JSON.stringify(body),
        created_by: actor.username,
        created_at: nowIso(),
      });
      for (const v of body.votes) {
        await casesRepo.update(trx, v.caseId, {
          step: share(v.agree) >= AGREE_SHARE_BP ? 'agreed' : 'resurvey',
          agree_bp: share(v.agree),
          meeting_id: id,
          updated_at: nowIso(),
        });
      }
      await audit({
        action: 'poverty.meeting.record',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: {
          meetingId: id,
          village: body.village,
          attendees: body.attendees,
          agreed: agreed.map((v) => v.caseId),
          resurvey: again.map((v) => v.caseId),
        },
      });
      return { id, agreed: agreed.length, resurvey: again.length };
    });
  };
}
