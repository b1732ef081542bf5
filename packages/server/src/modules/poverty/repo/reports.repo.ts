import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';

/** Aggregates over recognised cases for the movement report and the indicators. */

export interface MovementCounts {
  [k: string]: number;
}

const END = (category: string | null) => (category === 'poor' || category === 'near_poor' ? category : 'none');

/**
 * The movement counts of one target class from the cases grouped by (class before, recognised
 * category, ever poor): start = the class on the lists before the review, end = the recognised
 * class; fell back = entered the poor and was ever poor before; new = entered otherwise.
 */
function countsOf(groups: readonly { previous: string | null; category: string | null; ever: number; n: number }[]) {
  const out: MovementCounts = {};
  for (const t of ['poor', 'near_poor'] as const) {
    const add = (k: string, n: number) => (out[`${t}_${k}`] = (out[`${t}_${k}`] ?? 0) + n);
    for (const k of ['start', 'left', 'left_np', 'fell', 'new', 'end']) add(k, 0);
    for (const g of groups) {
      const end = END(g.category);
      if (g.previous === t) {
        add('start', g.n);
        if (end !== t) add('left', g.n);
        if (end === 'near_poor') add('left_np', g.n);
      } else if (end === t) {
        if (t === 'poor' && g.ever === 1) add('fell', g.n);
        else add('new', g.n);
      }
      if (end === t) add('end', g.n);
    }
  }
  return out;
}

export const reportsRepo = {
  /**
   * The movement counts and the deprivations of the recognised cases of a year's campaigns in an
   * area (docs/modules/poverty.md "Bench"): two grouped reads of the covering index
   * `poverty_cases_movement_idx` (province, step, recognised category, class before, ever poor,
   * deprivation mask, ...), in its order, so neither sorts: the cases counted by (category, class
   * before, ever poor), a few dozen groups added up here; and the deprivation bits of the poor and
   * near-poor summed per category.
   */
  async movement(
    db: Executor,
    area: { column: AreaColumn; code: string },
    year: number,
    indicatorCount: number,
    asOf?: string,
  ): Promise<MovementCounts> {
    const base = () => {
      let b = db
        .selectFrom('poverty_cases as c')
        .innerJoin('poverty_campaigns as g', 'g.id', 'c.campaign_id')
        .where(`c.${area.column}`, '=', area.code)
        .where('c.step', '=', 'recognized')
        .where('g.year', '=', year);
      // As of a date: only the recognitions dated and recorded by then.
      if (asOf)
        b = b
          .innerJoin('poverty_recognitions as r', 'r.id', 'c.recognition_id')
          .where('r.decision_date', '<=', asOf)
          .where('r.created_at', '<=', `${asOf}T23:59:59.999Z`);
      return b;
    };
    const [groups, bits] = await Promise.all([
      base()
        .select(['c.recognized_category', 'c.previous', 'c.ever_poor', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['c.recognized_category', 'c.previous', 'c.ever_poor'])
        .execute(),
      base()
        .select([
          'c.recognized_category',
          ...Array.from({ length: indicatorCount }, (_, i) =>
            sql<number>`sum((c.deprived_mask >> ${sql.lit(i)}) & 1)`.as(`d${i}`),
          ),
        ])
        .where('c.recognized_category', 'in', ['poor', 'near_poor'])
        .groupBy('c.recognized_category')
        .execute(),
    ]);
    const out = countsOf(
      groups.map((g) => ({
        previous: g.previous,
        category: g.recognized_category,
        ever: Number(g.ever_poor),
        n: Number(g.n),
      })),
    );
    for (let i = 0; i < indicatorCount; i++) {
      const of = (cat: string) =>
        bits.find((r) => r.recognized_category === cat) as Record<string, unknown> | undefined;
      out[`p${i}`] = Number(of('poor')?.[`d${i}`] ?? 0);
      out[`n${i}`] = Number(of('near_poor')?.[`d${i}`] ?? 0);
    }
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
