import { definePolicy } from '../../platform/authz.js';

/**
 * Who may do what with petitions (docs/modules/petitions.md, "Roles"):
 * - receive (reception book, hotline, letter intake): officers of the commune, district and
 *   department, and the inspector (Thanh tra Sở), each in their area;
 * - classify letters and settle cases: the inspector and the department's leaders;
 * - identity: the denouncer's identity is read only by the inspector and the leaders (Luật Tố cáo
 *   2018 Art. 47 keeps it secret), each read audited;
 * - supervisors (Mặt trận, Ban TTND) and the administrator see counts (stats), never contents.
 * Records are `{ areaPath }`: the commune's path, or the province's for the department.
 */
export const petitionsPolicy = definePolicy('petitions', {
  read: ['province_leader', 'province_officer', 'district_officer', 'commune_officer', 'inspector'],
  receive: ['province_officer', 'district_officer', 'commune_officer', 'inspector'],
  classify: ['inspector', 'province_leader'],
  settle: ['inspector', 'province_leader'],
  identity: ['inspector', 'province_leader'],
  stats: [
    'admin',
    'province_leader',
    'province_officer',
    'district_officer',
    'commune_officer',
    'inspector',
    'supervisor',
  ],
});
export type PetitionsAction = keyof typeof petitionsPolicy.table;
