import type { Executor } from '../../../db/database.js';

/**
 * What an import job needs to be run by any app server (migration 0034): its file and actor with
 * a lease, and the clean dry runs kept for the commit that follows.
 */
export const importQueueRepo = {
  async insertInput(db: Executor, row: { job_id: number; actor_json: string; file_data: Buffer; created_at: string }) {
    await db.insertInto('import_job_inputs').values(row).execute();
  },

  /**
   * Take the job for `leaseUntil` if nobody holds it (no lease, or one that ran out because its
   * server died): one UPDATE, so two servers never both win. Answers the attempt number, or null.
   */
  async claim(db: Executor, jobId: number, now: string, leaseUntil: string): Promise<number | null> {
    const r = await db
      .updateTable('import_job_inputs')
      .set((eb) => ({ lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
      .where('job_id', '=', jobId)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .where((eb) =>
        eb.exists(eb.selectFrom('import_jobs').select('id').where('id', '=', jobId).where('state', '=', 'running')),
      )
      .returning('attempts')
      .executeTakeFirst();
    return r ? r.attempts : null;
  },

  async input(db: Executor, jobId: number) {
    return db
      .selectFrom('import_job_inputs')
      .select(['actor_json', 'file_data'])
      .where('job_id', '=', jobId)
      .executeTakeFirst();
  },

  /** Renew the lease and write the progress others see. */
  async heartbeat(db: Executor, jobId: number, leaseUntil: string, done: number, total: number) {
    await db.updateTable('import_job_inputs').set({ lease_until: leaseUntil }).where('job_id', '=', jobId).execute();
    await db
      .updateTable('import_jobs')
      .set({ done, total })
      .where('id', '=', jobId)
      .where('state', '=', 'running')
      .execute();
  },

  async dropInput(db: Executor, jobId: number) {
    await db.deleteFrom('import_job_inputs').where('job_id', '=', jobId).execute();
  },

  /** Jobs to send again: a lease that ran out, or never taken since `unclaimedBefore`. */
  async stale(db: Executor, now: string, unclaimedBefore: string): Promise<number[]> {
    const rows = await db
      .selectFrom('import_job_inputs')
      .innerJoin('import_jobs', 'import_jobs.id', 'import_job_inputs.job_id')
      .select('import_job_inputs.job_id')
      .where('import_jobs.state', '=', 'running')
      .where((eb) =>
        eb.or([
          eb('import_job_inputs.lease_until', '<', now),
          eb.and([
            eb('import_job_inputs.lease_until', 'is', null),
            eb('import_job_inputs.created_at', '<', unclaimedBefore),
          ]),
        ]),
      )
      .orderBy('import_job_inputs.job_id')
      .limit(100)
      .execute();
    return rows.map((r) => Number(r.job_id));
  },

  async putCheck(
    db: Executor,
    row: { key: string; fingerprint: string; counts_json: string; rows_gz: Buffer; created_at: string },
    purgeBefore: string,
  ) {
    await db
      .deleteFrom('import_checks')
      .where((eb) => eb.or([eb('key', '=', row.key), eb('created_at', '<', purgeBefore)]))
      .execute();
    await db.insertInto('import_checks').values(row).execute();
  },

  /** Drop kept dry runs older than `before` (they hold personal data; housekeeping). */
  async purgeChecks(db: Executor, before: string) {
    await db.deleteFrom('import_checks').where('created_at', '<', before).execute();
  },

  /** A kept dry run, taken (deleted) so it is used once; null if none or older than `after`. */
  async takeCheck(db: Executor, key: string, after: string) {
    const r = await db
      .deleteFrom('import_checks')
      .where('key', '=', key)
      .returning(['fingerprint', 'counts_json', 'rows_gz', 'created_at'])
      .executeTakeFirst();
    return r && r.created_at >= after ? r : null;
  },
};
