import type { AgenciesTables } from './schema-agencies.js';
import type { Generated } from 'kysely';
import type { ProgramsTables } from './schema-programs.js';
import type { DossiersTables } from './schema-dossiers.js';
import type { ReportsTables } from './schema-reports.js';
import type { PetitionsTables } from './schema-petitions.js';
import type { EmploymentTables } from './schema-employment.js';
import type { OrganisationTables } from './schema-organisation.js';
import type { ActivitiesTables } from './schema-activities.js';
import type { PovertyTables } from './schema-poverty.js';
import type { MeritTables } from './schema-merit.js';
import type { InteropTables } from './schema-interop.js';
import type { BackgroundJobsTables, ScaleTables } from './schema-scale.js';

/**
 * Table types. Conventions (docs/architecture.md "Data"): dates are 'YYYY-MM-DD' strings, instants
 * are UTC ISO strings, flags are 0/1 integers (the same on SQLite and PostgreSQL), money is an
 * integer number of đồng.
 */
export interface AreasTable {
  code: string;
  name: string;
  name_key: string;
  type: string;
  level: number;
  parent_code: string | null;
  /** '/70/689/25210/': the codes from the province down, for prefix scope checks. */
  path: string;
  valid_from: string;
  valid_to: string | null;
  list_id: string;
}

export interface AreaMappingsTable {
  id: Generated<number>;
  old_code: string;
  new_code: string;
  coverage: string;
  effective: string;
  list_from: string;
  list_to: string;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  full_name: string;
  /** searchKey(full_name): finds "Nguyễn Văn A" from "nguyen van a". */
  full_name_key: string;
  role: string;
  area_code: string;
  /** The agency the account works for (migration 0028); null: every agency of its province. */
  agency_code: string | null;
  disabled: number;
  must_change_password: number;
  is_demo: number;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
  succeeded: number;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  area_code: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** One row (id = 1): the last event of the chain, so a deleted tail is detected too. */
export interface AuditHeadTable {
  id: number;
  last_id: number;
  last_hash: string;
  count: number;
}

/** Failed public lookups, per scope ('lookup-ip', 'lookup-code', 'lists-ip') and key (migration 0009). */
export interface PublicAttemptsTable {
  id: Generated<number>;
  scope: string;
  key: string;
  at: string;
}

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface HouseholdsTable {
  id: Generated<number>;
  code: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  village: string | null;
  address: string | null;
  residence: string;
  phone: string | null;
  state: string;
  head_person_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PersonsTable {
  id: Generated<number>;
  household_id: number | null;
  relation: string | null;
  full_name: string;
  /** searchKey(full_name): lower case, no diacritics. */
  name_key: string;
  /** searchKey of the given name (last syllable), for "hưng" finding every Hưng. */
  given_key: string;
  /** vietnameseSortKey(full_name): byte order = Vietnamese order (given name first). */
  sort_key: string;
  gender: string;
  /** Partial date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
  birth_date: string;
  birth_year: number;
  citizen_id: string | null;
  old_id_number: string | null;
  ethnic_code: string | null;
  phone: string | null;
  disability: string | null;
  deceased_on: string | null;
  moved_out_on: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  village: string | null;
  merged_into_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StatusesTable {
  id: Generated<number>;
  kind: string;
  subject: string;
  person_id: number | null;
  household_id: number | null;
  category: string;
  year: number | null;
  degree: number | null;
  valid_from: string;
  valid_to: string | null;
  decision_no: string;
  decision_date: string;
  ended_reason: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  created_at: string;
}

export interface HouseholdEventsTable {
  id: Generated<number>;
  household_id: number;
  kind: string;
  date: string;
  note: string | null;
  related_household_id: number | null;
  created_at: string;
}

export interface DuplicateDecisionsTable {
  id: Generated<number>;
  person_a: number;
  person_b: number;
  decision: string;
  note: string | null;
  decided_by: string;
  decided_at: string;
}

export interface ImportJobsTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  file_sha256: string;
  mode: string;
  state: string;
  done: number;
  total: number;
  counts_json: string | null;
  message: string | null;
  rejected_xlsx: Uint8Array | null;
  area_code: string;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** Transfer requests between communes (migration 0016); area columns are the holding commune's. */
export interface RegistryTransferRequestsTable {
  id: Generated<number>;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  person_id: number;
  citizen_id: string;
  to_province_code: string;
  to_district_code: string | null;
  to_commune_code: string;
  note: string | null;
  state: string;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  refusal_reason: string | null;
}

/** Every table; each later module declares its own tables in `schema-<module>.ts`. */
export interface DB
  extends
    AgenciesTables,
    ProgramsTables,
    DossiersTables,
    ReportsTables,
    PetitionsTables,
    EmploymentTables,
    PovertyTables,
    MeritTables,
    InteropTables,
    OrganisationTables,
    ActivitiesTables,
    ScaleTables,
    BackgroundJobsTables {
  households: HouseholdsTable;
  persons: PersonsTable;
  statuses: StatusesTable;
  household_events: HouseholdEventsTable;
  duplicate_decisions: DuplicateDecisionsTable;
  import_jobs: ImportJobsTable;
  areas: AreasTable;
  area_mappings: AreaMappingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  settings: SettingsTable;
  public_attempts: PublicAttemptsTable;
  registry_transfer_requests: RegistryTransferRequestsTable;
}
