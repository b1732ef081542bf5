import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PovertyCampaignsTable } from '../../../db/schema-poverty.js';
import type { AreaColumn } from '../../../platform/authz.js';

export type CampaignRow = Selectable<PovertyCampaignsTable>;
export type NewCampaign = Insertable<PovertyCampaignsTable>;

export interface B1PointRow {
  item_code: string;
  option_code: string;
  rural_points: number;
  urban_points: number;
}

export const campaignsRepo = {
  async insert(db: Executor, row: NewCampaign, points: readonly B1PointRow[]): Promise<number> {
    const r = await db.insertInto('poverty_campaigns').values(row).returning('id').executeTakeFirstOrThrow();
    const id = Number(r.id);
    if (points.length)
      await db
        .insertInto('poverty_b1_points')
        .values(points.map((p) => ({ ...p, campaign_id: id, province_code: row.province_code })))
        .execute();
    return id;
  },

  async find(db: Executor, id: number): Promise<CampaignRow | undefined> {
    const r = await db.selectFrom('poverty_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? { ...r, id: Number(r.id) } : undefined;
  },

  /** Whether the commune already has a periodic campaign for the year. */
  async periodicExists(db: Executor, communeCode: string, year: number): Promise<boolean> {
    const r = await db
      .selectFrom('poverty_campaigns')
      .select('id')
      .where('commune_code', '=', communeCode)
      .where('year', '=', year)
      .where('kind', '=', 'periodic')
      .executeTakeFirst();
    return !!r;
  },

  /** Campaigns inside a scope (null = everything), newest first. */
  async list(
    db: Executor,
    scope: { column: AreaColumn; code: string } | null,
    filter: { area?: { column: AreaColumn; code: string }; year?: number },
  ): Promise<CampaignRow[]> {
    let q = db.selectFrom('poverty_campaigns').selectAll();
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (filter.area) q = q.where(filter.area.column, '=', filter.area.code);
    if (filter.year) q = q.where('year', '=', filter.year);
    const rows = await q.orderBy('year', 'desc').orderBy('commune_code').orderBy('id', 'desc').limit(2000).execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  },

  async setOpinion(db: Executor, id: number, json: string): Promise<void> {
    await db.updateTable('poverty_campaigns').set({ district_opinion_json: json }).where('id', '=', id).execute();
  },

  async setState(db: Executor, id: number, state: string): Promise<void> {
    await db.updateTable('poverty_campaigns').set({ state }).where('id', '=', id).execute();
  },

  /** Cases per step for each campaign. */
  async stepCounts(db: Executor, campaignIds: readonly number[]): Promise<Map<number, Record<string, number>>> {
    const out = new Map<number, Record<string, number>>();
    if (!campaignIds.length) return out;
    const rows = await db
      .selectFrom('poverty_cases')
      .select(['campaign_id', 'step', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy(['campaign_id', 'step'])
      .execute();
    for (const r of rows) {
      const m = out.get(Number(r.campaign_id)) ?? {};
      m[r.step] = Number(r.n);
      out.set(Number(r.campaign_id), m);
    }
    return out;
  },
};
