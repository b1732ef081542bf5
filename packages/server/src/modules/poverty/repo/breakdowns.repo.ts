import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { AreaColumn } from '../../../platform/authz.js';

/**
 * The movement of the recognised cases of a year's campaigns grouped by commune and by a key
 * (cause, group mask or ethnicity), in one grouped statement per breakdown. Same definitions as
 * `reportsRepo.movement`: start = the class on the lists before the review, end = the class
 * recognised; fell back = entered poverty having been poor before.
 */
export interface BreakdownRow {
  commune_code: string;
  key: string;
  [column: string]: string | number;
}

const cnt = (cond: string) => sql<number>`sum(case when ${sql.raw(cond)} then 1 else 0 end)`;
const END = `(case when c.recognized_category in ('poor', 'near_poor') then c.recognized_category else 'none' end)`;

function movementColumns(target: 'poor' | 'near_poor') {
  const p = `'${target}'`;
  const entered = `coalesce(c.previous, 'none') <> ${p} and ${END} = ${p}`;
  const fell = target === 'poor' ? `c.ever_poor = 1` : `1 = 0`;
  return [
    cnt(`c.previous = ${p}`).as(`${target}_start`),
    cnt(`c.previous = ${p} and ${END} <> ${p}`).as(`${target}_left`),
    cnt(`${entered} and ${fell}`).as(`${target}_fell`),
    cnt(`${entered} and not (${fell})`).as(`${target}_new`),
    cnt(`${END} = ${p}`).as(`${target}_end`),
  ];
}

const KEYS: Record<'cause' | 'group' | 'ethnicity', RawBuilder<string>> = {
  cause: sql<string>`coalesce(c.cause, 'unknown')`,
  group: sql<string>`cast(c.groups_mask as text)`,
  ethnicity: sql<string>`case when c.ethnic_minority = 1 then 'ethnic_minority' else 'kinh' end`,
};

export const breakdownsRepo = {
  async movementBy(
    db: Executor,
    area: { column: AreaColumn; code: string },
    q: { year: number; asOf?: string | undefined },
    by: 'cause' | 'group' | 'ethnicity',
  ): Promise<BreakdownRow[]> {
    let b = db
      .selectFrom('poverty_cases as c')
      .innerJoin('poverty_campaigns as g', 'g.id', 'c.campaign_id')
      .innerJoin('poverty_recognitions as r', 'r.id', 'c.recognition_id')
      .select(['c.commune_code', KEYS[by].as('key'), ...movementColumns('poor'), ...movementColumns('near_poor')])
      .where(`c.${area.column}`, '=', area.code)
      .where('g.year', '=', q.year)
      .where('c.step', '=', 'recognized');
    if (q.asOf) b = b.where('r.decision_date', '<=', q.asOf).where('r.created_at', '<=', `${q.asOf}T23:59:59.999Z`);
    const rows = await b.groupBy(['c.commune_code', KEYS[by]]).orderBy('c.commune_code').execute();
    return rows.map((r) => {
      const out: BreakdownRow = { commune_code: r.commune_code, key: String(r.key) };
      for (const [k, v] of Object.entries(r)) if (k !== 'commune_code' && k !== 'key') out[k] = Number(v ?? 0);
      return out;
    });
  },
};
