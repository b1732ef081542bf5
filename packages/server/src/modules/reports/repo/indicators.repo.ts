import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { IndicatorValuesTable, ReportIndicatorsTable } from '../../../db/schema-reports.js';
import type { AreaColumn } from '../../../platform/authz.js';

export type IndicatorValueRow = Selectable<IndicatorValuesTable>;
export type Scope = { column: AreaColumn; code: string } | null;

const AREA_COLUMN: Record<number, AreaColumn> = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' };

/** The indicator catalogue's entered indicators and their entered values. */
export const indicatorsRepo = {
  enteredIndicators(db: Executor) {
    return db.selectFrom('report_indicators').selectAll().orderBy('code').execute();
  },
  insertIndicator(db: Executor, row: Insertable<ReportIndicatorsTable>) {
    return db.insertInto('report_indicators').values(row).execute();
  },

  /**
   * Active entered values of an indicator for exactly a period, for an area and everything under it,
   * known by the as-of date (overrides of computed figures apart); the latest entry first.
   */
  enteredExact(
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
      .where('period_from', '=', from)
      .where('period_to', '=', to)
      .where('status', '=', 'active')
      .where('override_reason', 'is', null)
      .where('source_date', '<=', asOf)
      .orderBy('entered_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },
  /** The active value typed in place of a computed figure for exactly an area, period and parameters. */
  overrideFor(db: Executor, code: string, params: string, areaCode: string, from: string, to: string) {
    return db
      .selectFrom('indicator_values')
      .selectAll()
      .where('indicator_code', '=', code)
      .where('params', '=', params)
      .where('area_code', '=', areaCode)
      .where('period_from', '=', from)
      .where('period_to', '=', to)
      .where('status', '=', 'active')
      .where('override_reason', 'is not', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },
  /** Every value ever entered for the same indicator, parameters, area and period as this one (its history). */
  history(
    db: Executor,
    r: Pick<IndicatorValueRow, 'indicator_code' | 'params' | 'area_code' | 'period_from' | 'period_to'>,
  ) {
    return db
      .selectFrom('indicator_values')
      .selectAll()
      .where('indicator_code', '=', r.indicator_code)
      .where('params', '=', r.params)
      .where('area_code', '=', r.area_code)
      .where('period_from', '=', r.period_from)
      .where('period_to', '=', r.period_to)
      .orderBy('id', 'desc')
      .execute();
  },
  /** Ends an active value (superseded by a correction, or withdrawn); whether it was still active. */
  async endValue(
    db: Executor,
    id: number,
    set: { status: 'superseded' | 'withdrawn'; superseded_by: number | null; reason: string; by: string; at: string },
  ): Promise<boolean> {
    const r = await db
      .updateTable('indicator_values')
      .set({
        status: set.status,
        superseded_by: set.superseded_by,
        status_reason: set.reason,
        status_by: set.by,
        status_at: set.at,
      })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
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
    f: {
      indicatorCode?: string | undefined;
      areaCode?: string | undefined;
      year?: number | undefined;
      status?: string | undefined;
    },
    page: { limit: number; offset: number },
  ) {
    let q = db.selectFrom('indicator_values');
    if (scope) q = q.where(scope.column, '=', scope.code);
    if (f.indicatorCode) q = q.where('indicator_code', '=', f.indicatorCode);
    if (f.areaCode) q = q.where('area_code', '=', f.areaCode);
    if (f.status) q = q.where('status', '=', f.status);
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
};
