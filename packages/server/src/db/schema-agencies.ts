import type { Generated } from 'kysely';

/** Tables of the agencies module (see schema.ts for the conventions; migration 0028). */
export interface AgenciesTables {
  agencies: AgenciesTable;
}

/** An agency of a province (the Sở Nội vụ, the Sở Y tế ...): what its reports carry in their header. */
export interface AgenciesTable {
  id: Generated<number>;
  province_code: string;
  /** Unique in the province: users, programs, procedures and reports point at it. */
  code: string;
  name: string;
  header_name: string;
  parent_name: string;
  symbol: string;
  place: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  recipients_json: string;
  fields_json: string;
  active_from: string | null;
  active_to: string | null;
  created_at: string;
  updated_at: string;
}
