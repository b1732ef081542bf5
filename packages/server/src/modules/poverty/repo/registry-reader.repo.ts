import type { Executor } from '../../../db/database.js';

/**
 * The poverty module's one declared reader of the registry's (and the area tree's) tables (docs/architecture.md): the
 * households to list, their poverty status on a date, and the resident households of an area.
 * It never writes them: statuses change only through the registry service, at recognition.
 */

export interface HouseholdForReview {
  id: number;
  code: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  village: string | null;
  residence: string;
  state: string;
  ethnic_minority: number;
}

export const registryReader = {
  /** The households by id, with whether the head belongs to an ethnic minority (not Kinh, "01"). */
  async households(db: Executor, ids: readonly number[]): Promise<HouseholdForReview[]> {
    if (!ids.length) return [];
    const rows = await db
      .selectFrom('households as h')
      .select([
        'h.id',
        'h.code',
        'h.province_code',
        'h.district_code',
        'h.commune_code',
        'h.village',
        'h.residence',
        'h.state',
      ])
      .select((eb) =>
        eb
          .case()
          .when(
            eb.fn.coalesce(
              eb.selectFrom('persons as p').select('p.ethnic_code').whereRef('p.id', '=', 'h.head_person_id'),
              eb.val('01'),
            ),
            '<>',
            '01',
          )
          .then(1)
          .else(0)
          .end()
          .as('ethnic_minority'),
      )
      .where('h.id', 'in', ids)
      .execute();
    return rows.map((r) => ({ ...r, ethnic_minority: Number(r.ethnic_minority) }));
  },

  /** Ids of the commune's households holding a poor or near-poor status on `date`. */
  async onCurrentLists(db: Executor, communeCode: string, date: string): Promise<number[]> {
    const rows = await db
      .selectFrom('statuses')
      .select('household_id')
      .distinct()
      .where('kind', '=', 'poverty')
      .where('commune_code', '=', communeCode)
      .where('category', 'in', ['poor', 'near_poor'])
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
      .where('household_id', 'is not', null)
      .execute();
    return rows.map((r) => Number(r.household_id));
  },

  /** Open poverty statuses of these households on `date` (at most one each, normally). */
  async povertyStatuses(
    db: Executor,
    householdIds: readonly number[],
    date: string,
  ): Promise<
    {
      id: number;
      household_id: number;
      category: string;
      decision_no: string;
      valid_from: string;
      valid_to: string | null;
    }[]
  > {
    if (!householdIds.length) return [];
    const rows = await db
      .selectFrom('statuses')
      .select(['id', 'household_id', 'category', 'decision_no', 'valid_from', 'valid_to'])
      .where('kind', '=', 'poverty')
      .where('household_id', 'in', householdIds)
      .where('valid_from', '<=', date)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', date)]))
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), household_id: Number(r.household_id) }));
  },

  /** Households that held a poor status that began before `date`. */
  async everPoor(db: Executor, householdIds: readonly number[], date: string): Promise<Set<number>> {
    if (!householdIds.length) return new Set();
    const rows = await db
      .selectFrom('statuses')
      .select('household_id')
      .distinct()
      .where('kind', '=', 'poverty')
      .where('category', '=', 'poor')
      .where('household_id', 'in', householdIds)
      .where('valid_from', '<', date)
      .execute();
    return new Set(rows.map((r) => Number(r.household_id)));
  },

  /** Households carrying a status granted by this decision (to resume a recognition without granting twice). */
  async grantedBy(
    db: Executor,
    householdIds: readonly number[],
    decisionNo: string,
    validFrom: string,
  ): Promise<Set<number>> {
    if (!householdIds.length) return new Set();
    const rows = await db
      .selectFrom('statuses')
      .select('household_id')
      .where('kind', '=', 'poverty')
      .where('decision_no', '=', decisionNo)
      .where('valid_from', '=', validFrom)
      .where('household_id', 'in', householdIds)
      .execute();
    return new Set(rows.map((r) => Number(r.household_id)));
  },

  /** Resident (active) households of an area: the denominator of the poverty rate. */
  async residentHouseholds(db: Executor, column: 'province_code' | 'district_code' | 'commune_code', code: string) {
    const r = await db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where(column, '=', code)
      .where('state', '=', 'active')
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },

  /** Household ids by their codes (for the Excel imports). */
  async householdIdsByCodes(db: Executor, codes: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (let i = 0; i < codes.length; i += 500) {
      const rows = await db
        .selectFrom('households')
        .select(['id', 'code'])
        .where('code', 'in', codes.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(r.code, Number(r.id));
    }
    return out;
  },

  async communeNames(db: Executor, codes: readonly string[]): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    const rows = await db.selectFrom('areas').select(['code', 'name']).where('code', 'in', codes).execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  },
};
