import { definePolicy } from '../../platform/authz.js';

/**
 * Who may do what in the activities register (docs/modules/activities.md, "Roles"): officers of
 * the commune, district and department record the trainings, campaigns, conferences and
 * inspections held in their area, and correct or remove them; leaders, inspectors, supervisors
 * (the Fatherland Front follows mass-mobilisation work) and the administrator read them. Records
 * are `{ areaPath }`: the commune's, the district's or the province's path.
 */
export const activitiesPolicy = definePolicy('activities', {
  read: [
    'admin',
    'province_leader',
    'province_officer',
    'district_officer',
    'commune_officer',
    'inspector',
    'supervisor',
  ],
  record: ['province_officer', 'district_officer', 'commune_officer'],
});
export type ActivitiesAction = keyof typeof activitiesPolicy.table;
