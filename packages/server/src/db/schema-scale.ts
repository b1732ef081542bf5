import type { Generated } from 'kysely';

/** Tables that let several app servers share one database (migration 0034). */
export interface ImportJobInputsTable {
  job_id: number;
  actor_json: string;
  file_data: Uint8Array;
  attempts: Generated<number>;
  lease_until: string | null;
  created_at: string;
}

export interface ImportChecksTable {
  key: string;
  fingerprint: string;
  counts_json: string;
  rows_gz: Uint8Array;
  created_at: string;
}

export interface ClusterMarksTable {
  name: string;
  at: string;
}

export interface ScaleTables {
  cluster_marks: ClusterMarksTable;
  import_job_inputs: ImportJobInputsTable;
  import_checks: ImportChecksTable;
}

/** A background job (migration 0038): generic record, polled by the web. */
export interface BackgroundJobsTable {
  id: Generated<number>;
  province_code: string;
  area_path: string;
  agency_code: string | null;
  kind: string;
  state: string;
  done: Generated<number>;
  total: Generated<number>;
  input_json: string;
  result_json: string | null;
  file_name: string | null;
  file_data: Uint8Array | null;
  error_code: string | null;
  error_message: string | null;
  actor_json: string;
  created_by: string;
  attempts: Generated<number>;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface BackgroundJobsTables {
  background_jobs: BackgroundJobsTable;
}
