import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { EmpCoursesTable, EmpEnrolmentsTable } from '../../../db/schema-employment.js';
import type { Actor } from '../../../platform/actor.js';
import { inProvince } from './scope.js';

/** Training courses and enrolments. */
export const trainingRepo = {
  course(ex: Executor, id: number) {
    return ex.selectFrom('emp_courses').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async insertCourse(ex: Executor, row: Insertable<EmpCoursesTable>): Promise<number> {
    return (await ex.insertInto('emp_courses').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  async courses(ex: Executor, actor: Actor, page: { limit: number; offset: number }) {
    const q = ex.selectFrom('emp_courses as c').where(inProvince(actor, 'c'));
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const rows = await q
      .selectAll('c')
      .select((eb) => [
        eb
          .selectFrom('emp_enrolments as n')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('n.course_id', '=', 'c.id')
          .as('enrolled'),
        eb
          .selectFrom('emp_enrolments as n')
          .select((e) => e.fn.countAll().as('n'))
          .whereRef('n.course_id', '=', 'c.id')
          .where('n.passed', '=', 1)
          .as('completed'),
      ])
      .orderBy('c.start_date', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total, rows };
  },
  enrolment(ex: Executor, id: number) {
    return ex
      .selectFrom('emp_enrolments as n')
      .innerJoin('emp_courses as c', 'c.id', 'n.course_id')
      .innerJoin('emp_supply as s', 's.id', 'n.supply_id')
      .selectAll('n')
      .select(['c.name as course_name', 'c.level', 's.full_name'])
      .where('n.id', '=', id)
      .executeTakeFirst();
  },
  enrolmentIdsOf(ex: Executor, supplyId: number) {
    return ex.selectFrom('emp_enrolments').select('id').where('supply_id', '=', supplyId).execute();
  },
  async insertEnrolment(ex: Executor, row: Insertable<EmpEnrolmentsTable>): Promise<number> {
    return (await ex.insertInto('emp_enrolments').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },
  updateEnrolment(ex: Executor, id: number, set: Updateable<EmpEnrolmentsTable>) {
    return ex.updateTable('emp_enrolments').set(set).where('id', '=', id).execute();
  },
};
