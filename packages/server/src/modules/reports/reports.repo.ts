import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  IndicatorValuesTable,
  PlanTargetsTable,
  PlansTable,
  ReportIndicatorsTable,
  ReportsTable,
} from '../../db/schema-reports.js';
import type { AreaColumn } from '../../platform/authz.js';

export type IndicatorValueRow = Selectable<IndicatorValuesTable>;
export type PlanRow = Selectable<PlansTable>;
export type TargetRow = Selectable<PlanTargetsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type Scope = { column: AreaColumn; code: string } | null;

const AREA_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** SQL of the reports module. */
export const reportsRepo = {
  enteredIndicators(db: Executor) {
    return db.selectFrom('report_indicators').selectAll().orderBy('code').execute();
  },
  insertIndicator(db: Executor, row: Insertable<ReportIndicatorsTable>) {
    return db.insertInto('report_indicators').values(row).execute();
  },

  /**
   * Entered values of an indicator within a period, for an area and everything under it, known by
   * the as-of date; the latest first (by end of period, then entry).
   */
  enteredFor(
    db: Executor,
    code: string,
    area: { code: string; level: number },
    from: string,
    to: string,
    asOf: string,
  ) {
    return db
      .selectFrom('indicator_values')
      .selectAll()
      .where('indicator_code', '=', code)
      .where(AREA_COLUMN[area.level] ?? 'commune_code', '=', area.code)
      .where('period_from', '>=', from)
      .where('period_to', '<=', to)
      .where('source_date', '<=', asOf)
      .orderBy('period_to', 'desc')
      .orderBy('entered_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
  async insertValue(db: Executor, row: Insertable<IndicatorValuesTable>) {
    const r = await db.insertInto('indicator_values').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  findValue(db: Executor, id: number) {
    return db.selectFrom('indicator_values').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listValues(
    db: Executor,
    scope: Scope,
    f: { indicatorCode?: string | undefined; areaCode?: string | undefined; year?: number | undefined },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('indicator_values');
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (f.indicatorCode) q = q.where('indicator_code', '=', f.indicatorCode);
    if (f.areaCode) q = q.where('area_code', '=', f.areaCode);
    if (f.year) q = q.where('period_to', '>=', `${f.year}-01-01`).where('period_from', '<=', `${f.year}-12-31`);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q
      .selectAll()
      .orderBy('period_to', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: Number(total?.n ?? 0), rows };
  },

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
  /** The plan of a year for exactly this area (the latest issued when there are several). */
  planFor(db: Executor, year: number, areaCode: string) {
    return db
      .selectFrom('plans')
      .selectAll()
      .where('year', '=', year)
      .where('area_code', '=', areaCode)
      .orderBy('doc_date', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
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
        .set({ target: row.target, note: row.note ?? null })
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

  async insertReport(db: Executor, row: Insertable<ReportsTable>) {
    const r = await db.insertInto('reports').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  findReport(db: Executor, id: number) {
    return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listReports(db: Executor, scope: Scope, year: number | undefined, page: { limit: number; offset: number }) {
    let q = db.selectFrom('reports');
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (year) q = q.where('year', '=', year);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
    return { total: Number(total?.n ?? 0), rows };
  },
  updateReport(db: Executor, id: number, set: Partial<Omit<ReportRow, 'id'>>) {
    return db.updateTable('reports').set(set).where('id', '=', id).execute();
  },
  /** The next number of the province's reports issued in a calendar year (numbers restart each 1 January). */
  async nextNumber(db: Executor, provinceCode: string, issueYear: number) {
    const r = await db
      .selectFrom('reports')
      .select((eb) => eb.fn.max('number_seq').as('m'))
      .where('province_code', '=', provinceCode)
      .where('state', '=', 'issued')
      .where('issue_year', '=', issueYear)
      .executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },

  async getSetting(db: Executor, key: string) {
    const r = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
    return r ? (JSON.parse(r.value_json) as unknown) : undefined;
  },
  async putSetting(db: Executor, key: string, value: unknown, at: string) {
    const json = JSON.stringify(value);
    const r = await db
      .updateTable('settings')
      .set({ value_json: json, updated_at: at })
      .where('key', '=', key)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await db.insertInto('settings').values({ key, value_json: json, updated_at: at }).execute();
  },

  areaNames(db: Executor, codes: string[]) {
    if (codes.length === 0) return Promise.resolve([] as { code: string; name: string }[]);
    return db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
  },
};
