import { definePolicy } from '../../platform/authz.js';

export const reportsPolicy = definePolicy('reports', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'inspector'],
  manage: ['province_officer', 'district_officer'],
});
