import type { Generated } from 'kysely';

/**
 * Table types. Conventions (ARCHITECTURE.md "Data"): dates are 'YYYY-MM-DD' strings, instants
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

export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface DB {
  areas: AreasTable;
  area_mappings: AreaMappingsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  settings: SettingsTable;
}
