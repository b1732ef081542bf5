import type { Database, Executor } from '../../../db/database.js';

/** SQL of the notification outbox (written with the change, drained by dossiers.outbox.ts). */
export const outboxRepo = {
  async enqueue(
    db: Executor,
    row: { dossier_id: number; kind: string; recipient: string; message: string; at: string },
  ) {
    await db
      .insertInto('dossier_outbox')
      .values({
        dossier_id: row.dossier_id,
        kind: row.kind,
        recipient: row.recipient,
        message: row.message,
        state: 'pending',
        attempts: 0,
        next_attempt_at: row.at,
        created_at: row.at,
      })
      .execute();
  },

  /**
   * Claim up to `limit` pending notifications due at `now`: their next attempt moves to
   * `leaseUntil`, so no other server (nor this one) takes them while they are being sent; a
   * server that dies mid-send leaves them due again when the lease runs out. On PostgreSQL the
   * rows are picked `FOR UPDATE SKIP LOCKED` (two servers claiming at once take different rows)
   * and only the rows locked are updated; SQLite has one writer.
   */
  async claimDue(database: Database, now: string, leaseUntil: string, limit: number) {
    const pg = database.dialect === 'postgres';
    const rows = await database.db
      .with('picked', (qb) =>
        qb
          .selectFrom('dossier_outbox')
          .select('id')
          .where('state', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .orderBy('id')
          .limit(limit)
          .$if(pg, (q) => q.forUpdate().skipLocked()),
      )
      .updateTable('dossier_outbox')
      .set({ next_attempt_at: leaseUntil })
      .from('picked')
      .whereRef('dossier_outbox.id', '=', 'picked.id')
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.id - b.id);
  },
  async mark(
    db: Executor,
    id: number,
    patch: {
      state: string;
      attempts: number;
      next_attempt_at: string;
      last_error: string | null;
      sent_at: string | null;
    },
  ) {
    await db.updateTable('dossier_outbox').set(patch).where('id', '=', id).execute();
  },
};
