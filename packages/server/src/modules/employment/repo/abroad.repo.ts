import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { EmpAbroadTable } from '../../../db/schema-employment.js';

/** Workers going abroad on contract. */
export const abroadRepo = {
  get(ex: Executor, id: number) {
    return ex
      .selectFrom('emp_abroad as a')
      .innerJoin('emp_supply as s', 's.id', 'a.supply_id')
      .selectAll('a')
      .select('s.full_name')
      .where('a.id', '=', id)
      .executeTakeFirst();
  },
  idsOf(ex: Executor, supplyId: number) {
    return ex.selectFrom('emp_abroad').select('id').where('supply_id', '=', supplyId).execute();
  },
  async insert(ex: Executor, row: Insertable<EmpAbroadTable>): Promise<number> {
    return (await ex.insertInto('emp_abroad').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  update(ex: Executor, id: number, set: Updateable<EmpAbroadTable>) {
    return ex.updateTable('emp_abroad').set(set).where('id', '=', id).execute();
  },
};
