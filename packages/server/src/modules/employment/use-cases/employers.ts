import {
  cleanText,
  searchKey,
  type CreateEmployerBody,
  type CreateVacancyBody,
  type EmployerOut,
  type VacanciesQuery,
  type VacancyOut,
} from '@ansinh/domain';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors, isUniqueViolation } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { presentVacancy } from '../employment.presenter.js';
import { employersRepo } from '../repo/employers.repo.js';
import { communeCodes, pageArgs, type EmploymentDeps } from './common.js';

type EmployerRow = NonNullable<Awaited<ReturnType<typeof employersRepo.get>>>;
const presentEmployer = (e: EmployerRow): EmployerOut => ({
  id: e.id,
  name: e.name,
  taxCode: e.tax_code,
  industry: e.industry,
  address: e.address,
  phone: e.phone,
  communeCode: e.commune_code,
});

/** Employers (labour demand, TT 01/2022 Art. 10) and their vacancies. */
export function employersUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  const taken = (tax: string) =>
    errors.conflict(
      'EMPLOYER_EXISTS',
      `Doanh nghiệp mã số thuế ${tax} đã có trong danh sách. Tìm theo mã số thuế để dùng lại.`,
      [{ path: 'body.taxCode', message: 'Mã số thuế đã có' }],
    );
  return {
    async createEmployer(actor: Actor, b: CreateEmployerBody): Promise<EmployerOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const area = await communeCodes(trx, b.communeCode);
        employmentPolicy.guard(actor, 'employers', { provinceCode: area.province_code }, 'Xã/phường');
        if (await employersRepo.byTaxCode(trx, area.province_code, b.taxCode)) throw taken(b.taxCode);
        const name = cleanText(b.name);
        const row = {
          ...area,
          name,
          name_key: searchKey(name),
          tax_code: b.taxCode,
          industry: b.industry,
          address: b.address,
          phone: b.phone,
          created_by: actor.username,
          created_at: nowIso(),
        };
        let id: number;
        try {
          id = await employersRepo.insert(trx, row);
        } catch (err) {
          if (isUniqueViolation(err)) throw taken(b.taxCode);
          throw err;
        }
        await audit({
          action: 'employment.employer.create',
          entity: 'emp_employers',
          entityId: id,
          areaCode: area.commune_code,
          after: row,
        });
        return presentEmployer((await employersRepo.get(trx, id))!);
      });
    },

    async listEmployers(actor: Actor, q: { q?: string | undefined; page: number; pageSize: number }) {
      employmentPolicy.guard(actor, 'read');
      const key = q.q ? (/^\d+$/.test(q.q) ? q.q : searchKey(q.q)) : undefined;
      const { total, rows } = await employersRepo.page(db, actor, key, pageArgs(q));
      return { items: rows.map(presentEmployer), total, page: q.page, pageSize: q.pageSize };
    },

    /** Post a vacancy of an employer; the number of positions must be at least one. */
    async createVacancy(actor: Actor, b: CreateVacancyBody): Promise<VacancyOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const e = await employersRepo.get(trx, b.employerId);
        if (!e) throw errors.notFound('Doanh nghiệp');
        employmentPolicy.guard(actor, 'employers', { provinceCode: e.province_code }, 'Doanh nghiệp');
        const problems = [];
        if (b.positions < 1)
          problems.push({
            path: 'body.positions',
            message: 'Số lượng cần tuyển phải từ 1 trở lên (không được âm hoặc bằng 0)',
          });
        if (b.wageMin !== null && b.wageMax !== null && b.wageMax < b.wageMin)
          problems.push({ path: 'body.wageMax', message: 'Mức lương tối đa không được thấp hơn mức tối thiểu' });
        if (b.openTo && b.openTo < b.openFrom)
          problems.push({ path: 'body.openTo', message: 'Hạn tuyển không được trước ngày bắt đầu' });
        if (problems.length)
          throw errors.validation(problems, 'Tin tuyển dụng chưa đúng. Sửa các trường được đánh dấu rồi gửi lại.');
        const title = cleanText(b.title);
        const row = {
          province_code: e.province_code,
          district_code: e.district_code,
          commune_code: e.commune_code,
          employer_id: e.id,
          title,
          title_key: searchKey(title),
          positions: b.positions,
          qualification: b.qualification,
          wage_min: b.wageMin,
          wage_max: b.wageMax,
          work_place: b.workPlace,
          open_from: b.openFrom,
          open_to: b.openTo,
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await employersRepo.insertVacancy(trx, row);
        await audit({
          action: 'employment.vacancy.create',
          entity: 'emp_vacancies',
          entityId: id,
          areaCode: e.commune_code,
          after: row,
        });
        const v = (await employersRepo.vacancies(trx, actor, { ids: [id] }, { limit: 1, offset: 0 })).rows[0]!;
        return presentVacancy(v);
      });
    },

    /** The vacancy board: open vacancies of the province, newest first. */
    async listVacancies(actor: Actor, q: VacanciesQuery) {
      employmentPolicy.guard(actor, 'read');
      const { total, rows } = await employersRepo.vacancies(
        db,
        actor,
        { key: q.q ? searchKey(q.q) : undefined, openOn: q.openOn, employerId: q.employerId },
        pageArgs(q),
      );
      return { items: rows.map(presentVacancy), total, page: q.page, pageSize: q.pageSize };
    },
  };
}
