import type { Executor } from '../db/database.js';

/** A job's row as the runner and the status endpoint read it (migration 0038). */
export interface BackgroundJobRow {
  id: number;
  province_code: string;
  area_path: string;
  agency_code: string | null;
  kind: string;
  state: string;
  done: number;
  total: number;
  input_json: string;
  result_json: string | null;
  file_name: string | null;
  error_code: string | null;
  error_message: string | null;
  actor_json: string;
  created_by: string;
  attempts: number;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = [
  'id',
  'province_code',
  'area_path',
  'agency_code',
  'kind',
  'state',
  'done',
  'total',
  'input_json',
  'result_json',
  'file_name',
  'error_code',
  'error_message',
  'actor_json',
  'created_by',
  'attempts',
  'lease_until',
  'created_at',
  'updated_at',
] as const;

const num = (v: unknown) => Number(v);
const normal = (r: BackgroundJobRow): BackgroundJobRow => ({
  ...r,
  id: num(r.id),
  done: num(r.done),
  total: num(r.total),
  attempts: num(r.attempts),
});

/** The only SQL of the background jobs (platform/background-jobs.ts). */
export const backgroundJobsRepo = {
  async insert(
    db: Executor,
    row: {
      province_code: string;
      area_path: string;
      agency_code?: string | null;
      kind: string;
      input_json: string;
      actor_json: string;
      created_by: string;
      now: string;
    },
  ): Promise<number> {
    const { now, ...rest } = row;
    const r = await db
      .insertInto('background_jobs')
      .values({ ...rest, state: 'queued', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(r.id);
  },

  async find(db: Executor, id: number): Promise<BackgroundJobRow | undefined> {
    const r = await db.selectFrom('background_jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    return r ? normal(r as BackgroundJobRow) : undefined;
  },

  /**
   * Take the job for `leaseUntil` if it is not finished and nobody holds it (no lease, or one that
   * ran out because its server died): one UPDATE, so two servers never both win. Answers the
   * attempt number, or null.
   */
  async claim(db: Executor, id: number, now: string, leaseUntil: string): Promise<number | null> {
    const r = await db
      .updateTable('background_jobs')
      .set((eb) => ({ state: 'running', lease_until: leaseUntil, attempts: eb('attempts', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .returning('attempts')
      .executeTakeFirst();
    return r ? Number(r.attempts) : null;
  },

  /** Renew the lease and write the progress other servers show (only while this attempt holds it). */
  async heartbeat(db: Executor, id: number, attempt: number, leaseUntil: string, done: number, total: number) {
    await db
      .updateTable('background_jobs')
      .set({ lease_until: leaseUntil, done, total, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('attempts', '=', attempt)
      .execute();
  },

  /**
   * End the job if this attempt still holds it (in the work's own transaction when the work has
   * effects: both commit or neither). Answers whether it did.
   */
  async finish(
    db: Executor,
    id: number,
    attempt: number,
    set: {
      state: 'done' | 'failed';
      done: number;
      total: number;
      result_json?: string | null;
      file_name?: string | null;
      file_data?: Buffer | null;
      error_code?: string | null;
      error_message?: string | null;
      now: string;
    },
  ): Promise<boolean> {
    const { now, ...rest } = set;
    const r = await db
      .updateTable('background_jobs')
      .set({ ...rest, lease_until: null, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'running')
      .where('attempts', '=', attempt)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async file(db: Executor, id: number): Promise<{ name: string; data: Buffer } | null> {
    const r = await db
      .selectFrom('background_jobs')
      .select(['file_name', 'file_data'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r?.file_name && r.file_data ? { name: r.file_name, data: Buffer.from(r.file_data) } : null;
  },

  /** Jobs to send again: a lease that ran out, or queued and never taken since `unclaimedBefore`. */
  async stale(db: Executor, now: string, unclaimedBefore: string): Promise<number[]> {
    const rows = await db
      .selectFrom('background_jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
          eb.and([eb('state', '=', 'queued'), eb('created_at', '<', unclaimedBefore)]),
        ]),
      )
      .orderBy('id')
      .limit(100)
      .execute();
    return rows.map((r) => Number(r.id));
  },

  /** Drop finished jobs (and their files: payment sheets hold personal data) older than `before`. */
  async purge(db: Executor, before: string) {
    await db
      .deleteFrom('background_jobs')
      .where('state', 'in', ['done', 'failed'])
      .where('updated_at', '<', before)
      .execute();
  },
};
