import {
  checkpointProblem,
  type CheckpointBody,
  type CounsellingBody,
  type PlacementBody,
  type PlacementOut,
  type ReferralBody,
} from '@ansinh/domain';
import type { Executor, Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditInput } from '../../../platform/audit.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { presentPlacement } from '../employment.presenter.js';
import { employersRepo } from '../repo/employers.repo.js';
import { fairsRepo } from '../repo/fairs.repo.js';
import { jobsRepo } from '../repo/jobs.repo.js';
import { placementsRepo } from '../repo/placements.repo.js';
import type { SupplyRow } from '../repo/supply.repo.js';
import { areaOf, loadSupply, todayVn, type EmploymentDeps } from './common.js';
import { recordJob } from './jobs.js';

/** A placement read back with its checkpoints and whether its job counts. */
export async function placementOut(ex: Executor, id: number): Promise<PlacementOut> {
  const p = (await placementsRepo.placement(ex, id))!;
  const job = await jobsRepo.bySource(ex, 'placement', id);
  return presentPlacement(p, await placementsRepo.checkpoints(ex, id), job?.counted === 1, todayVn());
}

/**
 * Place a worker in a vacancy (NĐ 23/2021 Art. 12): the vacancy must still have a free position,
 * a placement from a job fair cannot start before the fair and needs the worker checked in
 * there. The placement is a job created (channel centre_placement), counted once a year.
 */
export async function placeWorker(
  trx: Trx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  s: SupplyRow,
  b: { vacancyId: number; startDate: string; fairId: number | null; referralId: number | null },
): Promise<number> {
  const v = await employersRepo.vacancy(trx, b.vacancyId);
  if (!v) throw errors.notFound('Vị trí tuyển dụng');
  employmentPolicy.guard(actor, 'serve', { provinceCode: v.province_code }, 'Vị trí tuyển dụng');
  const problems: { path: string; message: string }[] = [];
  if (b.fairId !== null) {
    const f = await fairsRepo.get(trx, b.fairId);
    if (!f) throw errors.notFound('Phiên giao dịch việc làm');
    employmentPolicy.guard(actor, 'serve', { provinceCode: f.province_code }, 'Phiên giao dịch việc làm');
    if (b.startDate < f.date)
      throw errors.badRequest(
        'PLACEMENT_BEFORE_FAIR',
        `Ngày bắt đầu làm việc (${b.startDate}) trước ngày tổ chức phiên giao dịch (${f.date}). Sửa ngày bắt đầu hoặc bỏ chọn phiên.`,
        [{ path: 'body.startDate', message: 'Không được trước ngày phiên giao dịch việc làm' }],
      );
    if (!(await fairsRepo.attendeeOf(trx, f.id, s.id)))
      problems.push({
        path: 'body.fairId',
        message: 'Người lao động chưa đăng ký tham dự phiên này; hãy ghi nhận tham dự trước',
      });
  }
  if (b.startDate < v.open_from)
    problems.push({ path: 'body.startDate', message: 'Ngày bắt đầu làm việc trước ngày doanh nghiệp đăng tuyển' });
  const filled =
    (await employersRepo.vacancies(trx, actor, { ids: [v.id] }, { limit: 1, offset: 0 })).rows[0]?.filled ?? 0;
  if (Number(filled) >= v.positions)
    problems.push({ path: 'body.vacancyId', message: `Vị trí này đã tuyển đủ ${v.positions} người` });
  if (problems.length) throw errors.validation(problems);
  const row = {
    ...areaOf(s),
    supply_id: s.id,
    vacancy_id: v.id,
    employer_id: v.employer_id,
    fair_id: b.fairId,
    referral_id: b.referralId,
    start_date: b.startDate,
    created_by: actor.username,
    created_at: nowIso(),
  };
  const id = await placementsRepo.insertPlacement(trx, row);
  if (b.referralId) await placementsRepo.setReferralOutcome(trx, b.referralId, 'hired');
  await audit({
    action: 'employment.placement.create',
    entity: 'emp_placements',
    entityId: id,
    areaCode: s.commune_code,
    after: row,
  });
  await recordJob(trx, audit, actor, s, {
    channel: 'centre_placement',
    date: b.startDate,
    sourceKind: 'placement',
    sourceId: id,
  });
  return id;
}

