import type { Executor } from '../../../db/database.js';
import type { StatusesTable } from '../../../db/schema.js';

export type StatusRow = Omit<StatusesTable, 'id'> & { id: number };
export type NewStatus = Omit<StatusesTable, 'id'>;

/** Statuses (poverty, social assistance, meritorious ...), effective-dated, of a person or a household. */
export const statusesRepo = {
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
};
