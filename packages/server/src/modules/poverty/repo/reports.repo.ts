import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';

/** Aggregates over recognised cases for the movement report and the indicators. */

export interface MovementCounts {
  [k: string]: number;
}

const cnt = (cond: string) => sql<number>`sum(case when ${sql.raw(cond)} then 1 else 0 end)`;
/** Sum of bit i of the mask over the rows meeting `cond` (shift and mask: a third of the cost of / and %). */
const bit = (cond: string, i: number) =>
  sql<number>`sum(case when ${sql.raw(cond)} then (c.deprived_mask >> ${sql.lit(i)}) & 1 else 0 end)`;
const END = `(case when c.recognized_category in ('poor', 'near_poor') then c.recognized_category else 'none' end)`;

/** Per indicator i: recognised poor (p<i>) and near-poor (n<i>) households deprived in it. */
const deprivationColumns = (n: number) =>
  Array.from({ length: n }, (_, i) => [
    bit(`c.recognized_category = 'poor'`, i).as(`p${i}`),
    bit(`c.recognized_category = 'near_poor'`, i).as(`n${i}`),
  ]).flat();

export const reportsRepo = {
  /**
   * The movement counts and the deprivations of the recognised cases of a year's campaigns in an
   * area, in one pass:
   * start = the class on the lists before the review, end = the recognised class.
   */
  async movement(
    db: Executor,
    area: { column: AreaColumn; code: string },
    year: number,
    indicatorCount: number,
    asOf?: string,
  ): Promise<MovementCounts> {
    const q = (target: string) => {
      const p = `'${target}'`;
      return [
        cnt(`c.previous = ${p}`).as(`${target}_start`),
        cnt(`c.previous = ${p} and ${END} <> ${p}`).as(`${target}_left`),
        cnt(`c.previous = ${p} and ${END} = 'near_poor'`).as(`${target}_left_np`),
        cnt(`coalesce(c.previous, 'none') <> ${p} and ${END} = ${p} and c.ever_poor = 1 and ${p} = 'poor'`).as(
          `${target}_fell`,
        ),
        cnt(`coalesce(c.previous, 'none') <> ${p} and ${END} = ${p} and (c.ever_poor = 0 or ${p} <> 'poor')`).as(
          `${target}_new`,
        ),
        cnt(`${END} = ${p}`).as(`${target}_end`),
      ];
    };
    let b = db
      .selectFrom('poverty_cases as c')
      .innerJoin('poverty_campaigns as g', 'g.id', 'c.campaign_id')
      .select([...q('poor'), ...q('near_poor'), ...deprivationColumns(indicatorCount)])
      .where(`c.${area.column}`, '=', area.code)
      .where('g.year', '=', year)
      .where('c.step', '=', 'recognized');
    // As of a date: only the recognitions dated and recorded by then.
    if (asOf)
      b = b
        .innerJoin('poverty_recognitions as r', 'r.id', 'c.recognition_id')
        .where('r.decision_date', '<=', asOf)
        .where('r.created_at', '<=', `${asOf}T23:59:59.999Z`);
    const r = await b.executeTakeFirst();
    const out: MovementCounts = {};
    for (const [k, v] of Object.entries(r ?? {})) out[k] = Number(v ?? 0);
    return out;
  },

  /** The standard of a year's campaigns in an area (the most used one). */
  async standardOfYear(db: Executor, area: { column: AreaColumn; code: string }, year: number): Promise<string | null> {
    const r = await db
      .selectFrom('poverty_campaigns')
      .select('standard_code')
      .where(area.column, '=', area.code)
      .where('year', '=', year)
      .groupBy('standard_code')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .executeTakeFirst();
    return r?.standard_code ?? null;
  },
};
