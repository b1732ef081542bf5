import type { Generated } from 'kysely';

/** Tables of the organisation register (migration 0030; see schema.ts for the conventions). */
export interface OrganisationTables {
  org_units: OrgUnitsTable;
  org_staffing: OrgStaffingTable;
}

export interface OrgUnitsTable {
  id: Generated<number>;
  province_code: string;
  agency_code: string | null;
  name: string;
  kind: string;
  parent_id: number | null;
  active_from: string;
  active_to: string | null;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OrgStaffingTable {
  id: Generated<number>;
  province_code: string;
  agency_code: string | null;
  year: number;
  approved_posts: number;
  staff_start: number;
  staff_end: number;
  staff_cut: number;
  trained_political: number;
  trained_state_management: number;
  trained_professional: number;
  trained_other: number;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}
