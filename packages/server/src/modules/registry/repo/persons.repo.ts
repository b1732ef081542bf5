import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DB, PersonsTable } from '../../../db/schema.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { LIST_COLUMNS, prefixEnd, type Scope } from './shared.js';

export type PersonRow = Omit<PersonsTable, 'id'> & { id: number };
export type NewPerson = Omit<PersonsTable, 'id'>;

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

function applyPersonFilter(
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

/** Past this many matches a search answers "more than 1.000" instead of counting them all. */
export const SEARCH_TOTAL_CAP = 1000;
/** How many persons (in Vietnamese order) a broad search walks before sorting the matches instead. */
const SEARCH_SCAN_BUDGET = 4000;

/** The name filter as expressions on the walked rows (no index range: the walk is in sort order). */
function nameMatch(
  eb: ExpressionBuilder<{ w: { id: number; sort_key: string; name_key: string; given_key: string } }, 'w'>,
  f: PersonFilter,
) {
  const starts = (col: 'w.name_key' | 'w.given_key', p: string) =>
    eb(eb.fn('substr', [eb.ref(col), sql.lit(1), sql.lit(p.length)]), '=', p);
  if (f.namePrefix) return starts('w.name_key', f.namePrefix);
  const g = f.givenPrefix ?? '';
  return eb.or([starts('w.given_key', g), starts('w.name_key', g)]);
}

/** Persons: search (paged and keyset), one person, writes. */
export const personsRepo = {
  /**
   * One page of a search, in Vietnamese order, and the number of matches counted up to
   * `SEARCH_TOTAL_CAP` + 1 (a broad prefix must not cost the count of every match). The page is read
   * one of two ways: walking the order (covering index on sort_key) for at most `SEARCH_SCAN_BUDGET`
   * active persons of the scope, which finds a page of a broad match quickly; and when that walk
   * does not fill the page, the matches through the name indexes, sorted (few matches, or matches
   * bunched in one part of the order, e.g. one given name).
   */
  async searchPersons(db: Executor, scope: Scope, f: PersonFilter, page: number, pageSize: number) {
    const base = applyPersonFilter(db.selectFrom('persons'), scope, f);
    const counted = await db
      .selectFrom(
        base
          .select(sql`1`.as('one'))
          .limit(SEARCH_TOTAL_CAP + 1)
          .as('m'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
    const totalCapped = n > SEARCH_TOTAL_CAP;
    const offset = (page - 1) * pageSize;
    const limit = totalCapped ? Math.max(0, Math.min(pageSize, SEARCH_TOTAL_CAP - offset)) : pageSize;
    const page_ = (q: typeof base) =>
      q
        .leftJoin('households as h', 'h.id', 'persons.household_id')
        .innerJoin('areas as a', 'a.code', 'persons.commune_code')
        .select([...LIST_COLUMNS, 'h.code as household_code', 'a.name as commune_name'])
        .orderBy('persons.sort_key')
        .orderBy('persons.id')
        .limit(limit)
        .offset(offset);
    if (limit === 0) return { total: SEARCH_TOTAL_CAP, totalCapped, items: [] };
    const byIds = async (ids: number[]) =>
      ids.length === 0
        ? []
        : page_(applyPersonFilter(db.selectFrom('persons'), scope, f).where('persons.id', 'in', ids))
            .clearOffset()
            .execute();
    if (!f.namePrefix && !f.givenPrefix)
      return { total: totalCapped ? SEARCH_TOTAL_CAP : n, totalCapped, items: await page_(base).execute() };
    const rest = applyPersonFilter(db.selectFrom('persons'), scope, {
      ...f,
      namePrefix: undefined,
      givenPrefix: undefined,
    });
    const want = offset + limit;
    if (totalCapped) {
      // Walk the order: the first SEARCH_SCAN_BUDGET persons of the scope by sort_key, the name
      // tested on each (as expressions, so the walk stays on the covering sort index).
      const walked = await db
        .selectFrom(
          rest
            .select(['persons.id', 'persons.sort_key', 'persons.name_key', 'persons.given_key'])
            .orderBy('persons.sort_key')
            .orderBy('persons.id')
            .limit(SEARCH_SCAN_BUDGET)
            .as('w'),
        )
        .select('w.id')
        .where((eb) => nameMatch(eb, f))
        .orderBy('w.sort_key')
        .orderBy('w.id')
        .limit(want)
        .execute();
      if (walked.length === want)
        return { total: SEARCH_TOTAL_CAP, totalCapped, items: await byIds(walked.slice(offset).map((r) => r.id)) };
    }
    // The matches through each name range (covering indexes), the first `want` of each in order,
    // merged: the walk found too few (the matches sit in one part of the order), or few matches.
    const range = (col: 'persons.name_key' | 'persons.given_key', p: string) =>
      db
        .selectFrom(
          rest
            .select(['persons.id', 'persons.sort_key'])
            .where(col, '>=', p)
            .where(col, '<', prefixEnd(p))
            .orderBy('persons.sort_key')
            .orderBy('persons.id')
            .limit(want)
            .as('r'),
        )
        .select(['r.id', 'r.sort_key']);
    const merged = f.namePrefix
      ? range('persons.name_key', f.namePrefix)
      : range('persons.given_key', f.givenPrefix!).union(range('persons.name_key', f.givenPrefix!));
    const ids = await db
      .selectFrom(merged.as('u'))
      .select('u.id')
      .orderBy('u.sort_key')
      .orderBy('u.id')
      .limit(limit)
      .offset(offset)
      .execute();
    return { total: totalCapped ? SEARCH_TOTAL_CAP : n, totalCapped, items: await byIds(ids.map((r) => r.id)) };
  },

  /** Keyset iteration over a filtered list, for exports of any size. */
  async *iteratePersons(db: Executor, scope: Scope, f: PersonFilter, batch = 2000) {
    let after: { sort: string; id: number } | null = null;
    for (;;) {
      let q = applyPersonFilter(db.selectFrom('persons'), scope, f)
        .leftJoin('households as h', 'h.id', 'persons.household_id')
        .innerJoin('areas as a', 'a.code', 'persons.commune_code')
        .select([
          ...LIST_COLUMNS,
          'persons.sort_key',
          'persons.disability',
          'persons.old_id_number',
          'h.code as household_code',
          'a.name as commune_name',
        ]);
      if (after) {
        const a = after;
        q = q.where((eb) =>
          eb.or([
            eb('persons.sort_key', '>', a.sort),
            eb.and([eb('persons.sort_key', '=', a.sort), eb('persons.id', '>', a.id)]),
          ]),
        );
      }
      const rows = await q.orderBy('persons.sort_key').orderBy('persons.id').limit(batch).execute();
      if (rows.length === 0) return;
      yield rows;
      const last = rows[rows.length - 1]!;
      after = { sort: last.sort_key, id: last.id };
    }
  },

  findPerson(db: Executor, id: number) {
    return db
      .selectFrom('persons')
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .selectAll('persons')
      .select(['h.code as household_code', 'a.name as commune_name'])
      .where('persons.id', '=', id)
      .executeTakeFirst();
  },

  findPersonByCitizenId(db: Executor, citizenId: string) {
    return db.selectFrom('persons').selectAll().where('citizen_id', '=', citizenId).executeTakeFirst();
  },

  async insertPerson(db: Executor, row: NewPerson): Promise<number> {
    return (await db.insertInto('persons').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updatePerson(db: Executor, id: number, set: Partial<NewPerson>): Promise<void> {
    await db.updateTable('persons').set(set).where('id', '=', id).execute();
  },

  householdMembers(db: Executor, householdId: number) {
    return db
      .selectFrom('persons')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'a.name as commune_name'])
      .where('household_id', '=', householdId)
      .where('merged_into_id', 'is', null)
      .orderBy('persons.birth_date')
      .execute();
  },
};
