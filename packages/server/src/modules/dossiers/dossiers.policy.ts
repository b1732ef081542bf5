import { definePolicy } from '../../platform/authz.js';

/**
 * Officers of each level receive dossiers at their counter and act on those their level holds
 * (the service also checks that the actor's area is the holder); the Department keeps the
 * procedure catalogue; leaders and inspectors read and see statistics.
 */
export const dossiersPolicy = definePolicy('dossiers', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  receive: ['province_officer', 'district_officer', 'commune_officer'],
  process: ['province_officer', 'district_officer', 'commune_officer'],
  catalogue: ['province_officer'],
  stats: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
});
