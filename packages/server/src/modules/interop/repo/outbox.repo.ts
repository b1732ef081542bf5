import type { Database, Executor } from '../../../db/database.js';

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
  /**
   * Claim up to `limit` due messages: `next_at` moves to `leaseUntil`, so no other server takes
   * them while they are being delivered (picked FOR UPDATE SKIP LOCKED on PostgreSQL, and only
   * the rows locked are updated); a server that dies mid-delivery leaves them due again later.
   */
  async claimDue(database: Database, now: string, leaseUntil: string, limit = 20) {
    const pg = database.dialect === 'postgres';
    const rows = await database.db
      .with('picked', (qb) =>
        qb
          .selectFrom('interop_outbox')
          .select('id')
          .where('sent_at', 'is', null)
          .where('next_at', '<=', now)
          .where('attempts', '<', 10)
          .orderBy('id')
          .limit(limit)
          .$if(pg, (q) => q.forUpdate().skipLocked()),
      )
      .updateTable('interop_outbox')
      .set({ next_at: leaseUntil })
      .from('picked')
      .whereRef('interop_outbox.id', '=', 'picked.id')
      .returningAll()
      .execute();
    return rows.sort((x, y) => Number(x.id) - Number(y.id));
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
