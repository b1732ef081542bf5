import { definePolicy } from '../../platform/authz.js';

/**
 * Who may do what in the organisation register (docs/modules/organisation.md, "Roles"): the
 * department's leaders and officers keep the units and the yearly staffing figures of their
 * province; the administrator and the inspector read them. District and commune officers have no
 * business here (the register is the agency's own). Records are `{ provinceCode }`.
 */
export const organisationPolicy = definePolicy('organisation', {
  read: ['admin', 'province_leader', 'province_officer', 'inspector'],
  manage: ['province_leader', 'province_officer'],
});
export type OrganisationAction = keyof typeof organisationPolicy.table;
