import type { Executor } from '../../../db/database.js';

/** Import runs of the module, kept in the shared import_jobs table: supply records, or employers and vacancies. */
export const KIND = 'employment_supply';
export type ImportKind = typeof KIND | 'employment_employers';
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
    kind: ImportKind = KIND,
  ): Promise<number> {
    const { at, ...rest } = v;
    const r = await ex
      .insertInto('import_jobs')
      .values({ ...rest, kind, state: 'done', done: v.total, created_at: at, finished_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  },
  get(ex: Executor, id: number, kind: ImportKind = KIND) {
    return ex
      .selectFrom('import_jobs')
      .select(['id', 'area_code', 'rejected_xlsx'])
      .where('id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirst();
  },
};
