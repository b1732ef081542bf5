import {
  cleanText,
  searchKey,
  type AttendeeOutcomeBody,
  type CreateFairBody,
  type FairEmployerBody,
  type FairOut,
} from '@ansinh/domain';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { inTransaction, nowIso } from '../../../platform/context.js';
import { errors } from '../../../platform/errors.js';
import { employmentPolicy } from '../employment.policy.js';
import { presentVacancy, showId } from '../employment.presenter.js';
import { employersRepo } from '../repo/employers.repo.js';
import { fairsRepo } from '../repo/fairs.repo.js';
import { supplyRepo } from '../repo/supply.repo.js';
import { areaOf, districtCodes, loadSupply, pageArgs, type EmploymentDeps } from './common.js';
import { placeWorker } from './placements.js';

type FairRow = NonNullable<Awaited<ReturnType<typeof fairsRepo.get>>>;

async function loadFair(ex: Executor, actor: Actor, id: number, action: 'read' | 'serve'): Promise<FairRow> {
  const f = await fairsRepo.get(ex, id);
  if (!f) throw errors.notFound('Phiên giao dịch việc làm');
  employmentPolicy.guard(actor, action, { provinceCode: f.province_code }, 'Phiên giao dịch việc làm');
  return f;
}

/** Job fairs: "N phiên, M doanh nghiệp, K lao động" come from these records (NĐ 23/2021 Art. 13(3)). */
export function fairsUseCases({ database }: EmploymentDeps) {
  const db = database.db;

  async function fairOut(ex: Executor, actor: Actor, f: FairRow): Promise<FairOut> {
    const [employers, vacancyIds, attendees] = await Promise.all([
      fairsRepo.employers(ex, f.id),
      fairsRepo.vacancyIds(ex, f.id),
      fairsRepo.attendees(ex, f.id),
    ]);
    const vacancies = (
      await employersRepo.vacancies(ex, actor, { ids: vacancyIds }, { limit: 500, offset: 0 })
    ).rows.map(presentVacancy);
    return {
      id: f.id,
      name: f.name,
      date: f.date,
      place: f.place,
      mode: f.mode,
      districtCode: f.district_code,
      employers,
      vacancies,
      counts: {
        employers: employers.length,
        vacancies: vacancies.length,
        positions: vacancies.reduce((n, v) => n + v.positions, 0),
        attendees: attendees.length,
        interviewed: attendees.filter((a) => a.interviewed_by !== null).length,
        hired: attendees.filter((a) => a.hired_vacancy_id !== null).length,
      },
      attendees: attendees.map((a) => ({
        id: a.id,
        supplyId: a.supply_id,
        fullName: a.full_name,
        citizenId: showId(actor, a.citizen_id),
        checkedInAt: a.checked_in_at,
        interviewedBy: a.interviewed_by,
        hiredVacancyId: a.hired_vacancy_id,
        placementId: a.placement_id,
      })),
    };
  }

  return {
    async createFair(actor: Actor, b: CreateFairBody): Promise<FairOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const area = await districtCodes(trx, actor, b.districtCode);
        employmentPolicy.guard(actor, 'serve', { provinceCode: area.province_code });
        const row = {
          ...area,
          name: cleanText(b.name),
          date: b.date,
          place: cleanText(b.place),
          mode: b.mode,
          created_by: actor.username,
          created_at: nowIso(),
        };
        const id = await fairsRepo.insert(trx, row);
        await audit({
          action: 'employment.fair.create',
          entity: 'emp_fairs',
          entityId: id,
          areaCode: area.district_code ?? area.province_code,
          after: row,
        });
        return fairOut(trx, actor, (await fairsRepo.get(trx, id))!);
      });
    },

    async listFairs(actor: Actor, q: { year?: number | undefined; page: number; pageSize: number }) {
      employmentPolicy.guard(actor, 'read');
      const { total, rows } = await fairsRepo.page(db, actor, q.year, pageArgs(q));
      const items = [];
      for (const f of rows) {
        const { employers: _e, vacancies: _v, attendees: _a, ...summary } = await fairOut(db, actor, f);
        items.push(summary);
      }
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async getFair(actor: Actor, id: number): Promise<FairOut> {
      return fairOut(db, actor, await loadFair(db, actor, id, 'read'));
    },

    /** An employer taking part, with the vacancies it offers at the fair (its own only). */
    async addEmployer(actor: Actor, id: number, b: FairEmployerBody): Promise<FairOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const f = await loadFair(trx, actor, id, 'serve');
        const e = await employersRepo.get(trx, b.employerId);
        if (!e || e.province_code !== f.province_code) throw errors.notFound('Doanh nghiệp');
        for (const v of b.vacancyIds) {
          const vac = await employersRepo.vacancy(trx, v);
          if (!vac || vac.employer_id !== e.id)
            throw errors.validation([
              { path: 'body.vacancyIds', message: `Vị trí ${v} không phải của doanh nghiệp này` },
            ]);
        }
        await fairsRepo.addEmployer(trx, f, e.id, b.vacancyIds);
        await audit({
          action: 'employment.fair.employer',
          entity: 'emp_fairs',
          entityId: f.id,
          areaCode: f.province_code,
          after: b,
        });
        return fairOut(trx, actor, f);
      });
    },

    /**
     * People to check in, for a queue at the door: by personal ID (digits) or by name typed
     * without accents, at most 10, each saying whether they are already in.
     */
    async searchCheckIn(actor: Actor, id: number, text: string) {
      const f = await loadFair(db, actor, id, 'serve');
      const byId = /^\d+$/.test(text);
      const rows = await supplyRepo.search(db, actor, byId ? text : searchKey(text), byId, 10);
      const inside = await fairsRepo.checkedIn(
        db,
        f.id,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) => ({
          supplyId: r.id,
          fullName: r.full_name,
          citizenId: r.citizen_id,
          birthDate: r.birth_date,
          communeCode: r.commune_code,
          checkedIn: inside.has(r.id),
        })),
      };
    },

    /** Check a worker in; checking in twice answers the same attendee. */
    async checkIn(actor: Actor, id: number, supplyId: number) {
      return inTransaction(database, actor, async (trx, audit) => {
        const f = await loadFair(trx, actor, id, 'serve');
        const s = await loadSupply(trx, actor, supplyId, 'serve');
        const prior = await fairsRepo.attendeeOf(trx, f.id, s.id);
        if (!prior) {
          const row = {
            ...areaOf(s),
            supply_id: s.id,
            fair_id: f.id,
            checked_in_at: nowIso(),
            checked_in_by: actor.username,
            interviewed_by: null,
            hired_vacancy_id: null,
            placement_id: null,
          };
          const aid = await fairsRepo.insertAttendee(trx, row);
          await audit({
            action: 'employment.fair.check_in',
            entity: 'emp_fair_attendees',
            entityId: aid,
            areaCode: s.commune_code,
            after: row,
          });
        }
        return fairOut(trx, actor, f);
      });
    },

    /** An attendee interviewed by an employer and/or hired for a vacancy (which places them). */
    async attendeeOutcome(actor: Actor, id: number, attendeeId: number, b: AttendeeOutcomeBody): Promise<FairOut> {
      return inTransaction(database, actor, async (trx, audit) => {
        const f = await loadFair(trx, actor, id, 'serve');
        const a = await fairsRepo.attendee(trx, attendeeId);
        if (!a || a.fair_id !== f.id) throw errors.notFound('Người tham dự');
        const s = await loadSupply(trx, actor, a.supply_id, 'serve');
        const set: { interviewed_by?: number | null; hired_vacancy_id?: number | null; placement_id?: number | null } =
          {};
        if (b.interviewedBy !== undefined) {
          if (b.interviewedBy !== null && !(await fairsRepo.hasEmployer(trx, f.id, b.interviewedBy)))
            throw errors.validation([{ path: 'body.interviewedBy', message: 'Doanh nghiệp này không tham gia phiên' }]);
          set.interviewed_by = b.interviewedBy;
        }
        if (b.hiredVacancyId) {
          if (a.placement_id)
            throw errors.conflict('ALREADY_HIRED', 'Người này đã được ghi nhận trúng tuyển tại phiên này.');
          if (!(await fairsRepo.vacancyIds(trx, f.id)).includes(b.hiredVacancyId))
            throw errors.validation([{ path: 'body.hiredVacancyId', message: 'Vị trí này không được chào tại phiên' }]);
          set.hired_vacancy_id = b.hiredVacancyId;
          set.placement_id = await placeWorker(trx, audit, actor, s, {
            vacancyId: b.hiredVacancyId,
            startDate: b.hiredOn ?? f.date,
            fairId: f.id,
            referralId: null,
          });
          if (set.interviewed_by === undefined && a.interviewed_by === null) {
            const v = await employersRepo.vacancy(trx, b.hiredVacancyId);
            set.interviewed_by = v?.employer_id ?? null;
          }
        }
        if (Object.keys(set).length) {
          await fairsRepo.updateAttendee(trx, a.id, set);
          await audit({
            action: 'employment.fair.outcome',
            entity: 'emp_fair_attendees',
            entityId: a.id,
            areaCode: s.commune_code,
            before: a,
            after: set,
          });
        }
        return fairOut(trx, actor, f);
      });
    },
  };
}
