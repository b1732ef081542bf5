import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { EmpJobsTable } from '../../../db/schema-employment.js';

/** Jobs created, one record per job; `counted` marks the first of a person in a year. */
export const jobsRepo = {
  /** The counted job of a person in a year, if any (the unique index guards it too). */
  countedOf(ex: Executor, citizenId: string, year: number) {
    return ex
      .selectFrom('emp_jobs')
      .select(['id', 'channel', 'date'])
      .where('citizen_id', '=', citizenId)
      .where('year', '=', year)
      .where('counted', '=', 1)
      .executeTakeFirst();
  },
  async insert(ex: Executor, row: Insertable<EmpJobsTable>): Promise<number> {
    return (await ex.insertInto('emp_jobs').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  /** A later job of the same year counts instead of one dated after it (jobs.ts: the earliest counts). */
  uncount(ex: Executor, id: number) {
    return ex.updateTable('emp_jobs').set({ counted: 0 }).where('id', '=', id).execute();
  },
  ofSupply(ex: Executor, supplyId: number) {
    return ex
      .selectFrom('emp_jobs as j')
      .innerJoin('emp_supply as s', 's.id', 'j.supply_id')
      .select(['j.id', 'j.supply_id', 's.full_name', 'j.channel', 'j.date', 'j.counted', 'j.commune_code'])
      .where('j.supply_id', '=', supplyId)
      .orderBy('j.date', 'desc')
      .execute();
  },
  bySource(ex: Executor, kind: string, id: number) {
    return ex
      .selectFrom('emp_jobs')
      .select(['id', 'counted'])
      .where('source_kind', '=', kind)
      .where('source_id', '=', id)
      .executeTakeFirst();
  },
  /** Counted jobs in [from, to] as of a date, by district and channel, for a province. */
  byDistrictAndChannel(
    ex: Executor,
    provinceCode: string,
    from: string,
    to: string,
    asOf: string,
    within: { column: 'district_code' | 'commune_code'; code: string } | null = null,
  ) {
    let q = ex.selectFrom('emp_jobs');
    if (within) q = q.where(within.column, '=', within.code);
    return q
      .select(['district_code', 'channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('province_code', '=', provinceCode)
      .where('counted', '=', 1)
      .where('date', '>=', from)
      .where('date', '<=', to < asOf ? to : asOf)
      .groupBy(['district_code', 'channel'])
      .execute();
  },
};
