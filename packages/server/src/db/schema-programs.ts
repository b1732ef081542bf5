import type { Generated } from 'kysely';

/** Tables of the support-programs module (see schema.ts for the conventions). */
export interface ProgramsTable {
  id: Generated<number>;
  code: string;
  name: string;
  legal_basis: string;
  legal_date: string | null;
  kind: string;
  unit: string;
  per: string;
  /** 'once' (one list per commune) or 'monthly' (one list per commune per month, period 'YYYY-MM'). */
  period_kind: string;
  ref_date: string;
  period_from: string;
  period_to: string | null;
  budget: number | null;
  funding_source: string | null;
  /** The programme group a report figure may name ('covid', 'tet'…), migration 0019. */
  group_code: string | null;
  /** The province whose catalogue this is (migration 0007); codes are unique within it. */
  province_code: string;
  is_demo: Generated<number>;
  /** 1: lists are imported from files of communes or employers, not generated (migration 0032). */
  list_by_import: Generated<number>;
  created_at: string;
  updated_at: string;
  /** The agency it belongs to (migration 0028); null: every agency of the province. */
  agency_code: string | null;
}

export interface ProgramRulesTable {
  id: Generated<number>;
  program_id: number;
  valid_from: string;
  valid_to: string | null;
  eligibility_json: string;
  amount_json: string;
  note: string | null;
  province_code: string;
  created_at: string;
}

export interface ProgramListsTable {
  id: Generated<number>;
  program_id: number;
  period: string;
  ref_date: string;
  /** 0: the main list; 1, 2…: supplementary lists (danh sách bổ sung) of an approved one. */
  seq: number;
  parent_list_id: number | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  levels: number;
  state: string;
  entries_count: Generated<number>;
  total_amount: Generated<number>;
  total_quantity_milli: Generated<number>;
  decision_no: string | null;
  decision_date: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ListEntriesTable {
  id: Generated<number>;
  list_id: number;
  program_id: number;
  period: string;
  person_id: number | null;
  household_id: number | null;
  /** 'p:<person id>' or 'h:<household id>'. */
  beneficiary_key: string;
  full_name: string;
  birth_date: string | null;
  citizen_id: string | null;
  village: string | null;
  category: string | null;
  amount: number;
  arrears_amount: Generated<number>;
  arrears_note: string | null;
  /** The months the arrears pay ('2024-05,2024-06'), so a later month does not pay them again. */
  arrears_months: string | null;
  /** In-kind quantity in thousandths of the unit (grams of rice for kg). */
  quantity_milli: Generated<number>;
  reason: string;
  manual: Generated<number>;
  manual_reason: string | null;
  /** '<program>:<period>:<beneficiary>' once the list is approved; unique. */
  approved_key: string | null;
  batch_id: number | null;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  created_at: string;
}

export interface ListStepsTable {
  id: Generated<number>;
  list_id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor: string;
  actor_level: number | null;
  comment: string | null;
  decision_no: string | null;
  decision_date: string | null;
  at: string;
}

export interface ListRemarksTable {
  id: Generated<number>;
  list_id: number;
  entry_id: number | null;
  author: string;
  text: string;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface PaymentBatchesTable {
  id: Generated<number>;
  program_id: number;
  period: string;
  channel: string;
  area_code: string;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  entries_count: number;
  total_amount: number;
  created_by: string;
  created_at: string;
}

export interface PaymentsTable {
  id: Generated<number>;
  entry_id: number;
  batch_id: number;
  program_id: number;
  period: string;
  state: string;
  amount: number;
  quantity_milli: Generated<number>;
  paid_on: string | null;
  reference: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
}

/** Where an imported entry came from (migration 0032): the unit, the employer, the file and row. */
export interface ListEntrySourcesTable {
  id: Generated<number>;
  entry_id: number;
  list_id: number;
  program_id: number;
  person_id: number;
  row_no: number;
  submitted_by: string;
  employer_name: string | null;
  employer_tax_code: string | null;
  /** 1 when the import created the registry person (nobody held the ID before). */
  person_created: Generated<number>;
  file_name: string;
  file_sha256: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  created_by: string;
  created_at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  username: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  created_at: string;
}

export interface ProgramsTables {
  programs: ProgramsTable;
  program_rules: ProgramRulesTable;
  program_lists: ProgramListsTable;
  list_entries: ListEntriesTable;
  list_steps: ListStepsTable;
  list_remarks: ListRemarksTable;
  payment_batches: PaymentBatchesTable;
  payments: PaymentsTable;
  idempotency_keys: IdempotencyKeysTable;
  list_entry_sources: ListEntrySourcesTable;
}
