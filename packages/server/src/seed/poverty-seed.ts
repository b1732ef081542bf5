import type { SurveyBody } from '@ansinh/domain';
import type { Services } from '../app.js';
import type { Database } from '../db/database.js';
import { systemActor } from '../platform/actor.js';

/**
 * The demo province's poverty reviews of 2020 (standard 2016–2020, QĐ 59/2015/QĐ-TTg) and 2021
 * (standard 2022–2025 of NĐ 07/2021/NĐ-CP, applied at the end of 2021), in the three communes with
 * the most poor and near-poor households, through the poverty service.
 *
 * Consistent with the demo registry: the 2020 review reproduces the statuses of review year 2020
 * already in the registry (the programs demo derives them from today's lists) and records the same
 * decision, so recognition finds them granted and grants nothing twice. The 2021 review moves one
 * household in five up a class (poor to near-poor, near-poor out), grants the 2022 statuses, and
 * those end on 31/12/2025, when the 2025 review's statuses (today's lists) begin.
 */
export async function seedPovertyDemo(database: Database, services: Services, opts: { provinceCode: string }) {
  const db = database.db;
  const actor = systemActor('seed');
  const rows = await db
    .selectFrom('statuses')
    .innerJoin('households as h', 'h.id', 'statuses.household_id')
    .select(['statuses.household_id', 'statuses.category', 'statuses.decision_no', 'h.commune_code', 'h.residence'])
    .where('statuses.kind', '=', 'poverty')
    .where('statuses.year', '=', 2020)
    .where('statuses.province_code', '=', opts.provinceCode)
    .execute();
  if (!rows.length) return;
  const byCommune = new Map<string, typeof rows>();
  for (const r of rows) byCommune.set(r.commune_code, [...(byCommune.get(r.commune_code) ?? []), r]);
  const communes = [...byCommune.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 3);
  const p = services.poverty;
  for (const [commune, listed] of communes) {
    const others = await db
      .selectFrom('households')
      .select(['id', 'residence'])
      .where('commune_code', '=', commune)
      .where('state', '=', 'active')
      .where(
        'id',
        'not in',
        listed.map((r) => Number(r.household_id)),
      )
      .orderBy('id')
      .limit(5)
      .execute();
    const category = new Map<number, string | null>(listed.map((r) => [Number(r.household_id), r.category]));
    for (const o of others) category.set(Number(o.id), null);
    const residence = new Map<number, string>([
      ...listed.map((r) => [Number(r.household_id), r.residence] as [number, string]),
      ...others.map((o) => [Number(o.id), o.residence] as [number, string]),
    ]);
    const decision2020 = listed[0]!.decision_no;

    for (const review of [2020, 2021] as const) {
      const { id } = await p.createCampaign(actor, {
        communeCode: commune,
        kind: 'periodic',
        year: review,
        reviewDate: `${review}-${review === 2020 ? '10-15' : '11-15'}`,
        windowFrom: `${review}-09-01`,
        windowTo: `${review}-12-14`,
        board: [
          { name: 'Chủ tịch UBND xã', role: 'Trưởng ban chỉ đạo' },
          { name: 'Công chức LĐ-TB&XH xã', role: 'Thường trực' },
        ],
        reviewers: [{ name: 'Trưởng thôn', role: 'Rà soát viên' }],
      });
      await p.listHouseholds(actor, id, {
        currentLists: review === 2021,
        households: [...category.keys()].map((householdId) => ({
          householdId,
          source: category.get(householdId) ? 'list' : 'form01',
        })),
      });
      const cases = (await p.listCases(actor, id, { limit: 500, offset: 0 })).items;
      for (const c of cases) {
        await p.recordSurvey(
          actor,
          c.id,
          surveyFor(review, category.get(c.householdId) ?? null, residence.get(c.householdId), c.householdId),
        );
      }
      await p.recordMeeting(actor, id, {
        village: 'Các thôn',
        heldOn: `${review}-11-20`,
        chairedBy: 'Trưởng thôn',
        attendees: 40,
        votes: cases.map((c) => ({ caseId: c.id, agree: 32 })),
      });
      await p.recordPosting(actor, id, {
        places: ['Trụ sở UBND xã', 'Nhà văn hoá thôn'],
        postedFrom: `${review}-11-23`,
        postedTo: `${review}-11-25`,
        objections: [],
      });
      await p.recordDistrictOpinion(actor, id, {
        documentNo: `${review === 2020 ? 215 : 231}/UBND-LĐTBXH`,
        date: `${review}-12-05`,
        opinion: 'Thống nhất kết quả rà soát của xã.',
      });
      await p.recognize(actor, id, {
        decisionNo: review === 2020 ? decision2020 : `${commune.slice(-3)}/QĐ-UBND`,
        decisionDate: review === 2020 ? '2020-12-15' : '2021-12-20',
        validFrom: `${review + 1}-01-01`,
        signer: 'Chủ tịch UBND xã',
      });
      if (review === 2021) {
        const granted = await db
          .selectFrom('statuses')
          .select('id')
          .where('kind', '=', 'poverty')
          .where('year', '=', 2021)
          .where('commune_code', '=', commune)
          .where('valid_to', 'is', null)
          .execute();
        for (const s of granted)
          await services.registry.endStatus(actor, Number(s.id), {
            validTo: '2025-12-31',
            reason: 'Thay bằng kết quả rà soát năm 2025',
          });
      }
    }
  }
}

/** A survey that yields `target` under the review's standard (income-based, explained). */
function surveyFor(
  review: 2020 | 2021,
  target: string | null,
  residence: string | undefined,
  householdId: number,
): SurveyBody {
  const urban = residence === 'urban';
  const moved = review === 2021 && householdId % 5 === 0;
  const cls = moved ? (target === 'poor' ? 'near_poor' : target === 'near_poor' ? null : target) : target;
  const base = {
    surveyedOn: `${review}-10-${review === 2020 ? '20' : '25'}`,
    reviewer: 'Trưởng thôn',
    screeningYes: [],
    b1: {},
  };
  const dep2016 = ['health_insurance', 'water', 'latrine'];
  const dep2022 = ['employment', 'health_insurance', 'water'];
  const deps = review === 2020 ? dep2016 : dep2022;
  const income =
    review === 2020
      ? {
          poor: urban ? 800_000 : 600_000,
          near_poor: urban ? 1_100_000 : 900_000,
          average: urban ? 1_600_000 : 1_200_000,
          none: 3_000_000,
        }
      : {
          poor: urban ? 1_800_000 : 1_300_000,
          near_poor: urban ? 1_800_000 : 1_300_000,
          average: urban ? 2_500_000 : 1_800_000,
          none: 4_000_000,
        };
  if (cls === 'poor') return { ...base, farmHousehold: false, incomePerPersonMonth: income.poor, deprived: deps };
  if (cls === 'near_poor')
    return { ...base, farmHousehold: false, incomePerPersonMonth: income.near_poor, deprived: deps.slice(0, 1) };
  if (cls === 'average') return { ...base, farmHousehold: true, incomePerPersonMonth: income.average, deprived: [] };
  return { ...base, farmHousehold: false, incomePerPersonMonth: income.none, deprived: [] };
}
