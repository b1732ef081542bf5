import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { OrgUnitsTable } from '../../../db/schema-organisation.js';

export type UnitRow = Selectable<OrgUnitsTable>;

export interface UnitFilter {
  /** The province a list is limited to; null for the system actor (every province). */
  province: string | null;
  agencyCode?: string | undefined;
  onDate?: string | undefined;
}

/** Units of an agency (org_units). */
export const unitsRepo = {
  get(ex: Executor, id: number) {
    return ex.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(ex: Executor, row: Insertable<OrgUnitsTable>): Promise<UnitRow> {
    return ex.insertInto('org_units').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async update(ex: Executor, id: number, set: Updateable<OrgUnitsTable>): Promise<UnitRow> {
    return ex.updateTable('org_units').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  async page(ex: Executor, f: UnitFilter, page: { limit: number; offset: number }) {
    let q = ex.selectFrom('org_units as u');
    if (f.province) q = q.where('u.province_code', '=', f.province);
    if (f.agencyCode) q = q.where('u.agency_code', '=', f.agencyCode);
    if (f.onDate) {
      const d = f.onDate;
      q = q
        .where('u.active_from', '<=', d)
        .where((eb) => eb.or([eb('u.active_to', 'is', null), eb('u.active_to', '>=', d)]));
    }
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll('u')
      .orderBy('u.parent_id')
      .orderBy('u.name')
      .orderBy('u.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },
};
