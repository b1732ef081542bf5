import type { Generated, Selectable } from 'kysely';

/** Tables of the merit module (migration 0013-merit). Area codes on every row. */
interface Area {
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
}

export interface MeritRecordsTable extends Area {
  id: Generated<number>;
  person_id: number;
  full_name: string;
  name_key: string;
  category: string;
  degree: number | null;
  dossier_code: string;
  custodian: string;
  retention: string;
  /** managed | transferring | transferred_out */
  state: string;
  /** The procedure dossier (dossiers module) that opened the record (migration 0026). */
  dossier_id: number | null;
  created_at: string;
  updated_at: string;
}
export interface MeritRelativesTable extends Area {
  id: Generated<number>;
  record_id: number;
  person_id: number | null;
  full_name: string;
  relation: string;
  created_at: string;
}
export interface MeritExtractsTable extends Area {
  id: Generated<number>;
  record_id: number;
  form: string;
  issued_on: string;
  issued_to: string;
  created_at: string;
}
export interface MeritDecisionsTable extends Area {
  id: Generated<number>;
  record_id: number;
  kind: string;
  effective_month: string;
  decision_no: string;
  decision_date: string;
  form: string | null;
  monthly_amount: number;
  reason: string;
  dossier_id: number | null;
  created_at: string;
}
export interface MeritTransfersTable extends Area {
  id: Generated<number>;
  record_id: number | null;
  direction: string;
  other_province_code: string;
  person_name: string;
  dossier_code: string;
  state: string;
  requested_on: string;
  slip_no: string | null;
  slip_on: string | null;
  posted_on: string | null;
  received_on: string | null;
  registered_on: string | null;
  returned_on: string | null;
  return_reason: string | null;
  created_at: string;
  updated_at: string;
}
export interface MeritCemeteriesTable extends Area {
  id: Generated<number>;
  name: string;
  name_key: string;
  level: string;
  created_at: string;
}
export interface MeritMartyrsTable extends Area {
  id: Generated<number>;
  full_name: string;
  search_key: string;
  hometown: string;
  birth_year: number | null;
  death_date: string | null;
  death_year: number | null;
  unit: string;
  info_status: string;
  record_id: number | null;
  created_at: string;
}
export interface MeritGravesTable extends Area {
  id: Generated<number>;
  martyr_id: number | null;
  cemetery_id: number | null;
  location: string;
  position: string;
  search_key: string;
  identified: number;
  mass_grave: number;
  headstone: string;
  created_at: string;
}
/** Word-start keys of a grave's martyr name and hometown (migration 0025), for the grave search. */
export interface MeritGraveKeysTable extends Area {
  grave_id: number;
  key: string;
}
export interface MeritGraveEventsTable extends Area {
  id: Generated<number>;
  grave_id: number;
  /** visit | move */
  kind: string;
  on_date: string;
  person_name: string;
  letter_on: string | null;
  support_amount: number;
  note: string;
  created_at: string;
}
export interface MeritRemainsIntakesTable extends Area {
  id: Generated<number>;
  team: string;
  received_on: string;
  remains_count: number;
  identified_count: number;
  handover_form: string;
  reburied_on: string | null;
  created_at: string;
}
export interface MeritDnaSamplesTable extends Area {
  id: Generated<number>;
  code: string;
  kind: string;
  intake_id: number | null;
  grave_id: number | null;
  relative_name: string | null;
  relation: string | null;
  received_on: string;
  taken_on: string;
  dispatched_on: string | null;
  lab: string | null;
  result_on: string | null;
  outcome: string | null;
  matched_martyr_id: number | null;
  returned_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface MeritIdentificationsTable extends Area {
  id: Generated<number>;
  sample_id: number | null;
  grave_id: number;
  martyr_id: number;
  decision_no: string;
  decision_on: string;
  headstone_on: string | null;
  created_at: string;
}
export interface MeritGiftCampaignsTable extends Area {
  id: Generated<number>;
  occasion: string;
  year: number;
  source: string;
  title: string;
  decision_no: string;
  decision_date: string;
  amounts_json: string;
  created_at: string;
}
export interface MeritGiftsTable extends Area {
  id: Generated<number>;
  campaign_id: number;
  record_id: number;
  amount: number;
  given_on: string;
  created_at: string;
}
export interface MeritHousingTable extends Area {
  id: Generated<number>;
  record_id: number;
  kind: string;
  floor_area: number;
  amount: number;
  decided_on: string;
  completed_on: string | null;
  created_at: string;
}

export interface MeritTables {
  merit_records: MeritRecordsTable;
  merit_relatives: MeritRelativesTable;
  merit_extracts: MeritExtractsTable;
  merit_decisions: MeritDecisionsTable;
  merit_transfers: MeritTransfersTable;
  merit_cemeteries: MeritCemeteriesTable;
  merit_martyrs: MeritMartyrsTable;
  merit_graves: MeritGravesTable;
  merit_grave_keys: MeritGraveKeysTable;
  merit_grave_events: MeritGraveEventsTable;
  merit_remains_intakes: MeritRemainsIntakesTable;
  merit_dna_samples: MeritDnaSamplesTable;
  merit_identifications: MeritIdentificationsTable;
  merit_gift_campaigns: MeritGiftCampaignsTable;
  merit_gifts: MeritGiftsTable;
  merit_housing: MeritHousingTable;
}

/** Row types as read (for presenters, which do not import Kysely). */
export type MeritRecordRow = Selectable<MeritRecordsTable>;
export type MeritDecisionRow = Selectable<MeritDecisionsTable>;
export type MeritTransferRow = Selectable<MeritTransfersTable>;
export type MeritIntakeRow = Selectable<MeritRemainsIntakesTable>;
export type MeritSampleRow = Selectable<MeritDnaSamplesTable>;