export function placementsUseCases({ database }: EmploymentDeps) {
  const db = database.db;
  return {
    /** A counselling event (career, job, policy ...) with the registration form used. */
    async counsel(actor: Actor, b: CounsellingBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        const row = {
          ...areaOf(s),
          supply_id: s.id,
          date: b.date,
          topic: b.topic,
          form: b.form,
          note: b.note,
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await placementsRepo.insertCounselling(trx, row);
        await audit({
          action: 'employment.counselling.create',
          entity: 'emp_counselling',
          entityId: id,
          areaCode: s.commune_code,
          after: row,
        });
        return { id, supplyId: s.id, date: b.date, topic: b.topic, form: b.form, note: b.note };
      });
    },

    /** Refer a worker to a vacancy (giới thiệu việc làm); the outcome follows. */
    async refer(actor: Actor, b: ReferralBody) {
      return inTransaction(database, actor, async (trx, audit) => {
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        const v = await employersRepo.vacancy(trx, b.vacancyId);
        if (!v) throw errors.notFound('Vị trí tuyển dụng');
        employmentPolicy.guard(actor, 'serve', { provinceCode: v.province_code }, 'Vị trí tuyển dụng');
        const row = {
          ...areaOf(s),
          supply_id: s.id,
          vacancy_id: v.id,
          date: b.date,
          outcome: 'pending',
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await placementsRepo.insertReferral(trx, row);
        await audit({
          action: 'employment.referral.create',
          entity: 'emp_referrals',
          entityId: id,
          areaCode: s.commune_code,
          after: row,
        });
        return { id, supplyId: s.id, vacancyId: v.id, date: b.date, outcome: 'pending' };
      });
    },

    async place(actor: Actor, b: PlacementBody): Promise<PlacementOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const s = await loadSupply(trx, actor, b.supplyId, 'serve');
        const id = await placeWorker(trx, audit, actor, s, b);
        return placementOut(trx, id);
      });
    },

    async getPlacement(actor: Actor, id: number): Promise<PlacementOut> {
      const p = await placementsRepo.placement(db, id);
      if (!p) throw errors.notFound('Việc giới thiệu');
      employmentPolicy.guard(actor, 'read', p, 'Việc giới thiệu');
      return placementOut(db, id);
    },

    /** A follow-up checkpoint (Mẫu 04): months 1 to 3, the last one at least three months on. */
    async checkpoint(actor: Actor, placementId: number, b: CheckpointBody): Promise<PlacementOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const p = await placementsRepo.placement(trx, placementId);
        if (!p) throw errors.notFound('Việc giới thiệu');
        employmentPolicy.guard(actor, 'serve', p, 'Việc giới thiệu');
        const problem = checkpointProblem(p.start_date, b.month, b.date);
        if (problem) throw errors.validation([{ path: 'body.date', message: problem }]);
        if ((await placementsRepo.checkpoints(trx, p.id)).some((c) => c.month === b.month))
          throw errors.conflict('CHECKPOINT_EXISTS', `Mốc tháng ${b.month} đã được ghi. Xem lại các mốc đã có.`);
        const row = {
          ...areaOf(p),
          placement_id: p.id,
          month: b.month,
          date: b.date,
          result: b.result,
          note: b.note,
          created_by: actor.username,
          created_at: nowIso(),
        };
        await placementsRepo.insertCheckpoint(trx, row);
        await audit({
          action: 'employment.placement.checkpoint',
          entity: 'emp_placements',
          entityId: p.id,
          areaCode: p.commune_code,
          after: row,
        });
        return placementOut(trx, p.id);
      });
    },
  };
}
