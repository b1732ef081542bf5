import type { CreateCampaignBody, SurveyBody } from '@ansinh/domain';
import type { TestContext } from '../helpers.js';
import { DEFAULT_COMMUNE, factoryActor, unique } from './base.js';
import { buildPerson } from './registry.js';

/** Factories of the poverty module: each builds through the services as the system actor. */

/** A resident household (through the registry service), in the default commune unless told. */
export async function buildPovertyHousehold(
  ctx: TestContext,
  o: { communeCode?: string; residence?: 'rural' | 'urban'; village?: string } = {},
): Promise<{ id: number; communeCode: string }> {
  const communeCode = o.communeCode ?? DEFAULT_COMMUNE;
  const h = await ctx.services.registry.createHousehold(factoryActor, {
    communeCode,
    residence: o.residence ?? 'rural',
    village: o.village ?? 'Thôn 1',
  });
  return { id: h.id, communeCode };
}

/** A poverty status on a household (through the registry service), e.g. last year's list. */
export async function buildPovertyStatus(
  ctx: TestContext,
  householdId: number,
  category: 'poor' | 'near_poor' = 'poor',
  year = 2023,
): Promise<number> {
  const s = await ctx.services.registry.grantStatus(factoryActor, {
    kind: 'poverty',
    householdId,
    category,
    year,
    validFrom: `${year + 1}-01-01`,
    decisionNo: `${unique()}/QĐ-UBND-RS`,
    decisionDate: `${year}-12-20`,
  });
  return s.id;
}

/**
 * A review campaign: ad hoc (so a test may open several), in the default commune, reviewed on 2024-10-01 (three-level tree,
 * standard 2022–2025, with the district step) unless told otherwise.
 */
export async function buildCampaign(ctx: TestContext, o: Partial<CreateCampaignBody> = {}): Promise<number> {
  const year = o.year ?? Number((o.reviewDate ?? '2024-10-01').slice(0, 4));
  const { id } = await ctx.services.poverty.createCampaign(factoryActor, {
    communeCode: DEFAULT_COMMUNE,
    kind: 'adhoc',
    year,
    reviewDate: `${year}-10-01`,
    windowFrom: `${year}-09-01`,
    windowTo: `${year}-12-14`,
    board: [{ name: 'Nguyễn Văn Trưởng', role: 'Trưởng ban' }],
    reviewers: [{ name: 'Trần Thị Rà', role: 'Rà soát viên' }],
    ...o,
  });
  return id;
}

/** A household listed in a campaign (both built when not given); returns the case id. */
export async function buildReviewCase(
  ctx: TestContext,
  o: { campaignId?: number; householdId?: number; communeCode?: string } = {},
): Promise<{ caseId: number; campaignId: number; householdId: number }> {
  const campaignId = o.campaignId ?? (await buildCampaign(ctx, o.communeCode ? { communeCode: o.communeCode } : {}));
  const householdId =
    o.householdId ?? (await buildPovertyHousehold(ctx, o.communeCode ? { communeCode: o.communeCode } : {})).id;
  await ctx.services.poverty.listHouseholds(factoryActor, campaignId, {
    currentLists: false,
    households: [{ householdId, source: 'officer' }],
  });
  const page = await ctx.services.poverty.listCases(factoryActor, campaignId, { limit: 500, offset: 0 });
  const c = page.items.find((i) => i.householdId === householdId)!;
  return { caseId: c.id, campaignId, householdId };
}

/** A poor-by-default survey body (B1 60 points, three deprivations). */
export function surveyBody(o: Partial<SurveyBody> = {}): SurveyBody {
  return {
    surveyedOn: '2024-10-05',
    reviewer: 'Trần Thị Rà',
    farmHousehold: false,
    screeningYes: [],
    b1: { members: '5+', house: 'makeshift', motorbike: 'yes' },
    deprived: ['health_insurance', 'water', 'latrine'],
    ...o,
  };
}

/** A surveyed case (listed, then surveyed with `survey`). */
export async function buildSurveyedCase(
  ctx: TestContext,
  o: { campaignId?: number; householdId?: number; communeCode?: string; survey?: Partial<SurveyBody> } = {},
) {
  const c = await buildReviewCase(ctx, o);
  await ctx.services.poverty.recordSurvey(factoryActor, c.caseId, surveyBody(o.survey));
  return c;
}

