import { definePolicy } from '../../platform/authz.js';

export const programsPolicy = definePolicy('programs', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
});
