import type { Generated } from 'kysely';

/** Tables of the employment module (migration 0012; see schema.ts for the conventions). */
export interface EmploymentTables {
  emp_supply: EmpSupplyTable;
  emp_supply_events: EmpSupplyEventsTable;
  emp_employers: EmpEmployersTable;
  emp_vacancies: EmpVacanciesTable;
  emp_counselling: EmpCounsellingTable;
  emp_referrals: EmpReferralsTable;
  emp_fairs: EmpFairsTable;
  emp_fair_employers: EmpFairEmployersTable;
  emp_fair_vacancies: EmpFairVacanciesTable;
  emp_fair_attendees: EmpFairAttendeesTable;
  emp_placements: EmpPlacementsTable;
  emp_placement_checkpoints: EmpPlacementCheckpointsTable;
  emp_courses: EmpCoursesTable;
  emp_enrolments: EmpEnrolmentsTable;
  emp_abroad: EmpAbroadTable;
  emp_jobs: EmpJobsTable;
}

interface Area {
  province_code: string;
  district_code: string | null;
  commune_code: string;
}
interface MaybeCommune {
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}
interface Stamp {
  created_by: string;
  created_at: string;
}

/** A labour supply record (TT 01/2022 Mẫu 01): one per person, by personal ID. */
export interface EmpSupplyTable extends Area, Stamp {
  id: Generated<number>;
  person_id: number | null;
  citizen_id: string;
  full_name: string;
  name_key: string;
  birth_date: string;
  gender: string;
  ethnic_code: string | null;
  collected_on: string;
  schooling: string | null;
  qualification: string | null;
  field: string | null;
  employment_status: string;
  job_title: string | null;
  workplace_type: string | null;
  industry: string | null;
  work_address: string | null;
  previous_job: string | null;
  unemployment_duration: string | null;
  inactive_reason: string | null;
  /** Comma-separated codes of NEEDS. */
  needs: string;
  phone: string | null;
  updated_at: string;
}

export interface EmpSupplyEventsTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  kind: string;
  date: string;
  changes_json: string;
  note: string | null;
}

export interface EmpEmployersTable extends Area, Stamp {
  id: Generated<number>;
  name: string;
  name_key: string;
  tax_code: string;
  industry: string | null;
  address: string | null;
  phone: string | null;
}

export interface EmpVacanciesTable extends Area, Stamp {
  id: Generated<number>;
  employer_id: number;
  title: string;
  title_key: string;
  positions: number;
  qualification: string | null;
  wage_min: number | null;
  wage_max: number | null;
  work_place: string | null;
  open_from: string;
  open_to: string | null;
}

export interface EmpCounsellingTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  date: string;
  topic: string;
  form: string | null;
  note: string | null;
}

export interface EmpReferralsTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  vacancy_id: number;
  date: string;
  outcome: string;
}

export interface EmpFairsTable extends MaybeCommune, Stamp {
  id: Generated<number>;
  name: string;
  date: string;
  place: string;
  mode: string;
}

export interface EmpFairEmployersTable extends MaybeCommune {
  id: Generated<number>;
  fair_id: number;
  employer_id: number;
}

export interface EmpFairVacanciesTable extends MaybeCommune {
  id: Generated<number>;
  fair_id: number;
  vacancy_id: number;
}

export interface EmpFairAttendeesTable extends Area {
  id: Generated<number>;
  supply_id: number;
  fair_id: number;
  checked_in_at: string;
  checked_in_by: string;
  interviewed_by: number | null;
  hired_vacancy_id: number | null;
  placement_id: number | null;
}

export interface EmpPlacementsTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  vacancy_id: number;
  employer_id: number;
  fair_id: number | null;
  referral_id: number | null;
  start_date: string;
}

export interface EmpPlacementCheckpointsTable extends Area, Stamp {
  id: Generated<number>;
  placement_id: number;
  month: number;
  date: string;
  result: string;
  note: string | null;
}

export interface EmpCoursesTable extends MaybeCommune, Stamp {
  id: Generated<number>;
  name: string;
  occupation: string;
  level: string;
  provider: string;
  start_date: string;
  end_date: string;
}

export interface EmpEnrolmentsTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  course_id: number;
  support_group: string | null;
  supported: number;
  support_ceiling: number | null;
  start_date: string;
  completed_on: string | null;
  passed: number | null;
  job_after: Generated<number>;
}

export interface EmpAbroadTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  form: string;
  company: string | null;
  country: string;
  received_on: string | null;
  registration_due: string | null;
  registered_on: string | null;
  departure_date: string | null;
  return_date: string | null;
}

/** One job created, with its channel and person; `counted` on the first of a person in a year. */
export interface EmpJobsTable extends Area, Stamp {
  id: Generated<number>;
  supply_id: number;
  citizen_id: string;
  channel: string;
  date: string;
  year: number;
  counted: number;
  source_kind: string | null;
  source_id: number | null;
  note: string | null;
}
