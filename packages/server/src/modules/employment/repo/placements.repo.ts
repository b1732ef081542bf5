import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  EmpCounsellingTable,
  EmpPlacementCheckpointsTable,
  EmpPlacementsTable,
  EmpReferralsTable,
} from '../../../db/schema-employment.js';

/** Counselling events, referrals, placements and their follow-up checkpoints. */
export const placementsRepo = {
  async insertCounselling(ex: Executor, row: Insertable<EmpCounsellingTable>): Promise<number> {
    return (await ex.insertInto('emp_counselling').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  counsellingOf(ex: Executor, supplyId: number) {
    return ex
      .selectFrom('emp_counselling')
      .selectAll()
      .where('supply_id', '=', supplyId)
      .orderBy('date', 'desc')
      .execute();
  },
  async insertReferral(ex: Executor, row: Insertable<EmpReferralsTable>): Promise<number> {
    return (await ex.insertInto('emp_referrals').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  referral(ex: Executor, id: number) {
    return ex.selectFrom('emp_referrals').selectAll().where('id', '=', id).executeTakeFirst();
  },
  setReferralOutcome(ex: Executor, id: number, outcome: string) {
    return ex.updateTable('emp_referrals').set({ outcome }).where('id', '=', id).execute();
  },
  async insertPlacement(ex: Executor, row: Insertable<EmpPlacementsTable>): Promise<number> {
    return (await ex.insertInto('emp_placements').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  placement(ex: Executor, id: number) {
    return ex
      .selectFrom('emp_placements as p')
      .innerJoin('emp_supply as s', 's.id', 'p.supply_id')
      .innerJoin('emp_vacancies as v', 'v.id', 'p.vacancy_id')
      .innerJoin('emp_employers as e', 'e.id', 'p.employer_id')
      .selectAll('p')
      .select(['s.full_name', 'v.title', 'e.name as employer_name'])
      .where('p.id', '=', id)
      .executeTakeFirst();
  },
  placementIdsOf(ex: Executor, supplyId: number) {
    return ex
      .selectFrom('emp_placements')
      .select('id')
      .where('supply_id', '=', supplyId)
      .orderBy('start_date', 'desc')
      .execute();
  },
  checkpoints(ex: Executor, placementId: number) {
    return ex
      .selectFrom('emp_placement_checkpoints')
      .select(['month', 'date', 'result', 'note'])
      .where('placement_id', '=', placementId)
      .orderBy('month')
      .execute();
  },
  insertCheckpoint(ex: Executor, row: Insertable<EmpPlacementCheckpointsTable>) {
    return ex.insertInto('emp_placement_checkpoints').values(row).execute();
  },
};
