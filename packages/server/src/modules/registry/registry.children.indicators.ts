import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ComputedIndicator, IndicatorQuery } from '../../platform/indicators.js';
import { statuses, subjectRecords, validOn } from './registry.indicators.js';

/**
 * Children in special circumstances (Luật Trẻ em 2016 Art. 10(1); docs/legal/children.md), counted
 * from people: the children holding a `child_special_circumstances` status on the stock date (the
 * earlier of the period's end and the as-of date, decided by the as-of date), each child once
 * even when they fall in several groups. `group` narrows to one group of Art. 10(1) by its point
 * ('a' orphaned of both parents … 'o' migrant or refugee children; 'dd' for point đ).
 */
const KIND = 'child_special_circumstances';

function base(db: Kysely<DB>, q: IndicatorQuery, params?: Record<string, string>) {
  const s = statuses(db, q, KIND, params?.group ? [params.group] : undefined);
  return s.where((eb) => validOn(eb, q));
}

export const childrenIndicators: readonly ComputedIndicator[] = [
  {
    code: 'registry.children_special_circumstances',
    module: 'registry',
    nameVi: 'Số trẻ em có hoàn cảnh đặc biệt đang quản lý',
    nameEn: 'Children in special circumstances on record',
    unit: 'persons',
    rollup: 'sum',
    params: ['group'],
    async compute(db, q, params) {
      const r = await base(db, q, params)
        .select((eb) => eb.fn.count('statuses.person_id').distinct().as('n'))
        .executeTakeFirst();
      return { value: Number(r?.n ?? 0) };
    },
    records: (db, q, page, params) => subjectRecords(db, base(db, q, params), 'person', page),
  },
];
