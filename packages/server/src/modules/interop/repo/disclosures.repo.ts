import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { InteropDisclosuresTable } from '../../../db/schema-interop.js';

/** What was disclosed to which partner, for which purpose (NĐ 13/2023; docs/legal/data-disclosure.md). */
export const disclosuresRepo = {
  async insert(db: Executor, row: Insertable<InteropDisclosuresTable>): Promise<void> {
    await db.insertInto('interop_disclosures').values(row).execute();
  },
  list(db: Executor, provinceCode: string | null, partnerId: number | null, limit = 200) {
    let q = db.selectFrom('interop_disclosures').selectAll().orderBy('id', 'desc').limit(limit);
    if (provinceCode) q = q.where('province_code', '=', provinceCode);
    if (partnerId) q = q.where('partner_id', '=', partnerId);
    return q.execute();
  },
};
