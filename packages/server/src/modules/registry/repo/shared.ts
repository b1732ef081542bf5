import type { AreaColumn } from '../../../platform/authz.js';

/** The one equality that limits a registry query to the actor's area (null: the system actor). */
export type Scope = { column: AreaColumn; code: string } | null;

/** Upper bound for a prefix range scan on a byte-ordered key column. */
export const prefixEnd = (p: string) => `${p}\u007f`;

/** The columns of a person in a list (search, household members, duplicates). */
export const LIST_COLUMNS = [
  'persons.id',
  'persons.household_id',
  'persons.full_name',
  'persons.gender',
  'persons.birth_date',
  'persons.citizen_id',
  'persons.ethnic_code',
  'persons.phone',
  'persons.commune_code',
  'persons.village',
  'persons.deceased_on',
  'persons.moved_out_on',
  'persons.relation',
] as const;
