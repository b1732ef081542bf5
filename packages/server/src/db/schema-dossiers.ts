import type { Generated } from 'kysely';

/** Tables of the administrative-procedures module (see schema.ts for the conventions). */
export interface ProceduresTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_key: string;
  field: string;
  decision_level: string;
  /** JSON [{level, days}], top of the path last: the order a dossier passes through. */
  path_json: string;
  total_days: number;
  fee: number;
  documents_json: string;
  result_document: string;
  online_mode: string;
  online_level: number | null;
  on_national_portal: number;
  legal_basis: string;
  active: number;
  /** The province whose catalogue this is (migration 0007); codes are unique within it. */
  province_code: string;
  is_demo: number;
  created_at: string;
  updated_at: string;
  /** The agency it belongs to (migration 0028); null: every agency of the province. */
  agency_code: string | null;
}

/**
 * The procedure catalogue over time (migration 0018): from `valid_from`, whether the procedure was
 * in the catalogue and how far online. The catalogue on a date is each procedure's latest version
 * from on or before it.
 */
export interface ProcedureVersionsTable {
  id: Generated<number>;
  procedure_id: number;
  province_code: string;
  valid_from: string;
  active: number;
  online_mode: string;
  online_level: number | null;
  recorded_at: string;
}

export interface DossiersTable {
  id: Generated<number>;
  code: string;
  /** The receiving agency's code and the receipt date: the sequence of the official code. */
  agency_code: string;
  procedure_id: number;
  person_id: number | null;
  applicant_name: string;
  applicant_name_key: string;
  applicant_phone: string | null;
  applicant_id_number: string | null;
  applicant_address: string;
  channel: string;
  delivery: string;
  assisted_by: string | null;
  assisted_reason: string | null;
  assisted_note: string;
  documents_json: string;
  note: string;
  state: string;
  /** The step (dossier_steps.seq) that holds the dossier now, and its level and area. */
  current_seq: number | null;
  current_level: string | null;
  current_area_code: string | null;
  level_due_date: string | null;
  received_at: string;
  received_date: string;
  received_by: string;
  receiving_area_code: string;
  start_date: string;
  /** The legal due date (moved only by a supplement's pause), and the date promised. */
  due_date: string;
  appointment_date: string;
  apologies: number;
  apology_reason: string | null;
  supplement_request: string | null;
  paused_on: string | null;
  settled_date: string | null;
  timeliness: string | null;
  late_level: string | null;
  outcome_note: string | null;
  returned_at: string | null;
  closed_date: string | null;
  /** Printed on the receipt; with the phone number, what a citizen's lookup needs (migration 0009). */
  lookup_secret: string | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  created_at: string;
  updated_at: string;
}

export interface DossierStepsTable {
  id: Generated<number>;
  dossier_id: number;
  seq: number;
  level: string;
  area_code: string;
  days: number;
  started_at: string | null;
  start_date: string | null;
  due_date: string | null;
  finished_at: string | null;
  finished_date: string | null;
  paused_days: number;
  timeliness: string | null;
}

export interface DossierEventsTable {
  id: Generated<number>;
  dossier_id: number;
  at: string;
  actor: string;
  action: string;
  level: string | null;
  area_code: string | null;
  note: string;
}

export interface DossierFilesTable {
  id: Generated<number>;
  dossier_id: number;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
}

export interface DossierOutboxTable {
  id: Generated<number>;
  dossier_id: number;
  kind: string;
  recipient: string;
  message: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface DossiersTables {
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  dossiers: DossiersTable;
  dossier_steps: DossierStepsTable;
  dossier_events: DossierEventsTable;
  dossier_files: DossierFilesTable;
  dossier_outbox: DossierOutboxTable;
}
