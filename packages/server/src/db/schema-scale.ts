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
