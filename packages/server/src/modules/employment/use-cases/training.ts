import {
  cleanText,
  trainingSupport,
  type CompleteEnrolmentBody,
  type CreateCourseBody,
  type EnrolBody,
  type EnrolmentOut,
} from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { trainingRepo } from '../repo/training.repo.js';
import { areaOf, districtCodes, loadSupply, pageArgs, type EmploymentDeps } from './common.js';

export async function enrolmentOut(ex: Executor, id: number): Promise<EnrolmentOut> {
  const n = (await trainingRepo.enrolment(ex, id))!;
  return {
    id: n.id,
    courseId: n.course_id,
    courseName: n.course_name,
    level: n.level,
    supplyId: n.supply_id,
    fullName: n.full_name,
    group: n.support_group,
    supported: n.supported === 1,
    supportCeiling: n.support_ceiling,
    completedOn: n.completed_on,
    passed: n.passed === null ? null : n.passed === 1,
    jobAfter: n.job_after === 1,
  };
}

/** Vocational training: courses and enrolments, with the support of domain training.ts. */
export function trainingUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    async createCourse(actor: Actor, b: CreateCourseBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        const area = await districtCodes(trx, actor, b.districtCode);
        employmentPolicy.guard(actor, 'serve', { provinceCode: area.province_code });
        if (b.endDate < b.startDate)
          throw errors.validation([
            { path: 'body.endDate', message: 'Ngày kết thúc không được trước ngày khai giảng' },
          ]);
        const row = {
          ...area,
          name: cleanText(b.name),
          occupation: cleanText(b.occupation),
          level: b.level,
          provider: cleanText(b.provider),
          start_date: b.startDate,
          end_date: b.endDate,
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await trainingRepo.insertCourse(trx, row);
        await audit({
          action: 'employment.course.create',
          entity: 'emp_courses',
          entityId: id,
          areaCode: area.province_code,
          after: row,
        });
        return {
          id,
          name: row.name,
          occupation: row.occupation,
          level: row.level,
          provider: row.provider,
          startDate: row.start_date,
          endDate: row.end_date,
          enrolled: 0,
          completed: 0,
        };
      });
    },

    async listCourses(actor: Actor, q: { page: number; pageSize: number }) {
      employmentPolicy.guard(actor, 'read');
      const { total, rows } = await trainingRepo.courses(db, actor, pageArgs(q));
      return {
        items: rows.map((c) => ({
          id: c.id,
          name: c.name,
          occupation: c.occupation,
          level: c.level,
          provider: c.provider,
          startDate: c.start_date,
          endDate: c.end_date,
          enrolled: Number(c.enrolled ?? 0),
          completed: Number(c.completed ?? 0),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Enrol a worker; support is decided by the rule in force on the course's start date. */
    async enrol(actor: Actor, courseId: number, b: EnrolBody): Promise<EnrolmentOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const c = await trainingRepo.course(trx, courseId);
        if (!c) throw errors.notFound('Lớp đào tạo');
        employmentPolicy.guard(actor, 'serve', { provinceCode: c.province_code }, 'Lớp đào tạo');
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        const support = trainingSupport(c.start_date, c.level, b.group);
        const row = {
          ...areaOf(s),
          supply_id: s.id,
          course_id: c.id,
          support_group: b.group,
          supported: support.supported ? 1 : 0,
          support_ceiling: support.supported ? support.ceiling : null,
          start_date: c.start_date,
          completed_on: null,
          passed: null,
          created_by: actor.username,
          created_at: nowIso(),
        };
        let id: number;
        try {
          id = await trainingRepo.insertEnrolment(trx, row);
        } catch (err) {
          if (isUniqueViolation(err)) throw errors.conflict('ALREADY_ENROLLED', `${s.full_name} đã có trong lớp này.`);
          throw err;
        }
        await audit({
          action: 'employment.enrolment.create',
          entity: 'emp_enrolments',
          entityId: id,
          areaCode: s.commune_code,
          after: row,
        });
        return enrolmentOut(trx, id);
      });
    },

    /** Completion (passed or not) and whether the learner had a job after. */
    async complete(actor: Actor, enrolmentId: number, b: CompleteEnrolmentBody): Promise<EnrolmentOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const n = await trainingRepo.enrolment(trx, enrolmentId);
        if (!n) throw errors.notFound('Học viên');
        employmentPolicy.guard(actor, 'serve', n, 'Học viên');
        if (b.completedOn < n.start_date)
          throw errors.validation([
            { path: 'body.completedOn', message: 'Ngày hoàn thành không được trước ngày khai giảng' },
          ]);
        const set = { completed_on: b.completedOn, passed: b.passed ? 1 : 0, job_after: b.jobAfter ? 1 : 0 };
        await trainingRepo.updateEnrolment(trx, n.id, set);
        await audit({
          action: 'employment.enrolment.complete',
          entity: 'emp_enrolments',
          entityId: n.id,
          areaCode: n.commune_code,
          before: { completed_on: n.completed_on, passed: n.passed },
          after: set,
        });
        return enrolmentOut(trx, n.id);
      });
    },
  };
}
