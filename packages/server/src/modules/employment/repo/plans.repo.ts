import type { Executor } from '../../../db/database.js';

/**
 * The one place the employment module reads the plans (reports module): the year's targets of
 * jobs created for a province and its districts, from the latest plan of the year.
 */
export const plansRepo = {
  async jobTargets(ex: Executor, provinceCode: string, year: number): Promise<Map<string, number>> {
    const rows = await ex
      .selectFrom('plan_targets as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .select(['t.area_code', 't.target', 'p.id as plan_id'])
      .where('p.province_code', '=', provinceCode)
      .where('p.year', '=', year)
      .where('p.area_level', '=', 1)
      .where('t.indicator_code', '=', 'employment.jobs_created')
      .where('t.params', '=', '')
      .orderBy('p.id', 'desc')
      .execute();
    const latest = rows[0]?.plan_id;
    return new Map(rows.filter((r) => r.plan_id === latest).map((r) => [r.area_code, Number(r.target)]));
  },
  /**
   * The province's targets of jobs created by channel (params "channel=<code>") in the year's
   * latest plan, channel -> target.
   */
  async channelTargets(ex: Executor, provinceCode: string, year: number): Promise<Map<string, number>> {
    const rows = await ex
      .selectFrom('plan_targets as t')
      .innerJoin('plans as p', 'p.id', 't.plan_id')
      .select(['t.params', 't.target', 'p.id as plan_id'])
      .where('p.province_code', '=', provinceCode)
      .where('p.year', '=', year)
      .where('p.area_level', '=', 1)
      .where('t.area_code', '=', provinceCode)
      .where('t.indicator_code', '=', 'employment.jobs_created')
      .where('t.params', 'like', 'channel=%')
      .orderBy('p.id', 'desc')
      .execute();
    const latest = rows[0]?.plan_id;
    return new Map(
      rows.filter((r) => r.plan_id === latest).map((r) => [r.params.slice('channel='.length), Number(r.target)]),
    );
  },
};
