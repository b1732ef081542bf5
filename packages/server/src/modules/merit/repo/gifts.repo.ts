import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { MeritGiftCampaignsTable, MeritGiftsTable } from '../../../db/schema-merit.js';
import type { Actor } from '../../../platform/actor.js';
import { areaWhere, provinceWhere } from './scope.js';

/** Gift campaigns by occasion and source, the gifts given, and the yearly figures. */
export const giftsRepo = {
  async insertCampaign(db: Executor, row: Insertable<MeritGiftCampaignsTable>): Promise<number> {
    const r = await db.insertInto('merit_gift_campaigns').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  campaign(db: Executor, id: number) {
    return db.selectFrom('merit_gift_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  },
  campaigns(db: Executor, actor: Actor) {
    return db
      .selectFrom('merit_gift_campaigns as c')
      .selectAll('c')
      .where(provinceWhere(actor, 'c'))
      .orderBy('c.decision_date', 'desc')
      .execute();
  },
  async insertGifts(db: Executor, rows: Insertable<MeritGiftsTable>[]) {
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('merit_gifts')
        .values(rows.slice(i, i + 200))
        .execute();
  },
  async givenIn(db: Executor, campaignId: number, recordIds: number[]): Promise<number[]> {
    const rows = await db
      .selectFrom('merit_gifts')
      .select('record_id')
      .where('campaign_id', '=', campaignId)
      .where('record_id', 'in', recordIds)
      .execute();
    return rows.map((r) => Number(r.record_id));
  },
  recordsByIds(db: Executor, ids: number[]) {
    return db.selectFrom('merit_records').selectAll().where('id', 'in', ids).execute();
  },
  /** Gifts of a year per occasion and source within the actor's area: N suất, X đồng. */
  async totals(db: Executor, actor: Actor, year: number) {
    const rows = await db
      .selectFrom('merit_gifts as g')
      .innerJoin('merit_gift_campaigns as c', 'c.id', 'g.campaign_id')
      .select(['c.occasion', 'c.source'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('g.amount').as('amount')])
      .where('c.year', '=', year)
      .where(areaWhere(actor, 'g'))
      .groupBy(['c.occasion', 'c.source'])
      .orderBy('c.occasion')
      .orderBy('c.source')
      .execute();
    return rows.map((r) => ({
      occasion: r.occasion,
      source: r.source,
      count: Number(r.n),
      amount: Number(r.amount ?? 0),
    }));
  },
  /** The figures of the yearly count (Mẫu 100) for the actor's area. */
  async yearly(db: Executor, actor: Actor, year: number) {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    const byCategory = await db
      .selectFrom('merit_records as r')
      .select('r.category')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(areaWhere(actor, 'r'))
      .where('r.state', '!=', 'transferred_out')
      .where('r.created_at', '<=', `${to}T23:59:59.999Z`)
      .groupBy('r.category')
      .orderBy('r.category')
      .execute();
    const one = async (q: { executeTakeFirst(): Promise<{ n: number | string | bigint | null } | undefined> }) =>
      Number((await q.executeTakeFirst())?.n ?? 0);
    const allowanceDecisions = await one(
      db
        .selectFrom('merit_decisions as d')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(areaWhere(actor, 'd'))
        .where('d.decision_date', '>=', from)
        .where('d.decision_date', '<=', to),
    );
    const gifts = await db
      .selectFrom('merit_gifts as g')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('g.amount').as('amount')])
      .where(areaWhere(actor, 'g'))
      .where('g.given_on', '>=', from)
      .where('g.given_on', '<=', to)
      .executeTakeFirst();
    const reburied = await one(
      db
        .selectFrom('merit_remains_intakes as i')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('i.remains_count'), sql<number>`0`).as('n'))
        .where(provinceWhere(actor, 'i'))
        .where('i.reburied_on', '>=', from)
        .where('i.reburied_on', '<=', to),
    );
    const samples = await one(
      db
        .selectFrom('merit_dna_samples as s')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(provinceWhere(actor, 's'))
        .where('s.taken_on', '>=', from)
        .where('s.taken_on', '<=', to),
    );
    const martyrs = await one(
      db
        .selectFrom('merit_martyrs as m')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(areaWhere(actor, 'm')),
    );
    const graves = await one(
      db
        .selectFrom('merit_graves as g')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(areaWhere(actor, 'g')),
    );
    return {
      byCategory: byCategory.map((r) => ({ category: r.category, count: Number(r.n) })),
      allowanceDecisions,
      giftCount: Number(gifts?.n ?? 0),
      giftAmount: Number(gifts?.amount ?? 0),
      remainsReburied: reburied,
      samplesTaken: samples,
      martyrs,
      graves,
    };
  },
};
