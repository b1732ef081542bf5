import type { Executor } from '../../../db/database.js';

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

  /** Pending notifications due now. */
  async due(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('dossier_outbox')
      .selectAll()
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
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
