import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { QueryClause, QueryFilter } from '@ansinh/domain';
import type { DB } from '../../../db/schema.js';
import type { Executor } from '../../../db/database.js';

/**
 * The one declared reader of the registry's tables (persons, households, statuses) for the
 * interop module. Every query is limited in SQL to the partner's area (`PartnerScope`); writes to
 * the registry go through the registry module's service, never here.
 */
export interface PartnerScope {
  column: 'province_code' | 'district_code' | 'commune_code';
  code: string;
}

export interface PersonRow {
  id: number;
  full_name: string;
  gender: string;
  birth_date: string;
  citizen_id: string | null;
  household_id: number | null;
  relation: string | null;
  village: string | null;
  deceased_on: string | null;
  moved_out_on: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  household_code: string | null;
}

export interface HouseholdRow {
  id: number;
  code: string;
  address: string | null;
  village: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  head_person_id: number | null;
}

export interface MembershipRow {
  person_id: number | null;
  household_id: number | null;
  kind: string;
  category: string;
  valid_from: string;
  valid_to: string | null;
}

type PersonEB = ExpressionBuilder<DB & { p: DB['persons'] }, 'p'>;
type HouseholdEB = ExpressionBuilder<DB & { h: DB['households'] }, 'h'>;

const CMP = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;
const REVERSED = { eq: '=', ne: '<>', lt: '>', le: '>=', gt: '<', ge: '<=' } as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function personClause(eb: PersonEB, c: QueryClause): Expression<SqlBool> {
  const list = Array.isArray(c.value) ? c.value : [String(c.value)];
  switch (c.attr) {
    case 'citizen_id':
      return c.op === 'in' ? eb('p.citizen_id', 'in', list) : eb('p.citizen_id', CMP[c.op as 'eq'], String(c.value));
    case 'household_code': {
      const sub = eb.selectFrom('households as hh').select('hh.id').where('hh.code', 'in', list);
      return c.op === 'ne' ? eb('p.household_id', 'not in', sub) : eb('p.household_id', 'in', sub);
    }
    case 'location': {
      const any = eb.or([
        eb('p.province_code', 'in', list),
        eb('p.district_code', 'in', list),
        eb('p.commune_code', 'in', list),
      ]);
      return c.op === 'ne' ? eb.not(any) : any;
    }
    case 'sex':
      return c.op === 'in' ? eb('p.gender', 'in', list) : eb('p.gender', CMP[c.op as 'eq'], String(c.value));
    case 'birth_year':
      return c.op === 'in'
        ? eb('p.birth_year', 'in', list.map(Number))
        : eb('p.birth_year', CMP[c.op], Number(c.value));
    case 'age': {
      // Age in whole years from the birth year (a person born this year is 0).
      const year = new Date().getUTCFullYear();
      if (c.op === 'in')
        return eb(
          'p.birth_year',
          'in',
          list.map((a) => year - Number(a)),
        );
      return eb('p.birth_year', REVERSED[c.op], year - Number(c.value));
    }
    case 'membership': {
      const d = today();
      const active = eb
        .selectFrom('statuses as s')
        .select('s.id')
        .where((w) => w.or([w('s.person_id', '=', w.ref('p.id')), w('s.household_id', '=', w.ref('p.household_id'))]))
        .where((w) => w.or([w('s.category', 'in', list), w('s.kind', 'in', list)]))
        .where('s.valid_from', '<=', d)
        .where((w) => w.or([w('s.valid_to', 'is', null), w('s.valid_to', '>=', d)]));
      return c.op === 'ne' ? eb.not(eb.exists(active)) : eb.exists(active);
    }
    case 'group_size': {
      const size = eb
        .selectFrom('persons as m')
        .select((s) => s.fn.countAll<number>().as('n'))
        .where('m.household_id', '=', eb.ref('p.household_id'))
        .where('m.deceased_on', 'is', null)
        .where('m.moved_out_on', 'is', null);
      if (c.op === 'in') return eb(size, 'in', list.map(Number));
      return eb(size, CMP[c.op], Number(c.value));
    }
  }
}

function personFilter(eb: PersonEB, f: QueryFilter): Expression<SqlBool> {
  const parts = f.parts.map((p) => ('attr' in p ? personClause(eb, p) : personFilter(eb, p)));
  return f.join === 'and' ? eb.and(parts) : eb.or(parts);
}

const PERSON_COLUMNS = [
  'p.id',
  'p.full_name',
  'p.gender',
  'p.birth_date',
  'p.citizen_id',
  'p.household_id',
  'p.relation',
  'p.village',
  'p.deceased_on',
  'p.moved_out_on',
  'p.province_code',
  'p.district_code',
  'p.commune_code',
] as const;

