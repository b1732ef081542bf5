import { definePolicy } from '../../platform/authz.js';

/**
 * The registry is worked by commune officers, checked by district officers, and overseen by
 * the Department; leaders and inspectors read it. Supervisors see only published lists, not the
 * registry.
 *
 * Records are registry rows (persons, households, statuses: `{ province_code, district_code,
 * commune_code }`) or an area (`{ areaPath }`) for a filter or a new record's commune. `guard`
 * answers 404 for a record outside the actor's area, 403 for a role not in the row.
 */
export const registryPolicy = definePolicy('registry', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  write: ['province_officer', 'district_officer', 'commune_officer'],
  import: ['province_officer', 'district_officer', 'commune_officer'],
  merge: ['province_officer', 'district_officer', 'commune_officer'],
  export: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
});

export type RegistryAction = keyof typeof registryPolicy.table;
