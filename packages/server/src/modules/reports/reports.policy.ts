import { definePolicy } from '../../platform/authz.js';

/**
 * Plans, figures and reports are read by the Department, district divisions and inspectors;
 * officers of the Department and districts enter figures, plans and draft reports, and the
 * Department's leaders, who sign reports, may also draft and issue them. Supervisors and commune
 * officers do not read reports. The area scope limits each to their area.
 */
export const reportsPolicy = definePolicy('reports', {
  read: ['admin', 'province_leader', 'province_officer', 'district_officer', 'inspector'],
  manage: ['province_leader', 'province_officer', 'district_officer'],
});
