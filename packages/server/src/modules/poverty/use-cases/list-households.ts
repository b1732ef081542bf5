import type { ListHouseholdsBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { casesRepo, type NewCase } from '../repo/cases.repo.js';
import { registryReader } from '../repo/registry-reader.repo.js';
import { loadCampaign, requireOpen, type PovertyDeps } from './deps.js';

/**
 * Step 1 of the review (QĐ 24/2021/QĐ-TTg Điều 4 khoản 1): list the households to review: those
 * on the commune's current poor and near-poor lists, those that applied (Mẫu 01, Mẫu 04) and
 * those the officer adds. A household of another commune is refused and nothing is listed.
 */
export function listHouseholds(deps: PovertyDeps) {
  return async (actor: Actor, campaignId: number, body: ListHouseholdsBody): Promise<{ listed: number }> => {
    const db = deps.database.db;
    const campaign = await loadCampaign(db, actor, campaignId, 'manage');
    requireOpen(campaign);
    const source = new Map<number, NewCase['source']>();
    for (const h of body.households) source.set(h.householdId, h.source);
    if (body.currentLists) {
      for (const id of await registryReader.onCurrentLists(db, campaign.commune_code, campaign.review_date)) {
        if (!source.has(id)) source.set(id, 'list');
      }
    }
    const ids = [...source.keys()];
    const found = new Map((await registryReader.households(db, ids)).map((h) => [h.id, h]));
    const problems = body.households.flatMap((h, i) => {
      const row = found.get(h.householdId);
      if (!row || row.commune_code !== campaign.commune_code)
        return [
          {
            path: `body.households.${i}.householdId`,
            message: `Hộ số ${h.householdId} không thuộc xã của đợt rà soát: chỉ đưa hộ trong xã vào danh sách.`,
          },
        ];
      if (row.state !== 'active')
        return [
          {
            path: `body.households.${i}.householdId`,
            message: `Hộ ${row.code} không còn cư trú (đã chuyển, tách, nhập hoặc giải thể).`,
          },
        ];
      return [];
    });
    if (problems.length)
      throw errors.validation(problems, 'Có hộ không đưa vào rà soát được. Sửa các dòng được đánh dấu rồi gửi lại.');
    const already = await casesRepo.householdIdsOf(db, campaignId);
    const fresh = ids.filter((id) => !already.has(id) && found.get(id)?.state === 'active');
    const statuses = await registryReader.povertyStatuses(db, fresh, campaign.review_date);
    const previous = new Map(
      statuses
        .filter((s) => s.category === 'poor' || s.category === 'near_poor')
        .map((s) => [s.household_id, s.category]),
    );
    const ever = await registryReader.everPoor(db, fresh, campaign.review_date);
    const at = nowIso();
    const rows: NewCase[] = fresh.map((id) => {
      const h = found.get(id)!;
      return {
        campaign_id: campaignId,
        household_id: id,
        province_code: h.province_code,
        district_code: h.district_code,
        commune_code: h.commune_code,
        village: h.village,
        residence: h.residence,
        ethnic_minority: h.ethnic_minority,
        source: source.get(id)!,
        step: 'listed',
        previous: previous.get(id) ?? null,
        ever_poor: ever.has(id) ? 1 : 0,
        farm: 0,
        screened_out: 0,
        updated_at: at,
      };
    });
    await inTransaction(deps.database, actor, async (trx, audit) => {
      await casesRepo.insertMany(trx, rows);
      await audit({
        action: 'poverty.cases.list',
        entity: 'poverty_campaign',
        entityId: campaignId,
        areaCode: campaign.commune_code,
        after: { listed: rows.length, households: rows.map((r) => r.household_id) },
      });
    });
    return { listed: rows.length };
  };
}
