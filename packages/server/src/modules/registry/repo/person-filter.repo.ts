import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { prefixEnd, type Scope } from './shared.js';

/** What an officer filters persons by, as SQL: used by the list, the search and the export. */
export interface PersonFilter {
  /** Name search: prefix of the whole name key, or of the given name when `givenOnly`. */
  namePrefix?: string;
  givenPrefix?: string;
  citizenId?: string;
  oldIdNumber?: string;
  phone?: string;
  householdCode?: string;
  householdId?: number;
  area?: { column: AreaColumn; code: string };
  statusKind?: string;
  category?: string;
  /** Active on this date (YYYY-MM-DD) for the status filter. */
  onDate: string;
  birthYearFrom?: number;
  birthYearTo?: number;
  gender?: string;
  ethnicCode?: string;
  includeInactive?: boolean;
}

export function applyPersonFilter(
  q: SelectQueryBuilder<DB, 'persons', object>,
  scope: Scope,
  f: PersonFilter,
): SelectQueryBuilder<DB, 'persons', object> {
  if (scope) q = q.where(`persons.${scope.column}`, '=', scope.code);
  if (f.area) q = q.where(`persons.${f.area.column}`, '=', f.area.code);
  q = q.where('persons.merged_into_id', 'is', null);
  if (!f.includeInactive) q = q.where('persons.deceased_on', 'is', null).where('persons.moved_out_on', 'is', null);
  if (f.namePrefix)
    q = q.where('persons.name_key', '>=', f.namePrefix).where('persons.name_key', '<', prefixEnd(f.namePrefix));
  if (f.givenPrefix) {
    const g = f.givenPrefix;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('persons.given_key', '>=', g), eb('persons.given_key', '<', prefixEnd(g))]),
        eb.and([eb('persons.name_key', '>=', g), eb('persons.name_key', '<', prefixEnd(g))]),
      ]),
    );
  }
  if (f.citizenId) q = q.where('persons.citizen_id', '=', f.citizenId);
  if (f.oldIdNumber) q = q.where('persons.old_id_number', '=', f.oldIdNumber);
  if (f.phone) q = q.where('persons.phone', '=', f.phone);
  if (f.householdId) q = q.where('persons.household_id', '=', f.householdId);
  if (f.householdCode) {
    const code = f.householdCode;
    q = q.where('persons.household_id', 'in', (eb) =>
      eb.selectFrom('households').select('id').where('code', '=', code),
    );
  }
  if (f.gender) q = q.where('persons.gender', '=', f.gender);
  if (f.ethnicCode) q = q.where('persons.ethnic_code', '=', f.ethnicCode);
  if (f.birthYearFrom !== undefined) q = q.where('persons.birth_year', '>=', f.birthYearFrom);
  if (f.birthYearTo !== undefined) q = q.where('persons.birth_year', '<=', f.birthYearTo);
  if (f.statusKind) {
    const { statusKind, category, onDate } = f;
    q = q.where((eb) => eb.exists(activeStatus(eb, statusKind, category, onDate)));
  }
  return q;
}

/** A status of this kind active on `onDate`, on the person or on their household. */
function activeStatus(
  eb: ExpressionBuilder<DB, 'persons'>,
  kind: string,
  category: string | undefined,
  onDate: string,
) {
  let s = eb
    .selectFrom('statuses as st')
    .select(sql`1`.as('one'))
    .where('st.kind', '=', kind)
    .where('st.valid_from', '<=', onDate)
    .where((w) => w.or([w('st.valid_to', 'is', null), w('st.valid_to', '>=', onDate)]))
    .where((w) =>
      w.or([w('st.person_id', '=', w.ref('persons.id')), w('st.household_id', '=', w.ref('persons.household_id'))]),
    );
  if (category) s = s.where('st.category', '=', category);
  return s;
}
