import { defaultCalendar, directContractDue, type AbroadBody, type AbroadOut } from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { abroadRepo } from '../repo/abroad.repo.js';
import { areaOf, loadSupply, type EmploymentDeps } from './common.js';
import { recordJob } from './jobs.js';

export async function abroadOut(ex: Executor, id: number): Promise<AbroadOut> {
  const a = (await abroadRepo.get(ex, id))!;
  return {
    id: a.id,
    supplyId: a.supply_id,
    fullName: a.full_name,
    form: a.form,
    company: a.company,
    country: a.country,
    receivedOn: a.received_on,
    registeredOn: a.registered_on,
    registrationDue: a.registration_due,
    departureDate: a.departure_date,
    returnDate: a.return_date,
  };
}

/**
 * Work abroad on contract (Luật 69/2020): a worker, the form of going, company and country; a
 * direct contract carries the 5-working-day registration clock; departure is a job created.
 */
export function abroadUseCases({ database }: EmploymentDeps) {
  return {
    async createAbroad(actor: Actor, b: AbroadBody): Promise<AbroadOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        if (b.form === 'direct' && !b.receivedOn)
          throw errors.validation([
            { path: 'body.receivedOn', message: 'Hợp đồng giao kết trực tiếp: nhập ngày nhận hồ sơ đăng ký' },
          ]);
        if (b.form !== 'direct' && !b.company)
          throw errors.validation([
            { path: 'body.company', message: 'Nhập doanh nghiệp, đơn vị đưa người lao động đi' },
          ]);
        const row = {
          ...areaOf(s),
          supply_id: s.id,
          form: b.form,
          company: b.company,
          country: b.country,
          received_on: b.receivedOn,
          registration_due:
            b.form === 'direct' && b.receivedOn ? directContractDue(defaultCalendar, b.receivedOn) : null,
          registered_on: null,
          departure_date: b.departureDate,
          return_date: null,
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await abroadRepo.insert(trx, row);
        await audit({
          action: 'employment.abroad.create',
          entity: 'emp_abroad',
          entityId: id,
          areaCode: s.commune_code,
          after: row,
        });
        if (b.departureDate)
          await recordJob(trx, audit, actor, s, {
            channel: 'abroad',
            date: b.departureDate,
            sourceKind: 'abroad',
            sourceId: id,
          });
        return abroadOut(trx, id);
      });
    },

    /** The labour agency confirms a direct contract's registration (Art. 53). */
    async registerAbroad(actor: Actor, id: number, registeredOn: string): Promise<AbroadOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const a = await abroadRepo.get(trx, id);
        if (!a) throw errors.notFound('Người lao động đi làm việc ở nước ngoài');
        employmentPolicy.guard(actor, 'register_abroad', a, 'Người lao động đi làm việc ở nước ngoài');
        if (a.form !== 'direct')
          throw errors.badRequest(
            'NOT_DIRECT_CONTRACT',
            'Chỉ hợp đồng do người lao động trực tiếp giao kết mới đăng ký tại Sở.',
          );
        if (a.received_on && registeredOn < a.received_on)
          throw errors.validation([
            { path: 'body.registeredOn', message: 'Ngày xác nhận không được trước ngày nhận hồ sơ' },
          ]);
        await abroadRepo.update(trx, id, { registered_on: registeredOn });
        await audit({
          action: 'employment.abroad.register',
          entity: 'emp_abroad',
          entityId: id,
          areaCode: a.commune_code,
          before: { registered_on: a.registered_on },
          after: { registered_on: registeredOn, due: a.registration_due },
        });
        return abroadOut(trx, id);
      });
    },
  };
}
