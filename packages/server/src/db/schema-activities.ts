import type { Generated } from 'kysely';

/** Tables of the activities register (migration 0031; see schema.ts for the conventions). */
export interface ActivitiesTables {
  activities: ActivitiesTable;
}

export interface ActivitiesTable {
  id: Generated<number>;
  area_path: string;
  province_code: string;
  district_code: string | null;
  commune_code: string | null;
  kind: string;
  topic: string;
  title: string;
  start_date: string;
  end_date: string | null;
  place: string;
  organiser: string;
  target_group: string;
  participants_total: number;
  participants_female: number;
  /** JSON: [{ "group": "Cán bộ xã", "count": 20 }]. */
  participant_groups: string;
  cost: number;
  note: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}
