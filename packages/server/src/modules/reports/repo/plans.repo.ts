import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { PlanTargetsTable, PlansTable } from '../../../db/schema-reports.js';
import type { Scope } from './indicators.repo.js';

export type PlanRow = Selectable<PlansTable>;
export type TargetRow = Selectable<PlanTargetsTable>;

/** Plans (one province's, each for an area and a year) and their targets. */
export const plansRepo = {
  async insertPlan(db: Executor, row: Insertable<PlansTable>) {
    const r = await db.insertInto('plans').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  findPlan(db: Executor, id: number) {
    return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listPlans(db: Executor, scope: Scope, year?: number) {
    let q = db.selectFrom('plans').selectAll();
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (year) q = q.where('year', '=', year);
    return q.orderBy('year', 'desc').orderBy('area_level').orderBy('id').execute();
  },
  /**
   * The default plan of a year for exactly this area: the People's Committee's ('ubnd') before the
   * Department's own, then the one recorded last (not the latest document date).
   */
  async planFor(db: Executor, year: number, areaCode: string) {
    const rows = await db
      .selectFrom('plans')
      .selectAll()
      .where('year', '=', year)
      .where('area_code', '=', areaCode)
      .orderBy('id', 'desc')
      .execute();
    return rows.find((r) => r.kind === 'ubnd') ?? rows[0];
  },
  planYears(db: Executor, scope: Scope) {
    let q = db.selectFrom('plans').select('year').distinct();
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q.orderBy('year', 'desc').execute();
  },
  targets(db: Executor, planIds: number[]) {
    if (planIds.length === 0) return Promise.resolve([] as TargetRow[]);
    return db.selectFrom('plan_targets').selectAll().where('plan_id', 'in', planIds).orderBy('id').execute();
  },
  targetCounts(db: Executor, planIds: number[]) {
    if (planIds.length === 0) return Promise.resolve([] as { plan_id: number; n: number | string | bigint }[]);
    return db
      .selectFrom('plan_targets')
      .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('plan_id', 'in', planIds)
      .groupBy('plan_id')
      .execute();
  },
  async upsertTarget(db: Executor, row: Insertable<PlanTargetsTable>) {
    const existing = await db
      .selectFrom('plan_targets')
      .select('id')
      .where('plan_id', '=', row.plan_id)
      .where('indicator_code', '=', row.indicator_code)
      .where('params', '=', row.params ?? '')
      .where('area_code', '=', row.area_code)
      .executeTakeFirst();
    if (existing) {
      await db
        .updateTable('plan_targets')
        .set({ target: row.target, note: row.note ?? null, ...(row.measure ? { measure: row.measure } : {}) })
        .where('id', '=', existing.id)
        .execute();
      return Number(existing.id);
    }
    const r = await db.insertInto('plan_targets').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  deleteTarget(db: Executor, planId: number, id: number) {
    return db.deleteFrom('plan_targets').where('plan_id', '=', planId).where('id', '=', id).executeTakeFirst();
  },
  touchPlan(db: Executor, id: number, at: string) {
    return db.updateTable('plans').set({ updated_at: at }).where('id', '=', id).execute();
  },
};
