import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { OrgStaffingTable } from '../../../db/schema-organisation.js';

export type StaffingRow = Selectable<OrgStaffingTable>;

/** The yearly staffing figures of an agency (org_staffing): one row per province, agency and year. */
export const staffingRepo = {
  find(ex: Executor, province: string, agencyCode: string | null, year: number) {
    return ex
      .selectFrom('org_staffing')
      .selectAll()
      .where('province_code', '=', province)
      .where('year', '=', year)
      .where((eb) => (agencyCode === null ? eb('agency_code', 'is', null) : eb('agency_code', '=', agencyCode)))
      .executeTakeFirst();
  },
  async insert(ex: Executor, row: Insertable<OrgStaffingTable>): Promise<StaffingRow> {
    return ex.insertInto('org_staffing').values(row).returningAll().executeTakeFirstOrThrow();
  },
  async update(ex: Executor, id: number, set: Updateable<OrgStaffingTable>): Promise<StaffingRow> {
    return ex.updateTable('org_staffing').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  },
  list(ex: Executor, province: string | null, agencyCode: string | undefined) {
    let q = ex.selectFrom('org_staffing').selectAll();
    if (province) q = q.where('province_code', '=', province);
    if (agencyCode) q = q.where('agency_code', '=', agencyCode);
    return q.orderBy('year', 'desc').orderBy('agency_code').orderBy('id').limit(200).execute();
  },
};
