import { definePolicy } from '../../platform/authz.js';

/**
 * The registry is worked by commune officers, checked by district officers, and overseen by
 * the Department; leaders and inspectors read it. Supervisors see only published lists, not the
 * registry.
 */
export const registryPolicy = definePolicy('registry', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  write: ['province_officer', 'district_officer', 'commune_officer'],
  import: ['province_officer', 'district_officer', 'commune_officer'],
  merge: ['province_officer', 'district_officer', 'commune_officer'],
  export: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
});
