import { followUpState, maskCitizenId, type SupplyOut } from '@ansinh/domain';
import type { Actor } from '../../platform/actor.js';
import type { SupplyRow } from './repo/supply.repo.js';
import type { VacancyRow } from './repo/employers.repo.js';

/** Readers who see personal IDs masked: they read figures, they do not serve people. */
const MASKED = new Set(['province_leader', 'inspector']);
export const showId = (actor: Actor, id: string): string => (MASKED.has(actor.role) ? maskCitizenId(id) : id);

export function presentSupply(actor: Actor, r: SupplyRow): SupplyOut {
  return {
    id: r.id,
    personId: r.person_id,
    citizenId: showId(actor, r.citizen_id),
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    ethnicCode: r.ethnic_code,
    communeCode: r.commune_code,
    districtCode: r.district_code,
    collectedOn: r.collected_on,
    schooling: r.schooling,
    qualification: r.qualification,
    field: r.field,
    employmentStatus: r.employment_status,
    jobTitle: r.job_title,
    workplaceType: r.workplace_type,
    industry: r.industry,
    workAddress: r.work_address,
    previousJob: r.previous_job,
    unemploymentDuration: r.unemployment_duration,
    inactiveReason: r.inactive_reason,
    needs: r.needs ? r.needs.split(',') : [],
    phone: r.phone,
    updatedAt: r.updated_at,
  };
}

export function presentVacancy(r: VacancyRow) {
  return {
    id: r.id,
    employerId: r.employer_id,
    employerName: r.employer_name,
    title: r.title,
    positions: r.positions,
    filled: Number(r.filled ?? 0),
    qualification: r.qualification,
    wageMin: r.wage_min,
    wageMax: r.wage_max,
    workPlace: r.work_place,
    openFrom: r.open_from,
    openTo: r.open_to,
  };
}

export function presentPlacement(
  p: {
    id: number;
    supply_id: number;
    full_name: string;
    vacancy_id: number;
    title: string;
    employer_name: string;
    fair_id: number | null;
    start_date: string;
  },
  checkpoints: { month: number; date: string; result: string; note: string | null }[],
  jobCounted: boolean,
  today: string,
) {
  const state = followUpState(
    p.start_date,
    checkpoints.map((c) => ({ month: c.month, date: c.date, result: c.result as 'working' })),
    today,
  );
  return {
    id: p.id,
    supplyId: p.supply_id,
    fullName: p.full_name,
    vacancyId: p.vacancy_id,
    title: p.title,
    employerName: p.employer_name,
    fairId: p.fair_id,
    startDate: p.start_date,
    checkpoints,
    followUp: state,
    jobCounted,
  };
}
