import { definePolicy } from '../../platform/authz.js';

const OFFICERS = ['province_officer', 'district_officer', 'commune_officer'] as const;

/**
 * Who may do what in the interop module. Partners (other systems) are not users: their access is
 * decided by their registration (area, fields, purposes), see `use-cases/partner-auth.ts`. Users:
 * the administrator registers partners (province-wide, `{ provinceCode }`); leaders and inspectors
 * read the disclosure log; officers review civil-registration notifications of their area and
 * confirm or reject the proposals (records `{ province_code, district_code, commune_code }`, or
 * `{ provinceCode }` for an unmatched notification, which only the province reviews).
 */
export const interopPolicy = definePolicy<'partners' | 'disclosures' | 'crvs.read' | 'crvs.decide'>('interop', {
  partners: ['admin'],
  disclosures: ['admin', 'province_leader', 'inspector'],
  'crvs.read': [...OFFICERS, 'province_leader', 'admin'],
  'crvs.decide': OFFICERS,
});
