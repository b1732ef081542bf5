import type { Executor } from '../../../db/database.js';

/**
 * The one read of the agencies module's table (migration 0028): the agency that issues a report,
 * whose header, number symbol, signer and recipients the report carries.
 */
export const agenciesReader = {
  byCode(db: Executor, provinceCode: string, code: string) {
    return db
      .selectFrom('agencies')
      .selectAll()
      .where('province_code', '=', provinceCode)
      .where('code', '=', code)
      .executeTakeFirst();
  },
};
