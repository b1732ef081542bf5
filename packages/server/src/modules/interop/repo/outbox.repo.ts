import type { Executor } from '../../../db/database.js';

/** Outbound callbacks and notifications to partners, retried until delivered. */
export const outboxRepo = {
  async enqueue(
    db: Executor,
    row: { partner_id: number; province_code: string; uri: string; payload: string; now: string },
  ): Promise<number> {
    const r = await db
      .insertInto('interop_outbox')
      .values({
        partner_id: row.partner_id,
        province_code: row.province_code,
        uri: row.uri,
        payload: row.payload,
        next_at: row.now,
        created_at: row.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  },
  due(db: Executor, now: string, limit = 50) {
    return db
      .selectFrom('interop_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('next_at', '<=', now)
      .where('attempts', '<', 10)
      .orderBy('id')
      .limit(limit)
      .execute();
  },
  async sent(db: Executor, id: number, now: string) {
    await db.updateTable('interop_outbox').set({ sent_at: now }).where('id', '=', id).execute();
  },
  async failed(db: Executor, id: number, attempts: number, nextAt: string, error: string) {
    await db
      .updateTable('interop_outbox')
      .set({ attempts, next_at: nextAt, last_error: error.slice(0, 500) })
      .where('id', '=', id)
      .execute();
  },
};