/**
 * A campaign ready for recognition: one household surveyed (poor), agreed at the village meeting,
 * posted, and with the district opinion where the district step exists.
 */
export async function buildPostedCampaign(ctx: TestContext, o: { communeCode?: string } = {}) {
  const c = await buildSurveyedCase(ctx, o.communeCode ? { communeCode: o.communeCode } : {});
  const s = ctx.services.poverty;
  await s.recordMeeting(factoryActor, c.campaignId, {
    village: 'Thôn 1',
    heldOn: '2024-10-20',
    chairedBy: 'Trưởng thôn',
    attendees: 30,
    votes: [{ caseId: c.caseId, agree: 25 }],
  });
  await s.recordPosting(factoryActor, c.campaignId, {
    places: ['Trụ sở UBND xã'],
    postedFrom: '2024-10-22',
    postedTo: '2024-10-24',
    objections: [],
  });
  const campaign = await s.getCampaign(factoryActor, c.campaignId);
  if (campaign.districtStep)
    await s.recordDistrictOpinion(factoryActor, c.campaignId, {
      documentNo: `${unique()}/UBND`,
      date: '2024-11-01',
      opinion: 'Thống nhất',
    });
  return c;
}

/**
 * A recognised campaign in its own commune (so the figures of each test stand alone): each
 * household with its class before the review, its survey and whether its head is of an ethnic minority.
 */
export async function buildRecognisedPovertyCampaign(
  ctx: TestContext,

  communeCode: string,
  households: { before?: 'poor' | 'near_poor'; survey: SurveyBody; ethnic?: boolean; everPoor?: boolean }[],
) {
  const s = ctx.services.poverty;
  const ids: number[] = [];
  for (const h of households) {
    const { id } = await buildPovertyHousehold(ctx, { communeCode });
    await buildPerson(ctx, { householdId: id, relation: 'head', ethnicCode: h.ethnic ? '02' : '01' });
    if (h.everPoor)
      await ctx.services.registry.grantStatus(factoryActor, {
        kind: 'poverty',
        householdId: id,
        category: 'poor',
        year: 2021,
        validFrom: '2022-01-01',
        validTo: '2022-12-31',
        decisionNo: `${unique()}/QĐ-UBND`,
        decisionDate: '2021-12-20',
      });
    if (h.before) await buildPovertyStatus(ctx, id, h.before, 2023);
    ids.push(id);
  }
  const campaignId = await buildCampaign(ctx, { communeCode, kind: 'periodic' });
  await s.listHouseholds(factoryActor, campaignId, {
    currentLists: false,
    households: ids.map((householdId) => ({ householdId, source: 'officer' as const })),
  });
  const page = await s.listCases(factoryActor, campaignId, { limit: 500, offset: 0 });
  for (const [i, id] of ids.entries())
    await s.recordSurvey(factoryActor, page.items.find((c) => c.householdId === id)!.id, households[i]!.survey);
  await s.recordMeeting(factoryActor, campaignId, {
    village: 'Thôn 1',
    heldOn: '2024-10-20',
    chairedBy: 'Trưởng thôn',
    attendees: 30,
    votes: page.items.map((c) => ({ caseId: c.id, agree: 25 })),
  });
  await s.recordPosting(factoryActor, campaignId, {
    places: ['Trụ sở UBND xã'],
    postedFrom: '2024-10-22',
    postedTo: '2024-10-24',
    objections: [],
  });
  await s.recordDistrictOpinion(factoryActor, campaignId, {
    documentNo: `${unique()}/UBND`,
    date: '2024-11-01',
    opinion: 'Thống nhất',
  });
  const decisionNo = `${unique()}/QĐ-UBND`;
  await s.recognize(factoryActor, campaignId, {
    decisionNo,
    decisionDate: '2024-12-14',
    validFrom: '2025-01-01',
    signer: 'Chủ tịch',
  });
  return { campaignId, householdIds: ids, decisionNo };
}
