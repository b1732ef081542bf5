import { definePolicy } from '../../platform/authz.js';

/**
 * Who may do what in employment services (docs/modules/employment.md, "Roles"): commune officers
 * collect the labour supply of their commune (district officers and the centre may too, in their
 * area); the employment service centre (a province-level unit) counsels, places, runs job fairs,
 * courses and work-abroad records; the Department's officers keep employers and register direct
 * contracts; leaders and officers of every level read within their area.
 */
export const employmentPolicy = definePolicy('employment', {
  read: [
    'admin',
    'province_leader',
    'province_officer',
    'district_officer',
    'commune_officer',
    'employment_centre',
    'inspector',
  ],
  collect: ['commune_officer', 'district_officer', 'employment_centre'],
  serve: ['employment_centre'],
  employers: ['employment_centre', 'province_officer'],
  register_abroad: ['province_officer', 'employment_centre'],
  // The periodic reports are the province's (the centre's Mẫu 05, the labour-market Mẫu 04).
  report: ['admin', 'province_leader', 'province_officer', 'employment_centre', 'inspector'],
  // The yearly data transfer to the Ministry's database (TT 01/2022 Art. 16(3)) is sent by the
  // province: personal IDs unmasked, so only those who send it (not inspectors, not communes).
  transfer: ['admin', 'province_leader', 'province_officer', 'employment_centre'],
});
export type EmploymentAction = keyof typeof employmentPolicy.table;
