import type { Executor } from '../../../db/database.js';

export interface NewImportJob {
  file_name: string;
  file_sha256: string;
  mode: string;
  area_code: string;
  created_by: string;
  created_at: string;
}

/** The columns a job is presented with (the rejected file itself stays in the database). */
function jobQuery(db: Executor) {
  return db
    .selectFrom('import_jobs')
    .select([
      'id',
      'file_name',
      'mode',
      'state',
      'done',
      'total',
      'counts_json',
      'message',
      'created_at',
      'area_code',
      'created_by',
    ])
    .select((eb) => eb.case().when('rejected_xlsx', 'is not', null).then(1).else(0).end().as('has_rejected'));
}

export type ImportJobRow = NonNullable<Awaited<ReturnType<typeof importJobsRepo.findJob>>>;

/** Import jobs: one row per upload, its progress, counts and rejected-rows file. */
export const importJobsRepo = {
  /** One job; with `areaCode`, only if it was started in that area (a job belongs to its area). */
  findJob(db: Executor, id: number, areaCode: string | null = null) {
    let q = jobQuery(db).where('id', '=', id);
    if (areaCode !== null) q = q.where('area_code', '=', areaCode);
    return q.executeTakeFirst();
  },

  /** The 20 most recent jobs, of one area (or all: null). */
  listJobs(db: Executor, areaCode: string | null) {
    let q = jobQuery(db);
    if (areaCode !== null) q = q.where('area_code', '=', areaCode);
    return q.orderBy('id', 'desc').limit(20).execute();
  },

  async insertJob(db: Executor, job: NewImportJob): Promise<number> {
    const { id } = await db
      .insertInto('import_jobs')
      .values({
        kind: 'registry',
        ...job,
        state: 'running',
        done: 0,
        total: 0,
        counts_json: null,
        message: null,
        rejected_xlsx: null,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  },

  async finishJob(
    db: Executor,
    id: number,
    set: {
      state: string;
      done: number;
      total: number;
      finished_at: string;
      counts_json?: string | null;
      message?: string | null;
      rejected_xlsx?: Buffer | null;
    },
  ): Promise<void> {
    await db.updateTable('import_jobs').set(set).where('id', '=', id).execute();
  },

  async rejectedFile(db: Executor, id: number): Promise<Buffer | null> {
    const r = await db.selectFrom('import_jobs').select('rejected_xlsx').where('id', '=', id).executeTakeFirst();
    return r?.rejected_xlsx ? Buffer.from(r.rejected_xlsx) : null;
  },
};
