import { definePolicy } from '../../platform/authz.js';

export const dossiersPolicy = definePolicy('dossiers', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  receive: ['province_officer', 'district_officer', 'commune_officer'],
  catalogue: ['province_officer'],
});
