import type { Executor } from '../../../db/database.js';

/** Import runs of the labour supply, kept in the shared import_jobs table (kind 'employment_supply'). */
export const KIND = 'employment_supply';
export const importJobsRepo = {
  async insert(
    ex: Executor,
    v: {
      file_name: string;
      file_sha256: string;
      mode: string;
      total: number;
      counts_json: string;
      message: string | null;
      rejected_xlsx: Buffer | null;
      area_code: string;
      created_by: string;
      at: string;
    },
  ): Promise<number> {
    const { at, ...rest } = v;
    const r = await ex
      .insertInto('import_jobs')
      .values({ ...rest, kind: KIND, state: 'done', done: v.total, created_at: at, finished_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
  get(ex: Executor, id: number) {
    return ex
      .selectFrom('import_jobs')
      .select(['id', 'area_code', 'rejected_xlsx'])
      .where('id', '=', id)
      .where('kind', '=', KIND)
      .executeTakeFirst();
  },
};
