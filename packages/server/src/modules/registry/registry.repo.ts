import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { DB, HouseholdsTable, PersonsTable, StatusesTable } from '../../db/schema.js';
import type { AreaColumn } from '../../platform/authz.js';

export type Scope = { column: AreaColumn; code: string } | null;
export type PersonRow = Omit<PersonsTable, 'id'> & { id: number };
export type HouseholdRow = Omit<HouseholdsTable, 'id'> & { id: number };
export type StatusRow = Omit<StatusesTable, 'id'> & { id: number };
export type NewPerson = Omit<PersonsTable, 'id'>;
export type NewHousehold = Omit<HouseholdsTable, 'id'>;
export type NewStatus = Omit<StatusesTable, 'id'>;

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

/** Upper bound for a prefix range scan on a byte-ordered key column. */
const prefixEnd = (p: string) => `${p}\u007f`;

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

const LIST_COLUMNS = [
  'persons.id',
  'persons.household_id',
  'persons.full_name',
  'persons.gender',
  'persons.birth_date',
  'persons.citizen_id',
  'persons.ethnic_code',
  'persons.phone',
  'persons.commune_code',
  'persons.village',
  'persons.deceased_on',
  'persons.moved_out_on',
  'persons.relation',
] as const;

export const registryRepo = {
  async searchPersons(db: Executor, scope: Scope, f: PersonFilter, page: number, pageSize: number) {
    const base = applyPersonFilter(db.selectFrom('persons'), scope, f);
    const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await base
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'h.code as household_code', 'a.name as commune_name'])
      .orderBy('persons.sort_key')
      .orderBy('persons.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
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

  findHousehold(db: Executor, id: number) {
    return db
      .selectFrom('households')
      .innerJoin('areas as a', 'a.code', 'households.commune_code')
      .leftJoin('persons as head', 'head.id', 'households.head_person_id')
      .selectAll('households')
      .select(['a.name as commune_name', 'head.full_name as head_name'])
      .where('households.id', '=', id)
      .executeTakeFirst();
  },

  async searchHouseholds(
    db: Executor,
    scope: Scope,
    f: {
      code?: string;
      headNamePrefix?: string;
      area?: { column: AreaColumn; code: string };
      statusKind?: string;
      category?: string;
      year?: number;
      onDate: string;
    },
    page: number,
    pageSize: number,
  ) {
    let q = db.selectFrom('households').leftJoin('persons as head', 'head.id', 'households.head_person_id');
    if (scope) q = q.where(`households.${scope.column}`, '=', scope.code);
    if (f.area) q = q.where(`households.${f.area.column}`, '=', f.area.code);
    if (f.code) q = q.where('households.code', '=', f.code);
    if (f.headNamePrefix)
      q = q.where('head.name_key', '>=', f.headNamePrefix).where('head.name_key', '<', prefixEnd(f.headNamePrefix));
    if (f.statusKind) {
      const { statusKind, category, year, onDate } = f;
      q = q.where((eb) => {
        let s = eb
          .selectFrom('statuses as st')
          .select(sql`1`.as('one'))
          .whereRef('st.household_id', '=', 'households.id')
          .where('st.kind', '=', statusKind);
        if (category) s = s.where('st.category', '=', category);
        if (year) s = s.where('st.year', '=', year);
        else
          s = s
            .where('st.valid_from', '<=', onDate)
            .where((w) => w.or([w('st.valid_to', 'is', null), w('st.valid_to', '>=', onDate)]));
        return eb.exists(s);
      });
    }
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await q
      .innerJoin('areas as a', 'a.code', 'households.commune_code')
      .select([
        'households.id',
        'households.code',
        'households.commune_code',
        'households.village',
        'households.address',
        'households.residence',
        'households.state',
        'head.full_name as head_name',
        'a.name as commune_name',
        sql<number>`(select count(*) from persons m where m.household_id = households.id and m.merged_into_id is null)`.as(
          'member_count',
        ),
      ])
      .orderBy('households.code')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { total: Number(total.n), items };
  },

  /** Next household code of a commune: '<commune>-<6-digit sequence>'. */
  async nextHouseholdCode(db: Executor, communeCode: string): Promise<string> {
    const r = await db
      .selectFrom('households')
      .select((eb) => eb.fn.max('code').as('max'))
      .where('commune_code', '=', communeCode)
      .executeTakeFirst();
    const last = typeof r?.max === 'string' ? Number(r.max.split('-')[1] ?? 0) : 0;
    return `${communeCode}-${String(last + 1).padStart(6, '0')}`;
  },

  async insertHousehold(db: Executor, row: NewHousehold): Promise<number> {
    return (await db.insertInto('households').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async updateHousehold(db: Executor, id: number, set: Partial<NewHousehold>): Promise<void> {
    await db.updateTable('households').set(set).where('id', '=', id).execute();
  },

  /** Set each household's head to its member marked 'head' (set-based, for imports). */
  async setHeadsFromRelation(db: Executor, householdIds: number[]): Promise<void> {
    await db
      .updateTable('households')
      .set((eb) => ({
        head_person_id: eb
          .selectFrom('persons as p')
          .select((e) => e.fn.min('p.id').as('id'))
          .whereRef('p.household_id', '=', 'households.id')
          .where('p.relation', '=', 'head'),
      }))
      .where('id', 'in', householdIds)
      .execute();
  },

  householdEvents(db: Executor, householdId: number) {
    return db
      .selectFrom('household_events as e')
      .leftJoin('households as r', 'r.id', 'e.related_household_id')
      .select(['e.id', 'e.kind', 'e.date', 'e.note', 'e.created_at', 'r.code as related_code'])
      .where('e.household_id', '=', householdId)
      .orderBy('e.date')
      .orderBy('e.id')
      .execute();
  },

  async insertHouseholdEvent(
    db: Executor,
    e: {
      household_id: number;
      kind: string;
      date: string;
      note: string | null;
      related_household_id: number | null;
      created_at: string;
    },
  ): Promise<void> {
    await db.insertInto('household_events').values(e).execute();
  },

  statusesOfPerson(db: Executor, personId: number, householdId: number | null) {
    let q = db.selectFrom('statuses').selectAll();
    q = householdId
      ? q.where((eb) => eb.or([eb('person_id', '=', personId), eb('household_id', '=', householdId)]))
      : q.where('person_id', '=', personId);
    return q.orderBy('valid_from', 'desc').orderBy('id', 'desc').execute();
  },

  statusesOfHousehold(db: Executor, householdId: number) {
    return db
      .selectFrom('statuses')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('valid_from', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  findStatus(db: Executor, id: number) {
    return db.selectFrom('statuses').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertStatus(db: Executor, row: NewStatus): Promise<number> {
    return (await db.insertInto('statuses').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async endStatus(db: Executor, id: number, validTo: string, reason: string): Promise<void> {
    await db.updateTable('statuses').set({ valid_to: validTo, ended_reason: reason }).where('id', '=', id).execute();
  },

  async moveStatuses(db: Executor, fromPerson: number, toPerson: number): Promise<void> {
    await db.updateTable('statuses').set({ person_id: toPerson }).where('person_id', '=', fromPerson).execute();
  },

  auditOf(db: Executor, entity: string, entityId: string) {
    return db
      .selectFrom('audit_events')
      .select(['at', 'action', 'actor_username', 'after_json'])
      .where('entity', '=', entity)
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .limit(500)
      .execute();
  },

  /** Groups of persons in one commune with the same name key and birth year. */
  sameNameAndYear(db: Executor, scope: Scope, limit: number) {
    let q = db
      .selectFrom('persons')
      .select(['commune_code', 'name_key', 'birth_year', (eb) => eb.fn.countAll<number>().as('n')])
      .where('merged_into_id', 'is', null);
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q
      .groupBy(['commune_code', 'name_key', 'birth_year'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(limit)
      .execute();
  },

  /** Groups of persons in one commune sharing a full birth date (candidates for similar names). */
  sameBirthDate(db: Executor, scope: Scope, limit: number) {
    let q = db
      .selectFrom('persons')
      .select(['commune_code', 'birth_date', (eb) => eb.fn.countAll<number>().as('n')])
      .where('merged_into_id', 'is', null)
      .where(sql<boolean>`length(birth_date) = 10`);
    if (scope) q = q.where(scope.column, '=', scope.code);
    return q
      .groupBy(['commune_code', 'birth_date'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .limit(limit)
      .execute();
  },

  personsWhere(
    db: Executor,
    where: { commune_code: string; name_key?: string; birth_year?: number; birth_date?: string },
  ) {
    let q = db
      .selectFrom('persons')
      .leftJoin('households as h', 'h.id', 'persons.household_id')
      .innerJoin('areas as a', 'a.code', 'persons.commune_code')
      .select([...LIST_COLUMNS, 'persons.name_key', 'h.code as household_code', 'a.name as commune_name'])
      .where('persons.commune_code', '=', where.commune_code)
      .where('persons.merged_into_id', 'is', null);
    if (where.name_key) q = q.where('persons.name_key', '=', where.name_key);
    if (where.birth_year) q = q.where('persons.birth_year', '=', where.birth_year);
    if (where.birth_date) q = q.where('persons.birth_date', '=', where.birth_date);
    return q.orderBy('persons.id').execute();
  },

  decidedPairs(db: Executor) {
    return db.selectFrom('duplicate_decisions').select(['person_a', 'person_b']).execute();
  },

  async insertDecision(
    db: Executor,
    d: {
      person_a: number;
      person_b: number;
      decision: string;
      note: string | null;
      decided_by: string;
      decided_at: string;
    },
  ): Promise<void> {
    await db.insertInto('duplicate_decisions').values(d).execute();
  },
};
