import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { EmpFairAttendeesTable, EmpFairsTable } from '../../../db/schema-employment.js';
import type { Actor } from '../../../platform/actor.js';
import { inProvince } from './scope.js';

/** Job fairs (phiên giao dịch việc làm), their employers, vacancies and attendees. */
export const fairsRepo = {
  get(ex: Executor, id: number) {
    return ex.selectFrom('emp_fairs').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insert(ex: Executor, row: Insertable<EmpFairsTable>): Promise<number> {
    return (await ex.insertInto('emp_fairs').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async page(ex: Executor, actor: Actor, year: number | undefined, page: { limit: number; offset: number }) {
    let q = ex.selectFrom('emp_fairs as f').where(inProvince(actor, 'f'));
    if (year) q = q.where('f.date', '>=', `${year}-01-01`).where('f.date', '<=', `${year}-12-31`);
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll('f')
      .orderBy('f.date', 'desc')
      .orderBy('f.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },
  async addEmployer(
    ex: Executor,
    fair: { id: number; province_code: string; district_code: string | null },
    employerId: number,
    vacancyIds: number[],
  ) {
    const base = {
      fair_id: fair.id,
      province_code: fair.province_code,
      district_code: fair.district_code,
      commune_code: null,
    };
    await ex
      .insertInto('emp_fair_employers')
      .values({ ...base, employer_id: employerId })
      .onConflict((oc) => oc.columns(['fair_id', 'employer_id']).doNothing())
      .execute();
    if (vacancyIds.length)
      await ex
        .insertInto('emp_fair_vacancies')
        .values(vacancyIds.map((v) => ({ ...base, vacancy_id: v })))
        .onConflict((oc) => oc.columns(['fair_id', 'vacancy_id']).doNothing())
        .execute();
  },
  employers(ex: Executor, fairId: number) {
    return ex
      .selectFrom('emp_fair_employers as fe')
      .innerJoin('emp_employers as e', 'e.id', 'fe.employer_id')
      .select(['e.id', 'e.name'])
      .where('fe.fair_id', '=', fairId)
      .orderBy('e.name_key')
      .execute();
  },
  async vacancyIds(ex: Executor, fairId: number): Promise<number[]> {
    return (await ex.selectFrom('emp_fair_vacancies').select('vacancy_id').where('fair_id', '=', fairId).execute()).map(
      (r) => r.vacancy_id,
    );
  },
  attendees(ex: Executor, fairId: number) {
    return ex
      .selectFrom('emp_fair_attendees as a')
      .innerJoin('emp_supply as s', 's.id', 'a.supply_id')
      .select([
        'a.id',
        'a.supply_id',
        's.full_name',
        's.citizen_id',
        'a.checked_in_at',
        'a.interviewed_by',
        'a.hired_vacancy_id',
        'a.placement_id',
      ])
      .where('a.fair_id', '=', fairId)
      .orderBy('a.checked_in_at', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
  },
  attendee(ex: Executor, id: number) {
    return ex.selectFrom('emp_fair_attendees').selectAll().where('id', '=', id).executeTakeFirst();
  },
  attendeeOf(ex: Executor, fairId: number, supplyId: number) {
    return ex
      .selectFrom('emp_fair_attendees')
      .select('id')
      .where('fair_id', '=', fairId)
      .where('supply_id', '=', supplyId)
      .executeTakeFirst();
  },
  async checkedIn(ex: Executor, fairId: number, supplyIds: number[]): Promise<Set<number>> {
    if (!supplyIds.length) return new Set();
    const rows = await ex
      .selectFrom('emp_fair_attendees')
      .select('supply_id')
      .where('fair_id', '=', fairId)
      .where('supply_id', 'in', supplyIds)
      .execute();
    return new Set(rows.map((r) => r.supply_id));
  },
  async insertAttendee(ex: Executor, row: Insertable<EmpFairAttendeesTable>): Promise<number> {
    return (await ex.insertInto('emp_fair_attendees').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  updateAttendee(
    ex: Executor,
    id: number,
    set: { interviewed_by?: number | null; hired_vacancy_id?: number | null; placement_id?: number | null },
  ) {
    return ex.updateTable('emp_fair_attendees').set(set).where('id', '=', id).execute();
  },
  async hasEmployer(ex: Executor, fairId: number, employerId: number): Promise<boolean> {
    return !!(await ex
      .selectFrom('emp_fair_employers')
      .select('id')
      .where('fair_id', '=', fairId)
      .where('employer_id', '=', employerId)
      .executeTakeFirst());
  },
};
