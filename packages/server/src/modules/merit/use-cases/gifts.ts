import { GIFT_SOURCE_LABELS, giftTotalText, housingProblems, yearlyCountPeriod, type GiftSource } from '@ansinh/domain';
import type { z } from 'zod';
import type { GiftCampaignBody, GiveGiftsBody, HousingBody } from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { meritPolicy } from '../merit.policy.js';
import { giftsRepo } from '../repo/gifts.repo.js';
import { recordsRepo } from '../repo/records.repo.js';
import { actorProvince, type MeritContext } from './context.js';
import type { Records } from './records.js';

const HOUSING: Record<string, string> = {
  area_too_small: 'Nhà xây mới phải có diện tích sử dụng từ 30 m² (24 m² nếu ở một mình) (NĐ 131/2021, Điều 102).',
  too_short_lived: 'Nhà xây mới phải dùng được từ 20 năm, nhà sửa chữa từ 10 năm (Điều 102).',
  helped_before: 'Hộ đã được hỗ trợ nhà ở theo QĐ 22/2013/QĐ-TTg: không hỗ trợ lại (Điều 102).',
};

/**
 * Gift campaigns by occasion and source (the President's, the province's, others) so a report
 * says "N suất, X đồng"; gifts given once per person and campaign; housing support (Art. 102);
 * the yearly count (Mẫu 100, due 31/01: Art. 128).
 */
export function gifts(c: MeritContext, rec: Records) {
  return {
    async listCampaigns(actor: Actor) {
      meritPolicy.guard(actor, 'read');
      return (await giftsRepo.campaigns(c.db, actor)).map((x) => ({
        id: Number(x.id),
        occasion: x.occasion,
        year: x.year,
        source: x.source,
        title: x.title,
        decisionNo: x.decision_no,
        decisionDate: x.decision_date,
        amounts: JSON.parse(x.amounts_json) as Record<string, number>,
      }));
    },

    async createCampaign(actor: Actor, b: z.infer<typeof GiftCampaignBody>, opts: { provinceCode?: string } = {}) {
      meritPolicy.guard(actor, 'manage');
      const province = actorProvince(actor, opts.provinceCode);
      return inTransaction(c.database, actor, async (trx, audit) => {
        const id = await giftsRepo.insertCampaign(trx, {
          occasion: b.occasion,
          year: b.year,
          source: b.source,
          title: b.title,
          decision_no: b.decisionNo,
          decision_date: b.decisionDate,
          amounts_json: JSON.stringify(b.amounts),
          province_code: province,
          district_code: null,
          commune_code: null,
          created_at: c.nowIso(),
        });
        await audit({ action: 'merit.gift_campaign.create', entity: 'merit_gift_campaign', entityId: id, after: b });
        return { id, ...b };
      });
    },

    /** Gives the campaign's gift to records, at the amount for each one's category; once each. */
    async giveGifts(actor: Actor, campaignId: number, b: z.infer<typeof GiveGiftsBody>) {
      const camp = await giftsRepo.campaign(c.db, campaignId);
      if (!camp) throw errors.notFound('Đợt quà');
      meritPolicy.guard(actor, 'manage', { provinceCode: camp.province_code }, 'Đợt quà');
      const amounts = JSON.parse(camp.amounts_json) as Record<string, number>;
      const rows = await giftsRepo.recordsByIds(c.db, b.recordIds);
      const missing = b.recordIds.filter(
        (id) => !rows.some((r) => Number(r.id) === id && r.province_code === camp.province_code),
      );
      if (missing.length)
        throw errors.validation([
          { path: 'body.recordIds', message: `Không có hồ sơ ${missing.join(', ')} trong tỉnh.` },
        ]);
      const given = new Set(await giftsRepo.givenIn(c.db, campaignId, b.recordIds));
      const noAmount = rows.filter((r) => !(r.category in amounts) && !('*' in amounts));
      if (noAmount.length)
        throw errors.validation([
          {
            path: 'body.recordIds',
            message: `Đợt quà chưa có mức cho diện ${[...new Set(noAmount.map((r) => r.category))].join(', ')}.`,
          },
        ]);
      const fresh = rows.filter((r) => !given.has(Number(r.id)) && r.state === 'managed');
      await inTransaction(c.database, actor, async (trx, audit) => {
        await giftsRepo.insertGifts(
          trx,
          fresh.map((r) => ({
            campaign_id: campaignId,
            record_id: Number(r.id),
            amount: amounts[r.category] ?? amounts['*']!,
            given_on: b.givenOn,
            province_code: r.province_code,
            district_code: r.district_code,
            commune_code: r.commune_code,
            created_at: c.nowIso(),
          })),
        );
        await audit({
          action: 'merit.gift.give',
          entity: 'merit_gift_campaign',
          entityId: campaignId,
          after: { count: fresh.length, givenOn: b.givenOn },
        });
      });
      return { given: fresh.length, skipped: rows.length - fresh.length };
    },

    async giftTotals(actor: Actor, year: number) {
      meritPolicy.guard(actor, 'read');
      const rows = await giftsRepo.totals(c.db, actor, year);
      return {
        rows: rows.map((r) => ({
          ...r,
          text: `${GIFT_SOURCE_LABELS[r.source as GiftSource]?.vi ?? r.source}: ${giftTotalText(r.count, r.amount)}`,
        })),
      };
    },

    async yearlyCount(actor: Actor, year: number) {
      meritPolicy.guard(actor, 'read');
      const f = await giftsRepo.yearly(c.db, actor, year);
      return {
        year,
        due: yearlyCountPeriod(year).due,
        peopleManaged: f.byCategory.reduce((s, x) => s + x.count, 0),
        ...f,
      };
    },

    async addHousing(actor: Actor, b: z.infer<typeof HousingBody>) {
      const r = await rec.loadRecord(actor, b.recordId, 'manage');
      const problems = housingProblems(b);
      if (problems.length)
        throw errors.validation(
          problems.map((p) => ({
            path:
              p === 'area_too_small'
                ? 'body.floorArea'
                : p === 'too_short_lived'
                  ? 'body.lifeYears'
                  : 'body.helpedUnderQd22',
            message: HOUSING[p]!,
          })),
        );
      await inTransaction(c.database, actor, async (trx, audit) => {
        const id = await recordsRepo.insertHousing(trx, {
          record_id: b.recordId,
          kind: b.kind,
          floor_area: b.floorArea,
          amount: b.amount,
          decided_on: b.decidedOn,
          completed_on: null,
          province_code: r.province_code,
          district_code: r.district_code,
          commune_code: r.commune_code,
          created_at: c.nowIso(),
        });
        await audit({
          action: 'merit.housing.add',
          entity: 'merit_record',
          entityId: b.recordId,
          areaCode: r.commune_code,
          after: { id, ...b },
        });
      });
      return rec.getRecord(actor, b.recordId);
    },
  };
}
