import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { HouseholdsTable } from '../../../db/schema.js';
import type { AreaColumn } from '../../../platform/authz.js';
import { prefixEnd, type Scope } from './shared.js';

export type HouseholdRow = Omit<HouseholdsTable, 'id'> & { id: number };
export type NewHousehold = Omit<HouseholdsTable, 'id'>;

/** Households, their members and their events (moved, split, merged, dissolved). */
export const householdsRepo = {
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
};
