import type { Generated } from 'kysely';

/** Tables of the petitions module (migration 0010; see schema.ts for the conventions). */
interface AreaColumns {
  /** The area the record belongs to: a commune's path, or the province's for the department. */
  area_path: string;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}

export interface PetitionSessionsTable extends AreaColumns {
  id: Generated<number>;
  kind: string;
  date: string;
  host: string;
  place: string;
  notice_ref: string | null;
  recording_ref: string | null;
  note: string;
  created_by: string;
  created_at: string;
}

/** One line of the reception book (Mẫu 03/TCD). */
export interface PetitionEntriesTable extends AreaColumns {
  id: Generated<number>;
  session_id: number | null;
  year: number;
  seq: number;
  date: string;
  /** Null when restricted (a denunciation): the identity is in petition_identities. */
  name: string | null;
  address: string | null;
  id_number: string | null;
  identity_restricted: number;
  summary: string;
  kind: string;
  people: number;
  settled_by: string | null;
  within_competence: number;
  guidance: string | null;
  accepted_by: string | null;
  follow_up: string | null;
  note: string;
  statement_signed: number;
  created_by: string;
  created_at: string;
}

export interface PetitionCallsTable extends AreaColumns {
  id: Generated<number>;
  called_at: string;
  called_date: string;
  caller_name: string | null;
  caller_phone: string | null;
  topic: string;
  program_code: string | null;
  answer: string;
  forwarded_to: string | null;
  letter_id: number | null;
  created_by: string;
  created_at: string;
}

export interface PetitionLettersTable extends AreaColumns {
  id: Generated<number>;
  code: string;
  parent_id: number | null;
  received_date: string;
  channel: string;
  sender_name: string | null;
  sender_address: string | null;
  sender_id_number: string | null;
  sender_phone: string | null;
  identity_restricted: number;
  summary: string;
  kind: string | null;
  signers: number;
  source_body: string | null;
  call_id: number | null;
  /** The registry person who wrote it (null for a denunciation: see petition_identities). */
  person_id: number | null;
  fit: number | null;
  failed_json: string;
  within_competence: number | null;
  decision: string | null;
  decision_date: string | null;
  decision_to: string | null;
  decision_ref: string | null;
  transfers: number;
  state: string;
  /** The Art. 28 citizen notice due date (10 working days from receipt). */
  notice_due: string | null;
  notified_date: string | null;
  case_id: number | null;
  assignee_id: number | null;
  /** The denunciation check extended to 10 working days on this date (migration 0023). */
  check_extended_date: string | null;
  check_extension_reason: string | null;
  /** The earlier letter of the same content (migration 0023). */
  same_content_of: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The restricted identity of a denouncer (owner 'letter' or 'entry'). */
export interface PetitionIdentitiesTable {
  id: Generated<number>;
  owner: string;
  owner_id: number;
  name: string;
  address: string;
  id_number: string | null;
  phone: string | null;
  person_id: number | null;
  province_code: string;
  created_at: string;
}

export interface PetitionCasesTable extends AreaColumns {
  id: Generated<number>;
  code: string;
  kind: string;
  instance: number | null;
  letter_id: number;
  summary: string;
  received_date: string;
  accepted_date: string;
  complex: number;
  remote: number;
  extensions: number;
  group_case: number;
  state: string;
  result: string | null;
  decided_date: string | null;
  /** Null while suspended (the due date is then unknown). */
  settle_due: string | null;
  on_time: number | null;
  assignee_id: number | null;
  /** 1 when the denunciation check of its letter was extended (migration 0023). */
  check_extended: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PetitionCaseStepsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  date: string;
  note: string;
  document_ref: string | null;
  result: string | null;
  province_code: string;
  created_by: string;
  created_at: string;
}

export interface PetitionClockEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  date: string;
  province_code: string;
  created_at: string;
}

export interface PetitionsTables {
  petition_sessions: PetitionSessionsTable;
  petition_entries: PetitionEntriesTable;
  petition_calls: PetitionCallsTable;
  petition_letters: PetitionLettersTable;
  petition_identities: PetitionIdentitiesTable;
  petition_cases: PetitionCasesTable;
  petition_case_steps: PetitionCaseStepsTable;
  petition_clock_events: PetitionClockEventsTable;
}
