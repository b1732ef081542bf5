import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { MeritTransfersTable } from '../../../db/schema-merit.js';
import type { Actor } from '../../../platform/actor.js';
import { provinceWhere } from './scope.js';

/** Dossier transfers between provinces (NĐ 131/2021 Art. 131). */
export const transfersRepo = {
  async insert(db: Executor, row: Insertable<MeritTransfersTable>): Promise<number> {
    const r = await db.insertInto('merit_transfers').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(r.id);
  },
  async update(db: Executor, id: number, patch: Updateable<MeritTransfersTable>) {
    await db.updateTable('merit_transfers').set(patch).where('id', '=', id).execute();
  },
  get(db: Executor, id: number) {
    return db.selectFrom('merit_transfers').selectAll().where('id', '=', id).executeTakeFirst();
  },
  ofRecord(db: Executor, recordId: number) {
    return db.selectFrom('merit_transfers').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
  },
  list(db: Executor, actor: Actor) {
    return db
      .selectFrom('merit_transfers as t')
      .selectAll('t')
      .where(provinceWhere(actor, 't'))
      .orderBy('t.id', 'desc')
      .limit(500)
      .execute();
  },
  /** Unsettled work on a record: open transfers. */
  async openTransfers(db: Executor, recordId: number): Promise<number> {
    const r = await db
      .selectFrom('merit_transfers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_id', '=', recordId)
      .where('state', 'in', ['requested', 'slip_issued', 'posted'])
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** Decisions recorded without a decision date reached yet: an undecided change. */
  async pendingDecisions(db: Executor, recordId: number, today: string): Promise<number> {
    const r = await db
      .selectFrom('merit_decisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_id', '=', recordId)
      .where('decision_date', '>', today)
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  },
};
