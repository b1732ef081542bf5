import { definePolicy } from '../../platform/authz.js';

/**
 * Commune officers prepare lists, district officers appraise, province officers approve, manage
 * programs and pay; leaders and inspectors read everything in their area; supervisors (the
 * Fatherland Front) read only published lists and file remarks, which officers answer.
 */
export const programsPolicy = definePolicy('programs', {
  read: [
    'admin',
    'province_leader',
    'province_officer',
    'district_officer',
    'commune_officer',
    'inspector',
    'supervisor',
  ],
  manage: ['province_officer'],
  prepare: ['commune_officer', 'province_officer'],
  appraise: ['district_officer'],
  approve: ['province_officer'],
  return: ['district_officer', 'province_officer'],
  publish: ['province_officer', 'district_officer', 'commune_officer'],
  pay: ['province_officer'],
  remark: ['supervisor'],
  answer: ['province_officer', 'district_officer', 'commune_officer'],
});