export const registryReaderRepo = {
  /** Persons matching the filter inside the scope (merged records left out), one page, and the count. */
  async searchPersons(
    db: Executor,
    scope: PartnerScope,
    filter: QueryFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: PersonRow[]; total: number }> {
    const base = db
      .selectFrom('persons as p')
      .where(`p.${scope.column}`, '=', scope.code)
      .where('p.merged_into_id', 'is', null)
      .where((eb) => personFilter(eb as unknown as PersonEB, filter));
    const totalRow = await base.select((s) => s.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .select([...PERSON_COLUMNS, 'h.code as household_code'])
      .orderBy('p.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows: rows as PersonRow[], total: Number(totalRow?.n ?? 0) };
  },

  /** Households having at least one member matching the filter, inside the scope. */
  async searchHouseholds(
    db: Executor,
    scope: PartnerScope,
    filter: QueryFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: HouseholdRow[]; total: number }> {
    const members = (eb: HouseholdEB) =>
      eb
        .selectFrom('persons as p')
        .select('p.id')
        .where('p.household_id', '=', eb.ref('h.id'))
        .where('p.merged_into_id', 'is', null)
        .where((w) => personFilter(w as unknown as PersonEB, filter));
    const base = db
      .selectFrom('households as h')
      .where(`h.${scope.column}`, '=', scope.code)
      .where((eb) => eb.exists(members(eb as unknown as HouseholdEB)));
    const totalRow = await base.select((s) => s.fn.countAll<number>().as('n')).executeTakeFirst();
    const rows = await base
      .select([
        'h.id',
        'h.code',
        'h.address',
        'h.village',
        'h.province_code',
        'h.district_code',
        'h.commune_code',
        'h.head_person_id',
      ])
      .orderBy('h.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows, total: Number(totalRow?.n ?? 0) };
  },

  /** The current members of households (for group records). */
  async membersOf(db: Executor, householdIds: number[]): Promise<PersonRow[]> {
    if (!householdIds.length) return [];
    const rows = await db
      .selectFrom('persons as p')
      .leftJoin('households as h', 'h.id', 'p.household_id')
      .select([...PERSON_COLUMNS, 'h.code as household_code'])
      .where('p.household_id', 'in', householdIds)
      .where('p.merged_into_id', 'is', null)
      .orderBy('p.id')
      .execute();
    return rows as PersonRow[];
  },

  /** Statuses (program memberships) of these persons and households, current or past. */
  async memberships(db: Executor, personIds: number[], householdIds: number[]): Promise<MembershipRow[]> {
    if (!personIds.length && !householdIds.length) return [];
    return db
      .selectFrom('statuses')
      .select(['person_id', 'household_id', 'kind', 'category', 'valid_from', 'valid_to'])
      .where((eb) =>
        eb.or([
          ...(personIds.length ? [eb('person_id', 'in', personIds)] : []),
          ...(householdIds.length ? [eb('household_id', 'in', householdIds)] : []),
        ]),
      )
      .orderBy('valid_from')
      .execute();
  },

  /** A living person of the province by citizen ID (CRVS matching). */
  async personByCitizenId(db: Executor, provinceCode: string, citizenId: string) {
    return db
      .selectFrom('persons')
      .select(['id', 'full_name', 'deceased_on', 'province_code', 'district_code', 'commune_code'])
      .where('province_code', '=', provinceCode)
      .where('citizen_id', '=', citizenId)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
  },

  /** Registry changes since an instant, for subscribers: statuses granted or ended, deaths, moves. */
  async changesSince(db: Executor, scope: PartnerScope, since: string) {
    const statuses = await db
      .selectFrom('statuses as s')
      .leftJoin('persons as p', 'p.id', 's.person_id')
      .leftJoin('households as h', 'h.id', 's.household_id')
      .select([
        's.id',
        'p.citizen_id',
        'h.code as household_code',
        's.kind',
        's.category',
        's.valid_from',
        's.valid_to',
        's.created_at',
      ])
      .where(`s.${scope.column}`, '=', scope.code)
      .where('s.created_at', '>', since)
      .orderBy('s.created_at')
      .limit(500)
      .execute();
    const persons = await db
      .selectFrom('persons')
      .select(['id', 'citizen_id', 'deceased_on', 'moved_out_on', 'updated_at'])
      .where(scope.column, '=', scope.code)
      .where('updated_at', '>', since)
      .where((eb) => eb.or([eb('deceased_on', 'is not', null), eb('moved_out_on', 'is not', null)]))
      .orderBy('updated_at')
      .limit(500)
      .execute();
    return { statuses, persons };
  },

  /** Whether an area code exists and its level (partner registration). */
  async area(db: Executor, code: string) {
    return db.selectFrom('areas').select(['code', 'level', 'path']).where('code', '=', code).executeTakeFirst();
  },
};
