import type { Executor } from '../../../db/database.js';
import type { RegistryTransferRequestsTable } from '../../../db/schema.js';
import type { Scope } from './shared.js';

export type TransferRow = Omit<RegistryTransferRequestsTable, 'id'> & { id: number };
export type NewTransfer = Omit<RegistryTransferRequestsTable, 'id'>;

const TO_COLUMN = {
  province_code: 'to_province_code',
  district_code: 'to_district_code',
  commune_code: 'to_commune_code',
} as const;

/** Transfer requests between communes (registry_transfer_requests). */
export const transfersRepo = {
  async insert(db: Executor, row: NewTransfer): Promise<number> {
    return (await db.insertInto('registry_transfer_requests').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  byId(db: Executor, id: number): Promise<TransferRow | undefined> {
    return db.selectFrom('registry_transfer_requests').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** A pending request for this ID from this commune (one at a time). */
  pendingFor(db: Executor, citizenId: string, toCommune: string) {
    return db
      .selectFrom('registry_transfer_requests')
      .select('id')
      .where('citizen_id', '=', citizenId)
      .where('to_commune_code', '=', toCommune)
      .where('state', '=', 'pending')
      .executeTakeFirst();
  },

  /** Requests to the actor's communes (they hold the person), with the person and the requester's commune. */
  incoming(db: Executor, scope: Scope, onlyId?: number, limit = 200) {
    let q = db
      .selectFrom('registry_transfer_requests as t')
      .innerJoin('persons as p', 'p.id', 't.person_id')
      .innerJoin('areas as a', 'a.code', 't.to_commune_code')
      .select([
        't.id',
        't.state',
        't.citizen_id',
        't.person_id',
        'p.full_name',
        'p.birth_date',
        't.to_commune_code',
        'a.name as to_commune_name',
        't.note',
        't.requested_at',
        't.decided_at',
        't.refusal_reason',
      ]);
    if (scope) q = q.where(`t.${scope.column}`, '=', scope.code);
    if (onlyId !== undefined) q = q.where('t.id', '=', onlyId);
    return q.orderBy('t.state', 'desc').orderBy('t.id', 'desc').limit(limit).execute();
  },

  /** Requests made for the actor's communes (they asked): no holder columns. */
  outgoing(db: Executor, scope: Scope, limit = 200) {
    let q = db
      .selectFrom('registry_transfer_requests as t')
      .select([
        't.id',
        't.state',
        't.citizen_id',
        't.to_commune_code',
        't.note',
        't.requested_at',
        't.decided_at',
        't.refusal_reason',
      ]);
    if (scope) q = q.where(`t.${TO_COLUMN[scope.column]}`, '=', scope.code);
    return q.orderBy('t.id', 'desc').limit(limit).execute();
  },

  async decide(
    db: Executor,
    id: number,
    set: { state: 'accepted' | 'refused'; decided_by: string; decided_at: string; refusal_reason: string | null },
  ): Promise<boolean> {
    const r = await db
      .updateTable('registry_transfer_requests')
      .set(set)
      .where('id', '=', id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** The person leaves their household for the new commune (no household there yet). */
  async movePerson(
    db: Executor,
    personId: number,
    to: { province_code: string; district_code: string | null; commune_code: string },
    at: string,
  ): Promise<void> {
    await db
      .updateTable('households')
      .set({ head_person_id: null, updated_at: at })
      .where('head_person_id', '=', personId)
      .execute();
    await db
      .updateTable('persons')
      .set({ ...to, household_id: null, relation: null, village: null, updated_at: at })
      .where('id', '=', personId)
      .execute();
  },
};
